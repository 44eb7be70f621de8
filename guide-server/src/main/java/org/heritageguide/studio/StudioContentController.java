package org.heritageguide.studio;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.heritageguide.site.BrowserSpeech;
import org.heritageguide.site.ContentEditing;
import org.heritageguide.site.ContentFields;
import org.heritageguide.site.ContentYaml;
import org.heritageguide.site.ContentProblem;
import org.heritageguide.site.Exhibit;
import org.heritageguide.site.ExhibitStatus;
import org.heritageguide.site.Site;
import org.heritageguide.site.SiteDirectory;
import org.heritageguide.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The studio's content API: sites, files (drafts with ETags), revisions, validation, search, new
 * exhibits and FAQs, bulk status changes. Access to {@code {site}} is checked once, by
 * {@link StudioSecurity}; this controller only sees requests that passed.
 */
@RestController
@RequestMapping(path = "/api/v1/studio", produces = MediaType.APPLICATION_JSON_VALUE)
class StudioContentController {

    private static final int HISTORY_LIMIT = 100;
    private static final Pattern REVISION = Pattern.compile("[0-9a-f]{40}");

    private final StudioContent content;
    private final SiteDirectory sites;
    private final Accounts accounts;
    private final Publications publications;
    private final Translations translations;
    private final VisitorInsights insights;

    StudioContentController(StudioContent content, SiteDirectory sites, Accounts accounts, Publications publications,
                            VisitorInsights insights) {
        this.content = content;
        this.insights = insights;
        this.sites = sites;
        this.accounts = accounts;
        this.publications = publications;
        this.translations = new Translations(content);
    }

    record Me(String username, String role, List<String> sites) {
    }

    @GetMapping("/me")
    Me me(Principal principal) {
        Accounts.Account account = account(principal);
        return new Me(account.username(), account.role().name(), visibleSites(account));
    }

    private Accounts.Account account(Principal principal) {
        return accounts.find(principal.getName())
                .orElseThrow(() -> new ApiException(HttpStatus.FORBIDDEN, "forbidden", "This account no longer exists."));
    }

    private List<String> visibleSites(Accounts.Account account) {
        return content.siteIds().stream().filter(account::mayEdit).toList();
    }

    /** How each field of an exhibit is written: the editor shows the fields by this one description. */
    @GetMapping("/content-fields")
    Map<String, List<ContentFields.Field>> contentFields() {
        return Map.of("exhibit", ContentFields.EXHIBIT);
    }

    record SiteCard(String id, Map<String, String> name, List<String> languages, String sourceLanguage,
                    int exhibits, int published, int changedFiles, int problems, int unanswered) {
    }

    @GetMapping("/sites")
    Mono<List<SiteCard>> sites(Principal principal) {
        return blocking(() -> {
            List<SiteCard> cards = new ArrayList<>();
            for (String id : visibleSites(account(principal))) {
                content.draftSite(id).ifPresent(site -> cards.add(new SiteCard(id, site.name().texts(), site.languages(),
                        site.sourceLanguage(), site.exhibits().size(), site.publishedExhibits().size(),
                        (int) content.files(id).stream().filter(StudioContent.FileState::changed).count(),
                        content.draftProblems(id).size(), unansweredLastMonth(id))));
            }
            return cards;
        });
    }

    private int unansweredLastMonth(String site) {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        return insights.unanswered(site, today.minusDays(29), today).stream().mapToInt(VisitorInsights.QuestionGroup::count).sum();
    }

    record ExhibitRow(String id, Map<String, String> title, String area, int order, String status, String liveStatus,
                      boolean changed, boolean isNew, Map<String, String> translations, String updatedBy, Instant updatedAt,
                      String etag) {
    }

    record AreaView(String id, Map<String, String> name) {
    }

    record FileRow(String path, boolean changed, boolean live, boolean deleted) {
    }

    record SiteOverview(String id, Map<String, String> name, List<String> languages, String defaultLanguage,
                        String sourceLanguage, List<AreaView> areas, List<ExhibitRow> exhibits, int faqs,
                        List<FileRow> files, List<ContentProblem> problems, List<ContentProblem> liveProblems,
                        long liveVersion, Instant liveSince, Publications.Job publication) {
    }

    @GetMapping("/sites/{site}")
    Mono<SiteOverview> site(@PathVariable String site) {
        return blocking(() -> {
            Site draft = draftSite(site);
            Site live = sites.site(site).orElse(null);
            Map<String, StudioContent.FileState> files = new LinkedHashMap<>();
            content.files(site).forEach(f -> files.put(f.path(), f));
            List<ExhibitRow> rows = new ArrayList<>();
            Map<String, ContentRepository.Revision> lastChanges = content.lastChanges(site);
            for (Exhibit exhibit : draft.exhibits().values()) {
                String path = StudioContent.exhibitFile(exhibit.id());
                StudioContent.FileState state = files.get(path);
                Exhibit liveExhibit = live == null ? null : live.exhibits().get(exhibit.id());
                Map<String, String> languages = new LinkedHashMap<>();
                languages.put(draft.sourceLanguage(), Translations.OK);
                translations.of(draft, path, state.draftEtag()).forEach((language, s) -> languages.put(language, s.state()));
                ContentRepository.Revision last = lastChanges.get(path);
                rows.add(new ExhibitRow(exhibit.id(), exhibit.title().texts(), exhibit.area(), exhibit.order(),
                        exhibit.status().written(),
                        liveExhibit == null ? null : liveExhibit.status().written(),
                        state.changed(), state.publishedEtag() == null, languages,
                        last == null ? null : last.author(), last == null ? null : last.at(), state.draftEtag()));
            }
            if (live != null) {
                for (Exhibit gone : live.exhibits().values()) {
                    String path = StudioContent.exhibitFile(gone.id());
                    StudioContent.FileState state = files.get(path);
                    if (!draft.exhibits().containsKey(gone.id()) && state != null && state.draftEtag() == null) {
                        rows.add(new ExhibitRow(gone.id(), gone.title().texts(), gone.area(), gone.order(), "deleted",
                                gone.status().written(), true, false, Map.of(), null, null, null));
                    }
                }
            }
            rows.sort(java.util.Comparator.comparingInt(ExhibitRow::order).thenComparing(ExhibitRow::id));
            String prefix = "sites/" + site + "/";
            List<ContentProblem> liveProblems = sites.catalog().problems().stream()
                    .filter(p -> p.file().startsWith(prefix)).toList();
            return new SiteOverview(site, draft.name().texts(), draft.languages(), draft.defaultLanguage(),
                    draft.sourceLanguage(), draft.areas().stream().map(a -> new AreaView(a.id(), a.name().texts())).toList(),
                    rows, draft.faqs().size(),
                    files.values().stream().map(f -> new FileRow(f.path(), f.changed(), f.publishedEtag() != null,
                            f.draftEtag() == null)).toList(),
                    content.draftProblems(site), liveProblems, sites.catalog().version(), sites.catalog().loadedAt(),
                    publications.latest(site).orElse(null));
        });
    }

    record FileView(String path, String yaml, Object data, String etag, String publishedEtag, boolean changed,
                    String publishedYaml, Object publishedData, Map<String, Translations.LanguageState> translations,
                    List<ContentProblem> problems) {
    }

    @GetMapping("/sites/{site}/files/{*path}")
    Mono<ResponseEntity<FileView>> file(@PathVariable String site, @PathVariable String path) {
        String relative = checkedPath(path);
        return blocking(() -> {
            Site draft = draftSite(site);
            StudioContent.FileVersion version = content.draft(site, relative);
            StudioContent.FileVersion live = content.published(site, relative);
            if (!version.exists() && !live.exists()) {
                throw ApiException.notFound("file-not-found", "The site '" + site + "' has no " + relative + ".");
            }
            String file = "sites/" + site + "/" + relative;
            FileView view = new FileView(relative, version.text(), version.text() == null ? null : ContentYaml.parse(version.text()),
                    version.etag(), live.etag(), !java.util.Objects.equals(version.etag(), live.etag()), live.text(),
                    live.text() == null ? null : ContentYaml.parse(live.text()),
                    translations.of(draft, relative, version.etag()),
                    content.draftProblems(site).stream().filter(p -> p.file().equals(file)).toList());
            return withEtag(ResponseEntity.ok(), version.etag()).body(view);
        });
    }

    /** A new draft of a file: its data (from the form editor) or its YAML text (from the text editor). */
    record FileEdit(Object data, String yaml, String message) {
    }

    record Saved(String path, String etag, String yaml) {
    }

    @PutMapping(path = "/sites/{site}/files/{*path}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Saved>> save(@PathVariable String site, @PathVariable String path, @RequestBody FileEdit edit,
                                     @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     Principal principal) {
        String relative = checkedPath(path);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "if-match-required",
                    "Send the version you edited in an If-Match header (the ETag you got with the file), so that no one's edit is overwritten.");
        }
        String text = textOf(relative, edit);
        return blocking(() -> {
            checkBrowserSpeechUnchangedUnlessAdmin(site, relative, text, principal);
            StudioContent.FileVersion saved = content.save(site, relative, etag(ifMatch), text, principal.getName(),
                    message(edit.message(), "Edit " + relative));
            return withEtag(ResponseEntity.ok(), saved.etag()).body(new Saved(relative, saved.etag(), saved.text()));
        });
    }

    /**
     * Whether visitors' voices may go to their browser's online recognizer is a privacy decision: only an
     * administrator changes a site's {@code browserSpeech}.
     */
    private void checkBrowserSpeechUnchangedUnlessAdmin(String site, String relative, String text, Principal principal) {
        if (!"site.yaml".equals(relative) || accounts.find(principal.getName()).map(Accounts.Account::isAdmin).orElse(false)) {
            return;
        }
        BrowserSpeech before = content.draftSite(site).map(Site::browserSpeech).orElse(BrowserSpeech.ON_DEVICE);
        content.draftSiteWith(site, relative, text).map(Site::browserSpeech).filter(after -> after != before).ifPresent(after -> {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden",
                    "Only an administrator may change browserSpeech (whether visitors' voices may go to their browser's online speech service).");
        });
    }

    /** Deletes a file from the draft (an exhibit: it leaves the visitors' guide when published). */
    @DeleteMapping("/sites/{site}/files/{*path}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String site, @PathVariable String path,
                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      Principal principal) {
        String relative = checkedPath(path);
        if (!relative.startsWith("exhibits/")) {
            throw ApiException.badRequest("not-deletable", "Only an exhibit's file can be deleted; site.yaml and faq.yaml are edited.");
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "if-match-required",
                    "Send the version you are deleting in an If-Match header (the ETag you got with the file).");
        }
        return blocking(() -> {
            content.delete(site, relative, etag(ifMatch), principal.getName(), "Delete " + relative);
            return ResponseEntity.noContent().build();
        });
    }

    @PostMapping(path = "/sites/{site}/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, List<ContentProblem>>> validate(@PathVariable String site, @RequestParam String path,
                                                     @RequestBody FileEdit edit) {
        String relative = checkedPath(path);
        String text = textOf(relative, edit);
        return blocking(() -> Map.of("problems", content.validate(site, relative, text)));
    }

    record NewExhibit(String id, String area, Map<String, String> title, Map<String, String> summary, String message) {
    }

    @PostMapping(path = "/sites/{site}/exhibits", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Saved>> createExhibit(@PathVariable String site, @RequestBody NewExhibit request, Principal principal) {
        if (request.id() == null || !request.id().matches("[a-z0-9]+(-[a-z0-9]+)*") || request.id().length() > 64) {
            throw ApiException.badRequest("invalid-id", "An exhibit id is lower-case letters and digits joined by '-', such as 'bronze-drum'.");
        }
        String relative = StudioContent.exhibitFile(request.id());
        return blocking(() -> {
            if (content.draft(site, relative).exists()) {
                throw ApiException.conflict("exhibit-exists", "The site already has an exhibit '" + request.id() + "'.");
            }
            String text = ContentEditing.exhibitText(new ContentEditing.NewExhibit(request.area(),
                    draftSite(site).exhibits().size() + 1, request.title(), request.summary()));
            StudioContent.FileVersion saved = content.save(site, relative, null, text,
                    principal.getName(), message(request.message(), "New exhibit " + request.id()));
            return withEtag(ResponseEntity.status(HttpStatus.CREATED), saved.etag()).body(new Saved(relative, saved.etag(), saved.text()));
        });
    }

    record HistoryView(String path, List<StudioContent.HistoryEntry> revisions) {
    }

    @GetMapping("/sites/{site}/history")
    Mono<HistoryView> history(@PathVariable String site, @RequestParam String path) {
        String relative = checkedPath(path);
        return blocking(() -> new HistoryView(relative, content.history(site, relative, HISTORY_LIMIT)));
    }

    @GetMapping("/sites/{site}/revisions/{revision}")
    Mono<Map<String, Object>> revision(@PathVariable String site, @PathVariable String revision, @RequestParam String path) {
        String relative = checkedPath(path);
        String id = checkedRevision(revision);
        return blocking(() -> {
            String text = content.textAt(site, relative, id).orElseThrow(() -> ApiException.notFound("revision-not-found",
                    "Revision " + id + " has no " + relative + "."));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("path", relative);
            view.put("revision", id);
            view.put("yaml", text);
            view.put("data", ContentYaml.parse(text));
            return view;
        });
    }

    record Restore(String path, String revision) {
    }

    @PostMapping(path = "/sites/{site}/restore", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Saved>> restore(@PathVariable String site, @RequestBody Restore request,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        Principal principal) {
        String relative = checkedPath(request.path());
        String id = checkedRevision(request.revision());
        return blocking(() -> {
            String expected = ifMatch == null ? content.draft(site, relative).etag() : etag(ifMatch);
            if (content.textAt(site, relative, id).isEmpty()) {
                throw ApiException.notFound("revision-not-found", "Revision " + id + " has no " + relative + ".");
            }
            StudioContent.FileVersion saved = content.restore(site, relative, id, expected, principal.getName());
            return withEtag(ResponseEntity.ok(), saved.etag()).body(new Saved(relative, saved.etag(), saved.text()));
        });
    }

    record StatusChange(List<String> exhibits, String status, Boolean publish, String message) {
    }

    record StatusChanged(List<String> changed, Publications.Job publication) {
    }

    /** Sets several exhibits to published or draft (hidden from visitors), and publishes them if asked. */
    @PostMapping(path = "/sites/{site}/exhibits/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<StatusChanged> setStatus(@PathVariable String site, @RequestBody StatusChange request, Principal principal) {
        ExhibitStatus status = ExhibitStatus.fromWritten(request.status()).orElseThrow(() -> ApiException.badRequest(
                "invalid-status", "The status is 'published' (shown to visitors) or 'draft' (hidden)."));
        if (request.exhibits() == null || request.exhibits().isEmpty()) {
            throw ApiException.badRequest("no-exhibits", "Choose at least one exhibit.");
        }
        return blocking(() -> {
            List<String> paths = new ArrayList<>();
            for (String exhibit : request.exhibits()) {
                String relative = StudioContent.exhibitFile(exhibit);
                StudioContent.FileVersion current = content.draft(site, relative);
                if (!current.exists()) {
                    throw ApiException.notFound("exhibit-not-found", "The site '" + site + "' has no exhibit '" + exhibit + "'.");
                }
                String text = ContentEditing.withStatus(current.text(), status);
                if (!text.equals(current.text())) {
                    content.save(site, relative, current.etag(), text, principal.getName(),
                            message(request.message(), "Set " + exhibit + " to " + status.written()));
                }
                paths.add(relative);
            }
            Publications.Job job = Boolean.TRUE.equals(request.publish())
                    ? publications.runNow(site, paths, principal.getName(), message(request.message(),
                            (status == ExhibitStatus.PUBLISHED ? "Publish " : "Unpublish ") + String.join(", ", request.exhibits())))
                    : null;
            return new StatusChanged(paths, job);
        });
    }

    record NewFaq(String id, String exhibit, Map<String, List<String>> questions, Map<String, String> answer,
                  String inboxKey, String message) {
    }

    /** Adds a FAQ to the draft of faq.yaml, after the others (the rest of the file keeps its text). */
    @PostMapping(path = "/sites/{site}/faqs", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Saved>> addFaq(@PathVariable String site, @RequestBody NewFaq request, Principal principal) {
        if (request.questions() == null || request.questions().values().stream().allMatch(q -> q == null || q.isEmpty())) {
            throw ApiException.badRequest("no-question", "A FAQ needs at least one question.");
        }
        return blocking(() -> {
            draftSite(site); // an unknown site is not found, not given a faq.yaml
            StudioContent.FileVersion current = content.draft(site, "faq.yaml");
            ContentEditing.FaqAdded added = ContentEditing.withFaq(current.exists() ? current.text() : "",
                    new ContentEditing.NewFaq(request.id(), request.exhibit(), request.questions(), request.answer()));
            StudioContent.FileVersion saved = content.save(site, "faq.yaml", current.etag(), added.yaml(), principal.getName(),
                    message(request.message(), "New FAQ " + added.id()));
            if (request.inboxKey() != null && !request.inboxKey().isBlank()) {
                insights.markHandled(site, request.inboxKey());
            }
            return withEtag(ResponseEntity.status(HttpStatus.CREATED), saved.etag()).body(new Saved("faq.yaml", saved.etag(), saved.text()));
        });
    }

    record Wording(String language, String question, String inboxKey, String message) {
    }

    /**
     * Adds a visitor's way of asking to a FAQ of the draft (in that language), so that the guide answers it
     * once published: what the inbox offers when the guide had the answer but not the visitor's words.
     */
    @PostMapping(path = "/sites/{site}/faqs/{faq}/questions", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Saved>> addWording(@PathVariable String site, @PathVariable String faq, @RequestBody Wording request,
                                           Principal principal) {
        if (request.question() == null || request.question().isBlank() || request.language() == null) {
            throw ApiException.badRequest("invalid", "Say the question and the language it is asked in.");
        }
        return blocking(() -> {
            Site draft = draftSite(site);
            if (!draft.languages().contains(request.language())) {
                throw ApiException.badRequest("unsupported-language", "The site '" + site + "' is not written in '"
                        + request.language() + "'; its languages are " + draft.languages() + ".");
            }
            StudioContent.FileVersion current = content.draft(site, "faq.yaml");
            String text = ContentEditing.withWording(current.exists() ? current.text() : "", faq, request.language(),
                    request.question()).orElseThrow(() -> ApiException.notFound("faq-not-found",
                    "The site '" + site + "' has no FAQ '" + faq + "'."));
            StudioContent.FileVersion saved = text.equals(current.text()) ? current
                    : content.save(site, "faq.yaml", current.etag(), text, principal.getName(),
                    message(request.message(), "A visitor's wording for FAQ " + faq));
            if (request.inboxKey() != null && !request.inboxKey().isBlank()) {
                insights.markHandled(site, request.inboxKey());
            }
            return withEtag(ResponseEntity.ok(), saved.etag()).body(new Saved("faq.yaml", saved.etag(), saved.text()));
        });
    }

    /** Finds a text in every language of the site's draft: exhibits (every field) and FAQs. */
    @GetMapping("/sites/{site}/search")
    Mono<List<DraftSearch.Hit>> search(@PathVariable String site, @RequestParam String q) {
        if (!DraftSearch.isSearchable(q)) {
            return Mono.just(List.of());
        }
        return blocking(() -> DraftSearch.find(draftSite(site),
                exhibit -> content.draft(site, StudioContent.exhibitFile(exhibit)).text(), q));
    }

    private Site draftSite(String site) {
        return content.draftSite(site).orElseThrow(() -> ApiException.notFound("site-not-found",
                "There is no site '" + site + "' (or its site.yaml is not valid)."));
    }

    private static String textOf(String relative, FileEdit edit) {
        if (edit.yaml() != null) {
            return edit.yaml().endsWith("\n") ? edit.yaml() : edit.yaml() + "\n";
        }
        if (edit.data() == null) {
            throw ApiException.badRequest("no-content", "Send the file as 'data' (fields) or 'yaml' (text).");
        }
        return ContentYaml.render(relative, edit.data());
    }

    static String checkedPath(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (!StudioContent.isFile(relative)) {
            throw ApiException.badRequest("invalid-path",
                    "A content file is site.yaml, faq.yaml or exhibits/<exhibit-id>.yaml; '" + relative + "' is none of them.");
        }
        return relative;
    }

    private static String checkedRevision(String revision) {
        if (revision == null || !REVISION.matcher(revision).matches()) {
            throw ApiException.badRequest("invalid-revision", "A revision is the 40-character id listed in the history.");
        }
        return revision;
    }

    /** The version tag from an If-Match header: {@code "abc"}, {@code W/"abc"} or a bare tag. */
    static String etag(String header) {
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        return tag.replace("\"", "");
    }

    private static ResponseEntity.BodyBuilder withEtag(ResponseEntity.BodyBuilder builder, String etag) {
        return etag == null ? builder : builder.header(HttpHeaders.ETAG, "\"" + etag + "\"");
    }

    private static String message(String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given.strip();
    }

    static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}

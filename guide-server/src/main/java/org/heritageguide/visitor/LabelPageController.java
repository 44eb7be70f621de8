package org.heritageguide.visitor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heritageguide.dialogue.GuidePhrases;
import org.heritageguide.i18n.Languages;
import org.heritageguide.qr.LabelSigner;
import org.heritageguide.session.Sessions;
import org.heritageguide.site.Exhibit;
import org.heritageguide.site.Site;
import org.heritageguide.site.SiteDirectory;
import org.heritageguide.web.ApiException;
import org.heritageguide.web.PageTemplate;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import reactor.core.publisher.Mono;

/**
 * The pages of the visitor web app: the page a QR label opens, the page a kiosk hands a conversation
 * over to ({@code /c/{session}}), the bare app shell the service worker keeps, and the service worker
 * itself. A label whose signature does not match (or a site or exhibit that does not exist) gets a short
 * page saying so in the visitor's language, never an error trace.
 */
@Controller
class LabelPageController {

    /** Set by the web app when the visitor picks a language, so the next page opens in it. */
    static final String LANGUAGE_COOKIE = "hg-lang";

    private final SiteDirectory sites;
    private final LabelSigner signer;
    private final GuidePhrases phrases;
    private final Sessions sessions;
    private final VisitorStrings strings;
    private final VisitorAssets assets;
    private final PageTemplate appPage = PageTemplate.of("visitor/app.html");
    private final PageTemplate messagePage = PageTemplate.of("visitor/label-not-recognised.html");
    private final PageTemplate serviceWorker = PageTemplate.of("visitor/sw.js");

    LabelPageController(SiteDirectory sites, LabelSigner signer, GuidePhrases phrases, Sessions sessions,
                        VisitorStrings strings, VisitorAssets assets) {
        this.sites = sites;
        this.signer = signer;
        this.phrases = phrases;
        this.sessions = sessions;
        this.strings = strings;
        this.assets = assets;
    }

    @GetMapping(path = "/v/{siteId}/{exhibitId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> label(@PathVariable String siteId, @PathVariable String exhibitId,
                                 @RequestParam(name = "s", required = false) String signature,
                                 @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                                 @CookieValue(name = LANGUAGE_COOKIE, required = false) String chosenLanguage) {
        List<String> preferred = preferred(chosenLanguage, acceptLanguage);
        Optional<Site> site = sites.site(siteId);
        Optional<Exhibit> exhibit = site.flatMap(s -> s.publishedExhibit(exhibitId));
        if (exhibit.isEmpty() || !signer.verify(siteId, exhibitId, signature)) {
            String language = site.map(s -> s.negotiateLanguage(preferred)).orElseGet(() -> Languages.firstSupported(preferred));
            return html(HttpStatus.NOT_FOUND, message(language, phrases.say(language, "label.not-recognised.title"),
                    phrases.say(language, "label.not-recognised.body"), site.orElse(null)));
        }
        String language = site.get().negotiateLanguage(preferred);
        return html(HttpStatus.OK, app(site.get(), exhibit.get(), language, signature, ""));
    }

    /** The app at a site with no exhibit in focus: where a wrong label's page leads ({@code #exhibits} opens their list). */
    @GetMapping(path = "/v/{siteId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> site(@PathVariable String siteId,
                                @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                                @CookieValue(name = LANGUAGE_COOKIE, required = false) String chosenLanguage) {
        List<String> preferred = preferred(chosenLanguage, acceptLanguage);
        return sites.site(siteId)
                .map(site -> html(HttpStatus.OK, app(site, null, site.negotiateLanguage(preferred), "", "")))
                .orElseGet(() -> {
                    String language = Languages.firstSupported(preferred);
                    return html(HttpStatus.NOT_FOUND, message(language, phrases.say(language, "label.not-recognised.title"),
                            phrases.say(language, "label.not-recognised.body"), null));
                });
    }

    /** The app with no site yet: what the installed app opens, and what the service worker keeps as its shell. */
    @GetMapping(path = {"/v", "/v/"}, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> shell(@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                                 @CookieValue(name = LANGUAGE_COOKIE, required = false) String chosenLanguage) {
        String language = Languages.firstSupported(preferred(chosenLanguage, acceptLanguage));
        return html(HttpStatus.OK, fill(appPage, page(language, strings.text(language, "app.name"), "", "", "", "", "")));
    }

    /** A conversation handed over from a kiosk: the app, on that session, in its language and at its exhibit. */
    @GetMapping(path = "/c/{sessionId}", produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> handoff(@PathVariable String sessionId,
                                         @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return sessions.get(sessionId)
                .flatMap(session -> Mono.justOrEmpty(sites.site(session.site()).map(site -> html(HttpStatus.OK,
                        app(site, session.exhibit() == null ? null : site.publishedExhibit(session.exhibit()).orElse(null),
                                session.language(), "", session.id())))))
                .onErrorResume(ApiException.class, e -> Mono.empty())
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    String language = Languages.firstSupported(SessionsController.preferredLanguages(acceptLanguage));
                    return html(HttpStatus.NOT_FOUND, message(language, strings.text(language, "handoff.expired.title"),
                            strings.text(language, "handoff.expired.body"), null));
                }));
    }

    /** Served from the root so that it may control the label pages ({@code /v/...}) and hand-offs ({@code /c/...}). */
    @GetMapping(path = "/visitor-sw.js", produces = "text/javascript")
    ResponseEntity<String> serviceWorker() {
        String assetList = assets.urls().stream().map(url -> "'" + url + "'").reduce((a, b) -> a + ",\n  " + b).orElse("");
        String body = serviceWorker.render(Map.of("version", assets.version(), "assets", assetList));
        return ResponseEntity.ok().contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(body);
    }

    /** The web app's strings in a supported language, for this version of the app only (kept as long as it). */
    @GetMapping(path = "/visitor/{version}/i18n/{language}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> strings(@PathVariable String version, @PathVariable String language) {
        if (!version.equals(assets.version()) || !Languages.supported().contains(language)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .body(strings.json(language));
    }

    /** A page that only says something; when the site is known, with a way on to its exhibits. */
    private String message(String language, String heading, String body, Site site) {
        Map<String, Object> values = new HashMap<>(Map.of("lang", language, "heading", heading, "body", body,
                "version", assets.version(), "moreHidden", true, "moreHref", "", "moreText", ""));
        if (site != null) {
            String siteName = site.name().firstOf(site.fallbackChain(language)).orElseThrow().text();
            values.putAll(Map.of("moreHidden", false, "moreHref", "/v/" + site.id() + "#exhibits",
                    "moreText", strings.text(language, "exhibits.see-all", siteName)));
        }
        return fill(messagePage, values);
    }

    private String app(Site site, Exhibit exhibit, String language, String signature, String sessionId) {
        List<String> chain = site.fallbackChain(language);
        String siteName = site.name().firstOf(chain).orElseThrow().text();
        String title = exhibit == null ? siteName : exhibit.title().firstOf(chain).orElseThrow().text();
        return fill(appPage, page(language, title, siteName, site.id(), exhibit == null ? "" : exhibit.id(),
                signature, sessionId));
    }

    private Map<String, Object> page(String language, String title, String siteName, String site, String exhibit,
                                     String signature, String sessionId) {
        Map<String, Object> values = new HashMap<>();
        values.put("lang", language);
        values.put("title", title);
        values.put("siteName", siteName);
        values.put("site", site);
        values.put("exhibit", exhibit);
        values.put("sig", signature == null ? "" : signature);
        values.put("session", sessionId);
        values.put("version", assets.version());
        values.put("uiLang", Languages.supportedOrFallback(language));
        values.put("uiLanguages", String.join(" ", Languages.supported()));
        return values;
    }

    private static List<String> preferred(String chosenLanguage, String acceptLanguage) {
        List<String> preferred = new ArrayList<>();
        if (chosenLanguage != null && chosenLanguage.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*")) {
            preferred.add(chosenLanguage);
        }
        preferred.addAll(SessionsController.preferredLanguages(acceptLanguage));
        return preferred;
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(body);
    }

    /** The page with its values and, as {@code {{t:key}}}, the web app's own words in the page's language. */
    private String fill(PageTemplate template, Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        String language = (String) values.getOrDefault("lang", Languages.FALLBACK);
        strings.texts(language).forEach((key, text) -> all.put("t:" + key, text));
        return template.render(all);
    }
}

package org.heritageguide.visitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.heritageguide.dialogue.GuidePhrases;
import org.heritageguide.qr.LabelSigner;
import org.heritageguide.session.Sessions;
import org.heritageguide.site.Exhibit;
import org.heritageguide.site.Site;
import org.heritageguide.site.SiteDirectory;
import org.heritageguide.web.ApiException;
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
import org.springframework.web.util.HtmlUtils;

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
    private static final List<String> GENERIC_LANGUAGES = List.of("en", "vi", "fr", "zh", "ko");
    private static final Pattern STRING = Pattern.compile("\\{\\{t:([A-Za-z0-9.\\-]+)}}");

    private final SiteDirectory sites;
    private final LabelSigner signer;
    private final GuidePhrases phrases;
    private final Sessions sessions;
    private final VisitorStrings strings;
    private final VisitorAssets assets;
    private final String appPage = template("visitor/app.html");
    private final String messagePage = template("visitor/label-not-recognised.html");
    private final String serviceWorker = template("visitor/sw.js");

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
            String language = site.map(s -> s.negotiateLanguage(preferred)).orElseGet(() -> generic(preferred));
            return html(HttpStatus.NOT_FOUND, fill(messagePage, Map.of(
                    "lang", language,
                    "version", assets.version(),
                    "heading", phrases.say(language, "label.not-recognised.title"),
                    "body", phrases.say(language, "label.not-recognised.body"))));
        }
        String language = site.get().negotiateLanguage(preferred);
        return html(HttpStatus.OK, app(site.get(), exhibit.get(), language, signature, ""));
    }

    /** The app with no site yet: what the installed app opens, and what the service worker keeps as its shell. */
    @GetMapping(path = {"/v", "/v/"}, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> shell(@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                                 @CookieValue(name = LANGUAGE_COOKIE, required = false) String chosenLanguage) {
        String language = generic(preferred(chosenLanguage, acceptLanguage));
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
                    String language = generic(SessionsController.preferredLanguages(acceptLanguage));
                    return html(HttpStatus.NOT_FOUND, fill(messagePage, Map.of(
                            "lang", language,
                            "version", assets.version(),
                            "heading", strings.text(language, "handoff.expired.title"),
                            "body", strings.text(language, "handoff.expired.body"))));
                }));
    }

    /** Served from the root so that it may control the label pages ({@code /v/...}) and hand-offs ({@code /c/...}). */
    @GetMapping(path = "/visitor-sw.js", produces = "text/javascript")
    ResponseEntity<String> serviceWorker() {
        String assetList = assets.urls().stream().map(url -> "'" + url + "'").reduce((a, b) -> a + ",\n  " + b).orElse("");
        String body = serviceWorker.replace("{{version}}", assets.version()).replace("{{assets}}", assetList);
        return ResponseEntity.ok().contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(body);
    }

    private String app(Site site, Exhibit exhibit, String language, String signature, String sessionId) {
        List<String> chain = site.fallbackChain(language);
        String siteName = site.name().firstOf(chain).orElseThrow().text();
        String title = exhibit == null ? siteName : exhibit.title().firstOf(chain).orElseThrow().text();
        return fill(appPage, page(language, title, siteName, site.id(), exhibit == null ? "" : exhibit.id(),
                signature, sessionId));
    }

    private Map<String, String> page(String language, String title, String siteName, String site, String exhibit,
                                     String signature, String sessionId) {
        Map<String, String> values = new HashMap<>();
        values.put("lang", language);
        values.put("title", title);
        values.put("siteName", siteName);
        values.put("site", site);
        values.put("exhibit", exhibit);
        values.put("sig", signature == null ? "" : signature);
        values.put("session", sessionId);
        values.put("version", assets.version());
        values.put("uiLang", VisitorStrings.uiLanguage(language));
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

    private static String generic(List<String> preferred) {
        for (String tag : preferred) {
            String primary = tag.split("[-_]")[0].toLowerCase(Locale.ROOT);
            if (GENERIC_LANGUAGES.contains(primary)) {
                return primary;
            }
        }
        return "en";
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(body);
    }

    private String fill(String template, Map<String, String> values) {
        String page = template;
        String language = values.getOrDefault("lang", VisitorStrings.FALLBACK);
        Matcher strings = STRING.matcher(page);
        page = strings.replaceAll(match -> Matcher.quoteReplacement(
                HtmlUtils.htmlEscape(this.strings.text(language, match.group(1)), "UTF-8")));
        for (Map.Entry<String, String> value : values.entrySet()) {
            page = page.replace("{{" + value.getKey() + "}}", HtmlUtils.htmlEscape(value.getValue(), "UTF-8"));
        }
        return page;
    }

    private static String template(String resource) {
        try (InputStream in = LabelPageController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing page template " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

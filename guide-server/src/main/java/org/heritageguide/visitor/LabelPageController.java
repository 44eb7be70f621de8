package org.heritageguide.visitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heritageguide.dialogue.GuidePhrases;
import org.heritageguide.qr.LabelSigner;
import org.heritageguide.site.Exhibit;
import org.heritageguide.site.Site;
import org.heritageguide.site.SiteDirectory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a QR label opens. A label whose signature does not match (or a site or exhibit that does
 * not exist) gets a short page saying so in the visitor's language, never an error trace.
 */
@Controller
class LabelPageController {

    private static final List<String> GENERIC_LANGUAGES = List.of("en", "vi", "fr", "zh", "ko");

    private final SiteDirectory sites;
    private final LabelSigner signer;
    private final GuidePhrases phrases;
    private final String appPage = template("visitor/app.html");
    private final String notRecognisedPage = template("visitor/label-not-recognised.html");

    LabelPageController(SiteDirectory sites, LabelSigner signer, GuidePhrases phrases) {
        this.sites = sites;
        this.signer = signer;
        this.phrases = phrases;
    }

    @GetMapping(path = "/v/{siteId}/{exhibitId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> label(@PathVariable String siteId, @PathVariable String exhibitId,
                                 @RequestParam(name = "s", required = false) String signature,
                                 @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        List<String> preferred = SessionsController.preferredLanguages(acceptLanguage);
        Optional<Site> site = sites.site(siteId);
        Optional<Exhibit> exhibit = site.flatMap(s -> s.publishedExhibit(exhibitId));
        if (exhibit.isEmpty() || !signer.verify(siteId, exhibitId, signature)) {
            String language = site.map(s -> s.negotiateLanguage(preferred)).orElseGet(() -> generic(preferred));
            return html(HttpStatus.NOT_FOUND, fill(notRecognisedPage, Map.of(
                    "lang", language,
                    "heading", phrases.say(language, "label.not-recognised.title"),
                    "body", phrases.say(language, "label.not-recognised.body"))));
        }
        String language = site.get().negotiateLanguage(preferred);
        String title = exhibit.get().title().firstOf(site.get().fallbackChain(language)).orElseThrow().text();
        return html(HttpStatus.OK, fill(appPage, Map.of(
                "lang", language, "site", siteId, "exhibit", exhibitId, "sig", signature, "title", title)));
    }

    private static String generic(List<String> preferred) {
        for (String tag : preferred) {
            String primary = tag.split("[-_]")[0].toLowerCase(java.util.Locale.ROOT);
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

    private static String fill(String template, Map<String, String> values) {
        String page = template;
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

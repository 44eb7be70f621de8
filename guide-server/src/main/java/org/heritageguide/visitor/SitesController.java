package org.heritageguide.visitor;

import java.util.List;
import java.util.Map;

import org.heritageguide.picture.Pictures;
import org.heritageguide.site.Exhibit;
import org.heritageguide.site.Site;
import org.heritageguide.site.SiteDirectory;
import org.heritageguide.speech.asr.SpeechRecognizer;
import org.heritageguide.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public list of sites and of each site's published exhibits. */
@RestController
@RequestMapping("/api/v1/sites")
class SitesController {

    /** How many questions an exhibit suggests to a visitor. */
    private static final int SUGGESTIONS = 3;

    private final SiteDirectory sites;
    private final SpeechRecognizer recognizer;
    private final Pictures pictures;

    SitesController(SiteDirectory sites, SpeechRecognizer recognizer, Pictures pictures) {
        this.sites = sites;
        this.recognizer = recognizer;
        this.pictures = pictures;
    }

    record SiteSummary(String id, Map<String, String> name, List<String> languages, String defaultLanguage) {
    }

    record ExhibitSummary(String id, Map<String, String> title, String area, int order) {
    }

    record AreaView(String id, Map<String, String> name) {
    }

    /**
     * @param width  the original's width in pixels (with {@code height}, the picture's shape)
     * @param sizes  the widths it is served at, narrowest first, each with its URL (for {@code srcset})
     */
    record PictureView(int width, int height, List<Pictures.Size> sizes, Map<String, String> alt,
                       Map<String, String> caption, String credit) {
    }

    /**
     * @param heardLanguages the site's languages the guide itself recognises speech in (has a speech model for:
     *                       its voice socket)
     * @param browserSpeech  whether the visitor app may use the browser's recognizer for the others
     * @param suggestions    questions about the site as a whole, per language (see {@link #suggestions})
     */
    record SiteView(String id, Map<String, String> name, Map<String, String> city, List<String> languages,
                    List<String> partialLanguages, List<String> fallbackLanguages, String defaultLanguage,
                    List<String> heardLanguages, String browserSpeech, Map<String, String> intro,
                    Map<String, Map<String, String>> visitorInfo, List<AreaView> areas, List<ExhibitSummary> exhibits,
                    Map<String, List<String>> suggestions) {
    }

    @GetMapping
    List<SiteSummary> list() {
        return sites.catalog().all().stream()
                .map(s -> new SiteSummary(s.id(), s.name().texts(), s.languages(), s.defaultLanguage()))
                .toList();
    }

    @GetMapping("/{siteId}")
    SiteView site(@PathVariable String siteId) {
        Site site = find(sites, siteId);
        Map<String, Map<String, String>> info = new java.util.LinkedHashMap<>();
        site.visitorInfo().forEach((topic, text) -> info.put(topic.key(), text.texts()));
        return new SiteView(site.id(), site.name().texts(), site.city().texts(), site.languages(),
                site.partialLanguages(), site.fallbackLanguages(), site.defaultLanguage(),
                site.languages().stream().filter(recognizer::recognizes).toList(), site.browserSpeech().key(),
                site.intro().texts(), info,
                site.areas().stream().map(a -> new AreaView(a.id(), a.name().texts())).toList(),
                site.publishedExhibits().stream().map(SitesController::summary).toList(), suggestions(site, null));
    }

    @GetMapping("/{siteId}/exhibits/{exhibitId}")
    Map<String, Object> exhibit(@PathVariable String siteId, @PathVariable String exhibitId) {
        Site site = find(sites, siteId);
        Exhibit exhibit = findExhibit(site, exhibitId);
        return Map.of("id", exhibit.id(), "title", exhibit.title().texts(), "summary", exhibit.summary().texts(),
                "location", exhibit.location().texts(), "area", exhibit.area() == null ? "" : exhibit.area(),
                "related", exhibit.related(), "suggestions", suggestions(site, exhibit), "pictures", pictures(site, exhibit));
    }

    /** The exhibit's pictures that can be served (a file missing on disk is left out rather than shown broken). */
    private List<PictureView> pictures(Site site, Exhibit exhibit) {
        return exhibit.pictures().stream()
                .flatMap(picture -> pictures.original(site.id(), picture.file()).stream()
                        .map(original -> new PictureView(original.width(), original.height(),
                                pictures.sizes(site.id(), picture.file(), original), picture.alt().texts(),
                                picture.caption().texts(), picture.credit())))
                .toList();
    }

    /**
     * Questions a visitor may ask about this exhibit (null: about the site as a whole), per language: the
     * first wording of each of the curators' FAQs about it (at most {@value #SUGGESTIONS}), so that every
     * suggestion has an answer.
     */
    private static Map<String, List<String>> suggestions(Site site, Exhibit exhibit) {
        String about = exhibit == null ? null : exhibit.id();
        Map<String, List<String>> suggestions = new java.util.LinkedHashMap<>();
        for (String language : site.languages()) {
            List<String> questions = site.faqs().stream()
                    .filter(faq -> java.util.Objects.equals(about, faq.exhibit()))
                    .map(faq -> faq.questionsIn(language))
                    .filter(wordings -> !wordings.isEmpty())
                    .map(wordings -> wordings.get(0))
                    .limit(SUGGESTIONS)
                    .toList();
            if (!questions.isEmpty()) {
                suggestions.put(language, questions);
            }
        }
        return suggestions;
    }

    private static ExhibitSummary summary(Exhibit exhibit) {
        return new ExhibitSummary(exhibit.id(), exhibit.title().texts(), exhibit.area(), exhibit.order());
    }

    static Site find(SiteDirectory sites, String siteId) {
        return sites.site(siteId).orElseThrow(() -> ApiException.notFound("site-not-found",
                "There is no site '" + siteId + "'."));
    }

    static Exhibit findExhibit(Site site, String exhibitId) {
        return site.publishedExhibit(exhibitId).orElseThrow(() -> ApiException.notFound("exhibit-not-found",
                "The site '" + site.id() + "' has no exhibit '" + exhibitId + "'."));
    }
}

package org.heritageguide.kiosk.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code GET /api/v1/sites/{site}} says about the site the kiosk stands at.
 *
 * @param heardLanguages the languages the guide can hear (recognise speech in)
 * @param suggestions questions about the site as a whole that the guide can answer, per language
 */
public record SiteInfo(String id, Map<String, String> name, Map<String, String> city, List<String> languages,
                       List<String> partialLanguages, List<String> fallbackLanguages, String defaultLanguage,
                       List<String> heardLanguages, Map<String, String> intro,
                       Map<String, Map<String, String>> visitorInfo, List<Area> areas, List<ExhibitSummary> exhibits,
                       Map<String, List<String>> suggestions) {

    public SiteInfo {
        name = name == null ? Map.of() : name;
        city = city == null ? Map.of() : city;
        languages = languages == null ? List.of() : languages;
        partialLanguages = partialLanguages == null ? List.of() : partialLanguages;
        fallbackLanguages = fallbackLanguages == null ? List.of() : fallbackLanguages;
        heardLanguages = heardLanguages == null ? List.of() : heardLanguages;
        suggestions = suggestions == null ? Map.of() : suggestions;
        intro = intro == null ? Map.of() : intro;
        visitorInfo = visitorInfo == null ? Map.of() : visitorInfo;
        areas = areas == null ? List.of() : areas;
        exhibits = exhibits == null ? List.of() : exhibits;
    }

    public record Area(String id, Map<String, String> name) {
    }

    public record ExhibitSummary(String id, Map<String, String> title, String area, int order) {
    }

    /**
     * The text in {@code language}, else in the site's fallback languages, its default language, English,
     * else any (as the guide answers).
     */
    public String text(Map<String, String> texts, String language) {
        return Texts.pick(texts, language, fallbacks());
    }

    /** The language {@link #text} takes its text in (null when there is none). */
    public String textLanguage(Map<String, String> texts, String language) {
        return Texts.languageOf(texts, language, fallbacks());
    }

    private List<String> fallbacks() {
        List<String> fallbacks = new ArrayList<>(fallbackLanguages);
        fallbacks.add(defaultLanguage);
        return fallbacks;
    }

    /** Whether a visitor can ask aloud in {@code language}. */
    public boolean hears(String language) {
        return heardLanguages.contains(language);
    }

    public Optional<Area> area(String areaId) {
        return areas.stream().filter(a -> a.id().equals(areaId)).findFirst();
    }
}

package org.heritageguide.kiosk.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What {@code GET /api/v1/sites/{site}} says about the site the kiosk stands at. */
public record SiteInfo(String id, Map<String, String> name, Map<String, String> city, List<String> languages,
                       List<String> partialLanguages, List<String> fallbackLanguages, String defaultLanguage,
                       Map<String, String> intro,
                       Map<String, Map<String, String>> visitorInfo, List<Area> areas, List<ExhibitSummary> exhibits) {

    public SiteInfo {
        name = name == null ? Map.of() : name;
        city = city == null ? Map.of() : city;
        languages = languages == null ? List.of() : languages;
        partialLanguages = partialLanguages == null ? List.of() : partialLanguages;
        fallbackLanguages = fallbackLanguages == null ? List.of() : fallbackLanguages;
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
        List<String> fallbacks = new ArrayList<>(fallbackLanguages);
        fallbacks.add(defaultLanguage);
        return Texts.pick(texts, language, fallbacks);
    }

    public Optional<Area> area(String areaId) {
        return areas.stream().filter(a -> a.id().equals(areaId)).findFirst();
    }
}

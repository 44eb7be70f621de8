package org.heritageguide.site;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A museum or historic site and everything its curators wrote about it. Immutable: a content change
 * produces a new {@code Site}.
 */
public record Site(
        String id,
        Localized name,
        Names aliases,
        String defaultLanguage,
        String sourceLanguage,
        List<String> languages,
        List<String> partialLanguages,
        List<String> fallbackLanguages,
        Localized city,
        Localized intro,
        Map<VisitorTopic, Localized> visitorInfo,
        List<Area> areas,
        BrowserSpeech browserSpeech,
        Map<String, Exhibit> exhibits,
        List<Faq> faqs) {

    public Site {
        languages = List.copyOf(languages);
        partialLanguages = List.copyOf(partialLanguages);
        fallbackLanguages = List.copyOf(fallbackLanguages);
        visitorInfo = Collections.unmodifiableMap(new LinkedHashMap<>(visitorInfo));
        areas = List.copyOf(areas);
        exhibits = Collections.unmodifiableMap(new LinkedHashMap<>(exhibits));
        faqs = List.copyOf(faqs);
    }

    public boolean speaks(String language) {
        return languages.contains(language);
    }

    public Optional<Exhibit> exhibit(String exhibitId) {
        return Optional.ofNullable(exhibits.get(exhibitId));
    }

    public Optional<Faq> faq(String faqId) {
        return faqs.stream().filter(faq -> faq.id().equals(faqId)).findFirst();
    }

    public Optional<Exhibit> publishedExhibit(String exhibitId) {
        return exhibit(exhibitId).filter(Exhibit::isPublished);
    }

    /** The published exhibits in suggested visiting order. */
    public List<Exhibit> publishedExhibits() {
        List<Exhibit> published = new ArrayList<>();
        for (Exhibit exhibit : exhibits.values()) {
            if (exhibit.isPublished()) {
                published.add(exhibit);
            }
        }
        published.sort(Comparator.comparingInt(Exhibit::order).thenComparing(Exhibit::id));
        return published;
    }

    public Optional<Area> area(String areaId) {
        return areas.stream().filter(a -> a.id().equals(areaId)).findFirst();
    }

    /**
     * The languages to try, in order, for a visitor who speaks {@code language}: their own, then the site's
     * {@code fallbackLanguages} (e.g. English before Vietnamese, which few foreign visitors read), then the
     * site's default, then English.
     */
    public List<String> fallbackChain(String language) {
        Set<String> chain = new LinkedHashSet<>();
        chain.add(language);
        chain.addAll(fallbackLanguages);
        chain.add(defaultLanguage);
        chain.add("en");
        return List.copyOf(chain);
    }

    /**
     * The language to speak with a visitor: the first of their preferred languages (in order, e.g. from
     * {@code Accept-Language}) that the site speaks, matched on the primary tag; else the site default.
     */
    public String negotiateLanguage(List<String> preferred) {
        for (String tag : preferred) {
            String primary = tag.toLowerCase(java.util.Locale.ROOT).split("[-_]")[0];
            if (languages.contains(primary)) {
                return primary;
            }
        }
        return defaultLanguage;
    }
}

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
 * produces a new {@code Site}. Made with {@link #builder(String)}, each part by its name.
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

    /** A site with the id {@code id}: no languages, texts, areas, exhibits or FAQs until they are given. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder holding this site's parts, to change some of them. */
    public Builder toBuilder() {
        return new Builder(id).name(name).aliases(aliases).defaultLanguage(defaultLanguage).sourceLanguage(sourceLanguage)
                .languages(languages).partialLanguages(partialLanguages).fallbackLanguages(fallbackLanguages).city(city)
                .intro(intro).visitorInfo(visitorInfo).areas(areas).browserSpeech(browserSpeech).exhibits(exhibits).faqs(faqs);
    }

    public static final class Builder {
        private final String id;
        private Localized name = Localized.EMPTY;
        private Names aliases = Names.NONE;
        private String defaultLanguage;
        private String sourceLanguage;
        private List<String> languages = List.of();
        private List<String> partialLanguages = List.of();
        private List<String> fallbackLanguages = List.of();
        private Localized city = Localized.EMPTY;
        private Localized intro = Localized.EMPTY;
        private Map<VisitorTopic, Localized> visitorInfo = Map.of();
        private List<Area> areas = List.of();
        private BrowserSpeech browserSpeech = BrowserSpeech.ON_DEVICE;
        private Map<String, Exhibit> exhibits = Map.of();
        private List<Faq> faqs = List.of();

        private Builder(String id) {
            this.id = id;
        }

        public Builder name(Localized name) {
            this.name = name;
            return this;
        }

        public Builder aliases(Names aliases) {
            this.aliases = aliases;
            return this;
        }

        public Builder defaultLanguage(String defaultLanguage) {
            this.defaultLanguage = defaultLanguage;
            return this;
        }

        public Builder sourceLanguage(String sourceLanguage) {
            this.sourceLanguage = sourceLanguage;
            return this;
        }

        public Builder languages(List<String> languages) {
            this.languages = languages;
            return this;
        }

        public Builder partialLanguages(List<String> partialLanguages) {
            this.partialLanguages = partialLanguages;
            return this;
        }

        public Builder fallbackLanguages(List<String> fallbackLanguages) {
            this.fallbackLanguages = fallbackLanguages;
            return this;
        }

        public Builder city(Localized city) {
            this.city = city;
            return this;
        }

        public Builder intro(Localized intro) {
            this.intro = intro;
            return this;
        }

        public Builder visitorInfo(Map<VisitorTopic, Localized> visitorInfo) {
            this.visitorInfo = visitorInfo;
            return this;
        }

        public Builder areas(List<Area> areas) {
            this.areas = areas;
            return this;
        }

        public Builder browserSpeech(BrowserSpeech browserSpeech) {
            this.browserSpeech = browserSpeech;
            return this;
        }

        public Builder exhibits(Map<String, Exhibit> exhibits) {
            this.exhibits = exhibits;
            return this;
        }

        public Builder faqs(List<Faq> faqs) {
            this.faqs = faqs;
            return this;
        }

        public Site build() {
            return new Site(id, name, aliases, defaultLanguage, sourceLanguage, languages, partialLanguages, fallbackLanguages,
                    city, intro, visitorInfo, areas, browserSpeech, exhibits, faqs);
        }
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

package org.heritageguide.site;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A text written in several languages: language tag → text. Missing languages are missing translations. */
public record Localized(Map<String, String> texts) {

    public static final Localized EMPTY = new Localized(Map.of());

    public Localized {
        texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    public static Localized of(String language, String text) {
        return new Localized(Map.of(language, text));
    }

    public Optional<String> in(String language) {
        return Optional.ofNullable(texts.get(language)).filter(t -> !t.isBlank());
    }

    public boolean has(String language) {
        return in(language).isPresent();
    }

    public Set<String> languages() {
        return texts.keySet();
    }

    public boolean isEmpty() {
        return texts.isEmpty();
    }

    /** The text in the first of the given languages that has one. */
    public Optional<Translation> firstOf(List<String> languages) {
        for (String language : languages) {
            Optional<String> text = in(language);
            if (text.isPresent()) {
                return Optional.of(new Translation(language, text.get()));
            }
        }
        return Optional.empty();
    }

    /** A text together with the language it is actually written in. */
    public record Translation(String language, String text) {
    }
}

package org.heritageguide.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The other names of an exhibit or a site, per language: what visitors call it besides its title ("Rhade
 * long house", "Khue Van Cac", "the turtles"). The guide finds what a question is about by them too.
 */
public record Names(Map<String, List<String>> byLanguage) {

    public static final Names NONE = new Names(Map.of());

    public Names {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        byLanguage.forEach((language, names) -> copy.put(language, List.copyOf(names)));
        byLanguage = java.util.Collections.unmodifiableMap(copy);
    }

    public List<String> in(String language) {
        return byLanguage.getOrDefault(language, List.of());
    }

    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }
}

package org.heritageguide.kiosk.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Picking one language out of the texts the server sends per language. */
public final class Texts {

    private Texts() {
    }

    /** The text in {@code language}, else in the first of {@code fallbacks} that has one, else English, else any. */
    public static String pick(Map<String, String> texts, String language, List<String> fallbacks) {
        String chosen = languageOf(texts, language, fallbacks);
        return chosen == null ? "" : java.util.Objects.requireNonNullElse(texts.get(chosen), "");
    }

    /** The language {@link #pick} takes the text in; null when there is no text at all. */
    public static String languageOf(Map<String, String> texts, String language, List<String> fallbacks) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        List<String> candidates = new ArrayList<>();
        candidates.add(language);
        candidates.addAll(fallbacks);
        candidates.add("en");
        for (String candidate : candidates) {
            String text = candidate == null ? null : texts.get(candidate);
            if (text != null && !text.isBlank()) {
                return candidate;
            }
        }
        return texts.keySet().iterator().next();
    }
}

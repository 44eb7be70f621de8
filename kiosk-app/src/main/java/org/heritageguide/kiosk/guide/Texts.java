package org.heritageguide.kiosk.guide;

import java.util.Map;

/** Picking one language out of the texts the server sends per language. */
public final class Texts {

    private Texts() {
    }

    public static String pick(Map<String, String> texts, String language, String siteDefault) {
        if (texts == null || texts.isEmpty()) {
            return "";
        }
        for (String candidate : new String[] {language, siteDefault, "en"}) {
            String text = candidate == null ? null : texts.get(candidate);
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return texts.values().iterator().next();
    }
}

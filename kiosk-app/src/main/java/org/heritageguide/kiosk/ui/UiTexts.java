package org.heritageguide.kiosk.ui;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * What the kiosk itself says, in one language, from the resource bundles {@code messages_<lang>}.
 * A language the kiosk has no bundle for (the server may speak more) falls back to English.
 */
public final class UiTexts {

    static final String BUNDLE = "org.heritageguide.kiosk.ui.messages";
    /** The languages every string must be translated into. */
    public static final List<String> SHIPPED = List.of("en", "vi", "fr", "zh", "ko");

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String language;
    private final ResourceBundle bundle;
    private final ResourceBundle english;

    private UiTexts(String language, ResourceBundle bundle, ResourceBundle english) {
        this.language = language;
        this.bundle = bundle;
        this.english = english;
    }

    public static UiTexts of(String language) {
        ResourceBundle english = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, NO_FALLBACK);
        try {
            return new UiTexts(language, ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language), NO_FALLBACK), english);
        } catch (MissingResourceException none) {
            return new UiTexts(language, english, english);
        }
    }

    public String language() {
        return language;
    }

    public String get(String key) {
        if (bundle.containsKey(key)) {
            return bundle.getString(key);
        }
        return english.containsKey(key) ? english.getString(key) : key;
    }

    /** The language's name in its own script ("Tiếng Việt", "中文"), never a flag. */
    public static String languageName(String language) {
        Locale locale = Locale.forLanguageTag(language);
        String name = locale.getDisplayLanguage(locale);
        if (name.isBlank() || name.equalsIgnoreCase(language)) {
            return language;
        }
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}

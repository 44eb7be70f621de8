package org.heritageguide.kiosk.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the kiosk itself says, in one language, from {@code i18n/<language>/kiosk.properties}: the guide's
 * folder of texts for that language, copied into the kiosk when it is built. A language the kiosk has no
 * texts for (the server may speak more) is shown in English.
 */
public final class UiTexts {

    private static final Map<String, Properties> LOADED = new ConcurrentHashMap<>();
    private final String language;
    private final Properties texts;
    private final Properties english;

    private UiTexts(String language, Properties texts, Properties english) {
        this.language = language;
        this.texts = texts;
        this.english = english;
    }

    public static UiTexts of(String language) {
        return new UiTexts(language, LOADED.computeIfAbsent(language, UiTexts::load), LOADED.computeIfAbsent("en", UiTexts::load));
    }

    /** The kiosk's texts in {@code language}, as written; empty when it has none. */
    private static Properties load(String language) {
        Properties texts = new Properties();
        if (!language.matches("[A-Za-z0-9-]+")) {
            return texts;
        }
        try (InputStream in = UiTexts.class.getResourceAsStream("/i18n/" + language + "/kiosk.properties")) {
            if (in != null) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    public String language() {
        return language;
    }

    public String get(String key) {
        return texts.getProperty(key, english.getProperty(key, key));
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

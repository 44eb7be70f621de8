package org.heritageguide.dialogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * What the guide itself says (greetings, "I don't know", notices), per language, from
 * {@code i18n/guide_<language>.properties}, so that a translator can add a language without code.
 * A phrase missing in a language falls back to English.
 */
@Component
public final class GuidePhrases {

    private static final String FALLBACK = "en";
    private final Map<String, Properties> bundles = new ConcurrentHashMap<>();

    /** Whether the guide has its own phrases in this language. */
    public boolean has(String language) {
        return !bundle(language).isEmpty();
    }

    public String say(String language, String key, Object... arguments) {
        String pattern = bundle(language).getProperty(key);
        if (pattern == null) {
            pattern = bundle(FALLBACK).getProperty(key);
        }
        if (pattern == null) {
            throw new IllegalArgumentException("No phrase '" + key + "' in i18n/guide_en.properties");
        }
        return new MessageFormat(pattern, Locale.forLanguageTag(language)).format(arguments);
    }

    private Properties bundle(String language) {
        return bundles.computeIfAbsent(language, GuidePhrases::load);
    }

    private static Properties load(String language) {
        Properties properties = new Properties();
        try (InputStream in = GuidePhrases.class.getResourceAsStream("/i18n/guide_" + language + ".properties")) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}

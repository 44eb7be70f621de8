package org.heritageguide.visitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web app's own words (buttons, labels, messages) per language, from
 * {@code visitor/web/i18n/<language>.json}: the same files the page loads, read here too so that the
 * server renders the first paint already translated. A language without a file falls back to English.
 */
@Component
class VisitorStrings {

    static final String FALLBACK = "en";
    /** The languages the web app is translated into; a site may speak more (their UI is in English). */
    static final List<String> LANGUAGES = List.of("en", "vi", "fr", "zh", "ko");

    private static final String FOLDER = VisitorAssets.FOLDER + "i18n/";
    private static final JsonMapper JSON = JsonMapper.shared();
    private final Map<String, Map<String, String>> bundles = new ConcurrentHashMap<>();

    /** The string for {@code key} in {@code language}, else in English; {@code {0}}, {@code {1}}... replaced. */
    String text(String language, String key, String... arguments) {
        String text = bundle(language).get(key);
        if (text == null) {
            text = bundle(FALLBACK).get(key);
        }
        if (text == null) {
            throw new IllegalArgumentException("No web app string '" + key + "' in " + FOLDER + FALLBACK + ".json");
        }
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", arguments[i]);
        }
        return text;
    }

    /** Every string of the web app in {@code language}, each missing one in English (as {@link #text} gives them). */
    Map<String, String> texts(String language) {
        Map<String, String> texts = new LinkedHashMap<>(bundle(FALLBACK));
        texts.putAll(bundle(language));
        return texts;
    }

    /** The language the web app's own words will be shown in, for a page in {@code language}. */
    static String uiLanguage(String language) {
        String primary = language == null ? FALLBACK : language.toLowerCase(Locale.ROOT).split("[-_]")[0];
        return LANGUAGES.contains(primary) ? primary : FALLBACK;
    }

    Map<String, String> bundle(String language) {
        return bundles.computeIfAbsent(uiLanguage(language), VisitorStrings::load);
    }

    private static Map<String, String> load(String language) {
        try (InputStream in = VisitorStrings.class.getClassLoader().getResourceAsStream(FOLDER + language + ".json")) {
            if (in == null) {
                return Map.of();
            }
            return new LinkedHashMap<>(JSON.readValue(in, new TypeReference<Map<String, String>>() {
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

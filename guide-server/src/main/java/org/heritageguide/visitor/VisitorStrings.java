package org.heritageguide.visitor;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.heritageguide.i18n.Languages;
import org.heritageguide.i18n.TextBundle;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The web app's own words (buttons, labels, messages) per language, from
 * {@code i18n/<language>/visitor.properties}: the server renders the first paint with them, and serves
 * them to the page as {@code /visitor/{version}/i18n/<language>.json}. A language without that file is
 * shown in English.
 */
@Component
class VisitorStrings {

    private static final JsonMapper JSON = JsonMapper.shared();
    private final Map<String, Properties> bundles = new ConcurrentHashMap<>();

    /** The string for {@code key} in {@code language}, else in English; {@code {0}}, {@code {1}}... replaced. */
    String text(String language, String key, String... arguments) {
        String text = bundle(language).getProperty(key, bundle(Languages.FALLBACK).getProperty(key));
        if (text == null) {
            throw new IllegalArgumentException("No web app string '" + key + "' in i18n/" + Languages.FALLBACK + "/visitor.properties");
        }
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", arguments[i]);
        }
        return text;
    }

    /** Every string of the web app in {@code language}, each missing one in English (as {@link #text} gives them). */
    Map<String, String> texts(String language) {
        Map<String, String> texts = new TreeMap<>();
        bundle(Languages.FALLBACK).forEach((key, text) -> texts.put(key.toString(), text.toString()));
        bundle(language).forEach((key, text) -> texts.put(key.toString(), text.toString()));
        return texts;
    }

    /** {@link #texts} as the JSON file the page loads. */
    byte[] json(String language) {
        return JSON.writeValueAsBytes(texts(language));
    }

    private Properties bundle(String language) {
        return bundles.computeIfAbsent(Languages.supportedOrFallback(language), l -> TextBundle.load(TextBundle.VISITOR, l));
    }
}

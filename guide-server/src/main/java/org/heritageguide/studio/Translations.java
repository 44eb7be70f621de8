package org.heritageguide.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.heritageguide.site.ContentYaml;
import org.heritageguide.site.Site;

/**
 * Which translations of a file are missing or out of date. A translation is out of date when the
 * source-language text of the same field changed in a later revision than the translation did.
 */
final class Translations {

    static final String OK = "ok";
    static final String MISSING = "missing";
    static final String OUTDATED = "outdated";
    private static final int HISTORY_DEPTH = 60;

    /** Per language: its state and the fields that are missing or out of date. */
    record LanguageState(String state, Map<String, String> fields) {
    }

    private final StudioContent content;
    private final Map<String, Map<String, LanguageState>> cache = new ConcurrentHashMap<>();

    Translations(StudioContent content) {
        this.content = content;
    }

    Map<String, LanguageState> of(Site site, String relativePath, String etag) {
        if (etag == null) {
            return Map.of();
        }
        String key = site.id() + "/" + relativePath + "@" + etag + site.languages() + site.sourceLanguage();
        return cache.computeIfAbsent(key, k -> analyse(site, relativePath));
    }

    private Map<String, LanguageState> analyse(Site site, String relativePath) {
        List<Map<String, Map<String, String>>> versions = new ArrayList<>();
        for (var version : content.versions(site.id(), relativePath, HISTORY_DEPTH)) {
            versions.add(ContentYaml.localizedFields(ContentYaml.parse(version.getValue()), site.languages()));
        }
        if (versions.isEmpty()) {
            return Map.of();
        }
        String source = site.sourceLanguage();
        Map<String, Map<String, String>> current = versions.get(0);
        Map<String, LanguageState> states = new LinkedHashMap<>();
        for (String language : site.languages()) {
            if (language.equals(source)) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            current.forEach((field, texts) -> {
                if (!texts.containsKey(source)) {
                    return;
                }
                if (!texts.containsKey(language)) {
                    fields.put(field, MISSING);
                } else if (lastChange(versions, field, source) < lastChange(versions, field, language)) {
                    fields.put(field, OUTDATED);
                }
            });
            String state = fields.containsValue(MISSING) ? MISSING : fields.isEmpty() ? OK : OUTDATED;
            states.put(language, new LanguageState(state, fields));
        }
        return states;
    }

    /** How many revisions back (0 = the newest) the text of {@code field} in {@code language} took its current value. */
    private static int lastChange(List<Map<String, Map<String, String>>> versions, String field, String language) {
        String now = text(versions.get(0), field, language);
        int index = 0;
        while (index + 1 < versions.size() && Objects.equals(text(versions.get(index + 1), field, language), now)) {
            index++;
        }
        return index;
    }

    private static String text(Map<String, Map<String, String>> version, String field, String language) {
        Map<String, String> texts = version.get(field);
        return texts == null ? null : texts.get(language);
    }
}

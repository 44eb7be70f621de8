package org.heritageguide.studio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Content files as plain data (maps, lists, texts) for the studio's JSON API, and back to YAML in the
 * order the content format documents, so a file saved from the studio still reads well by hand.
 */
final class StudioYaml {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
    private static final List<String> EXHIBIT_ORDER = List.of(
            "status", "area", "order", "related", "title", "summary", "passages", "facts", "location");
    private static final List<String> SITE_ORDER = List.of(
            "name", "defaultLanguage", "sourceLanguage", "languages", "partialLanguages", "city", "intro", "visitorInfo", "areas");

    private StudioYaml() {
    }

    /** The data of a YAML text, or {@code null} if it is not valid YAML. */
    static Object parse(String text) {
        try {
            return YAML.readValue(text, Object.class);
        } catch (RuntimeException notYaml) {
            return null;
        }
    }

    /** YAML text for a file's data, fields in the documented order for {@code relativePath}'s kind. */
    static String render(String relativePath, Object data) {
        Object ordered = data;
        if (data instanceof Map<?, ?> map) {
            if (relativePath.startsWith("exhibits/")) {
                ordered = ordered(map, EXHIBIT_ORDER);
            } else if (relativePath.equals("site.yaml")) {
                ordered = ordered(map, SITE_ORDER);
            }
        }
        return YAML.writeValueAsString(withoutEmpty(ordered));
    }

    /** A YAML text for one list item, ready to be appended to a file holding a list (like faq.yaml). */
    static String renderItem(Map<String, Object> item) {
        // the writer indents a top-level list by two spaces; the content files start theirs at column 0
        StringBuilder text = new StringBuilder();
        YAML.writeValueAsString(List.of(withoutEmpty(item))).lines()
                .forEach(line -> text.append(line.startsWith("  ") ? line.substring(2) : line).append('\n'));
        return text.toString();
    }

    private static Map<String, Object> ordered(Map<?, ?> map, List<String> order) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (String key : order) {
            if (map.containsKey(key)) {
                result.put(key, map.get(key));
            }
        }
        map.forEach((key, value) -> result.putIfAbsent(String.valueOf(key), value));
        return result;
    }

    /** Drops empty texts, maps and lists, so that a cleared translation is a missing one. */
    private static Object withoutEmpty(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, item) -> {
                Object cleaned = withoutEmpty(item);
                if (cleaned != null) {
                    result.put(String.valueOf(key), cleaned);
                }
            });
            return result.isEmpty() ? null : result;
        }
        if (value instanceof Collection<?> list) {
            List<Object> result = new ArrayList<>();
            for (Object item : list) {
                Object cleaned = withoutEmpty(item);
                if (cleaned != null) {
                    result.add(cleaned);
                }
            }
            return result.isEmpty() ? null : result;
        }
        if (value instanceof String text) {
            String stripped = text.strip();
            return stripped.isEmpty() ? null : stripped;
        }
        return value;
    }

    /**
     * Every text a visitor may read, by field path ({@code summary}, {@code passages[1]},
     * {@code facts[0].label}) and language: a map whose keys are all among {@code languages}.
     */
    static Map<String, Map<String, String>> localizedFields(Object data, Collection<String> languages) {
        Map<String, Map<String, String>> fields = new LinkedHashMap<>();
        collect(data, "", languages, fields);
        return fields;
    }

    private static void collect(Object value, String path, Collection<String> languages,
                                Map<String, Map<String, String>> fields) {
        if (value instanceof Map<?, ?> map) {
            if (!map.isEmpty() && !path.isEmpty() && languages.containsAll(map.keySet().stream().map(String::valueOf).toList())
                    && map.values().stream().allMatch(v -> v == null || !(v instanceof Map || v instanceof Collection))) {
                Map<String, String> texts = new LinkedHashMap<>();
                map.forEach((language, text) -> {
                    if (text != null && !String.valueOf(text).isBlank()) {
                        texts.put(String.valueOf(language), String.valueOf(text).strip());
                    }
                });
                fields.put(path, texts);
                return;
            }
            map.forEach((key, item) -> collect(item, path.isEmpty() ? String.valueOf(key) : path + "." + key, languages, fields));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(list.get(i), path + "[" + i + "]", languages, fields);
            }
        }
    }
}

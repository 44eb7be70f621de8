package org.heritageguide.site;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Content files as plain data (maps, lists, texts), as the studio's JSON API and editor see them, and
 * back to YAML in the order {@link ContentFields} documents, so that a file written anew still reads
 * well by hand. Edits that keep a file's own text are {@link ContentEditing}'s.
 */
public final class ContentYaml {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private ContentYaml() {
    }

    /** The data of a YAML text, or {@code null} if it is not valid YAML. */
    public static Object parse(String text) {
        try {
            return YAML.readValue(text, Object.class);
        } catch (RuntimeException notYaml) {
            return null;
        }
    }

    /** YAML text for a file's data, fields in the documented order for {@code relativePath}'s kind. */
    public static String render(String relativePath, Object data) {
        if (relativePath.startsWith(ContentLoader.EXHIBITS + "/")) {
            return render(data, ContentFields.EXHIBIT_NAMES);
        }
        return render(data, relativePath.equals(ContentLoader.SITE_FILE) ? ContentFields.SITE : List.of());
    }

    /** YAML text for data, a map's fields in {@code order} (then any others). */
    static String render(Object data, List<String> order) {
        return YAML.writeValueAsString(withoutEmpty(data instanceof Map<?, ?> map ? ordered(map, order) : data));
    }

    /** YAML text for a value as the content files write it at the top level (a map's fields, or a list's items at column 0). */
    static String renderValue(Object value) {
        // the writer indents a top-level list by two spaces; the content files start theirs at column 0
        String text = YAML.writeValueAsString(value);
        if (!(value instanceof Collection<?>)) {
            return text;
        }
        StringBuilder unindented = new StringBuilder();
        text.lines().forEach(line -> unindented.append(line.startsWith("  ") ? line.substring(2) : line).append('\n'));
        return unindented.toString();
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
    static Object withoutEmpty(Object value) {
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
    public static Map<String, Map<String, String>> localizedFields(Object data, Collection<String> languages) {
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

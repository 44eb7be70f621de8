package org.heritageguide.studio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.heritageguide.site.ContentFields;

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
                ordered = ordered(map, ContentFields.EXHIBIT);
            } else if (relativePath.equals("site.yaml")) {
                ordered = ordered(map, ContentFields.SITE);
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

    /**
     * faq.yaml's text with one more way of asking a FAQ in a language, written where the curators' own
     * layout puts it (after that language's last question) so that the rest of the file is untouched;
     * if the file is laid out otherwise, the whole file is written anew with the question added. Empty if
     * the file has no FAQ with that id; the text unchanged if the FAQ already has that question.
     */
    @SuppressWarnings("unchecked")
    static Optional<String> withQuestion(String text, String faq, String language, String question) {
        Object data = parse(text);
        if (!(data instanceof List<?> faqs)) {
            return Optional.empty();
        }
        Map<String, Object> item = (Map<String, Object>) faqs.stream()
                .filter(f -> f instanceof Map<?, ?> m && faq.equals(String.valueOf(m.get("id")))).findFirst().orElse(null);
        if (item == null) {
            return Optional.empty();
        }
        Object questions = item.computeIfAbsent("questions", k -> new LinkedHashMap<String, Object>());
        if (!(questions instanceof Map<?, ?>)) {
            return Optional.empty();
        }
        Object asked = ((Map<String, Object>) questions).computeIfAbsent(language, k -> new ArrayList<>());
        List<Object> list = asked instanceof List<?> l ? (List<Object>) l : new ArrayList<>(List.of(asked));
        if (list.stream().anyMatch(q -> String.valueOf(q).strip().equalsIgnoreCase(question.strip()))) {
            return Optional.of(text);
        }
        list.add(question.strip());
        ((Map<String, Object>) questions).put(language, list);
        String inserted = insertQuestion(text, faq, language, question.strip());
        if (inserted != null && data.equals(parse(inserted))) {
            return Optional.of(inserted);
        }
        StringBuilder all = new StringBuilder();
        for (Object each : faqs) {
            all.append(renderItem((Map<String, Object>) each));
        }
        return Optional.of(all.toString());
    }

    /** The text with the question inserted in the layout the content files use, or null if it is not that layout. */
    private static String insertQuestion(String text, String faq, String language, String question) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        Pattern start = Pattern.compile("^- id: ['\"]?" + Pattern.quote(faq) + "['\"]?\\s*$");
        int item = -1;
        for (int i = 0; i < lines.size() && item < 0; i++) {
            if (start.matcher(lines.get(i)).matches()) {
                item = i;
            }
        }
        if (item < 0) {
            return null;
        }
        int end = item + 1;
        while (end < lines.size() && !lines.get(end).startsWith("- ")) {
            end++;
        }
        int questions = -1;
        for (int i = item + 1; i < end && questions < 0; i++) {
            if (lines.get(i).matches("^  questions:\\s*$")) {
                questions = i;
            }
        }
        if (questions < 0) {
            return null;
        }
        int block = questions + 1;
        while (block < end && (lines.get(block).startsWith("    ") || lines.get(block).isBlank() && block + 1 < end
                && lines.get(block + 1).startsWith("    "))) {
            block++;
        }
        String entry = "      - " + quoted(question);
        for (int i = questions + 1; i < block; i++) {
            if (lines.get(i).matches("^    " + Pattern.quote(language) + ":\\s*$")) {
                int last = i + 1;
                while (last < block && lines.get(last).startsWith("      ")) {
                    last++;
                }
                lines.add(last, entry);
                return String.join("\n", lines);
            }
        }
        lines.add(block, entry);
        lines.add(block, "    " + language + ":");
        return String.join("\n", lines);
    }

    /** A YAML double-quoted scalar (the JSON escapes are YAML's too). */
    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
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

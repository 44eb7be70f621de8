package org.heritageguide.site;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/** Reads typed values out of one content file's YAML, collecting every problem with its line and field. */
final class FileReader {

    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    static final int MAX_ID_LENGTH = 64;

    private final String file;
    private final List<ContentProblem> problems = new ArrayList<>();

    FileReader(String file) {
        this.file = file;
    }

    List<ContentProblem> problems() {
        return problems;
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    void problem(YamlNode at, String field, String message) {
        problems.add(new ContentProblem(file, at == null ? 0 : at.line(), field, message));
    }

    /**
     * Reports every key of a map that the format does not have: a mistyped key ("sumary", "valeu") would
     * otherwise lose its text without a word.
     */
    void onlyFields(YamlNode map, String at, Collection<String> fields) {
        for (String key : map.entries().keySet()) {
            if (!fields.contains(key)) {
                problems.add(new ContentProblem(file, map.lineOf(key), at.isEmpty() ? key : at + "." + key,
                        "unknown field; expected one of " + fields.stream().sorted().toList()));
            }
        }
    }

    /**
     * Reads each item of a list that is a map of {@code fields} only, with where it is ({@code name[i]}); an
     * item that is not a map, or a key not among the fields, is reported.
     */
    void eachMap(YamlNode list, String name, Collection<String> fields, BiConsumer<YamlNode, String> read) {
        for (int i = 0; i < list.items().size(); i++) {
            String at = name + "[" + i + "]";
            YamlNode item = requireMap(list.items().get(i), at);
            if (item != null) {
                onlyFields(item, at, fields);
                read.accept(item, at);
            }
        }
    }

    YamlNode requireMap(YamlNode node, String field) {
        if (node == null || !node.isMap()) {
            problem(node, field, "expected a map of fields");
            return null;
        }
        return node;
    }

    String text(YamlNode parent, String field, boolean required) {
        return text(parent, field, field, required);
    }

    /** The text under {@code key}, reported as the field {@code at} (a path such as {@code pictures[0].file}). */
    String text(YamlNode parent, String key, String at, boolean required) {
        YamlNode node = parent.get(key);
        if (node == null || node.isNull()) {
            if (required) {
                problem(parent, at, "is required");
            }
            return null;
        }
        if (!node.isScalar() || node.text().isBlank()) {
            problem(node, at, "expected a non-empty text");
            return null;
        }
        return node.text().strip();
    }

    String id(YamlNode parent, String field, boolean required) {
        String value = text(parent, field, required);
        if (value != null && !isId(value)) {
            problem(parent.get(field), field, "'" + value + "' is not a valid id (lower-case letters, digits and '-')");
            return null;
        }
        return value;
    }

    static boolean isId(String value) {
        return value.length() <= MAX_ID_LENGTH && ID.matcher(value).matches();
    }

    int integer(YamlNode parent, String field, int fallback) {
        String value = text(parent, field, false);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            problem(parent.get(field), field, "expected a whole number, found '" + value + "'");
            return fallback;
        }
    }

    List<String> texts(YamlNode parent, String field) {
        YamlNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isList()) {
            problem(node, field, "expected a list");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.items().size(); i++) {
            YamlNode item = node.items().get(i);
            if (!item.isScalar() || item.text().isBlank()) {
                problem(item, field + "[" + i + "]", "expected a non-empty text");
            } else {
                values.add(item.text().strip());
            }
        }
        return values;
    }

    /**
     * A {@code {language: [text, ...]}} map (a FAQ's ways of asking, an exhibit's other names); languages
     * with an empty list are left out.
     */
    Map<String, List<String>> textsPerLanguage(YamlNode parent, String field) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        YamlNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return lists;
        }
        if (!node.isMap()) {
            problem(node, field, "expected lists per language, such as {en: [...]}");
            return lists;
        }
        node.entries().forEach((language, list) -> {
            if (!LANGUAGE.matcher(language).matches()) {
                problem(list, field + "." + language, "'" + language + "' is not a language tag such as vi, en or fr");
                return;
            }
            List<String> texts = texts(node, language);
            if (!texts.isEmpty()) {
                lists.put(language, texts);
            }
        });
        return lists;
    }

    List<String> languages(YamlNode parent, String field) {
        List<String> values = texts(parent, field);
        for (String value : values) {
            if (!LANGUAGE.matcher(value).matches()) {
                problem(parent.get(field), field, "'" + value + "' is not a language tag such as vi, en or fr");
            }
        }
        return values;
    }

    /** A {@code {language: text}} map; {@code requiredLanguage} (if not null) must be present. */
    Localized localized(YamlNode parent, String field, String requiredLanguage) {
        return localized(parent, field, field, requiredLanguage);
    }

    /** The texts under {@code key}, reported as the field {@code at} (a path such as {@code facts[2].value}). */
    Localized localized(YamlNode parent, String key, String at, String requiredLanguage) {
        YamlNode node = parent.get(key);
        if (node == null || node.isNull()) {
            if (requiredLanguage != null) {
                problem(parent, at, "is required, at least in " + requiredLanguage);
            }
            return Localized.EMPTY;
        }
        return localizedNode(node, at, requiredLanguage);
    }

    Localized localizedNode(YamlNode node, String field, String requiredLanguage) {
        if (!node.isMap()) {
            problem(node, field, "expected texts per language, such as {vi: ..., en: ...}");
            return Localized.EMPTY;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        node.entries().forEach((language, value) -> {
            if (!LANGUAGE.matcher(language).matches()) {
                problem(value, field + "." + language, "'" + language + "' is not a language tag such as vi, en or fr");
            } else if (value.isNull() || (value.isScalar() && value.text().isBlank())) {
                // an empty translation is the same as a missing one
            } else if (!value.isScalar()) {
                problem(value, field + "." + language, "expected a text");
            } else {
                texts.put(language, value.text().strip());
            }
        });
        if (requiredLanguage != null && !texts.containsKey(requiredLanguage)) {
            problem(node, field, "the site's default language (" + requiredLanguage + ") is missing");
        }
        return new Localized(texts);
    }
}

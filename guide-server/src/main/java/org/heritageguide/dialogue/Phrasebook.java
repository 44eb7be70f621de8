package org.heritageguide.dialogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.heritageguide.site.VisitorTopic;

import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * How visitors say things in one language, read from {@code dialogue/intents_<language>.yaml}: examples
 * of each {@link Intent} and of each visitor-information question, the words that point at the exhibit
 * in front of the visitor, and the names of languages.
 */
record Phrasebook(String language, Map<Intent, List<String>> intents, Map<VisitorTopic, List<String>> visitorInfo,
                  List<String> pointing, Map<String, List<String>> languageNames) {

    static final String LANGUAGE_PLACEHOLDER = "{language}";

    /** The phrasebook of a language, if the guide has one. */
    static Optional<Phrasebook> load(String language) {
        String resource = "/dialogue/intents_" + language + ".yaml";
        try (InputStream in = Phrasebook.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Map<String, Object> yaml = YAMLMapper.shared().readValue(in, new TypeReference<Map<String, Object>>() { });
            return Optional.of(parse(language, yaml, resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Phrasebook parse(String language, Map<String, Object> yaml, String resource) {
        Map<Intent, List<String>> intents = new EnumMap<>(Intent.class);
        lists(yaml.get("intents"), resource + " intents").forEach((key, examples) -> intents.put(
                Intent.fromKey(key).orElseThrow(() -> new IllegalStateException(resource + ": unknown intent '" + key + "'")),
                examples));
        Map<VisitorTopic, List<String>> info = new EnumMap<>(VisitorTopic.class);
        lists(yaml.get("visitorInfo"), resource + " visitorInfo").forEach((key, examples) -> info.put(
                VisitorTopic.fromKey(key).orElseThrow(() -> new IllegalStateException(resource + ": unknown visitor topic '" + key + "'")),
                examples));
        List<String> pointing = strings(yaml.get("pointing"), resource + " pointing");
        Map<String, List<String>> names = new LinkedHashMap<>(lists(yaml.get("languageNames"), resource + " languageNames"));
        return new Phrasebook(language, intents, info, pointing, names);
    }

    private static Map<String, List<String>> lists(Object node, String where) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        if (node == null) {
            return lists;
        }
        if (!(node instanceof Map<?, ?> map)) {
            throw new IllegalStateException(where + ": expected a map");
        }
        map.forEach((key, value) -> lists.put(String.valueOf(key), strings(value, where + " " + key)));
        return lists;
    }

    private static List<String> strings(Object node, String where) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof List<?> list)) {
            throw new IllegalStateException(where + ": expected a list");
        }
        List<String> strings = new ArrayList<>();
        list.forEach(item -> strings.add(String.valueOf(item).strip()));
        return strings;
    }

    /** Whether the visitor's words point at what is in front of them ("it", "this", "ở đây"). */
    boolean points(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (language.equals("zh") || language.equals("ja")) {
            return pointing.stream().anyMatch(lower::contains);
        }
        List<String> words = List.of(lower.split("[\\s\\p{Punct}’«»¿¡。，？！]+"));
        for (String word : pointing) {
            String pointer = word.toLowerCase(Locale.ROOT);
            if (pointer.contains(" ") ? (" " + String.join(" ", words) + " ").contains(" " + pointer + " ")
                    : words.contains(pointer) || words.stream().anyMatch(w -> startsAsPointer(w, pointer))) {
                return true;
            }
        }
        return false;
    }

    /** Korean attaches particles to words: 이건 = 이것 + 은. */
    private boolean startsAsPointer(String word, String pointer) {
        return language.equals("ko") && pointer.length() >= 2 && word.startsWith(pointer);
    }
}

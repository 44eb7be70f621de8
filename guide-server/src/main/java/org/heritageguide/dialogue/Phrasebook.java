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
 * of each {@link Intent} and of each visitor-information question, the words that name a visitor topic
 * by themselves ("wheelchair", "toilettes", "门票"), the words that point at the exhibit
 * in front of the visitor, the names of languages, the words that ask for something other than yes or no
 * (each with words an answer to it tends to hold: "who" → "by"), and the words a yes/no reply opens with.
 */
record Phrasebook(String language, Map<Intent, List<String>> intents, Map<VisitorTopic, List<String>> visitorInfo,
                  Map<VisitorTopic, List<String>> visitorWords, List<String> pointing,
                  Map<String, List<String>> languageNames, Map<String, List<String>> asking, List<String> replies) {

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
        Map<VisitorTopic, List<String>> info = byTopic(yaml.get("visitorInfo"), resource + " visitorInfo");
        Map<VisitorTopic, List<String>> words = byTopic(yaml.get("visitorWords"), resource + " visitorWords");
        List<String> pointing = strings(yaml.get("pointing"), resource + " pointing");
        Map<String, List<String>> names = new LinkedHashMap<>(lists(yaml.get("languageNames"), resource + " languageNames"));
        return new Phrasebook(language, intents, info, words, pointing, names, lists(yaml.get("asking"), resource + " asking"),
                strings(yaml.get("replies"), resource + " replies"));
    }

    private static Map<VisitorTopic, List<String>> byTopic(Object node, String where) {
        Map<VisitorTopic, List<String>> byTopic = new EnumMap<>(VisitorTopic.class);
        lists(node, where).forEach((key, list) -> byTopic.put(VisitorTopic.fromKey(key)
                .orElseThrow(() -> new IllegalStateException(where + ": unknown visitor topic '" + key + "'")), list));
        return byTopic;
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

    /**
     * The one visitor topic the text names by a word of its own ("do kids need a ticket? my son is 12"),
     * if it names exactly one.
     */
    Optional<VisitorTopic> topicNamed(String text) {
        List<VisitorTopic> named = visitorWords.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(word -> holds(text, word))).map(Map.Entry::getKey).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
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

    /**
     * When the visitor asks "who", "when", "what"... rather than a yes/no question: the words an answer to
     * the first such word found tends to hold (possibly none).
     */
    Optional<List<String>> asked(String text) {
        return asking.entrySet().stream().filter(e -> holds(text, e.getKey()) || misspells(text, e.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }

    /** "wen was it bilt": a word one letter off a question word of three letters or more, same first letter. */
    private boolean misspells(String text, String word) {
        if (word.length() < 3 || word.contains(" ") || language.equals("zh") || language.equals("ja") || language.equals("ko")) {
            return false;
        }
        String wanted = word.toLowerCase(Locale.ROOT);
        return java.util.Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+"))
                .anyMatch(w -> w.length() >= 3 && w.charAt(0) == wanted.charAt(0) && oneEditApart(w, wanted));
    }

    private static boolean oneEditApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1 || a.equals(b)) {
            return false;
        }
        int i = 0;
        while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.length() == b.length() ? a.substring(i + 1).equals(b.substring(i + 1))
                : a.length() > b.length() ? a.substring(i + 1).equals(b.substring(i)) : a.substring(i).equals(b.substring(i + 1));
    }

    /** Whether an answer opens with a yes/no reply ("Yes, …", "Đúng vậy, …"). */
    boolean opensWithReply(String answer) {
        String lower = answer.strip().toLowerCase(Locale.ROOT);
        return replies.stream().map(r -> r.toLowerCase(Locale.ROOT))
                .anyMatch(r -> lower.startsWith(r) && lower.substring(r.length()).matches("(?s)\\s*[,.!，。！、].*"));
    }

    /** Whether a text holds a word or phrase (as a whole word, except in languages written without spaces). */
    boolean holds(String text, String phrase) {
        String lower = text.toLowerCase(Locale.ROOT);
        String wanted = phrase.toLowerCase(Locale.ROOT);
        if (language.equals("zh") || language.equals("ja") || language.equals("ko")) {
            return lower.contains(wanted);
        }
        return java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(wanted)
                + "(?![\\p{L}\\p{N}])").matcher(lower).find();
    }

    /** Korean attaches particles to words: 이건 = 이것 + 은. */
    private boolean startsAsPointer(String word, String pointer) {
        return language.equals("ko") && pointer.length() >= 2 && word.startsWith(pointer);
    }
}

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
import java.util.regex.Pattern;

import org.heritageguide.knowledge.LanguageAnalysis;
import org.heritageguide.knowledge.OneTypo;
import org.heritageguide.site.VisitorTopic;

import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * How visitors say things in one language, read from {@code dialogue/intents_<language>.yaml}: examples
 * of each {@link Intent} and of each visitor-information question, the words that name a visitor topic
 * by themselves ("wheelchair", "toilettes", "门票"), the words that point at the exhibit
 * in front of the visitor, the names of languages, the words that ask for each {@link AnswerType} (with the
 * words and units an answer of that kind holds), and the words a yes/no reply opens with.
 */
record Phrasebook(String language, Map<Intent, List<String>> intents, Map<VisitorTopic, List<String>> visitorInfo,
                  Map<VisitorTopic, List<String>> visitorWords, List<String> pointing,
                  Map<String, List<String>> languageNames, Map<AnswerType, Cues> answerTypes, List<String> replies) {

    /**
     * How one kind of answer is asked for and said.
     *
     * @param asked the words that ask for it ("how many", "bao nhiêu", "几个")
     * @param said  words an answer of this kind holds ("century", "by", "free")
     * @param units words that follow a number in such an answer ("m", "dong", "米")
     * @param between for a count, the words that may stand between the asking words or a number and what is
     *                counted ("of", "de", the classifiers "tấm", "vị")
     * @param within  for a count, how many words after a number (past those between) may name what is counted:
     *                one where a noun comes first ("82 tấm bia tiến sĩ" counts stelae, not doctors), more where
     *                words describing it come before it ("54 ethnic groups"); 0 where counted things are not
     *                told apart (languages written without spaces)
     */
    record Cues(List<String> asked, List<String> said, List<String> units, List<String> between, int within) {
    }

    /** A year as texts write it: three or four digits, not part of a longer number ("1805", "990"). */
    private static final Pattern YEAR = Pattern.compile("(?<![\\d.,])[1-9]\\d{2,3}(?![\\d]|[.,]\\d)");
    /** A time of day: "08:00", "8 h", "8h30", "8 giờ", "8点", "8시". */
    private static final Pattern CLOCK = Pattern.compile("(?<!\\d)([01]?\\d|2[0-3])\\s*(:\\d\\d|h(?![a-z])|h\\d|giờ|点|시)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

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
        return new Phrasebook(language, intents, info, words, pointing, names, answerTypes(yaml.get("answerTypes"), resource),
                strings(yaml.get("replies"), resource + " replies"));
    }

    private static Map<AnswerType, Cues> answerTypes(Object node, String resource) {
        Map<AnswerType, Cues> types = new EnumMap<>(AnswerType.class);
        if (node == null) {
            return types;
        }
        if (!(node instanceof Map<?, ?> map)) {
            throw new IllegalStateException(resource + " answerTypes: expected a map");
        }
        map.forEach((key, value) -> {
            String where = resource + " answerTypes " + key;
            AnswerType type = AnswerType.fromKey(String.valueOf(key))
                    .orElseThrow(() -> new IllegalStateException(where + ": unknown answer type"));
            if (!(value instanceof Map<?, ?> given)) {
                throw new IllegalStateException(where + ": expected a map");
            }
            // every cue is a list of words but a count's "within", a number
            Map<String, Object> fields = new LinkedHashMap<>();
            given.forEach((field, cue) -> fields.put(String.valueOf(field), cue));
            Object within = fields.remove("within");
            if (within != null && !(within instanceof Integer)) {
                throw new IllegalStateException(where + " within: expected a whole number");
            }
            Map<String, List<String>> cues = lists(fields, where);
            types.put(type, new Cues(cues.getOrDefault("asked", List.of()), cues.getOrDefault("said", List.of()),
                    cues.getOrDefault("units", List.of()), cues.getOrDefault("between", List.of()),
                    within == null ? 0 : (Integer) within));
        });
        return types;
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
     * What kind of answer the question asks for: the kind whose asking words it holds (or misspells, "wen"),
     * the longest such words deciding ("mấy giờ" asks a time, "mấy" a count); none for a yes/no question.
     */
    Optional<AnswerType> asks(String text) {
        // words as written before guessed misspellings: "were" is not a misspelt "where" in "who were…"
        for (boolean guess : new boolean[] {false, true}) {
            AnswerType asked = null;
            int longest = 0;
            for (Map.Entry<AnswerType, Cues> type : answerTypes.entrySet()) {
                for (String cue : type.getValue().asked()) {
                    if (cue.length() > longest && (guess ? misspells(text, cue) : holds(text, cue))) {
                        asked = type.getKey();
                        longest = cue.length();
                    }
                }
            }
            if (asked != null) {
                return Optional.of(asked);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a text (in this phrasebook's language) can answer a question asking for {@code type}: for a
     * value, whether it states one (a year or the words of a period, a clock time, a number, a number with
     * its unit); for any other kind, whether it holds the words such an answer tends to hold, if any are
     * known.
     */
    boolean holds(AnswerType type, String text) {
        Cues cues = answerTypes.get(type);
        boolean said = cues != null && cues.said().stream().anyMatch(word -> holds(text, word));
        return switch (type) {
            // "when" asks for a year or a time of day alike ("when is the show?")
            case DATE -> said || YEAR.matcher(text).find() || CLOCK.matcher(text).find();
            case TIME -> said || CLOCK.matcher(text).find();
            case COUNT -> said || NUMBER.matcher(text).find();
            case MEASURE, PRICE -> said || cues != null && numberWithUnit(text, cues.units());
            default -> cues == null || cues.said().isEmpty() || said;
        };
    }

    /**
     * What a "how many" question counts: the first word after its asking words, past the words that stand
     * between ("how many names…": "names"; "bao nhiêu ông tiến sĩ": "tiến"); null where the question does not
     * say ("có bao nhiêu cái?", "how many are there?") or the language does not tell counted things apart.
     */
    String counted(String question) {
        Cues count = answerTypes.get(AnswerType.COUNT);
        if (count == null || count.within() == 0) {
            return null;
        }
        String lower = question.toLowerCase(Locale.ROOT);
        int after = -1;
        int longest = 0;
        for (String cue : count.asked()) {
            java.util.regex.Matcher found = wholeWord(cue).matcher(lower);
            if (cue.length() > longest && found.find()) {
                after = found.end();
                longest = cue.length();
            }
        }
        if (after < 0) {
            return null;
        }
        // a word the search leaves out is no thing: "how many are there?" counts nothing it names
        LanguageAnalysis.Profile search = LanguageAnalysis.profile(language);
        return wordsOfTheClause(lower.substring(after)).stream().filter(word -> !count.between().contains(word))
                .findFirst().filter(word -> !search.terms(search.views().get(0), word).isEmpty()).orElse(null);
    }

    /**
     * Whether a text gives a number of what is counted: a number followed, within {@link Cues#within} words past
     * those that stand between, by a word like {@code counted} ("82 stelae" for "stelae", not for "names"). A bare
     * value ("2", a fact's) may be of anything.
     */
    boolean counts(String counted, String text) {
        Cues count = answerTypes.get(AnswerType.COUNT);
        List<String> tokens = new ArrayList<>();
        java.util.regex.Matcher token = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (token.find()) {
            tokens.add(token.group());
        }
        java.util.function.Predicate<String> number = word -> NUMBER.matcher(word).matches() || count.said().contains(word);
        if (tokens.stream().filter(Phrasebook::isWord).count() <= BARE_VALUE_WORDS && tokens.stream().anyMatch(number)) {
            return true;
        }
        for (int at = 0; at < tokens.size(); at++) {
            if (!number.test(tokens.get(at))) {
                continue;
            }
            int seen = 0;
            for (int next = at + 1; next < tokens.size() && seen < count.within() && isWord(tokens.get(next)); next++) {
                if (count.between().contains(tokens.get(next))) {
                    continue;
                }
                if (alike(tokens.get(next), counted)) {
                    return true;
                }
                seen++;
            }
        }
        return false;
    }

    /** How many words a text may have and still be a bare value ("2", "19 m", "hai tầng"). */
    private static final int BARE_VALUE_WORDS = 3;
    /**
     * A number as one token ("40,000"), an elided article or pronoun ("d'" of "d'ethnies", one of the words
     * that stand between a count and what it counts), a word, or any other mark.
     */
    private static final Pattern TOKEN = Pattern.compile("\\d+(?:[.,]\\d+)*|\\p{L}{1,2}['’](?=\\p{L})|[\\p{L}\\p{N}'’]+|\\S");

    private static boolean isWord(String token) {
        return Character.isLetterOrDigit(token.codePointAt(0));
    }

    /** The words of a text up to its first punctuation mark. */
    private static List<String> wordsOfTheClause(String text) {
        List<String> words = new ArrayList<>();
        java.util.regex.Matcher token = TOKEN.matcher(text);
        while (token.find() && isWord(token.group())) {
            words.add(token.group());
        }
        return words;
    }

    /**
     * Whether two words are the same word, told apart from diacritics and endings by a shared beginning: plurals
     * differ past what one stemmer equates ("stele", "steles", "stelae"; "famille", "familles").
     */
    private static boolean alike(String a, String b) {
        String one = LanguageAnalysis.fold(a);
        String other = LanguageAnalysis.fold(b);
        int shorter = Math.min(one.length(), other.length());
        if (one.equals(other) || shorter < 4) {
            return one.equals(other);
        }
        int shared = 0;
        while (shared < shorter && one.charAt(shared) == other.charAt(shared)) {
            shared++;
        }
        return shared >= Math.max(4, shorter - 2);
    }

    private Pattern wholeWord(String phrase) {
        String quoted = Pattern.quote(phrase.toLowerCase(Locale.ROOT));
        return Pattern.compile(LanguageAnalysis.writesWordsApart(language)
                ? "(?<![\\p{L}\\p{N}])" + quoted + "(?![\\p{L}\\p{N}])" : quoted);
    }

    /**
     * Whether a text can be told to hold an answer of this kind: a value, or a kind whose answers have words
     * of their own ("by" for who); a "how" or "what" can be answered by any text.
     */
    boolean recognises(AnswerType type) {
        return type.isValue() || answerTypes.containsKey(type) && !answerTypes.get(type).said().isEmpty();
    }

    /** Whether a unit follows a number in the text, in digits or in words ("19 m", "nineteen metres", "十九米"). */
    private boolean numberWithUnit(String text, List<String> units) {
        String lower = text.toLowerCase(Locale.ROOT);
        Cues count = answerTypes.get(AnswerType.COUNT);
        List<String> numberWords = count == null ? List.of() : count.said();
        String edge = LanguageAnalysis.writesWordsApart(language) ? "(?<![\\p{L}])%s(?![\\p{L}])" : "%s";
        for (String unit : units) {
            java.util.regex.Matcher found = Pattern.compile(String.format(edge, Pattern.quote(unit.toLowerCase(Locale.ROOT))))
                    .matcher(lower);
            while (found.find()) {
                String before = lower.substring(0, found.start()).stripTrailing();
                if (!before.isEmpty() && Character.isDigit(before.charAt(before.length() - 1))
                        || numberWords.stream().anyMatch(word -> endsWithWord(before, word.toLowerCase(Locale.ROOT)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean endsWithWord(String text, String word) {
        return text.endsWith(word) && (!LanguageAnalysis.writesWordsApart(language) || text.length() == word.length()
                || !Character.isLetter(text.charAt(text.length() - word.length() - 1)));
    }



    /** "wen was it bilt": a word one typo off a question word of three letters or more, same first letter. */
    private boolean misspells(String text, String word) {
        if (word.length() < 3 || word.contains(" ") || !LanguageAnalysis.writesWordsApart(language)) {
            return false;
        }
        String wanted = word.toLowerCase(Locale.ROOT);
        OneTypo typo = OneTypo.of(wanted);
        return java.util.Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+"))
                .anyMatch(w -> w.length() >= 3 && w.charAt(0) == wanted.charAt(0) && typo.matches(w));
    }

    /** Whether an answer opens with a yes/no reply ("Yes, …", "Đúng vậy, …"). */
    boolean opensWithReply(String answer) {
        String lower = answer.strip().toLowerCase(Locale.ROOT);
        return replies.stream().map(r -> r.toLowerCase(Locale.ROOT))
                .anyMatch(r -> lower.startsWith(r) && lower.substring(r.length()).matches("(?s)\\s*[,.!，。！、].*"));
    }

    /** Whether a text holds a word or phrase (as a whole word, except in languages written without spaces). */
    boolean holds(String text, String phrase) {
        return wholeWord(phrase).matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** Korean attaches particles to words: 이건 = 이것 + 은. */
    private boolean startsAsPointer(String word, String pointer) {
        return language.equals("ko") && pointer.length() >= 2 && word.startsWith(pointer);
    }
}

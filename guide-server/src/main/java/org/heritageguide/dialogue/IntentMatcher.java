package org.heritageguide.dialogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.heritageguide.knowledge.LanguageAnalysis;
import org.heritageguide.knowledge.TextEmbedders;
import org.heritageguide.knowledge.TextIndex;

/**
 * Recognises {@link Intent}s by matching a visitor's words against the examples of each language's
 * {@link Phrasebook}, every word counting (a greeting is made of small words). An intent matches when
 * one of its examples is all in the question, and the question's words are all among its examples' words:
 * "thank you so much" matches "thank you" (and "so much" from "thanks so much"), but "tell me more" does
 * not match "tell me more about the turtles" unless "turtles" names an exhibit.
 */
final class IntentMatcher {

    /**
     * The intent a question expresses best.
     *
     * @param parameter  the visitor topic key for {@link Intent#VISITOR_INFO}, the language for
     *                   {@link Intent#SWITCH_LANGUAGE}, else null
     * @param confidence how fully the question and the example cover each other (0..1)
     */
    record Match(Intent intent, String parameter, double confidence, TextIndex.Match evidence) {
    }

    /**
     * A language's phrasebook with its examples indexed one by one, and all the examples of each intent
     * together.
     *
     * @param topicWords the terms of the words that name a practical topic ("pram", "coffee")
     */
    private record Indexed(Phrasebook book, TextIndex examples, TextIndex intents, Set<String> topicWords) {
    }

    private final TextEmbedders embedders;
    private final double denseBase;
    private final Map<String, Optional<Indexed>> languages = new ConcurrentHashMap<>();

    IntentMatcher(TextEmbedders embedders, double denseBase) {
        this.embedders = embedders;
        this.denseBase = denseBase;
    }

    /** Reads and indexes a language's phrasebook now rather than at its first question. */
    void prepare(String language) {
        indexed(language);
    }

    Optional<Phrasebook> phrasebook(String language) {
        return indexed(language).map(Indexed::book);
    }

    private Optional<Indexed> indexed(String language) {
        return languages.computeIfAbsent(language, l -> Phrasebook.load(l).map(book -> {
            List<TextIndex.Entry> examples = entries(book);
            Map<String, List<String>> byIntent = new LinkedHashMap<>();
            examples.forEach(e -> byIntent.computeIfAbsent(intentKey(e.key()), k -> new ArrayList<>()).addAll(e.questions()));
            List<TextIndex.Entry> intents = new ArrayList<>();
            byIntent.forEach((key, all) -> intents.add(new TextIndex.Entry(key, "", all, "", List.of())));
            LanguageAnalysis.Profile profile = LanguageAnalysis.everyWordProfile(l);
            Set<String> topicWords = new HashSet<>();
            book.visitorWords().values().forEach(words -> words.forEach(word ->
                    profile.views().forEach(view -> topicWords.addAll(profile.terms(view, word)))));
            return new Indexed(book, TextIndex.build(profile, examples, embedders.forLanguage(l).orElse(null)),
                    TextIndex.build(profile, intents, null), Set.copyOf(topicWords));
        }));
    }

    /** The words of the question that the phrasebook knows: real words of the language, not typos. */
    Set<String> knownWords(String question, String language) {
        return indexed(language).map(i -> i.examples().knownTerms(question)).orElse(Set.of());
    }

    /** The words of the question that the phrasebook knows, its practical topics' words ("pram", "coffee") too. */
    Set<String> everyKnownWord(String question, String language) {
        return indexed(language).map(i -> {
            Set<String> known = new HashSet<>(i.examples().knownTerms(question));
            LanguageAnalysis.Profile profile = LanguageAnalysis.everyWordProfile(language);
            profile.views().forEach(view -> profile.terms(view, question).stream().filter(i.topicWords()::contains)
                    .forEach(known::add));
            return known;
        }).orElse(Set.of());
    }

    /**
     * The best intent of a question, leaving {@code nameTerms} (an exhibit's name) out of the comparison;
     * {@code realWords} (e.g. words the site's content uses) are not taken for typos of the phrasebook's words.
     */
    Optional<Match> match(String question, String language, Set<String> nameTerms, Set<String> realWords) {
        Optional<Indexed> indexed = indexed(language);
        if (indexed.isEmpty()) {
            return Optional.empty();
        }
        TextIndex examples = indexed.get().examples();
        TextIndex.Result asked = examples.search(question, nameTerms, realWords);
        Map<String, Double> covered = new LinkedHashMap<>();
        // the same examples grouped by intent: the question reads there as it does among the examples
        indexed.get().intents().search(question, asked, nameTerms).matches()
                .forEach(m -> covered.put(m.key(), m.coverage()));
        Match best = null;
        for (TextIndex.Match candidate : asked.matches()) {
            String intentKey = intentKey(candidate.key());
            double lexical = Math.min(covered.getOrDefault(intentKey, 0.0), candidate.entryCoverage());
            double confidence = examples.dense() ? Math.max(lexical, (candidate.dense() - denseBase) / (1 - denseBase)) : lexical;
            if (best == null || confidence > best.confidence()) {
                String[] key = intentKey.split(":", 2);
                best = new Match(Intent.fromKey(key[0]).orElseThrow(), key.length > 1 ? key[1] : null, confidence, candidate);
            }
        }
        return Optional.ofNullable(best);
    }

    /** "visitor-info:hours#3" → "visitor-info:hours". */
    private static String intentKey(String exampleKey) {
        return exampleKey.substring(0, exampleKey.indexOf('#'));
    }

    private static List<TextIndex.Entry> entries(Phrasebook book) {
        List<TextIndex.Entry> entries = new ArrayList<>();
        book.intents().forEach((intent, examples) -> {
            for (int i = 0; i < examples.size(); i++) {
                String example = examples.get(i);
                if (intent == Intent.SWITCH_LANGUAGE) {
                    int n = i;
                    // a language's name is what tells these apart: their words, not their meaning, decide
                    book.languageNames().forEach((language, names) -> names.forEach(name -> {
                        String named = example.replace(Phrasebook.LANGUAGE_PLACEHOLDER, name);
                        entries.add(new TextIndex.Entry(intent.key() + ":" + language + "#" + n + name, "",
                                List.of(named), "", List.of()));
                    }));
                } else {
                    entries.add(entry(intent.key() + "#" + i, example));
                }
            }
        });
        book.visitorInfo().forEach((topic, examples) -> {
            for (int i = 0; i < examples.size(); i++) {
                entries.add(entry(Intent.VISITOR_INFO.key() + ":" + topic.key() + "#" + i, examples.get(i)));
            }
        });
        return entries;
    }

    private static TextIndex.Entry entry(String key, String example) {
        return new TextIndex.Entry(key, "", List.of(example), "", List.of(example));
    }
}

package org.heritageguide.knowledge;

import java.util.Collection;

import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;

/**
 * What the guide takes for one typo of a word: one letter changed, added or dropped, or two neighbours
 * swapped ("bilt", "buillt", "biult" for "built"), as Lucene's Levenshtein automaton with transpositions
 * accepts them. How long a word must be for a typo to be forgiven is the caller's to say.
 */
public final class OneTypo {

    private final CharacterRunAutomaton withinOneEdit;

    /** Room to determinize the union of a language's stop words' automata (a few hundred short words). */
    private static final int DETERMINIZE_WORK_LIMIT = 1_000_000;

    private OneTypo(Automaton withinOneEdit) {
        this.withinOneEdit = new CharacterRunAutomaton(withinOneEdit, DETERMINIZE_WORK_LIMIT);
    }

    /** The words at most one typo from {@code word}. */
    public static OneTypo of(String word) {
        return new OneTypo(withinOneEdit(word));
    }

    /**
     * The words at most one typo from any of {@code words}, in one automaton built once: telling whether a word
     * is a typo of one of many then costs one walk of the word, not an automaton per word asked about.
     */
    public static OneTypo ofAny(Collection<String> words) {
        return new OneTypo(Operations.union(words.stream().map(OneTypo::withinOneEdit).toList()));
    }

    private static Automaton withinOneEdit(String word) {
        return new LevenshteinAutomata(word, true).toAutomaton(1);
    }

    /** Whether {@code typed} is the word, or the word with one typo. */
    public boolean matches(String typed) {
        return withinOneEdit.run(typed);
    }
}

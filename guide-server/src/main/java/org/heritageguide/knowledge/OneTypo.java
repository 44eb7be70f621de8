package org.heritageguide.knowledge;

import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * What the guide takes for one typo of a word: one letter changed, added or dropped, or two neighbours
 * swapped ("bilt", "buillt", "biult" for "built"), as Lucene's Levenshtein automaton with transpositions
 * accepts them. How long a word must be for a typo to be forgiven is the caller's to say.
 */
public final class OneTypo {

    private final CharacterRunAutomaton withinOneEdit;

    private OneTypo(String word) {
        this.withinOneEdit = new CharacterRunAutomaton(new LevenshteinAutomata(word, true).toAutomaton(1));
    }

    /** The words at most one typo from {@code word}. */
    public static OneTypo of(String word) {
        return new OneTypo(word);
    }

    /** Whether {@code typed} is the word, or the word with one typo. */
    public boolean matches(String typed) {
        return withinOneEdit.run(typed);
    }
}

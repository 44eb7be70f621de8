package org.heritageguide.dialogue;

import java.util.List;

/** How much of curator text makes one spoken answer. */
final class SpokenLength {

    /** At most this many sentences make one spoken answer. */
    static final int MAX_SENTENCES = 3;
    /** Past this many characters, no further sentence is added (the first always is). */
    static final int MAX_CHARACTERS = 300;

    private SpokenLength() {
    }

    /** How many sentences from {@code from} make one spoken answer (at least one, if any remain). */
    static int sentencesFrom(List<String> sentences, int from) {
        int count = 0;
        int length = 0;
        while (from + count < sentences.size() && count < MAX_SENTENCES
                && (count == 0 || length + sentences.get(from + count).length() <= MAX_CHARACTERS)) {
            length += sentences.get(from + count).length();
            count++;
        }
        return count;
    }
}

package org.heritageguide.dialogue;

import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/** Cuts curator text into sentences, and sentences into answers short enough to be spoken. */
final class Sentences {

    /** At most this many sentences make one spoken answer. */
    static final int MAX_SENTENCES = 3;
    /** Past this many characters, no further sentence is added (the first always is). */
    static final int SPOKEN_LENGTH = 300;

    private Sentences() {
    }

    static List<String> split(String text, String language) {
        List<String> sentences = new ArrayList<>();
        BreakIterator iterator = BreakIterator.getSentenceInstance(ULocale.forLanguageTag(language));
        iterator.setText(text);
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            String sentence = text.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    /** How many sentences from {@code from} make one spoken answer (at least one, if any remain). */
    static int spokenCount(List<String> sentences, int from) {
        int count = 0;
        int length = 0;
        while (from + count < sentences.size() && count < MAX_SENTENCES
                && (count == 0 || length + sentences.get(from + count).length() <= SPOKEN_LENGTH)) {
            length += sentences.get(from + count).length();
            count++;
        }
        return count;
    }

    /** Joins sentences as they are written in the language (no spaces between Chinese or Japanese sentences). */
    static String join(List<String> sentences, String language) {
        return String.join(language.equals("zh") || language.equals("ja") ? "" : " ", sentences);
    }
}

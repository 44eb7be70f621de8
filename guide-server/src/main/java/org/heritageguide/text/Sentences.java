package org.heritageguide.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * The sentences of a text as its language writes them: the guide's one sentence splitter, shared by
 * the dialogue (which answers in whole sentences) and the answer audio (which speaks them one by one).
 */
public final class Sentences {

    /** A word joiner: what ICU reads in place of a space that separates no sentences. */
    private static final char JOINER = '\u2060';
    /**
     * Spaces ICU would read as the end of a sentence where there is none: after an initial, a lone
     * letter A to Z ("M. Dupont", "A. de Rhodes"; a sentence ending in "Plan B." is then joined to the
     * next, which costs less than a sentence "M." alone; Vietnamese "Đông Nam Á." still ends one), and
     * before a closing quote that French sets apart with a space ("« Bonjour. »").
     */
    private static final Pattern NO_SENTENCE_END = Pattern.compile(
            "(?<=(?<![\\p{L}\\p{M}\\p{N}])[A-Z]\\.)[\\p{Zs}\\t]+(?=\\p{L})|[\\p{Zs}\\t]+(?=\\p{Pf})");

    private Sentences() {
    }

    /**
     * ICU's sentence boundaries, each sentence without the spaces around it. (Not ICU's abbreviations,
     * {@code ss=standard}: it reads them as word endings, so that "animaux." ends no sentence for
     * "aux.", nor "Thăng Long." for "Long.")
     */
    public static List<String> split(String text, String language) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(ULocale.forLanguageTag(language));
        iterator.setText(withoutFalseEnds(text));
        List<String> sentences = new ArrayList<>();
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            String sentence = text.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    /** Joins sentences as they are written in the language (no spaces between Chinese or Japanese sentences). */
    public static String join(List<String> sentences, String language) {
        return String.join(language.equals("zh") || language.equals("ja") ? "" : " ", sentences);
    }

    /** The text as ICU is to read it: the same length, with the spaces that end no sentence joined. */
    private static String withoutFalseEnds(String text) {
        Matcher space = NO_SENTENCE_END.matcher(text);
        if (!space.find()) {
            return text;
        }
        StringBuilder read = new StringBuilder(text);
        do {
            for (int i = space.start(); i < space.end(); i++) {
                read.setCharAt(i, JOINER);
            }
        } while (space.find());
        return read.toString();
    }
}

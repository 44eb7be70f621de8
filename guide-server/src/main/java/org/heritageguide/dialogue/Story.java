package org.heritageguide.dialogue;

import java.util.ArrayList;
import java.util.List;

import org.heritageguide.site.Exhibit;
import org.heritageguide.site.Localized;
import org.heritageguide.text.Sentences;

/**
 * Everything the curators wrote about an exhibit, as one sequence of sentences: the summary, then each
 * passage in order, each in the first language of the visitor's fallback chain that has it. "Tell me
 * more" walks along it; {@code VisitorSession.Context.toldUpTo} is a position in it.
 */
record Story(List<String> sentences, List<String> languages, int summaryLength, List<Integer> passageStarts) {

    static Story of(Exhibit exhibit, List<String> chain) {
        List<String> sentences = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        add(exhibit.summary(), chain, sentences, languages);
        int summaryLength = sentences.size();
        List<Integer> passageStarts = new ArrayList<>();
        for (Localized passage : exhibit.passages()) {
            passageStarts.add(sentences.size());
            add(passage, chain, sentences, languages);
        }
        return new Story(List.copyOf(sentences), List.copyOf(languages), summaryLength, List.copyOf(passageStarts));
    }

    private static void add(Localized text, List<String> chain, List<String> sentences, List<String> languages) {
        text.firstOf(chain).ifPresent(t -> Sentences.split(t.text(), t.language()).forEach(sentence -> {
            sentences.add(sentence);
            languages.add(t.language());
        }));
    }

    int size() {
        return sentences.size();
    }

    String sentence(int index) {
        return sentences.get(index);
    }

    String language(int index) {
        return languages.get(index);
    }

    /**
     * What the guide says from sentence {@code from}: up to {@code count} sentences, as long as they are in the
     * first one's language (an answer is in one language), joined as that language joins them.
     *
     * @param end the position after the last sentence told
     */
    record Told(Localized.Translation text, int end) {
    }

    Told tell(int from, int count) {
        String language = language(from);
        List<String> told = new ArrayList<>();
        int end = from;
        while (end < from + count && end < size() && language(end).equals(language)) {
            told.add(sentence(end));
            end++;
        }
        return new Told(new Localized.Translation(language, Sentences.join(told, language)), end);
    }

    /** Where passage {@code index} begins; past the last passage, the end of the story. */
    int passageStart(int index) {
        return index < passageStarts.size() ? passageStarts.get(index) : sentences.size();
    }
}

package org.heritageguide.dialogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.heritageguide.site.Exhibit;
import org.heritageguide.site.Faq;
import org.heritageguide.site.Localized;
import org.heritageguide.site.Site;
import org.heritageguide.text.Sentences;

/**
 * The answers the guide gives from curators' text whatever the wording of the question, in the
 * language of a visitor, cut into spoken pieces exactly as the {@link Guide} cuts them: each FAQ answer,
 * each visitor-information text, the site's introduction and each exhibit's story (summary, then
 * "tell me more" piece after piece). The voice pipeline renders their audio ahead of time. Answers that
 * depend on the question (the best sentences of a passage) are not among them.
 */
public final class SpokenAnswers {

    private SpokenAnswers() {
    }

    /** Each answer with the language it is actually in (another one where a translation is missing). */
    public static List<Localized.Translation> of(Site site, String language) {
        List<String> chain = site.fallbackChain(language);
        Set<Localized.Translation> answers = new LinkedHashSet<>();
        site.intro().firstOf(chain).ifPresent(intro -> answers.addAll(pieces(intro)));
        for (Faq faq : site.faqs()) {
            faq.answer().firstOf(chain).ifPresent(answer -> {
                List<String> sentences = Sentences.split(answer.text(), answer.language());
                answers.add(new Localized.Translation(answer.language(),
                        Sentences.join(sentences.subList(0, SpokenLength.sentencesFrom(sentences, 0)), answer.language())));
            });
        }
        site.visitorInfo().values().forEach(text -> text.firstOf(chain).ifPresent(answers::add));
        for (Exhibit exhibit : site.publishedExhibits()) {
            Story story = Story.of(exhibit, chain);
            if (story.size() == 0) {
                continue;
            }
            int told = told(story, 0, Math.max(1, Math.min(story.summaryLength(), SpokenLength.MAX_SENTENCES)), answers);
            while (told < story.size()) {
                told = told(story, told, SpokenLength.sentencesFrom(story.sentences(), told), answers);
            }
        }
        return List.copyOf(answers);
    }

    /**
     * The introduction from each of its sentences: "tell me more" walks it from the start, and a question
     * about the site is answered from the sentence that says it ({@code Guide.introAnswering}).
     */
    private static List<Localized.Translation> pieces(Localized.Translation text) {
        List<String> sentences = Sentences.split(text.text(), text.language());
        List<Localized.Translation> pieces = new ArrayList<>();
        for (int from = 0; from < sentences.size(); from++) {
            int count = SpokenLength.sentencesFrom(sentences, from);
            pieces.add(new Localized.Translation(text.language(),
                    Sentences.join(sentences.subList(from, from + count), text.language())));
        }
        return pieces;
    }

    /** What the guide says from {@code from} ({@link Story#tell}), kept; the position after it. */
    private static int told(Story story, int from, int count, Set<Localized.Translation> answers) {
        Story.Told told = story.tell(from, count);
        answers.add(told.text());
        return told.end();
    }
}

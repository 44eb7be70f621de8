package org.heritageguide.dialogue;

import java.util.List;

/**
 * The guide's answer to one turn.
 *
 * @param text            what the guide says
 * @param language        the language of {@code text}
 * @param answered        false when the guide did not know (the question was recorded for the curators)
 * @param sources         what the answer came from, titles in the answer's language
 * @param notice          in the visitor's language, when the answer had to come in another language; else null
 * @param languageChanged whether the session's language changed with this turn (the visitor asked for
 *                        another language, or typed in one)
 * @param intent          what the visitor wanted besides content ({@code greeting}, {@code where},
 *                        {@code visitor-info}...), or null for an answer from the site's content
 * @param decidedBy       the name of the rule that decided what to do with the question
 *                        ({@code content-answers}, {@code answer-type-missing}, ...; docs/architecture.md)
 */
public record TurnResult(String text, String language, boolean answered, List<Source> sources, String notice,
                         boolean languageChanged, String intent, String decidedBy) {

    public TurnResult {
        sources = List.copyOf(sources);
    }

    /**
     * @param id      {@code exhibit:<id>}, {@code faq:<id>}, {@code info:<topic>} or {@code site:intro}
     * @param exhibit the exhibit, or null when the answer is about the site as a whole
     * @param title   the exhibit's title, else the site's name or the visitor topic's name
     */
    public record Source(String id, String exhibit, String title) {
    }
}

package org.heritageguide.dialogue.decision;

/**
 * What the guide found out about one question, for the {@link Decision} to decide on: plain values, so that
 * each rule can be tried on evidence made by hand. Retrieval and question analysis gather it; they decide
 * nothing.
 *
 * @param onlyCourtesies       the words were courtesies only ("thank you!")
 * @param intentConfidence     how surely the visitor wants something other than content (an intent), 0..1
 * @param intentIsAbout        that intent is about a thing ("where is…", "tell me more"), not the visit
 * @param contentConfidence    how surely the best content candidate answers, 0..1
 * @param contentOfNamedThing  the best content is about the exhibit the question names by one of its names
 * @param answerTypeIsValue    the question asks for a value: a date, a time, a count, a measure or a price
 * @param contentHoldsAnswer   the chosen content can hold what is asked (a "when" text holds a date)
 * @param contentOnlyNamesIt   the best content shares only the name of what is asked about with the question
 *                             ("How tall is Khuê Văn Các?" and a text naming the pavilion, saying nothing of height)
 * @param contentOffPointed    the question points at the exhibit in front of the visitor ("who made this?")
 *                             and the best content is about something else
 * @param contentOffUntranslatedFocus the question names nothing, the exhibit in focus has no text in the
 *                             visitor's language, and the best content in that language is another exhibit's
 * @param pointsAtFocus        the question points at the exhibit in focus ("this", "it": the exhibit in front of
 *                             the visitor, else the one talked about last) and names nothing
 * @param asksOnlyWhatItIs     it asks what that is and nothing more ("what is this?", "이게 뭐예요?")
 * @param focusSaysIt          the exhibit in focus has a sentence or fact that holds what is asked
 * @param otherSiteNamed       the question names another site's exhibit more clearly than anything here
 * @param practicalTopicNamed  the question names one practical topic (toilets, tickets, wheelchair…)
 */
public record Evidence(boolean onlyCourtesies, double intentConfidence, boolean intentIsAbout, double contentConfidence,
                       boolean contentOfNamedThing, boolean answerTypeIsValue, boolean contentHoldsAnswer,
                       boolean contentOnlyNamesIt, boolean contentOffPointed, boolean contentOffUntranslatedFocus,
                       boolean pointsAtFocus, boolean asksOnlyWhatItIs, boolean focusSaysIt,
                       boolean otherSiteNamed, boolean practicalTopicNamed) {

    /** Evidence of nothing at all: a question the guide found no trace of. */
    public static final Evidence NOTHING = new Evidence(false, 0, false, 0, false, false, true, false, false, false,
            false, false, false, false, false);

    public Evidence withOtherSiteNamed() {
        return new Evidence(onlyCourtesies, intentConfidence, intentIsAbout, contentConfidence, contentOfNamedThing,
                answerTypeIsValue, contentHoldsAnswer, contentOnlyNamesIt, contentOffPointed, contentOffUntranslatedFocus,
                pointsAtFocus, asksOnlyWhatItIs, focusSaysIt, true, practicalTopicNamed);
    }
}

package org.heritageguide.dialogue.decision;

/**
 * What the guide found out about one question, for the {@link Decision} to decide on: plain values, so that
 * each rule can be tried on evidence made by hand. Question analysis and retrieval gather it; they decide
 * nothing.
 *
 * @param onlyCourtesies      the words were courtesies only ("thank you!")
 * @param intentConfidence    how surely the visitor wants something other than content (an intent), 0..1
 * @param intentIsAbout       that intent is about a thing ("where is…", "tell me more"), not about the visit
 * @param intentHoldsAnswer   what the intent would answer can hold what is asked: a question asking for a value
 *                            (a date, a time, a count, a measure, a price) is answered only by the site's
 *                            information on a practical topic that states one ("how tall is it?" is not answered
 *                            with where it is)
 * @param content             the best content candidate, or {@link Content#NONE}
 * @param answerTypeIsValue   the question asks for a value: a date, a time, a count, a measure or a price
 * @param pointsAtFocus       the question points at the exhibit in focus ("this", "it": the exhibit in front of
 *                            the visitor, else the one talked about last) and names nothing
 * @param asksOnlyWhatItIs    it asks what that is and nothing more ("what is this?", "이게 뭐예요?")
 * @param asksOnlyWhereItIs   it asks where the exhibit it names or points at is and nothing more ("where's the Jarai
 *                            tomb?"), and that exhibit says where it is
 * @param namesNothingAtFocus the question names nothing and an exhibit is in focus: it may well be about that one
 * @param focusSaysIt         the exhibit in focus has a sentence or fact that holds what is asked and shares the
 *                            question's other words
 * @param elsewhere           what of another site the question names more clearly than anything here: nothing, one
 *                            of its exhibits, or the site itself
 * @param practicalTopicNamed the question names one practical topic (toilets, tickets, wheelchair…) whose
 *                            information can hold what is asked
 * @param namesUntranslated   the question names an exhibit that has no text in the visitor's language (by one of
 *                            its names in that language, or its title in another), and nothing that has
 * @param untranslatedSaysIt  that exhibit, in another language, has a sentence or fact holding the value asked
 * @param descriptionAnswers  a description of the thing asked about may answer the question: it asks what or who
 *                            it is, why or how, or nothing in particular (not when, where, how many…)
 */
public record Evidence(boolean onlyCourtesies, double intentConfidence, boolean intentIsAbout,
                       boolean intentHoldsAnswer, Content content,
                       boolean answerTypeIsValue, boolean pointsAtFocus, boolean asksOnlyWhatItIs,
                       boolean asksOnlyWhereItIs, boolean namesNothingAtFocus, boolean focusSaysIt,
                       Elsewhere elsewhere, boolean practicalTopicNamed, boolean namesUntranslated,
                       boolean untranslatedSaysIt, boolean descriptionAnswers) {

    /** What of another site a question names. */
    public enum Elsewhere {
        NOTHING,
        /** One of its exhibits ("the Bronze Drum building", asked at the Temple of Literature). */
        ITS_EXHIBIT,
        /** The other site itself ("when does the Museum of Ethnology open?"). */
        THE_SITE
    }

    /**
     * The best content candidate, as retrieval measured it.
     *
     * @param confidence       the share of the question it covers, raised by the embeddings (0..1)
     * @param coverage         the IDF-weighted share of the question's words found in it (0..1)
     * @param entryCoverage    the IDF-weighted share of its words found in the question (0..1)
     * @param dense            the cosine of the question's and its embeddings (0 without a model)
     * @param withDense        whether the language has an embedding model
     * @param faq              it is a curated FAQ (matched against its ways of asking)
     * @param askedAlike       for a FAQ, how alike the question and the closest of its ways of asking are (the
     *                         share of their words they have in common, 0..1); 0 for other content
     * @param guessed          it was matched only through typo-corrected words
     * @param margin           how far its score is above the best candidate about something else
     * @param ofNamedThing     it is about the exhibit the question names
     * @param offNamedThing    the question names an exhibit (or the site) and this is about something else
     * @param ofFocus          it is about the exhibit in focus (in front of the visitor, else talked about last)
     * @param holdsAnswer      it can hold what is asked (a "when" text holds a date); true for other questions
     * @param onlyNamesIt      it shares only the name of what is asked about with the question ("How tall is
     *                         Khuê Văn Các?" and a text naming the pavilion, saying nothing of height)
     * @param offPointed       the question points at the exhibit in focus and this is about something else
     * @param offUntranslatedFocus the question names nothing, the exhibit in focus has no text in the visitor's
     *                         language, and this is another exhibit's text in that language
     * @param rank             its place among the candidates as retrieval ranked them, the best 0
     * @param belowBest        how much less sure retrieval is of it than of the best candidate ({@code confidence}'s
     *                         difference; 0 for the best)
     * @param coverageBelowBest how much less of the question it covers than the best candidate
     * @param ofBestsSubject   it is about what the best candidate is about (the same exhibit, or the best itself)
     */
    public record Content(double confidence, double coverage, double entryCoverage, double dense, boolean withDense,
                          boolean faq, double askedAlike, boolean guessed, double margin, boolean ofNamedThing,
                          boolean offNamedThing, boolean ofFocus, boolean holdsAnswer,
                          boolean onlyNamesIt, boolean offPointed, boolean offUntranslatedFocus, int rank,
                          double belowBest, double coverageBelowBest, boolean ofBestsSubject) {

        public static final Content NONE = new Content(0, 0, 0, 0, false, false, 0, false, 0, false, false, false, true, false,
                false, false, 0, 0, 0, true);

        /** Whether something speaks against answering from it, however well it matches. */
        public boolean objected(boolean answerTypeIsValue) {
            return onlyNamesIt || offPointed || answerTypeIsValue && !holdsAnswer;
        }
    }

    /** Evidence of nothing at all: a question the guide found no trace of. */
    public static final Evidence NOTHING = new Evidence(false, 0, false, true, Content.NONE, false, false, false, false, false,
            false, Elsewhere.NOTHING, false, false, false, false);

    /** This evidence, about another content candidate. */
    public Evidence about(Content other) {
        return new Evidence(onlyCourtesies, intentConfidence, intentIsAbout, intentHoldsAnswer, other, answerTypeIsValue,
                pointsAtFocus, asksOnlyWhatItIs, asksOnlyWhereItIs, namesNothingAtFocus, focusSaysIt, elsewhere, practicalTopicNamed,
                namesUntranslated, untranslatedSaysIt, descriptionAnswers);
    }

    public Evidence naming(Elsewhere named) {
        return new Evidence(onlyCourtesies, intentConfidence, intentIsAbout, intentHoldsAnswer, content, answerTypeIsValue,
                pointsAtFocus, asksOnlyWhatItIs, asksOnlyWhereItIs, namesNothingAtFocus, focusSaysIt, named, practicalTopicNamed, namesUntranslated,
                untranslatedSaysIt, descriptionAnswers);
    }
}

package org.heritageguide.dialogue.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each rule of the decision on evidence made by hand: no index, no model. */
class DecisionTest {

    /** Content is as likely right as retrieval is sure of it, and answered from 0.6 (the guide's is learned). */
    private static final AnswerConfidence RETRIEVAL = new AnswerConfidence() {
        @Override
        public double of(Evidence evidence) {
            return evidence.content().confidence();
        }

        @Override
        public double threshold() {
            return 0.6;
        }
    };

    private final Decision decision = new Decision(RETRIEVAL, 0.65, 0.9);

    /** Evidence of a question answered surely from content that can hold what it asks, and nothing else. */
    private static Builder sureContent() {
        return new Builder().content(0.8);
    }

    @Test
    void aCourtesyAloneIsAnsweredAsOne() {
        assertThat(decision.decide(new Builder().courtesies().intent(0.9, false).build()))
                .extracting(Decision.Outcome::verdict, Decision.Outcome::rule).containsExactly(Verdict.INTENT, "courtesy");
    }

    @Test
    void contentThatCanHoldTheAnswerIsAnswered() {
        assertThat(decision.decide(sureContent().build())).extracting(Decision.Outcome::verdict, Decision.Outcome::rule).containsExactly(Verdict.CONTENT, "content-answers");
    }

    @Test
    void contentBelowTheFloorIsDeclined() {
        assertThat(decision.decide(new Builder().content(0.5).build()))
                .extracting(Decision.Outcome::verdict, Decision.Outcome::rule).containsExactly(Verdict.DECLINE, "nothing-sure-enough");
    }

    @Test
    void aStrongerIntentBeatsContent() {
        assertThat(decision.decide(sureContent().intent(0.9, false).build()))
                .extracting(Decision.Outcome::verdict, Decision.Outcome::rule).containsExactly(Verdict.INTENT, "intent-beats-weak-content");
        assertThat(decision.decide(sureContent().intent(0.7, false).build()).verdict()).isEqualTo(Verdict.CONTENT);
    }

    @Test
    void aQuestionAskingForAValueIsNotAnsweredFromATextThatHoldsNone() {
        assertThat(decision.decide(sureContent().asksValue(false).build()))
                .extracting(Decision.Outcome::verdict, Decision.Outcome::rule).containsExactly(Verdict.DECLINE, "answer-type-missing");
        assertThat(decision.decide(sureContent().asksValue(true).build()).verdict()).isEqualTo(Verdict.CONTENT);
    }

    @Test
    void aNameIsNotAnAnswer() {
        assertThat(decision.decide(sureContent().onlyNamesIt().build()))
                .extracting(Decision.Outcome::verdict, Decision.Outcome::rule).containsExactly(Verdict.DECLINE, "name-is-not-an-answer");
    }

    @Test
    void aPointingQuestionStaysOnItsExhibit() {
        assertThat(decision.decide(sureContent().offPointed().build()))
                .extracting(Decision.Outcome::verdict, Decision.Outcome::rule).containsExactly(Verdict.DECLINE, "pointing-stays-on-its-exhibit");
    }

    @Test
    void anotherSitesExhibitNamedIsSaidToBeThere() {
        assertThat(decision.decide(sureContent().otherSite().build()))
                .extracting(Decision.Outcome::verdict, Decision.Outcome::rule).containsExactly(Verdict.ELSEWHERE, "other-site-named");
        // "where is the water puppet theatre?" asks about a thing: still the other site
        assertThat(decision.decide(new Builder().intent(0.9, true).otherSite().build()).verdict())
                .isEqualTo(Verdict.ELSEWHERE);
        // "what time do you open?" is about this visit, whatever else it names
        assertThat(decision.decide(new Builder().intent(0.9, false).otherSite().build()).verdict())
                .isEqualTo(Verdict.INTENT);
    }

    @Test
    void anotherSiteNamedItselfIsSaidToBeElsewhereWhateverIsAsked() {
        // "when does the Museum of Ethnology open?", asked at the Temple of Literature
        assertThat(decision.decide(new Builder().intent(0.9, false).otherSiteItself().build()))
                .extracting(Decision.Outcome::verdict, Decision.Outcome::rule).containsExactly(Verdict.ELSEWHERE, "other-site-named");
        assertThat(decision.decide(new Builder().practicalTopic().otherSiteItself().build()).verdict())
                .isEqualTo(Verdict.ELSEWHERE);
        assertThat(decision.decide(sureContent().otherSiteItself().build()).verdict()).isEqualTo(Verdict.ELSEWHERE);
    }

    @Test
    void anIntentThatCannotHoldTheValueAskedDoesNotAnswer() {
        // "how tall is it?" read as "where is it?": a place is no height
        assertThat(decision.decide(new Builder().intent(0.9, true).asksValue(false).intentCannotHoldTheAnswer().build())
                .verdict()).isEqualTo(Verdict.DECLINE);
        assertThat(decision.decide(sureContent().intent(0.9, true).intentCannotHoldTheAnswer().build()).verdict())
                .isEqualTo(Verdict.CONTENT);
    }

    @Test
    void anExhibitWithoutTheVisitorsLanguageIsDescribedRatherThanAnotherAnswering() {
        assertThat(decision.decide(sureContent().offUntranslatedFocus().build()))
                .extracting(Decision.Outcome::verdict, Decision.Outcome::rule).containsExactly(Verdict.DESCRIBE_FOCUS, "untranslated-exhibit-in-focus");
    }

    @Test
    void anExhibitNamedThatHasNoTextInTheVisitorsLanguageAnswersFromItsOwnInAnother() {
        // "风筝馆是哪一年开的？": the Chinese texts are about other things; the Kite building's English says 2013
        assertThat(decision.decide(sureContent().offPointed().namesUntranslated(true, false).build()))
                .extracting(Decision.Outcome::verdict, Decision.Outcome::rule).containsExactly(Verdict.FOCUS_ANSWER, "untranslated-exhibit-says-it");
        assertThat(decision.decide(sureContent().offPointed().namesUntranslated(false, true).build()))
                .extracting(Decision.Outcome::verdict, Decision.Outcome::rule).containsExactly(Verdict.DESCRIBE_FOCUS, "untranslated-exhibit-described");
        // "where does it come from?" is not in a description, nor can the words asking pick an English sentence
        assertThat(decision.decide(sureContent().offPointed().namesUntranslated(false, false).build()))
                .extracting(Decision.Outcome::verdict, Decision.Outcome::rule).containsExactly(Verdict.DECLINE, "untranslated-exhibit-silent");
        // a FAQ about that exhibit in the visitor's language comes first
        assertThat(decision.decide(sureContent().namesUntranslated(true, true).build()).verdict()).isEqualTo(Verdict.CONTENT);
    }

    @Test
    void aPracticalWordGetsTheSitesInformationRatherThanIDontKnow() {
        assertThat(decision.decide(new Builder().content(0.3).practicalTopic().build()))
                .extracting(Decision.Outcome::verdict, Decision.Outcome::rule).containsExactly(Verdict.VISITOR_TOPIC, "practical-topic-word");
        assertThat(decision.decide(sureContent().practicalTopic().build()).verdict()).isEqualTo(Verdict.CONTENT);
    }

    @Test
    void aQuestionNamingNothingIsAnsweredFromTheExhibitInFocusWhenItSaysIt() {
        // "when did he live?" at Chu Văn An: no sure content, but his own text holds a date with "lived"
        assertThat(decision.decide(new Builder().content(0.3).unnamedAtFocus(true).build()))
                .extracting(Decision.Outcome::verdict, Decision.Outcome::rule).containsExactly(Verdict.FOCUS_ANSWER, "unnamed-answered-on-its-exhibit");
        assertThat(decision.decide(new Builder().content(0.3).unnamedAtFocus(false).build()).verdict())
                .isEqualTo(Verdict.DECLINE);
        // sure content comes first, and so does the site's information named by its word
        assertThat(decision.decide(sureContent().unnamedAtFocus(true).build()).verdict()).isEqualTo(Verdict.CONTENT);
        assertThat(decision.decide(new Builder().content(0.3).practicalTopic().unnamedAtFocus(true).build()).verdict())
                .isEqualTo(Verdict.VISITOR_TOPIC);
    }

    @Test
    void whatIsThisDescribesTheExhibitInFocus() {
        assertThat(decision.decide(new Builder().pointingAtFocus(true, false).build()))
                .extracting(Decision.Outcome::verdict, Decision.Outcome::rule).containsExactly(Verdict.DESCRIBE_FOCUS, "what-is-this");
    }

    @Test
    void whereIsItIsAnsweredWithWhereTheExhibitIsNotWithAnotherTextNamingIt() {
        // "where's the Jarai tomb?": the tomb's summary names it surely, its location answers
        assertThat(decision.decide(sureContent().onlyWhereItIs().build()))
                .extracting(Decision.Outcome::verdict, Decision.Outcome::rule).containsExactly(Verdict.LOCATE, "where-is-it");
        assertThat(decision.decide(sureContent().build()).verdict()).isEqualTo(Verdict.CONTENT);
    }

    @Test
    void aPointingQuestionIsAnsweredFromWhatItsExhibitSays() {
        // "Who put them up?" after the stelae: the best match is another exhibit's text, the stelae's says by whom
        assertThat(decision.decide(sureContent().offPointed().pointingAtFocus(false, true).build()))
                .extracting(Decision.Outcome::verdict, Decision.Outcome::rule).containsExactly(Verdict.FOCUS_ANSWER, "pointing-answered-on-its-exhibit");
        assertThat(decision.decide(sureContent().offPointed().pointingAtFocus(false, false).build()).rule())
                .isEqualTo("pointing-stays-on-its-exhibit");
        // content of the exhibit itself that holds the answer comes first
        assertThat(decision.decide(sureContent().pointingAtFocus(false, true).build()).verdict()).isEqualTo(Verdict.CONTENT);
    }

    @Test
    void nothingAtAllIsDeclined() {
        assertThat(decision.decide(Evidence.NOTHING)).extracting(Decision.Outcome::verdict, Decision.Outcome::rule).containsExactly(Verdict.DECLINE, "nothing-sure-enough");
    }

    @Test
    void anotherHearingOfASpokenQuestionIsAnsweredOnlyFromTheSitesTextsAndSurely() {
        assertThat(decision.answersAnotherHearing(decision.decide(new Builder().content(0.95).build()))).isTrue();
        assertThat(decision.answersAnotherHearing(decision.decide(new Builder().content(0.8).build())))
                .as("content the likeliest hearing would be answered from, not sure enough for another").isFalse();
        assertThat(decision.answersAnotherHearing(decision.decide(new Builder().pointingAtFocus(false, true).build())))
                .as("the exhibit in focus says what is asked").isTrue();
        assertThat(decision.answersAnotherHearing(decision.decide(new Builder().content(0.3).practicalTopic().build())))
                .as("a misheard word taken for a practical topic").isFalse();
        assertThat(decision.answersAnotherHearing(decision.decide(new Builder().intent(0.9, false).build())))
                .as("an intent").isFalse();
        assertThat(decision.answersAnotherHearing(decision.decide(Evidence.NOTHING))).isFalse();
    }

    @Test
    void everyRuleHasAName() {
        assertThat(decision.ruleNames()).doesNotHaveDuplicates().allMatch(name -> name.matches("[a-z]+(-[a-z]+)*"))
                .endsWith("nothing-sure-enough");
    }

    private static final class Builder {
        private boolean courtesies;
        private double intent;
        private boolean intentIsAbout;
        private double content;
        private boolean asksValue;
        private boolean holds = true;
        private boolean onlyNamesIt;
        private boolean offPointed;
        private boolean offUntranslatedFocus;
        private boolean pointsAtFocus;
        private boolean asksOnlyWhatItIs;
        private boolean asksOnlyWhereItIs;
        private boolean focusSaysIt;
        private boolean namesNothingAtFocus;
        private boolean intentHoldsAnswer = true;
        private Evidence.Elsewhere elsewhere = Evidence.Elsewhere.NOTHING;
        private boolean practicalTopic;
        private boolean namesUntranslated;
        private boolean untranslatedSaysIt;
        private boolean descriptionAnswers;

        Builder intentCannotHoldTheAnswer() {
            intentHoldsAnswer = false;
            return this;
        }

        Builder unnamedAtFocus(boolean focusSaysIt) {
            namesNothingAtFocus = true;
            this.focusSaysIt = focusSaysIt;
            return this;
        }

        Builder pointingAtFocus(boolean onlyWhatItIs, boolean focusSaysIt) {
            pointsAtFocus = true;
            namesNothingAtFocus = true;
            asksOnlyWhatItIs = onlyWhatItIs;
            this.focusSaysIt = focusSaysIt;
            return this;
        }

        Builder onlyWhereItIs() {
            asksOnlyWhereItIs = true;
            return this;
        }

        Builder courtesies() {
            courtesies = true;
            return this;
        }

        Builder intent(double confidence, boolean about) {
            intent = confidence;
            intentIsAbout = about;
            return this;
        }

        Builder content(double confidence) {
            content = confidence;
            return this;
        }

        Builder asksValue(boolean heldByTheContent) {
            asksValue = true;
            holds = heldByTheContent;
            return this;
        }

        Builder onlyNamesIt() {
            onlyNamesIt = true;
            return this;
        }

        Builder offPointed() {
            offPointed = true;
            return this;
        }

        Builder offUntranslatedFocus() {
            offUntranslatedFocus = true;
            return this;
        }

        Builder otherSite() {
            elsewhere = Evidence.Elsewhere.ITS_EXHIBIT;
            return this;
        }

        Builder otherSiteItself() {
            elsewhere = Evidence.Elsewhere.THE_SITE;
            return this;
        }

        Builder practicalTopic() {
            practicalTopic = true;
            return this;
        }

        Builder namesUntranslated(boolean saysIt, boolean description) {
            namesUntranslated = true;
            untranslatedSaysIt = saysIt;
            descriptionAnswers = description;
            return this;
        }

        Evidence build() {
            Evidence.Content best = content == 0 ? Evidence.Content.NONE : new Evidence.Content(content, content, 0.5, 0,
                    false, false, 0, false, 0.5, false, false, false, holds, onlyNamesIt, offPointed, offUntranslatedFocus, 0, 0, 0, true);
            return new Evidence(courtesies, intent, intentIsAbout, intentHoldsAnswer, best, asksValue, pointsAtFocus, asksOnlyWhatItIs,
                    asksOnlyWhereItIs, namesNothingAtFocus, focusSaysIt, elsewhere, practicalTopic, namesUntranslated, untranslatedSaysIt,
                    descriptionAnswers);
        }
    }
}

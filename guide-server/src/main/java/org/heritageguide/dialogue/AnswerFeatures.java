package org.heritageguide.dialogue;

import java.util.List;

import org.heritageguide.dialogue.decision.Evidence;

/**
 * What the learned confidence looks at: the evidence about one content candidate, as numbers. One
 * list for training ({@code AnswerModelTraining}) and for answering ({@link LearnedConfidence}).
 */
final class AnswerFeatures {

    static final List<String> NAMES = List.of("confidence", "coverage", "entryCoverage", "dense", "withDense", "faq", "askedAlike",
            "guessed", "margin", "ofNamedThing", "offNamedThing", "ofFocus", "answerTypeIsValue", "pointsAtFocus", "intentConfidence",
            "holdsAnswer", "namesNothingAtFocus", "focusSaysIt", "descriptionAnswers", "asksOnlyWhatItIs", "intentIsAbout",
            "intentHoldsAnswer", "practicalTopicNamed", "namesUntranslated", "rank", "belowBest", "coverageBelowBest",
            "ofBestsSubject");

    private AnswerFeatures() {
    }

    static double[] of(Evidence evidence) {
        Evidence.Content content = evidence.content();
        return new double[] {
                content.confidence(),
                content.coverage(),
                content.entryCoverage(),
                content.withDense() ? content.dense() : 0,
                flag(content.withDense()),
                flag(content.faq()),
                content.askedAlike(),
                flag(content.guessed()),
                Math.max(-1, Math.min(1, content.margin())),
                flag(content.ofNamedThing()),
                flag(content.offNamedThing()),
                flag(content.ofFocus()),
                flag(evidence.answerTypeIsValue()),
                flag(evidence.pointsAtFocus()),
                evidence.intentConfidence(),
                flag(content.holdsAnswer()),
                flag(evidence.namesNothingAtFocus()),
                flag(evidence.focusSaysIt()),
                flag(evidence.descriptionAnswers()),
                flag(evidence.asksOnlyWhatItIs()),
                flag(evidence.intentIsAbout()),
                flag(evidence.intentHoldsAnswer()),
                flag(evidence.practicalTopicNamed()),
                flag(evidence.namesUntranslated()),
                content.rank(),
                content.belowBest(),
                content.coverageBelowBest(),
                flag(content.ofBestsSubject())};
    }

    private static double flag(boolean value) {
        return value ? 1 : 0;
    }
}

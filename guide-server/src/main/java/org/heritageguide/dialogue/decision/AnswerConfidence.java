package org.heritageguide.dialogue.decision;

/**
 * How likely the best content answers a question right, and from which likelihood the guide answers from
 * it rather than say it does not know. The guide's is learned from question sets
 * ({@code dialogue.LearnedConfidence}); a test may give its own.
 */
public interface AnswerConfidence {

    /** The likelihood, 0..1, that answering from {@code evidence.content()} is right. */
    double of(Evidence evidence);

    /** The likelihood from which the guide answers. */
    double threshold();

    /** Answers from any content at all: for gathering what the guide would say, to learn from. */
    AnswerConfidence ALWAYS = new AnswerConfidence() {
        @Override
        public double of(Evidence evidence) {
            return 1;
        }

        @Override
        public double threshold() {
            return 0;
        }
    };
}

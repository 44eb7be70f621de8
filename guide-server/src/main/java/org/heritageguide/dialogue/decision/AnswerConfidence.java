package org.heritageguide.dialogue.decision;

/**
 * How likely a content candidate answers a question right, and from which likelihood the guide answers from
 * it rather than say it does not know: the guide answers from the likeliest of the {@link #candidates()} best. The guide's is learned from question sets
 * ({@code dialogue.LearnedConfidence}); a test may give its own.
 */
public interface AnswerConfidence {

    /** The likelihood, 0..1, that answering from {@code evidence.content()} is right. */
    double of(Evidence evidence);

    /** The likelihood from which the guide answers. */
    double threshold();

    /** How many of retrieval's best candidates are weighed against each other (1: the best alone). */
    default int candidates() {
        return 1;
    }
}

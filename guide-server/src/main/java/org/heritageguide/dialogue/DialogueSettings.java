package org.heritageguide.dialogue;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.validation.annotation.Validated;

/**
 * The dialogue's constants that are not learned. When content is sure enough to answer from is learned
 * ({@link LearnedConfidence}); these were set by hand on the evaluation set (figures in docs/benchmarks.md).
 *
 * @param wrongAnswerAim    the share of answerable questions the guide may answer wrong (and of out-of-scope ones
 *                          it may answer), as measured on the question sets when the answer model was learned:
 *                          0.01, 0.02, 0.05 or 0.1. Lower declines more ("I don't know"); higher answers more,
 *                          and more wrongly (docs/benchmarks.md has the figures of each). 0.02 by default: on
 *                          questions never learned from, the answer model answers more of them right at 0.02
 *                          than the one before it did at 0.05, and a third fewer wrong
 * @param intentFloor       the confidence an intent (greeting, "where is", opening hours...) needs
 * @param denseBase         embedding cosine below which an intent example is not similar at all
 * @param switchMargin      how much better a question must be understood in the language it seems typed
 *                          in than in the session's language for the guide to switch to it
 * @param familiarityMargin how much more of a question's words must be known in another of the site's
 *                          languages than in the session's for the guide to take it as typed in that language
 *                          (and answer in it, even "I don't know")
 * @param linguaWeight      how much lingua's likelihood (0..1, relative to the likeliest language) adds to
 *                          a language's familiarity when guessing what the question is typed in
 * @param questionWords     how many distinct words of a question the guide reads, the first ones (a Chinese
 *                          character alone is often a word): every search of the turn, the guess of its language
 *                          and its embedding read no more. What a turn costs grows with its words; the question
 *                          sets' longest has 15, a 500-character junk question ~80 in English and 500 in Chinese
 * @param heavyShare        how much of their threads' time heavy questions get (a long question, or a client that
 *                          has spent several questions' worth of CPU lately; see {@link FairAnswering}): after each,
 *                          no heavy question begins until (1 - share) / share of its CPU time has passed
 * @param otherHearingLikelihood the answer model's likelihood from which a spoken question is answered from the site's
 *                          content as the recognizer heard it less likely, when the guide declines its likeliest
 *                          hearing (docs/benchmarks.md, "Other hearings": chosen on the twentieth to twenty-second
 *                          sets spoken, above the 2 % aim's threshold, 0.76, because another hearing is less likely
 *                          what the visitor said)
 */
@Validated
@ConfigurationProperties("guide.dialogue")
public record DialogueSettings(
        @DecimalMin("0.01") @DecimalMax("0.1") @DefaultValue("0.02") double wrongAnswerAim,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.65") double intentFloor,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.6") double denseBase,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.1") double switchMargin,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.3") double familiarityMargin,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.2") double linguaWeight,
        @Min(1) @DefaultValue("32") int questionWords,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @DefaultValue("0.5") double heavyShare,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.9") double otherHearingLikelihood) {

    /** The defaults, as the annotations above give them (one source of them), for code outside Spring. */
    public static final DialogueSettings DEFAULT = Binder.get(new StandardEnvironment())
            .bindOrCreate("guide.dialogue", DialogueSettings.class);
}

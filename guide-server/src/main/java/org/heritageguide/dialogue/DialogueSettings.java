package org.heritageguide.dialogue;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When the guide answers, and when it says it does not know. The defaults were tuned on the evaluation
 * set (guide-server/src/test/resources/dialogue/eval.yaml; figures in docs/benchmarks.md).
 *
 * @param answerFloor     the confidence a content match needs to be answered; below it the guide says it
 *                        does not know and the question goes to the curators
 * @param namedAnswerFloor  the same for a question that names one of the site's exhibits by its title and
 *                        is matched in that exhibit's own text ("le lac en face de l'entrée, il s'appelle
 *                        comment ?"): the topic is sure, only the words about it may differ from the text.
 *                        Out-of-scope questions begin to be answered at 0.3 (French)
 * @param intentFloor     the confidence an intent (greeting, "where is", opening hours...) needs
 * @param denseBase       embedding cosine below which an intent example is not similar at all
 * @param switchMargin      how much better a question must be understood in the language it seems typed
 *                          in than in the session's language for the guide to switch to it
 * @param familiarityMargin how much more of a question's words must be known in another of the site's
 *                          languages than in the session's for the guide to take it as typed in that language
 *                          (and answer in it, even "I don't know")
 * @param linguaWeight      how much lingua's likelihood (0..1, relative to the likeliest language) adds to
 *                          a language's familiarity when guessing what the question is typed in
 */
@Validated
@ConfigurationProperties("guide.dialogue")
public record DialogueSettings(
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.6") double answerFloor,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.4") double namedAnswerFloor,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.65") double intentFloor,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.6") double denseBase,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.1") double switchMargin,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.3") double familiarityMargin,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.2") double linguaWeight) {

    public static final DialogueSettings DEFAULT = new DialogueSettings(0.6, 0.4, 0.65, 0.6, 0.1, 0.3, 0.2);
}

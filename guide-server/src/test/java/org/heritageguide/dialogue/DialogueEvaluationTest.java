package org.heritageguide.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.heritageguide.GuideServerTest;
import org.heritageguide.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The evaluation set (dialogue/eval.yaml) through the running guide's engines: per language, the share of
 * questions answered from the right source and in the right language, and out-of-scope questions
 * declined. The floors sit a little under the measured figures (docs/benchmarks.md), so that a change
 * that makes the guide worse fails here.
 */
@GuideServerTest
class DialogueEvaluationTest {

    private static final Map<String, Double> ACCURACY_FLOORS = Map.of("en", 0.95, "vi", 0.95, "fr", 0.95, "zh", 0.95,
            "ko", 0.95);

    @Autowired
    KnowledgeBase knowledge;

    @Autowired
    Dialogue dialogue;

    @Test
    void answersFromTheRightSourceAndDeclinesWhatTheSiteDoesNotCover() {
        List<DialogueEvaluation.Outcome> outcomes = new DialogueEvaluation(knowledge, dialogue.guide()).run();
        Map<String, DialogueEvaluation.Figures> figures = DialogueEvaluation.figures(outcomes);
        String misses = String.join("\n", outcomes.stream().filter(o -> !o.correct()).map(o -> o.describe()).toList());

        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(200);
        ACCURACY_FLOORS.forEach((language, floor) -> assertThat(figures.get(language).accuracy())
                .as("top-1 accuracy in %s; misses:%n%s", language, misses).isGreaterThanOrEqualTo(floor));
        DialogueEvaluation.Figures all = figures.get("all");
        assertThat(all.outOfScope()).as("out-of-scope questions in the set").isGreaterThanOrEqualTo(30);
        // the aim is 2 %; 2 of the 78 are answered today from a text that covers part of the question (the
        // Thái Học hall's rebuilding asked for its cost, the French "visiteurs" asked for their number)
        assertThat(all.wrongAnswerRate()).as("out-of-scope questions answered anyway; misses:%n%s", misses)
                .isLessThanOrEqualTo(0.03);
        assertThat(all.declinePrecision()).as("share of \"I don't know\" that were right").isGreaterThanOrEqualTo(0.75);
    }

    /**
     * The held-out questions (dialogue/heldout.yaml) were written by someone who never saw the engine and
     * nothing was tuned on them: the guide answers far fewer of them (docs/benchmarks.md), but what it does
     * not know it must still decline rather than answer from the wrong text, nearly always.
     */
    @Test
    void declinesWhatTheSiteDoesNotCoverInQuestionsItWasNeverTunedOn() {
        List<DialogueEvaluation.Outcome> outcomes = new DialogueEvaluation(knowledge, dialogue.guide())
                .run(DialogueEvaluation.HELD_OUT_SET);
        List<DialogueEvaluation.Outcome> outOfScope = outcomes.stream().filter(DialogueEvaluation.Outcome::expectsDecline).toList();
        List<String> answered = outOfScope.stream().filter(o -> !o.declined()).map(DialogueEvaluation.Outcome::describe).toList();

        assertThat(outOfScope).as("out-of-scope questions in the held-out set").hasSizeGreaterThanOrEqualTo(40);
        // one of the 40 is answered today: "Ở đây có cho thuê áo dài để chụp hình không?" (is there áo dài
        // rental for photos?) gets the photography rules, for the words "chụp hình"
        assertThat(answered).as("out-of-scope questions answered anyway").hasSizeLessThanOrEqualTo(1);
    }
}

package org.heritageguide.dialogue.decision;

import java.util.List;
import java.util.function.Predicate;

/**
 * The one place where the guide decides what to do with a question: an ordered list of named rules, the
 * first that applies deciding. Every reply carries the name of its rule ({@code decidedBy}), so a wrong
 * answer or a needless "I don't know" points at the rule to look at.
 */
public final class Decision {

    /**
     * A rule's name and the verdict it gives.
     *
     * @param likelihood how likely the answer model found it that the content answers right (NaN without content)
     */
    public record Outcome(Verdict verdict, String rule, double likelihood) {
    }

    /** A rule's name, when it applies and the verdict it gives. */
    private record Rule(String name, Predicate<Weighed> applies, Verdict verdict) {
    }

    /**
     * The evidence, and whether its content is sure enough to answer from: the answer model is asked once per
     * decision, not once per rule that needs to know.
     */
    private record Weighed(Evidence evidence, boolean contentSure) {
    }

    private final AnswerConfidence answers;
    private final double otherHearingLikelihood;
    private final List<Rule> rules;

    /**
     * @param answers                how likely content answers right, and from which likelihood to answer
     * @param intentFloor            the confidence an intent needs (greeting, hours, "where is"…)
     * @param otherHearingLikelihood the likelihood from which content answers a question as the recognizer heard it
     *                               less likely ({@link #answersAnotherHearing})
     */
    public Decision(AnswerConfidence answers, double intentFloor, double otherHearingLikelihood) {
        this.answers = answers;
        this.otherHearingLikelihood = otherHearingLikelihood;
        Predicate<Weighed> contentSure = Weighed::contentSure;
        Predicate<Weighed> intentWins = w -> w.evidence().intentConfidence() >= intentFloor && w.evidence().intentHoldsAnswer()
                && (!w.contentSure() || w.evidence().intentConfidence() >= w.evidence().content().confidence());
        Predicate<Weighed> contentObjected = w -> w.evidence().content().objected(w.evidence().answerTypeIsValue());
        this.rules = List.of(
                new Rule("courtesy", w -> w.evidence().onlyCourtesies(), Verdict.INTENT),
                // "what time do you open?" is about this visit whatever exhibit of another site it names;
                // "what time does the Museum of Ethnology open?" is not
                new Rule("other-site-named", w -> w.evidence().elsewhere() == Evidence.Elsewhere.THE_SITE
                        || w.evidence().elsewhere() == Evidence.Elsewhere.ITS_EXHIBIT
                        && !(intentWins.test(w) && !w.evidence().intentIsAbout()),
                        Verdict.ELSEWHERE),
                new Rule("intent-beats-weak-content", intentWins, Verdict.INTENT),
                new Rule("untranslated-exhibit-in-focus", contentSure.and(w -> w.evidence().content().offUntranslatedFocus()),
                        Verdict.DESCRIBE_FOCUS),
                new Rule("what-is-this", w -> w.evidence().pointsAtFocus() && w.evidence().asksOnlyWhatItIs(),
                        Verdict.DESCRIBE_FOCUS),
                new Rule("where-is-it", w -> w.evidence().asksOnlyWhereItIs(), Verdict.LOCATE),
                new Rule("content-answers", contentSure.and(contentObjected.negate()), Verdict.CONTENT),
                // the site's text in the visitor's language is about other things: the exhibit's own, in another
                new Rule("untranslated-exhibit-says-it", w -> w.evidence().namesUntranslated() && w.evidence().untranslatedSaysIt(),
                        Verdict.FOCUS_ANSWER),
                new Rule("untranslated-exhibit-described", w -> w.evidence().namesUntranslated() && w.evidence().descriptionAnswers(),
                        Verdict.DESCRIBE_FOCUS),
                new Rule("untranslated-exhibit-silent", w -> w.evidence().namesUntranslated(), Verdict.DECLINE),
                new Rule("pointing-answered-on-its-exhibit", w -> w.evidence().pointsAtFocus() && w.evidence().focusSaysIt(),
                        Verdict.FOCUS_ANSWER),
                new Rule("practical-topic-word", w -> w.evidence().practicalTopicNamed(), Verdict.VISITOR_TOPIC),
                new Rule("unnamed-answered-on-its-exhibit", w -> w.evidence().namesNothingAtFocus() && w.evidence().focusSaysIt(),
                        Verdict.FOCUS_ANSWER),
                new Rule("name-is-not-an-answer", contentSure.and(w -> w.evidence().content().onlyNamesIt()), Verdict.DECLINE),
                new Rule("pointing-stays-on-its-exhibit", contentSure.and(w -> w.evidence().content().offPointed()),
                        Verdict.DECLINE),
                new Rule("answer-type-missing", contentSure.and(w -> w.evidence().answerTypeIsValue()
                        && !w.evidence().content().holdsAnswer()), Verdict.DECLINE),
                new Rule("nothing-sure-enough", w -> true, Verdict.DECLINE));
    }

    public Outcome decide(Evidence evidence) {
        double likelihood = evidence.content() == Evidence.Content.NONE ? Double.NaN : answers.of(evidence);
        Weighed weighed = new Weighed(evidence, likelihood >= answers.threshold());
        for (Rule rule : rules) {
            if (rule.applies().test(weighed)) {
                return new Outcome(rule.verdict(), rule.name(), likelihood);
            }
        }
        throw new IllegalStateException("the last rule applies to everything");
    }

    /**
     * Whether the guide may give what it decided for a question as the speech recognizer heard it less likely (one of
     * its other hearings, when the guide declines the likeliest): only an answer from the site's texts, and from its
     * content only surely. A misheard word turns a question into a practical topic or an intent ("ticket", "open")
     * far more often than into one a text answers surely: on 1,460 spoken questions, those answers were as often
     * wrong or out of scope as right, the texts' above this likelihood 48 right to 2 wrong (docs/benchmarks.md,
     * "Other hearings").
     */
    public boolean answersAnotherHearing(Outcome decided) {
        return switch (decided.verdict()) {
            case CONTENT -> decided.likelihood() >= otherHearingLikelihood;
            case FOCUS_ANSWER, DESCRIBE_FOCUS -> true;
            default -> false;
        };
    }

    /** The rules' names, in the order they are tried. */
    public List<String> ruleNames() {
        return rules.stream().map(Rule::name).toList();
    }
}

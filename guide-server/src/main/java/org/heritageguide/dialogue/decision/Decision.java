package org.heritageguide.dialogue.decision;

import java.util.List;
import java.util.function.Predicate;

/**
 * The one place where the guide decides what to do with a question: an ordered list of named rules, the
 * first that applies deciding. Every reply carries the name of its rule ({@code decidedBy}), so a wrong
 * answer or a needless "I don't know" points at the rule to look at.
 */
public final class Decision {

    /** A rule's name and the verdict it gives. */
    public record Outcome(Verdict verdict, String rule) {
    }

    private record Rule(String name, Predicate<Weighing> applies, Verdict verdict) {
    }

    private final AnswerConfidence answers;
    private final List<Rule> rules;

    /**
     * @param answers     how likely content answers right, and from which likelihood to answer
     * @param intentFloor the confidence an intent needs (greeting, hours, "where is"…)
     */
    public Decision(AnswerConfidence answers, double intentFloor) {
        this.answers = answers;
        Predicate<Weighing> contentSure = Weighing::contentSure;
        Predicate<Weighing> intentWins = w -> w.evidence.intentConfidence() >= intentFloor && w.evidence.intentHoldsAnswer()
                && (!w.contentSure() || w.evidence.intentConfidence() >= w.evidence.content().confidence());
        Predicate<Weighing> contentObjected = on(e -> e.content().objected(e.answerTypeIsValue()));
        this.rules = List.of(
                new Rule("courtesy", on(Evidence::onlyCourtesies), Verdict.INTENT),
                // "what time do you open?" is about this visit whatever exhibit of another site it names;
                // "what time does the Museum of Ethnology open?" is not
                new Rule("other-site-named", w -> w.evidence.elsewhere() == Evidence.Elsewhere.THE_SITE
                        || w.evidence.elsewhere() == Evidence.Elsewhere.ITS_EXHIBIT && !(intentWins.test(w) && !w.evidence.intentIsAbout()),
                        Verdict.ELSEWHERE),
                new Rule("intent-beats-weak-content", intentWins, Verdict.INTENT),
                new Rule("untranslated-exhibit-in-focus", contentSure.and(on(e -> e.content().offUntranslatedFocus())),
                        Verdict.DESCRIBE_FOCUS),
                new Rule("what-is-this", on(e -> e.pointsAtFocus() && e.asksOnlyWhatItIs()), Verdict.DESCRIBE_FOCUS),
                new Rule("where-is-it", on(Evidence::asksOnlyWhereItIs), Verdict.LOCATE),
                new Rule("content-answers", contentSure.and(contentObjected.negate()), Verdict.CONTENT),
                // the site's text in the visitor's language is about other things: the exhibit's own, in another
                new Rule("untranslated-exhibit-says-it", on(e -> e.namesUntranslated() && e.untranslatedSaysIt()),
                        Verdict.FOCUS_ANSWER),
                new Rule("untranslated-exhibit-described", on(e -> e.namesUntranslated() && e.descriptionAnswers()),
                        Verdict.DESCRIBE_FOCUS),
                new Rule("untranslated-exhibit-silent", on(Evidence::namesUntranslated), Verdict.DECLINE),
                new Rule("pointing-answered-on-its-exhibit", on(e -> e.pointsAtFocus() && e.focusSaysIt()),
                        Verdict.FOCUS_ANSWER),
                new Rule("practical-topic-word", on(Evidence::practicalTopicNamed), Verdict.VISITOR_TOPIC),
                new Rule("unnamed-answered-on-its-exhibit", on(e -> e.namesNothingAtFocus() && e.focusSaysIt()),
                        Verdict.FOCUS_ANSWER),
                new Rule("name-is-not-an-answer", contentSure.and(on(e -> e.content().onlyNamesIt())), Verdict.DECLINE),
                new Rule("pointing-stays-on-its-exhibit", contentSure.and(on(e -> e.content().offPointed())), Verdict.DECLINE),
                new Rule("answer-type-missing", contentSure.and(on(e -> e.answerTypeIsValue() && !e.content().holdsAnswer())),
                        Verdict.DECLINE),
                new Rule("nothing-sure-enough", w -> true, Verdict.DECLINE));
    }

    public Outcome decide(Evidence evidence) {
        Weighing weighing = new Weighing(evidence);
        for (Rule rule : rules) {
            if (rule.applies().test(weighing)) {
                return new Outcome(rule.verdict(), rule.name());
            }
        }
        throw new IllegalStateException("the last rule applies to everything");
    }

    private static Predicate<Weighing> on(Predicate<Evidence> test) {
        return w -> test.test(w.evidence);
    }

    /**
     * A question's evidence as the rules weigh it, the answer model asked at most once: up to five rules ask
     * whether the content is sure enough, and its likelihoods took 30% of the answering threads' CPU time in
     * the abuse test (#16, JFR).
     */
    private final class Weighing {
        final Evidence evidence;
        private Boolean contentSure;

        Weighing(Evidence evidence) {
            this.evidence = evidence;
        }

        boolean contentSure() {
            if (contentSure == null) {
                contentSure = evidence.content() != Evidence.Content.NONE && answers.of(evidence) >= answers.threshold();
            }
            return contentSure;
        }
    }

    /** The rules' names, in the order they are tried. */
    public List<String> ruleNames() {
        return rules.stream().map(Rule::name).toList();
    }
}

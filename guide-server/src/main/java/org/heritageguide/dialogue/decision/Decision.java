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

    private record Rule(String name, Predicate<Evidence> applies, Verdict verdict) {
    }

    private final List<Rule> rules;

    /**
     * @param answers     how likely content answers right, and from which likelihood to answer
     * @param intentFloor the confidence an intent needs (greeting, hours, "where is"…)
     */
    public Decision(AnswerConfidence answers, double intentFloor) {
        Predicate<Evidence> contentSure = e -> e.content() != Evidence.Content.NONE
                && answers.of(e) >= answers.threshold();
        Predicate<Evidence> intentWins = e -> e.intentConfidence() >= intentFloor && e.intentHoldsAnswer()
                && (!contentSure.test(e) || e.intentConfidence() >= e.content().confidence());
        Predicate<Evidence> contentObjected = e -> e.content().objected(e.answerTypeIsValue());
        this.rules = List.of(
                new Rule("courtesy", Evidence::onlyCourtesies, Verdict.INTENT),
                // "what time do you open?" is about this visit whatever exhibit of another site it names;
                // "what time does the Museum of Ethnology open?" is not
                new Rule("other-site-named", e -> e.elsewhere() == Evidence.Elsewhere.THE_SITE
                        || e.elsewhere() == Evidence.Elsewhere.ITS_EXHIBIT && !(intentWins.test(e) && !e.intentIsAbout()),
                        Verdict.ELSEWHERE),
                new Rule("intent-beats-weak-content", intentWins, Verdict.INTENT),
                new Rule("untranslated-exhibit-in-focus", e -> contentSure.test(e) && e.content().offUntranslatedFocus(),
                        Verdict.DESCRIBE_FOCUS),
                new Rule("what-is-this", e -> e.pointsAtFocus() && e.asksOnlyWhatItIs(), Verdict.DESCRIBE_FOCUS),
                new Rule("where-is-it", Evidence::asksOnlyWhereItIs, Verdict.LOCATE),
                new Rule("content-answers", contentSure.and(contentObjected.negate()), Verdict.CONTENT),
                // the site's text in the visitor's language is about other things: the exhibit's own, in another
                new Rule("untranslated-exhibit-says-it", e -> e.namesUntranslated() && e.untranslatedSaysIt(),
                        Verdict.FOCUS_ANSWER),
                new Rule("untranslated-exhibit-described", e -> e.namesUntranslated() && e.descriptionAnswers(),
                        Verdict.DESCRIBE_FOCUS),
                new Rule("untranslated-exhibit-silent", Evidence::namesUntranslated, Verdict.DECLINE),
                new Rule("pointing-answered-on-its-exhibit", e -> e.pointsAtFocus() && e.focusSaysIt(),
                        Verdict.FOCUS_ANSWER),
                new Rule("practical-topic-word", Evidence::practicalTopicNamed, Verdict.VISITOR_TOPIC),
                new Rule("unnamed-answered-on-its-exhibit", e -> e.namesNothingAtFocus() && e.focusSaysIt(),
                        Verdict.FOCUS_ANSWER),
                new Rule("name-is-not-an-answer", contentSure.and(e -> e.content().onlyNamesIt()), Verdict.DECLINE),
                new Rule("pointing-stays-on-its-exhibit", contentSure.and(e -> e.content().offPointed()), Verdict.DECLINE),
                new Rule("answer-type-missing", contentSure.and(e -> e.answerTypeIsValue() && !e.content().holdsAnswer()),
                        Verdict.DECLINE),
                new Rule("nothing-sure-enough", e -> true, Verdict.DECLINE));
    }

    public Outcome decide(Evidence evidence) {
        for (Rule rule : rules) {
            if (rule.applies().test(evidence)) {
                return new Outcome(rule.verdict(), rule.name());
            }
        }
        throw new IllegalStateException("the last rule applies to everything");
    }

    /** The rules' names, in the order they are tried. */
    public List<String> ruleNames() {
        return rules.stream().map(Rule::name).toList();
    }
}

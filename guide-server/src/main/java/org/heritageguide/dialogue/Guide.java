package org.heritageguide.dialogue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.heritageguide.dialogue.decision.AnswerConfidence;
import org.heritageguide.dialogue.decision.Decision;
import org.heritageguide.dialogue.decision.Evidence;
import org.heritageguide.dialogue.decision.Verdict;
import org.heritageguide.knowledge.KnowledgeItem;
import org.heritageguide.knowledge.LanguageAnalysis;
import org.heritageguide.knowledge.SiteKnowledge;
import org.heritageguide.knowledge.TextIndex;
import org.heritageguide.session.VisitorSession;
import org.heritageguide.site.Exhibit;
import org.heritageguide.site.Fact;
import org.heritageguide.site.Faq;
import org.heritageguide.site.Localized;
import org.heritageguide.site.Site;
import org.heritageguide.site.SourceRef;
import org.heritageguide.site.VisitorTopic;
import org.heritageguide.text.Sentences;

import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.ULocale;

/**
 * One turn of a conversation, in plain Java: understands the visitor's words (an intent, or a question
 * for the site's knowledge), answers with the curators' own text in the visitor's language where it
 * exists, and says plainly when it does not know. Holds no state: everything about the conversation
 * comes in with the {@link VisitorSession} and goes out with the {@link Reply}.
 */
final class Guide {

    /**
     * What the guide says back.
     *
     * @param language        the language of {@code text}
     * @param answered        false when the guide did not know (the question is then for the curators)
     * @param notice          in the visitor's language, when the answer had to come in another language
     * @param intent          what the visitor wanted besides content, or null for a content answer or none
     * @param sessionLanguage the session's language after this turn
     * @param decided         the rule that decided what to do with the question ({@link Decision}), and the answer
     *                        model's likelihood
     * @param evidence        what the decision was made on
     * @param why             the evidence and the question's analysis, described (for logs and tuning)
     */
    record Reply(String text, String language, boolean answered, List<Source> sources, String notice, Intent intent,
                 VisitorSession.Context context, String sessionLanguage, Decision.Outcome decided, Evidence evidence,
                 String why) {

        /** Until {@link #because} says what decided it. */
        private static final Decision.Outcome UNDECIDED = new Decision.Outcome(Verdict.DECLINE, "", Double.NaN);

        /** The name of the rule that decided what to do with the question. */
        String decidedBy() {
            return decided.rule();
        }

        /**
         * An answer from the site's content (or about the visit), in {@code language}, which is also the session's
         * language and needs no notice; {@link #noticing} and {@link #sessionIn} say otherwise.
         */
        static Reply answered(String text, String language, List<Source> sources, Intent intent,
                              VisitorSession.Context context) {
            return new Reply(text, language, true, sources, null, intent, context, language, UNDECIDED, Evidence.NOTHING, "");
        }

        /** What the guide says of itself (help, no more to tell, a language switched…), from no source. */
        static Reply said(String text, String language, Intent intent, VisitorSession.Context context) {
            return answered(text, language, List.of(), intent, context);
        }

        /** The guide did not know: the question is for the curators. */
        static Reply declined(String text, String language, VisitorSession.Context context) {
            return new Reply(text, language, false, List.of(), null, null, context, language, UNDECIDED, Evidence.NOTHING, "");
        }

        /** The last turn again, answered or not as it was. */
        static Reply repeating(VisitorSession.Turn last, VisitorSession.Context context, String sessionLanguage) {
            return new Reply(last.answer(), last.language(), last.answered(), List.of(), null, Intent.REPEAT, context,
                    sessionLanguage, UNDECIDED, Evidence.NOTHING, "");
        }

        /** This reply with {@code notice} (in the visitor's language, when the answer is in another one), or none. */
        Reply noticing(String notice) {
            return new Reply(text, language, answered, sources, notice, intent, context, sessionLanguage, decided,
                    evidence, why);
        }

        /** This reply, the session's language being {@code sessionLanguage} after it. */
        Reply sessionIn(String sessionLanguage) {
            return new Reply(text, language, answered, sources, notice, intent, context, sessionLanguage, decided,
                    evidence, why);
        }

        Reply because(Decision.Outcome decided, Evidence found, String described) {
            return new Reply(text, language, answered, sources, notice, intent, context, sessionLanguage, decided,
                    found, described);
        }
    }

    /**
     * Where an answer came from.
     *
     * @param ref     the exhibit, FAQ, visitor topic or introduction it came from
     * @param exhibit the exhibit, or null for the site as a whole
     * @param title   the exhibit's title (else the site's name, or the topic's name) in the answer's language
     */
    record Source(SourceRef ref, String exhibit, String title) {

        /** {@code exhibit:<id>}, {@code faq:<id>}, {@code info:<topic>} or {@code site:intro}, as stored and sent. */
        String id() {
            return ref.toString();
        }
    }

    /**
     * A question as the guide understood it in one language.
     *
     * @param question the question without its courtesies ("hello, when was it built?" → "when was it built?")
     * @param intent   the intent that the decision may act on (the courtesy, the intent found, the exhibit to
     *                 describe or the practical topic), or null
     * @param asked    the kind of answer the question asks for, or null (a yes/no question, a statement)
     * @param unknown  for a practical question, its words that neither the site's texts nor the phrasebook use
     *                 ("prison" in "what time does Hoa Lo prison open?"): it may be about another place
     */
    private record Understanding(String language, String question, SiteKnowledge.Answers content,
                                 IntentMatcher.Match intent, Asked asked, Evidence evidence,
                                 Decision.Outcome decided, OnFocus onFocus, List<String> unknown) {

        /** How well the question is understood in this language, to compare with another. */
        double strength() {
            return switch (decided.verdict()) {
                case INTENT, DESCRIBE_FOCUS, LOCATE, VISITOR_TOPIC -> intent == null ? 0 : intent.confidence();
                case FOCUS_ANSWER, CONTENT -> evidence.content().confidence();
                case ELSEWHERE, DECLINE -> 0;
            };
        }

        Understanding decidedAgain(Evidence changed, Decision decision) {
            return new Understanding(language, question, content, intent, asked, changed, decision.decide(changed), onFocus,
                    unknown);
        }

        String describe() {
            String best = content.best().map(c -> String.format(java.util.Locale.ROOT,
                    "%s conf=%.2f cov=%.2f dense=%.2f score=%.2f%s%s", c.item().key(), c.confidence(), c.match().coverage(),
                    c.match().dense(), c.score(), c.onlyTheName() ? " only-the-name" : "",
                    c.offPointed() ? " off-pointed" : "")).orElse("none");
            String second = content.candidates().size() < 2 ? "" : String.format(java.util.Locale.ROOT, " | 2nd %s %.2f",
                    content.candidates().get(1).item().key(), content.candidates().get(1).score());
            String intended = intent == null ? "none" : intent.evidence() == null
                    ? intent.intent().key() + ":" + intent.parameter()
                    : String.format(java.util.Locale.ROOT, "%s:%s %.2f (cov=%.2f ec=%.2f d=%.2f)",
                    intent.intent().key(), intent.parameter(), intent.confidence(), intent.evidence().coverage(),
                    intent.evidence().entryCoverage(), intent.evidence().dense());
            return language + " " + decided.rule() + " asks=" + (asked == null ? "-" : asked)
                    + " holds=" + evidence.content().holdsAnswer() + " terms="
                    + (content.result() == null ? "" : content.result().terms().values())
                    + " named=" + content.namedExhibit() + " content[" + best + second + "] intent[" + intended + "]";
        }
    }

    private final GuidePhrases phrases;
    private final IntentMatcher intents;
    private final TypedLanguage typed;
    private final DialogueSettings settings;
    private final AnswerConfidence answerConfidence;
    private final Decision decision;

    /**
     * @param answers how likely content answers right ({@link LearnedConfidence} in the guide)
     */
    Guide(GuidePhrases phrases, IntentMatcher intents, TypedLanguage typed, DialogueSettings settings,
          AnswerConfidence answers) {
        this.phrases = phrases;
        this.intents = intents;
        this.typed = typed;
        this.settings = settings;
        this.answerConfidence = answers;
        this.decision = new Decision(answers, settings.intentFloor(), settings.otherHearingLikelihood());
    }

    /**
     * @param otherSites the other sites served: a question naming one of their exhibits is declined, saying
     *                   where it is, rather than answered from this site's loosely matching text
     */
    Reply answer(SiteKnowledge knowledge, Collection<SiteKnowledge> otherSites, VisitorSession session, String question) {
        String text = LanguageAnalysis.firstWords(Normalizer.normalize(question, Normalizer.Form.NFC).strip()
                .replaceAll("\\s+", " "), settings.questionWords());
        Site site = knowledge.site();
        Understanding understood = understand(knowledge, session, text, session.language());
        String typedIn = typedIn(knowledge, session.language(), text);
        if (!typedIn.equals(session.language())) {
            Understanding other = understand(knowledge, session, text, typedIn);
            boolean clearly = familiarity(knowledge, typedIn, text)
                    - familiarity(knowledge, session.language(), text) >= settings.familiarityMargin();
            if (clearly && other.strength() >= understood.strength()
                    || other.strength() > understood.strength() + settings.switchMargin()) {
                understood = other;
            }
        }
        Elsewhere elsewhere = null;
        // another site's exhibits matter unless the visitor wants something of this visit ("what time do you
        // close?", "thanks"): searching the other sites costs a search each. Its name always matters.
        boolean exhibitsMatter = understood.decided().verdict() != Verdict.INTENT || understood.evidence().intentIsAbout();
        boolean namesThisSite = !otherSites.isEmpty() && knowledge.namesTheSite(understood.question(), understood.language());
        for (SiteKnowledge other : understood.evidence().onlyCourtesies() ? List.<SiteKnowledge>of() : otherSites) {
            Optional<Elsewhere> named = namedMoreClearly(namesThisSite, other, understood, exhibitsMatter);
            if (named.isPresent()) {
                elsewhere = named.get();
                understood = understood.decidedAgain(understood.evidence().naming(elsewhere.named()), decision);
                break;
            }
        }
        Turn turn = new Turn(site, session, understood);
        String why = understood.describe() + (Double.isNaN(understood.decided().likelihood()) ? ""
                : String.format(java.util.Locale.ROOT, " likelihood=%.3f/%.3f", understood.decided().likelihood(),
                answerConfidence.threshold()))
                + (understood.unknown().isEmpty() ? "" : " unknown=" + understood.unknown())
                + " typed=" + typedIn + (elsewhere == null ? "" : " elsewhere=" + elsewhere.site().id());
        Reply reply = understood.decided().verdict() == Verdict.ELSEWHERE ? turn.elsewhere(elsewhere) : turn.reply();
        return reply.because(understood.decided(), understood.evidence(), why);
    }

    /** A question as the guide took it (as typed, or one of the ways the recognizer heard it), and the reply to it. */
    record Taken(String question, Reply reply) {
    }

    /**
     * Answers a question taken in one or more ways ({@code hearings}, likeliest first: a typed one, as typed; a spoken
     * one, as the speech recognizer heard it): as the likeliest, unless the guide declines that and the decision takes
     * its answer to another ({@link Decision#answersAnotherHearing}): "you built it" declined, "who built it" answered.
     */
    Taken answerHeard(SiteKnowledge knowledge, Collection<SiteKnowledge> otherSites, VisitorSession session,
                      List<String> hearings) {
        Reply likeliest = answer(knowledge, otherSites, session, hearings.get(0));
        if (!likeliest.answered()) {
            for (String other : hearings.subList(1, hearings.size())) {
                Reply reply = answer(knowledge, otherSites, session, other);
                if (reply.answered() && decision.answersAnotherHearing(reply.decided())) {
                    return new Taken(other, reply);
                }
            }
        }
        return new Taken(hearings.get(0), likeliest);
    }

    /** What of another site a question names: the site, and its exhibit named if it is one. */
    record Elsewhere(Site site, Optional<Exhibit> exhibit) {
        Evidence.Elsewhere named() {
            return exhibit.isPresent() ? Evidence.Elsewhere.ITS_EXHIBIT : Evidence.Elsewhere.THE_SITE;
        }
    }

    /**
     * What of another site the question names: that site by one of its names (and not this one), or one of its
     * exhibits, with two words or more and more of them than it names anything here: "the Bronze Drum building"
     * is the ethnology museum's, though this site has a drum.
     */
    private Optional<Elsewhere> namedMoreClearly(boolean namesThisSite, SiteKnowledge other, Understanding understood,
                                                 boolean exhibitsMatter) {
        if (!namesThisSite && other.namesTheSite(understood.question(), understood.language())) {
            return Optional.of(new Elsewhere(other.site(), Optional.empty()));
        }
        if (!exhibitsMatter || other.index(understood.language()).isEmpty()) {
            return Optional.empty();
        }
        SiteKnowledge.Answers there = other.search(understood.question(), understood.language(), SiteKnowledge.Focus.NONE,
                intents.knownWords(understood.question(), understood.language()));
        Set<String> named = understood.content().nameTerms();
        // two words at least: one ("maison", or "rondes" taken for "rông") names nothing surely
        if (there.namedExhibit() == null || there.nameTerms().size() < 2 || !there.nameTerms().containsAll(named)
                || there.nameTerms().size() <= named.size()) {
            return Optional.empty();
        }
        return other.site().publishedExhibit(there.namedExhibit()).map(exhibit -> new Elsewhere(other.site(), Optional.of(exhibit)));
    }

    private Understanding understand(SiteKnowledge knowledge, VisitorSession session, String text, String language) {
        IntentMatcher.Match courtesy = null;
        List<String> rest = new ArrayList<>();
        List<String> clauses = clauses(text);
        for (String clause : clauses.size() > 1 ? clauses : List.<String>of()) {
            IntentMatcher.Match match = intents.match(clause, language, Set.of(), contentWords(knowledge, clause, language))
                    .orElse(null);
            if (match != null && match.intent().isCourtesy() && match.confidence() >= settings.intentFloor()) {
                courtesy = courtesy == null || match.intent().compareTo(courtesy.intent()) > 0 ? match : courtesy;
            } else {
                rest.add(clause);
            }
        }
        String question = courtesy == null ? text : String.join(" ", rest);
        Optional<Phrasebook> book = intents.phrasebook(language);
        boolean pointing = book.map(b -> b.points(question)).orElse(false);
        Asked asked = book.flatMap(b -> b.asks(question).map(type -> Asked.of(type, language, b, question))).orElse(null);
        String focus = focus(knowledge.site(), session);
        SiteKnowledge.Answers searched = knowledge.search(question, language, new SiteKnowledge.Focus(focus, pointing),
                intents.knownWords(question, language));
        Fitted fitted = fitting(knowledge.site(), searched, asked);
        SiteKnowledge.Answers content = fitted.answers();
        boolean onlyCourtesies = courtesy != null && rest.isEmpty();
        IntentMatcher.Match intent = onlyCourtesies ? courtesy : intents.match(question, language,
                namingWords(knowledge.site(), content, language), contentWords(knowledge, question, language)).orElse(null);
        Optional<SiteKnowledge.Candidate> best = content.best();
        Optional<VisitorTopic> topic = book.flatMap(b -> b.topicNamed(question));
        boolean pointsAtFocus = pointing && focus != null && !content.namesSomething();
        // nothing beyond the name of what it names, or beyond the pointing words if it names nothing
        boolean asksNothingMore = content.result() != null && knowledge.index(language)
                .map(index -> !index.asksMoreThan(content.result(), content.nameTerms())).orElse(false);
        boolean asksOnlyWhatItIs = asked != null && asked.is(AnswerType.DESCRIPTION) && asksNothingMore;
        boolean asksOnlyWhereItIs = asked != null && asked.is(AnswerType.PLACE) && asksNothingMore
                && saysWhereItIs(knowledge.site(), content.namedExhibit() != null ? content.namedExhibit()
                        : pointsAtFocus ? focus : null, language);
        boolean namesNothingAtFocus = focus != null && !content.namesSomething();
        String untranslated = content.namedUntranslated();
        OnFocus onFocus = untranslated != null
                ? asked == null || !asked.isValue() ? null : holding(knowledge.site(), untranslated, language, asked).orElse(null)
                : namesNothingAtFocus && asked != null && book.map(b -> b.recognises(asked.type())).orElse(false)
                ? onFocus(knowledge.site(), focus, language, asked, question, pointsAtFocus).orElse(null) : null;
        Evidence.Content about = best.map(b -> contentEvidence(knowledge.site(), session, question, content, b,
                focus, fitted.holdsAnswer(), 0)).orElse(Evidence.Content.NONE);
        boolean intentHoldsAnswer = intent == null || asked == null || !asked.isValue()
                || intent.intent() == Intent.VISITOR_INFO && VisitorTopic.fromKey(intent.parameter())
                        .map(t -> topicHolds(knowledge, t, language, asked, content.namedExhibit())).orElse(false);
        boolean practicalTopicNamed = topic.filter(t -> asked == null || !asked.isValue()
                || topicHolds(knowledge, t, language, asked, content.namedExhibit())).isPresent();
        Evidence found = new Evidence(onlyCourtesies, intent == null ? 0 : intent.confidence(),
                intent != null && intent.intent().isAbout(), intentHoldsAnswer, about, asked != null && asked.isValue(),
                pointsAtFocus, asksOnlyWhatItIs, asksOnlyWhereItIs, namesNothingAtFocus, untranslated == null && onFocus != null,
                Evidence.Elsewhere.NOTHING, practicalTopicNamed, untranslated != null, untranslated != null && onFocus != null,
                asked == null || !asked.isValue() && !asked.is(AnswerType.PLACE));
        Likeliest likeliest = likeliest(knowledge.site(), session, question, content, focus, asked, found);
        Evidence evidence = likeliest.evidence();
        Decision.Outcome decided = decision.decide(evidence);
        IntentMatcher.Match acted = switch (decided.verdict()) {
            case DESCRIBE_FOCUS -> new IntentMatcher.Match(Intent.DESCRIBE, null, settings.intentFloor(), null);
            case LOCATE -> new IntentMatcher.Match(Intent.WHERE, null, settings.intentFloor(), null);
            case VISITOR_TOPIC -> new IntentMatcher.Match(Intent.VISITOR_INFO, topic.orElseThrow().key(),
                    settings.intentFloor(), null);
            default -> intent;
        };
        List<String> unknown = acted != null && acted.intent() == Intent.VISITOR_INFO
                && (decided.verdict() == Verdict.INTENT || decided.verdict() == Verdict.VISITOR_TOPIC)
                ? unknownWords(knowledge, question, language, content) : List.of();
        return new Understanding(language, question, likeliest.content(), acted, asked, evidence, decided, onFocus, unknown);
    }

    /** The answers with the candidate to answer from first, and the evidence about it. */
    private record Likeliest(SiteKnowledge.Answers content, Evidence evidence) {
    }

    /**
     * Of retrieval's first few candidates, the one the answer model finds likeliest to answer right, first:
     * retrieval ranks by the question's words, the model weighs all the evidence (a text on the exhibit named
     * that holds the year asked may rank below another exhibit's that shares more words). A candidate something
     * speaks against (only the name shared, off the exhibit pointed at, the value asked missing) is never
     * chosen over the best.
     */
    private Likeliest likeliest(Site site, VisitorSession session, String question, SiteKnowledge.Answers content,
                                String focus, Asked asked, Evidence best) {
        List<SiteKnowledge.Candidate> candidates = content.candidates();
        int weighed = Math.min(answerConfidence.candidates(), candidates.size());
        if (weighed < 2) {
            return new Likeliest(content, best);
        }
        int chosen = 0;
        Evidence likeliest = best;
        // the model never learned from content something speaks against: its likelihood there means nothing
        double highest = best.content().objected(best.answerTypeIsValue()) ? -1 : answerConfidence.of(best);
        for (int rank = 1; rank < weighed; rank++) {
            SiteKnowledge.Candidate candidate = candidates.get(rank);
            boolean holdsAnswer = asked == null || !asked.isValue() || canHold(site, candidate, content.language(), asked);
            Evidence other = best.about(contentEvidence(site, session, question, content, candidate, focus, holdsAnswer, rank));
            if (other.content().objected(other.answerTypeIsValue())) {
                continue;
            }
            double likelihood = answerConfidence.of(other);
            if (likelihood > highest) {
                chosen = rank;
                likeliest = other;
                highest = likelihood;
            }
        }
        if (chosen == 0) {
            return new Likeliest(content, best);
        }
        List<SiteKnowledge.Candidate> ranked = new ArrayList<>(candidates);
        ranked.add(0, ranked.remove(chosen));
        return new Likeliest(content.withCandidates(ranked), likeliest);
    }

    /**
     * Whether the exhibit a question asking only where it is names or points at ("where's the Jarai tomb?",
     * "where is it?") says where it is: its location answers it, not a text that names it ("where do the Tày
     * live?" asks more).
     */
    private static boolean saysWhereItIs(Site site, String exhibit, String language) {
        return exhibit != null
                && site.publishedExhibit(exhibit).flatMap(e -> e.location().firstOf(site.fallbackChain(language))).isPresent();
    }

    private static Evidence.Content contentEvidence(Site site, VisitorSession session, String question,
                                                    SiteKnowledge.Answers content, SiteKnowledge.Candidate candidate,
                                                    String focus, boolean holdsAnswer, int rank) {
        String language = content.language();
        String subject = subject(candidate);
        double otherwise = content.candidates().stream().filter(c -> !subject.equals(subject(c)))
                .mapToDouble(SiteKnowledge.Candidate::score).max().orElse(0);
        SiteKnowledge.Candidate first = content.candidates().get(0);
        TextIndex.Match match = candidate.match();
        boolean faq = candidate.item().kind() == KnowledgeItem.Kind.FAQ;
        double askedAlike = faq ? site.faq(candidate.item().faq()).map(f -> askedAlike(question, f.questionsIn(language), language))
                .orElse(0.0) : 0;
        return new Evidence.Content(candidate.confidence(), match.coverage(), match.entryCoverage(), match.dense(),
                content.result() != null && content.result().dense(), faq, askedAlike, match.guessed(),
                candidate.score() - otherwise,
                candidate.item().exhibit() != null && candidate.item().exhibit().equals(content.namedExhibit()),
                content.namesSomething() && (candidate.item().exhibit() == null
                        ? content.namedExhibit() != null : !candidate.item().exhibit().equals(content.namedExhibit())),
                focus != null && focus.equals(candidate.item().exhibit()), holdsAnswer,
                candidate.onlyTheName(), candidate.offPointed(),
                answersAnotherExhibitThanTheUntranslatedOneInFocus(site, session, content, candidate, language), rank,
                first.confidence() - candidate.confidence(), first.match().coverage() - match.coverage(),
                subject.equals(subject(first)));
    }

    /** What a candidate is about: its exhibit, else the item itself (a FAQ, the introduction, a practical topic). */
    private static String subject(SiteKnowledge.Candidate candidate) {
        return candidate.item().exhibit() != null ? candidate.item().exhibit() : candidate.item().key();
    }

    /** A text's words as the language's main analysis reads them (stems, syllables, morphemes). */
    private static Set<String> words(String language, String text) {
        LanguageAnalysis.Profile profile = LanguageAnalysis.profile(language);
        return new HashSet<>(profile.terms(profile.coverageViews().get(0), text));
    }

    /** The share of their words the question and the closest of a FAQ's ways of asking have in common. */
    private static double askedAlike(String question, List<String> asked, String language) {
        Set<String> words = words(language, question);
        double best = 0;
        for (String way : asked) {
            Set<String> union = words(language, way);
            long shared = union.stream().filter(words::contains).count();
            union.addAll(words);
            best = Math.max(best, union.isEmpty() ? 0 : (double) shared / union.size());
        }
        return best;
    }

    /**
     * Where the exhibit in focus says what a question pointing at it asks.
     *
     * @param sentence the sentence of its {@link Story}, or -1
     * @param fact     else the fact, or -1
     */
    private record OnFocus(String exhibit, int sentence, int fact) {
    }

    /**
     * The sentence of the exhibit in focus that holds what is asked ("Who put them up?" after the stelae: the
     * sentence that says by whom), the one sharing most words with the question first; else its first fact
     * that holds it ("Cái này có từ bao giờ?": "1484"). A question that points at the exhibit needs one of its
     * other words in the sentence; one that only names nothing ("when did he live?") half of them, since it
     * may be about anything.
     */
    private Optional<OnFocus> onFocus(Site site, String focus, String language, Asked asked, String question,
                                      boolean pointed) {
        Exhibit exhibit = site.publishedExhibit(focus).orElse(null);
        if (exhibit == null) {
            return Optional.empty();
        }
        Story story = Story.of(exhibit, site.fallbackChain(language));
        // what the question says besides asking and pointing ("when was it built?": "built") must be in the
        // sentence: "is there motorbike parking here?" is not answered with any number the exhibit's text holds
        Set<String> words = words(language, question);
        intents.phrasebook(language).ifPresent(book -> {
            words.removeAll(words(language, String.join(" ", book.answerTypes().get(asked.type()).asked())));
            words.removeAll(words(language, String.join(" ", book.pointing())));
        });
        int best = -1;
        long bestShared = words.isEmpty() ? -1 : pointed ? 0 : (words.size() + 1) / 2 - 1;
        for (int i = 0; i < story.size(); i++) {
            if (!holds(asked, new Localized.Translation(story.language(i), story.sentence(i)))) {
                continue;
            }
            long shared = story.language(i).equals(language)
                    ? words(language, story.sentence(i)).stream().filter(words::contains).count() : 0;
            if (shared > bestShared) {
                best = i;
                bestShared = shared;
            }
        }
        if (best >= 0) {
            return Optional.of(new OnFocus(focus, best, -1));
        }
        if (!words.isEmpty()) {
            return Optional.empty();
        }
        return factHolding(site, exhibit, language, asked);
    }

    private static final java.util.regex.Pattern DIGIT = java.util.regex.Pattern.compile("\\d");

    /**
     * The first sentence of an exhibit's story (in the visitor's language or the next one it has), else its first
     * fact, that holds the value asked: "风筝馆是哪一年开的？" of the Kite building, which has no Chinese text,
     * is answered with "It opened in 2013…". The words asking for it are in another language than the text, so
     * they cannot choose among several such sentences: the first, as the curators ordered them, says it.
     */
    private Optional<OnFocus> holding(Site site, String exhibitId, String language, Asked asked) {
        Exhibit exhibit = site.publishedExhibit(exhibitId).orElse(null);
        if (exhibit == null) {
            return Optional.empty();
        }
        Story story = Story.of(exhibit, site.fallbackChain(language));
        // a sentence with the value in digits before one with words that may say it ("in the fourteenth century")
        for (boolean digits : new boolean[] {true, false}) {
            for (int i = 0; i < story.size(); i++) {
                if ((!digits || DIGIT.matcher(story.sentence(i)).find())
                        && holds(asked, new Localized.Translation(story.language(i), story.sentence(i)))) {
                    return Optional.of(new OnFocus(exhibitId, i, -1));
                }
            }
        }
        return factHolding(site, exhibit, language, asked);
    }

    /** The exhibit's first fact whose value (in the visitor's language or the next one it has) holds what is asked. */
    private Optional<OnFocus> factHolding(Site site, Exhibit exhibit, String language, Asked asked) {
        for (int i = 0; i < exhibit.facts().size(); i++) {
            Optional<Localized.Translation> value = exhibit.facts().get(i).value().firstOf(site.fallbackChain(language));
            if (value.isPresent() && holds(asked, value.get())) {
                return Optional.of(new OnFocus(exhibit.id(), -1, i));
            }
        }
        return Optional.empty();
    }

    /**
     * A question that names nothing, asked at an exhibit with no text in the visitor's language, is about
     * that exhibit; the best match in that language is then another exhibit's text, which would answer it
     * about the wrong thing ("When was it built?" in Korean at the Hmong house got the Ba Na house's year).
     * Such a question gets the exhibit in focus in another language, with the notice that says so.
     */
    private static boolean answersAnotherExhibitThanTheUntranslatedOneInFocus(Site site, VisitorSession session,
                                                                             SiteKnowledge.Answers content,
                                                                             SiteKnowledge.Candidate candidate, String language) {
        String focus = focus(site, session);
        if (focus == null || content.namesSomething()
                || site.publishedExhibit(focus).map(e -> e.speaks(language)).orElse(true)) {
            return false;
        }
        return candidate.item().exhibit() != null && !candidate.item().exhibit().equals(focus);
    }

    /**
     * The question's words that neither the site's texts, in any of its languages, nor the phrasebook use, numbers
     * aside: "prison" in "what time does Hoa Lo prison open?"; the site's name typed in another script is known.
     */
    private List<String> unknownWords(SiteKnowledge knowledge, String question, String language, SiteKnowledge.Answers content) {
        if (content.result() == null) {
            return List.of();
        }
        Set<String> known = new java.util.HashSet<>(intents.everyKnownWord(question, language));
        knowledge.site().languages().stream().filter(other -> !other.equals(language))
                .forEach(other -> knowledge.index(other).ifPresent(index -> known.addAll(index.knownTerms(question))));
        return knowledge.index(language).map(index -> index.unknownTerms(content.result(), known)).orElse(List.of()).stream()
                .filter(term -> !term.chars().allMatch(Character::isDigit)).toList();
    }

    /** The question's words that the site's content uses: real words, not typos of the phrasebook's. */
    private static Set<String> contentWords(SiteKnowledge knowledge, String question, String language) {
        return knowledge.index(language).map(index -> index.knownTerms(question)).orElse(Set.of());
    }

    /**
     * The words of the question that name the exhibit it names, with the small words of its title ("où est
     * la maison rông ?"): what is left says what the visitor wants to know about it.
     */
    private static Set<String> namingWords(Site site, SiteKnowledge.Answers content, String language) {
        if (content.namedExhibit() == null) {
            return content.nameTerms();
        }
        Set<String> words = new HashSet<>(content.nameTerms());
        site.exhibit(content.namedExhibit()).flatMap(exhibit -> exhibit.title().in(language)).ifPresent(title -> {
            LanguageAnalysis.Profile everyWord = LanguageAnalysis.everyWordProfile(language);
            everyWord.views().forEach(view -> words.addAll(everyWord.terms(view, title)));
        });
        return words;
    }

    /**
     * The answers, with the candidate that can answer the kind of question first.
     *
     * @param holdsAnswer whether the first candidate can hold what is asked (a date for "when", a number for
     *                    "how many"); always true for a question that asks for no value
     */
    private record Fitted(SiteKnowledge.Answers answers, boolean holdsAnswer) {
    }

    /**
     * Among the candidates about the same thing as the best one (the same exhibit, or the best item itself
     * when it is about the whole site), the first that can hold what is asked, and that is not a yes/no
     * reply when the question asks more than yes or no ("Yes, it is the symbol of Hà Nội…" does not answer
     * "when was it built?"). It takes the best one's place and confidence: the question is as surely about
     * that thing. A question asking for a value that none of them states is not answered from them.
     */
    private Fitted fitting(Site site, SiteKnowledge.Answers answers, Asked asked) {
        SiteKnowledge.Candidate best = answers.best().orElse(null);
        if (asked == null || best == null) {
            return new Fitted(answers, true);
        }
        List<SiteKnowledge.Candidate> aboutTheSame = answers.candidates().stream()
                .filter(c -> c == best || best.item().exhibit() != null && best.item().exhibit().equals(c.item().exhibit())
                        && c.match().coverage() > 0 && !c.objected())
                .filter(c -> text(site, c.item(), answers.language()).map(t -> !opensWithReply(t)).orElse(false))
                .toList();
        Optional<SiteKnowledge.Candidate> fit = aboutTheSame.stream()
                .filter(c -> canHold(site, c, answers.language(), asked))
                .findFirst();
        if (fit.isEmpty() && asked.isValue()) {
            return new Fitted(answers, false);
        }
        SiteKnowledge.Candidate chosen = fit.or(() -> aboutTheSame.stream().findFirst()).orElse(best);
        if (chosen == best) {
            return new Fitted(answers, true);
        }
        List<SiteKnowledge.Candidate> ranked = new ArrayList<>();
        ranked.add(chosen.rankedAs(best));
        answers.candidates().stream().filter(c -> c != chosen).forEach(ranked::add);
        return new Fitted(answers.withCandidates(ranked), true);
    }

    /** Whether what a candidate would say to a question in {@code language} can answer it ({@link #holds}). */
    private boolean canHold(Site site, SiteKnowledge.Candidate candidate, String language, Asked asked) {
        return text(site, candidate.item(), language).map(t -> holds(asked, t)).orElse(false);
    }

    /**
     * Whether a text can answer a question asking for {@code asked}, read with its own language's phrasebook; a
     * number in the question's language must be a number of what it counts ("82 stelae" does not say how many names).
     */
    private boolean holds(Asked asked, Localized.Translation text) {
        return intents.phrasebook(text.language()).map(b -> b.holds(asked.type(), text.text())
                && (asked.counted() == null || !asked.language().equals(text.language())
                || b.counts(asked.counted(), text.text()))).orElse(true);
    }

    /**
     * Whether the site's information on a practical topic, as the visitor would get it, holds the value asked: a
     * value of what the question names, if it names an exhibit ("how much is a ticket for the water puppet show?"
     * is not answered with the entrance fee, unless the text on tickets names the show).
     */
    private boolean topicHolds(SiteKnowledge knowledge, VisitorTopic topic, String language, Asked asked, String named) {
        return topicText(knowledge.site(), topic, language).map(text -> holds(asked, text)
                && (named == null || knowledge.namesExhibit(text.text(), text.language(), named))).orElse(false);
    }

    /** The site's information on a practical topic in the visitor's language, else the first fallback that has it. */
    private static Optional<Localized.Translation> topicText(Site site, VisitorTopic topic, String language) {
        return Optional.ofNullable(site.visitorInfo().get(topic)).flatMap(text -> text.firstOf(site.fallbackChain(language)));
    }

    private boolean opensWithReply(Localized.Translation text) {
        return intents.phrasebook(text.language()).map(b -> b.opensWithReply(text.text())).orElse(false);
    }

    /** What a candidate would say to a question asked in a language. */
    private static Optional<Localized.Translation> text(Site site, KnowledgeItem item, String language) {
        List<String> chain = site.fallbackChain(language);
        Optional<Exhibit> exhibit = item.exhibit() == null ? Optional.empty() : site.exhibit(item.exhibit());
        Localized text = switch (item.kind()) {
            case INTRO -> site.intro();
            case SUMMARY -> exhibit.map(Exhibit::summary).orElse(Localized.EMPTY);
            case PASSAGE -> exhibit.map(e -> e.passages().get(item.ordinal())).orElse(Localized.EMPTY);
            case FACT -> exhibit.map(e -> e.facts().get(item.ordinal()).value()).orElse(Localized.EMPTY);
            case LOCATION -> exhibit.map(Exhibit::location).orElse(Localized.EMPTY);
            case FAQ -> site.faq(item.faq()).map(Faq::answer)
                    .orElse(Localized.EMPTY);
            case INFO -> site.visitorInfo().getOrDefault(item.topic(), Localized.EMPTY);
        };
        return text.firstOf(chain);
    }

    /** The parts of a text between punctuation marks. */
    private static List<String> clauses(String text) {
        return java.util.Arrays.stream(text.split("[,;.!?、，。！？；]+")).map(String::strip).filter(c -> !c.isEmpty()).toList();
    }

    /**
     * The site's language the text looks most written in: the one whose words (the site's content, the
     * guide's phrasebook and stop words in that language) it uses most, lingua's likelihood breaking near
     * ties. The session's language wins unless another is clearly more familiar.
     */
    private String typedIn(SiteKnowledge knowledge, String sessionLanguage, String text) {
        Map<String, Double> likelihoods = typed.likelihoods(text, knowledge.site().languages());
        String best = sessionLanguage;
        double bestScore = -1;
        for (String language : knowledge.site().languages()) {
            double score = familiarity(knowledge, language, text)
                    + settings.linguaWeight() * likelihoods.getOrDefault(language, 0.0);
            if (score > bestScore) {
                best = language;
                bestScore = score;
            }
        }
        return best;
    }

    /** The share of the text's words that are known in a language: stop words, or words of the site or phrasebook. */
    private double familiarity(SiteKnowledge knowledge, String language, String text) {
        LanguageAnalysis.Profile every = LanguageAnalysis.everyWordProfile(language);
        int words = every.terms(every.views().get(0), text).size();
        if (words == 0) {
            return 0;
        }
        LanguageAnalysis.Profile profile = LanguageAnalysis.profile(language);
        Set<String> known = new java.util.HashSet<>(intents.knownWords(text, language));
        knowledge.index(language).ifPresent(index -> known.addAll(index.knownTerms(text)));
        long unknown = profile.terms(profile.views().get(0), text).stream().filter(t -> !known.contains(t)).count();
        return 1 - (double) unknown / words;
    }

    /**
     * The exhibit the conversation is about: the last answer's, else the label scanned last; null when
     * neither is among the exhibits this version of the site's knowledge holds (a label of an exhibit
     * published a moment ago is scanned before its site's index has been rebuilt).
     */
    private static String focus(Site site, VisitorSession session) {
        return Stream.of(session.context().topicExhibit(), session.exhibit())
                .filter(id -> id != null && site.publishedExhibit(id).isPresent()).findFirst().orElse(null);
    }

    /** Composes the reply to one understood question. */
    private final class Turn {

        private final Site site;
        private final VisitorSession session;
        private final Understanding understood;
        private final String language;

        Turn(Site site, VisitorSession session, Understanding understood) {
            this.site = site;
            this.session = session;
            this.understood = understood;
            this.language = understood.language();
        }

        Reply reply() {
            return switch (understood.decided().verdict()) {
                case INTENT, DESCRIBE_FOCUS, LOCATE, VISITOR_TOPIC -> intent(understood.intent());
                case CONTENT -> content(understood.content().best().orElseThrow().item());
                case FOCUS_ANSWER -> onFocus(understood.onFocus());
                case ELSEWHERE, DECLINE -> unknown("answer.unknown");
            };
        }

        private Reply intent(IntentMatcher.Match match) {
            String named = understood.content().namedExhibit() != null ? understood.content().namedExhibit()
                    : understood.content().namedUntranslated();
            String focus = named != null ? named : focus(site, session);
            return switch (match.intent()) {
                case GREETING -> say(phrases.say(language, "answer.greeting", focusName(focus)), match.intent());
                case THANKS -> say(phrases.say(language, "answer.thanks"), match.intent());
                case GOODBYE -> say(phrases.say(language, "answer.goodbye", name(site.name(), language)), match.intent());
                case HELP -> say(phrases.say(language, "answer.help", phrases.list(language, suggestions(focus))), match.intent());
                case REPEAT -> repeat();
                case MORE -> named != null && !named.equals(focus(site, session)) ? summary(named, Intent.DESCRIBE) : more();
                case DESCRIBE -> focus == null ? intro(0, Intent.DESCRIBE) : summary(focus, Intent.DESCRIBE);
                case WHERE -> focus == null ? info(VisitorTopic.CONTACT) : where(focus);
                case NEAR -> focus == null ? next() : near(focus);
                case NEXT -> next();
                case SWITCH_LANGUAGE -> switchLanguage(match.parameter());
                case VISITOR_INFO -> info(VisitorTopic.fromKey(match.parameter()).orElseThrow());
            };
        }

        private Reply content(KnowledgeItem item) {
            return switch (item.kind()) {
                case INTRO -> introAnswering();
                case SUMMARY -> answeringSummary(item.exhibit());
                case PASSAGE -> passage(item.exhibit(), item.ordinal());
                case FACT -> fact(item.exhibit(), item.ordinal());
                case LOCATION -> where(item.exhibit());
                case FAQ -> faq(site.faq(item.faq()).orElseThrow());
                case INFO -> info(item.topic());
            };
        }

        // ---- content answers ----

        private Reply onFocus(OnFocus on) {
            if (on.sentence() < 0) {
                return fact(on.exhibit(), on.fact());
            }
            Exhibit exhibit = exhibit(on.exhibit());
            Story story = Story.of(exhibit, site.fallbackChain(language));
            return told(story, on.sentence(), 1, exhibit, null);
        }

        private Reply summary(String exhibitId, Intent intent) {
            Exhibit exhibit = exhibit(exhibitId);
            Story story = Story.of(exhibit, site.fallbackChain(language));
            int count = Math.min(story.summaryLength(), SpokenLength.MAX_SENTENCES);
            return told(story, 0, Math.max(count, 1), exhibit, intent);
        }

        private Reply passage(String exhibitId, int index) {
            Exhibit exhibit = exhibit(exhibitId);
            Story story = Story.of(exhibit, site.fallbackChain(language));
            return answering(story, story.passageStart(index), story.passageStart(index + 1), exhibit);
        }

        /** The summary's sentence that answers the question, where it is not the first. */
        private Reply answeringSummary(String exhibitId) {
            Exhibit exhibit = exhibit(exhibitId);
            Story story = Story.of(exhibit, site.fallbackChain(language));
            return answering(story, 0, Math.max(1, story.summaryLength()), exhibit);
        }

        /**
         * The sentences of {@code story[start, end)} that answer the question: from the one that holds what is
         * asked (a date for "when"), with the sentence before it when the question asks for no such value and
         * that sentence leads into it.
         */
        private Reply answering(Story story, int start, int end, Exhibit exhibit) {
            int best = bestSentence(story.sentences(), story.language(start), start, end, "");
            boolean holds = understood.asked() != null && holds(understood.asked(),
                    new Localized.Translation(story.language(best), story.sentence(best)));
            int from = holds ? best : Math.max(start, best - 1);
            int count = Math.max(1, Math.min(SpokenLength.sentencesFrom(story.sentences(), from), end - from));
            if (from + count <= best) {
                from = best;
                count = Math.max(1, Math.min(SpokenLength.sentencesFrom(story.sentences(), from), end - from));
            }
            return told(story, from, count, exhibit, null);
        }

        private Reply fact(String exhibitId, int index) {
            Exhibit exhibit = exhibit(exhibitId);
            Fact fact = exhibit.facts().get(index);
            Story story = Story.of(exhibit, site.fallbackChain(language));
            Optional<Localized.Translation> value = fact.value().firstOf(site.fallbackChain(language));
            if (value.isPresent()) {
                for (int i = 0; i < story.size(); i++) {
                    if (story.language(i).equals(value.get().language()) && mentions(story.sentence(i), value.get().text())) {
                        return told(story, i, 1, exhibit, null);
                    }
                }
            }
            Localized.Translation label = fact.label().firstOf(site.fallbackChain(language)).orElseThrow();
            String answerLanguage = value.map(Localized.Translation::language).orElse(label.language());
            String answer = phrases.say(answerLanguage, "answer.fact", name(exhibit.title(), answerLanguage),
                    label.text(), value.map(Localized.Translation::text).orElse(""));
            return fromContent(answer, answerLanguage, List.of(exhibitSource(exhibit, answerLanguage)), null,
                    new VisitorSession.Context(exhibit.id(), SourceRef.exhibit(exhibit.id()).toString(),
                    session.context().toldUpTo()));
        }

        private Reply faq(Faq faq) {
            Localized.Translation answer = faq.answer().firstOf(site.fallbackChain(language)).orElseThrow();
            List<String> sentences = Sentences.split(answer.text(), answer.language());
            String spoken = Sentences.join(sentences.subList(0, SpokenLength.sentencesFrom(sentences, 0)), answer.language());
            Exhibit exhibit = faq.exhibitId().flatMap(site::publishedExhibit).orElse(null);
            Source source = new Source(SourceRef.faq(faq.id()), exhibit == null ? null : exhibit.id(),
                    exhibit == null ? name(site.name(), answer.language()) : name(exhibit.title(), answer.language()));
            VisitorSession.Context context = exhibit == null
                    ? new VisitorSession.Context(session.context().topicExhibit(), source.id(), session.context().toldUpTo())
                    : new VisitorSession.Context(exhibit.id(), source.id(),
                    exhibit.id().equals(session.context().topicExhibit()) ? session.context().toldUpTo() : 0);
            return fromContent(spoken, answer.language(), List.of(source), null, context);
        }

        private Reply info(VisitorTopic topic) {
            Optional<Localized.Translation> info = topicText(site, topic, language);
            if (info.isEmpty()) {
                return unknown("answer.info-missing");
            }
            String answerLanguage = info.get().language();
            Source source = new Source(SourceRef.info(topic), null, phrases.say(answerLanguage, "topic." + topic.key()));
            // "what time does Hoa Lo prison open?": the hours given are said to be this site's, not the prison's
            String text = understood.unknown().isEmpty() ? info.get().text()
                    : phrases.say(answerLanguage, "answer.info-of-this-site", name(site.name(), answerLanguage), info.get().text());
            return fromContent(text, answerLanguage, List.of(source), Intent.VISITOR_INFO, session.context());
        }

        /**
         * The introduction, from the sentence that says what was asked beside the site's name: "When did the
         * Vietnam Museum of Ethnology open?" is answered with "The museum opened to the public in 1997", not
         * with the welcome.
         */
        private Reply introAnswering() {
            Localized.Translation intro = site.intro().firstOf(site.fallbackChain(language)).orElseThrow();
            List<String> sentences = Sentences.split(intro.text(), intro.language());
            int best = bestSentence(sentences, intro.language(), 0, sentences.size(), site.name().in(language).orElse(""));
            return intro(best, best == 0 ? Intent.DESCRIBE : null);
        }

        private Reply intro(int from, Intent intent) {
            Localized.Translation intro = site.intro().firstOf(site.fallbackChain(language)).orElseThrow();
            List<String> sentences = Sentences.split(intro.text(), intro.language());
            if (from >= sentences.size()) {
                return noMore(null);
            }
            int count = SpokenLength.sentencesFrom(sentences, from);
            String spoken = Sentences.join(sentences.subList(from, from + count), intro.language());
            return fromContent(spoken, intro.language(),
                    List.of(new Source(SourceRef.siteIntro(), null, name(site.name(), intro.language()))), intent,
                    new VisitorSession.Context(null, SourceRef.siteIntro().toString(), from + count));
        }

        private Reply where(String exhibitId) {
            Exhibit exhibit = exhibit(exhibitId);
            Optional<Localized.Translation> location = exhibit.location().firstOf(site.fallbackChain(language));
            if (location.isEmpty()) {
                return unknown("answer.unknown");
            }
            String answerLanguage = location.get().language();
            String answer = phrases.say(answerLanguage, "answer.where", name(exhibit.title(), answerLanguage),
                    location.get().text());
            return fromContent(answer, answerLanguage, List.of(exhibitSource(exhibit, answerLanguage)), Intent.WHERE,
                    topic(exhibit.id()));
        }

        private Reply near(String exhibitId) {
            Exhibit exhibit = exhibit(exhibitId);
            List<Exhibit> near = new ArrayList<>();
            exhibit.related().stream().map(site::publishedExhibit).flatMap(Optional::stream).forEach(near::add);
            site.publishedExhibits().stream()
                    .filter(e -> e.area() != null && e.area().equals(exhibit.area()) && !e.id().equals(exhibit.id()))
                    .filter(e -> !near.contains(e)).forEach(near::add);
            if (near.isEmpty()) {
                return next();
            }
            List<Exhibit> told = near.subList(0, Math.min(3, near.size()));
            String answer = phrases.say(language, "answer.near", shortName(name(exhibit.title(), language)),
                    phrases.list(language, told.stream().map(e -> shortName(name(e.title(), language))).toList()));
            return Reply.answered(answer, language, told.stream().map(e -> exhibitSource(e, language)).toList(),
                    Intent.NEAR, session.context());
        }

        private Reply next() {
            String focus = focus(site, session);
            Exhibit current = focus == null ? null : site.publishedExhibit(focus).orElse(null);
            Set<String> seen = new LinkedHashSet<>(session.exhibitsVisited());
            if (current != null) {
                seen.add(current.id());
            }
            Comparator<Exhibit> byOrder = Comparator.comparingInt(Exhibit::order);
            Optional<Exhibit> next = Optional.empty();
            if (current != null) {
                next = current.related().stream().map(site::publishedExhibit).flatMap(Optional::stream)
                        .filter(e -> !seen.contains(e.id()) && e.order() > current.order()).min(byOrder);
                if (next.isEmpty()) {
                    next = site.publishedExhibits().stream()
                            .filter(e -> !seen.contains(e.id()) && e.order() > current.order()).min(byOrder);
                }
            }
            if (next.isEmpty()) {
                next = site.publishedExhibits().stream().filter(e -> !seen.contains(e.id())).min(byOrder);
            }
            if (next.isEmpty()) {
                return say(phrases.say(language, "answer.next-done", name(site.name(), language)), Intent.NEXT);
            }
            Exhibit exhibit = next.get();
            Optional<Localized.Translation> location = exhibit.location().firstOf(site.fallbackChain(language));
            String answerLanguage = location.map(Localized.Translation::language).orElse(language);
            String answer = phrases.say(answerLanguage, "answer.next", name(exhibit.title(), answerLanguage),
                    location.map(Localized.Translation::text).orElse(""));
            return fromContent(answer.strip(), answerLanguage, List.of(exhibitSource(exhibit, answerLanguage)),
                    Intent.NEXT, new VisitorSession.Context(exhibit.id(), null, 0));
        }

        private Reply more() {
            VisitorSession.Context context = session.context();
            if (SourceRef.siteIntro().is(context.lastSource())) {
                return intro(context.toldUpTo(), Intent.MORE);
            }
            String topic = context.topicExhibit() != null ? context.topicExhibit() : session.exhibit();
            if (topic == null || site.publishedExhibit(topic).isEmpty()) {
                return topic == null && context.lastSource() == null ? intro(0, Intent.DESCRIBE) : noMore(null);
            }
            Exhibit exhibit = exhibit(topic);
            Story story = Story.of(exhibit, site.fallbackChain(language));
            int from = context.toldUpTo();
            if (from >= story.size()) {
                return noMore(exhibit);
            }
            return told(story, from, SpokenLength.sentencesFrom(story.sentences(), from), exhibit, Intent.MORE);
        }

        private Reply noMore(Exhibit exhibit) {
            String about = exhibit == null ? name(site.name(), language) : name(exhibit.title(), language);
            String answer = phrases.say(language, "answer.no-more", about,
                    phrases.list(language, suggestions(exhibit == null ? null : exhibit.id())));
            return say(answer, Intent.MORE);
        }

        private Reply repeat() {
            if (session.history().isEmpty()) {
                return say(phrases.say(language, "answer.help", phrases.list(language, suggestions(focus(site, session)))), Intent.HELP);
            }
            VisitorSession.Turn last = session.history().get(session.history().size() - 1);
            return Reply.repeating(last, session.context(), language);
        }

        private Reply switchLanguage(String target) {
            if (site.speaks(target)) {
                String key = target.equals(session.language()) ? "answer.language-same" : "answer.language-switched";
                return Reply.said(phrases.say(target, key, displayName(target, target)), target,
                        Intent.SWITCH_LANGUAGE, session.context());
            }
            List<String> spoken = site.languages().stream().map(l -> displayName(l, language)).toList();
            return say(phrases.say(language, "answer.language-unavailable", displayName(target, language),
                    phrases.list(language, spoken)), Intent.SWITCH_LANGUAGE);
        }

        /** Declines a question about another site or its exhibit, saying where it is and what this site offers. */
        Reply elsewhere(Elsewhere elsewhere) {
            Site other = elsewhere.site();
            String otherName = other.name().firstOf(other.fallbackChain(language)).map(Localized.Translation::text).orElse(other.id());
            String suggested = phrases.list(language, suggestions(focus(site, session)));
            String answer = elsewhere.exhibit()
                    .map(exhibit -> phrases.say(language, "answer.elsewhere", shortName(exhibit.title()
                            .firstOf(other.fallbackChain(language)).map(Localized.Translation::text).orElse(exhibit.id())),
                            otherName, name(site.name(), language), suggested))
                    .orElseGet(() -> phrases.say(language, "answer.other-site", otherName, name(site.name(), language),
                            suggested));
            return Reply.declined(answer, language, session.context());
        }

        private Reply unknown(String key) {
            String answer = phrases.say(language, key, phrases.list(language, suggestions(focus(site, session))));
            return Reply.declined(answer, language, session.context());
        }

        // ---- helpers ----

        private Reply told(Story story, int from, int count, Exhibit exhibit, Intent intent) {
            Story.Told told = story.tell(from, count);
            String answerLanguage = told.text().language();
            VisitorSession.Context context = new VisitorSession.Context(exhibit.id(), SourceRef.exhibit(exhibit.id()).toString(),
                    told.end());
            return fromContent(told.text().text(), answerLanguage, List.of(exhibitSource(exhibit, answerLanguage)), intent,
                    context);
        }

        /**
         * The sentence of {@code sentences[start, end)} that shares the most with the question, leaving out the
         * words of {@code name} (what the question is about, not what it asks); the first when none does.
         */
        private int bestSentence(List<String> sentences, String sentencesLanguage, int start, int end, String name) {
            // words are compared only in the question's language; what a sentence holds, in any
            boolean sameLanguage = sentencesLanguage.equals(language);
            Set<String> asked = sameLanguage ? words(language, understood.question()) : new HashSet<>();
            asked.removeAll(words(language, name));
            int best = start;
            long bestScore = 0;
            for (int i = start; i < end; i++) {
                long shared = sameLanguage ? words(language, sentences.get(i)).stream().filter(asked::contains).count() : 0;
                // a sentence that holds what is asked (a date for "when") before one that only shares words
                boolean holds = understood.asked() != null
                        && holds(understood.asked(), new Localized.Translation(sentencesLanguage, sentences.get(i)));
                long score = (holds ? 1000 : 0) + shared;
                if (score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            return best;
        }

        private Reply say(String answer, Intent intent) {
            return Reply.said(answer, language, intent, session.context());
        }

        /**
         * An answer from the site's content in {@code answerLanguage}, with the notice when that is not the
         * visitor's language; the session's language stays.
         */
        private Reply fromContent(String answer, String answerLanguage, List<Source> sources, Intent intent,
                                  VisitorSession.Context context) {
            return Reply.answered(answer, answerLanguage, sources, intent, context).noticing(notice(answerLanguage))
                    .sessionIn(language);
        }

        private VisitorSession.Context topic(String exhibitId) {
            return exhibitId.equals(session.context().topicExhibit()) ? session.context()
                    : new VisitorSession.Context(exhibitId, null, 0);
        }

        private String notice(String answerLanguage) {
            return answerLanguage.equals(language) ? null
                    : phrases.say(language, "notice.fallback", displayName(language, language),
                    displayName(answerLanguage, language));
        }

        private Source exhibitSource(Exhibit exhibit, String answerLanguage) {
            return new Source(SourceRef.exhibit(exhibit.id()), exhibit.id(), name(exhibit.title(), answerLanguage));
        }

        private Exhibit exhibit(String id) {
            return site.exhibit(id).orElseThrow(() -> new IllegalStateException("No exhibit " + id + " in " + site.id()));
        }

        private String focusName(String exhibitId) {
            return exhibitId == null ? name(site.name(), language)
                    : site.publishedExhibit(exhibitId).map(e -> name(e.title(), language)).orElse(name(site.name(), language));
        }

        private String name(Localized localized, String preferred) {
            return localized.firstOf(site.fallbackChain(preferred)).map(Localized.Translation::text).orElse("");
        }

        /** Two or three exhibits worth asking about: the one in focus and its neighbours, else the first ones. */
        private List<String> suggestions(String exhibitId) {
            List<Exhibit> suggested = new ArrayList<>();
            site.publishedExhibit(exhibitId == null ? "" : exhibitId).ifPresent(e -> {
                suggested.add(e);
                e.related().stream().map(site::publishedExhibit).flatMap(Optional::stream).forEach(suggested::add);
            });
            site.publishedExhibits().stream().filter(e -> !suggested.contains(e)).forEach(suggested::add);
            return suggested.stream().limit(3).map(e -> shortName(name(e.title(), language))).toList();
        }
    }

    /** "Khuê Văn Các, the Constellation of Literature Pavilion" → "Khuê Văn Các": lists stay short when spoken. */
    static String shortName(String title) {
        int comma = title.indexOf(", ");
        return comma > 0 ? title.substring(0, comma) : title;
    }

    /** Whether a sentence states a fact's value: all its numbers, or most of its words. */
    static boolean mentions(String sentence, String value) {
        String folded = LanguageAnalysis.fold(sentence);
        List<String> numbers = new ArrayList<>();
        java.util.regex.Matcher digits = java.util.regex.Pattern.compile("\\d+").matcher(value);
        while (digits.find()) {
            numbers.add(digits.group());
        }
        if (!numbers.isEmpty()) {
            return numbers.stream().allMatch(n -> java.util.regex.Pattern.compile("(?<!\\d)" + n + "(?!\\d)")
                    .matcher(sentence).find());
        }
        List<String> words = List.of(LanguageAnalysis.fold(value).split(" "));
        Set<String> inSentence = Set.of(folded.split(" "));
        return !words.isEmpty() && words.stream().filter(inSentence::contains).count() * 10 >= words.size() * 8L;
    }

    static String displayName(String language, String inLanguage) {
        return LocaleDisplayNames.getInstance(ULocale.forLanguageTag(inLanguage),
                DisplayContext.CAPITALIZATION_FOR_MIDDLE_OF_SENTENCE).languageDisplayName(language);
    }
}

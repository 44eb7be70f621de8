package org.heritageguide.dialogue;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.heritageguide.analytics.VisitorEvent;
import org.heritageguide.analytics.VisitorEvents;
import org.heritageguide.knowledge.KnowledgeBase;
import org.heritageguide.knowledge.SiteKnowledge;
import org.heritageguide.limits.ClientBudgets;
import org.heritageguide.serving.VisitorWork;
import org.heritageguide.session.Sessions;
import org.heritageguide.session.VisitorSession;
import org.heritageguide.site.SitesChanged;
import org.heritageguide.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import reactor.core.publisher.Mono;

/**
 * The entry point of a conversation turn, for typed questions and for transcribed speech alike: loads
 * the session, lets the {@link Guide} answer, keeps the turn in the session's history, and records it
 * for the curators (every turn, answered or not).
 */
@Service
public class Dialogue implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Dialogue.class);

    /** The longest question accepted, in characters. */
    public static final int MAX_QUESTION_LENGTH = 500;
    /**
     * A question longer than this is answered as a costly one ({@link FairAnswering}): more than twice the longest
     * of the 4,600 visitors' questions in the question sets (92), and a 500-character one of junk costs ~5x an
     * ordinary one (docs/benchmarks.md, "What one question may cost").
     */
    static final int LONG_QUESTION = 200;

    private final Sessions sessions;
    private final KnowledgeBase knowledge;
    private final VisitorEvents events;
    private final IntentMatcher intents;
    private final TypedLanguage typed = new TypedLanguage();
    private final Guide guide;
    private final Clock clock;
    private final MeterRegistry meters;
    private final FairAnswering answering;

    Dialogue(Sessions sessions, KnowledgeBase knowledge, VisitorEvents events, GuidePhrases phrases,
             DialogueSettings settings, ClientBudgets budgets, VisitorWork visitors, ObjectProvider<Clock> clock,
             MeterRegistry meters) {
        this.sessions = sessions;
        this.knowledge = knowledge;
        this.events = events;
        this.intents = new IntentMatcher(knowledge.embedders(), settings.denseBase());
        this.guide = new Guide(phrases, intents, typed, settings, LearnedConfidence.load(settings.wrongAnswerAim()));
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.meters = meters;
        this.answering = new FairAnswering(Runtime.getRuntime().availableProcessors(), settings.heavyShare(),
                budgets::chargeAnswering, visitors);
        Gauge.builder("guide.turns.waiting", answering, FairAnswering::waiting)
                .description("questions waiting for a thread to answer them").register(meters);
        Gauge.builder("guide.turns.answering", answering, FairAnswering::running)
                .description("questions being answered now").register(meters);
    }

    /**
     * Answers one turn of a session.
     *
     * @param client  who asks (their address, see {@code web.ClientAddresses}): each client gets a fair share of
     *                the threads that answer ({@link FairAnswering})
     * @param channel {@code text} or {@code voice}
     * @return the answer; a 404 {@code session-not-found} error for an unknown or expired session, a 400
     *         {@code invalid} error for an empty or too long text
     */
    public Mono<TurnResult> turn(String sessionId, String client, String text, String channel) {
        return answer(sessionId, client, List.of(text == null ? "" : text), channel).map(AnsweredTurn::result);
    }

    /**
     * Answers a spoken turn, heard by the recognizer in several ways ({@code hearings}, likeliest first): as the
     * likeliest, or another hearing the guide answers surely where it declines that ({@link Guide#answerHeard}).
     *
     * @return the hearing answered and its answer; errors as {@link #turn}'s, for the likeliest hearing
     */
    public Mono<AnsweredTurn> spokenTurn(String sessionId, String client, List<String> hearings) {
        return answer(sessionId, client, hearings, "voice");
    }

    private Mono<AnsweredTurn> answer(String sessionId, String client, List<String> hearings, String channel) {
        if (hearings.isEmpty() || !valid(hearings.get(0))) {
            return Mono.error(ApiException.badRequest("invalid",
                    "text must be between 1 and " + MAX_QUESTION_LENGTH + " characters."));
        }
        List<String> heard = hearings.stream().filter(Dialogue::valid).distinct().toList();
        long start = System.nanoTime();
        return sessions.get(sessionId).flatMap(session -> {
            SiteKnowledge site = knowledge.site(session.site()).orElseThrow(() -> ApiException.notFound("site-not-found",
                    "The site '" + session.site() + "' of this conversation is no longer served."));
            // answering takes CPU (an embedding, several searches): not on the server's I/O threads, and each
            // client only its share of the threads that answer
            List<SiteKnowledge> others = knowledge.sites().stream().filter(s -> !s.site().id().equals(session.site())).toList();
            boolean heavy = heard.stream().anyMatch(text -> text.length() > LONG_QUESTION);
            return answering.answer(client, heavy, () -> guide.answerHeard(site, others, session, heard))
                    .flatMap(taken -> keep(session, taken.question(), channel, taken.reply(), start)
                            .map(result -> new AnsweredTurn(taken.question(), result)));
        });
    }

    private static boolean valid(String text) {
        return text != null && !text.isBlank() && text.length() <= MAX_QUESTION_LENGTH;
    }

    /**
     * How the guide would answer a question from a draft of a site's knowledge ({@link KnowledgeBase#draft}),
     * as a visitor standing at {@code exhibit} (or nowhere in particular) would ask it in {@code language}.
     * Nothing is kept or recorded: this is a curator trying content out.
     */
    public TurnResult tryOut(SiteKnowledge draft, String exhibit, String language, String text) {
        if (!valid(text)) {
            throw ApiException.badRequest("invalid", "The question must be between 1 and " + MAX_QUESTION_LENGTH
                    + " characters.");
        }
        VisitorSession visitor = VisitorSession.builder("try-out").site(draft.site().id()).language(language)
                .openedAt(clock.instant()).build().withExhibit(exhibit);
        Guide.Reply reply = guide.answer(draft, List.of(), visitor, text);
        return result(reply, !reply.sessionLanguage().equals(language));
    }

    /** Keeps the turn in the session and records it; the result goes back to the visitor. */
    private Mono<TurnResult> keep(VisitorSession session, String text, String channel, Guide.Reply reply, long start) {
        Instant now = clock.instant();
        List<String> sources = reply.sources().stream().map(Guide.Source::id).toList();
        boolean languageChanged = !reply.sessionLanguage().equals(session.language());
        // applied to the session as it is now: turns answered at the same time are all kept
        return sessions.update(session.id(), current -> after(current, text, reply, channel, now, sessions.maxHistory()))
                .map(saved -> {
                    long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    if (languageChanged) {
                        events.record(VisitorEvent.of(VisitorEvent.LANGUAGE_CHANGED, now, saved.site(), saved.exhibit(),
                                saved.id(), saved.language()));
                    }
                    events.record(VisitorEvent.turn(now, saved.site(), saved.exhibit(), saved.id(), saved.language(),
                            channel, text, reply.answered(), latency, sources));
                    Timer.builder("guide.turns").description("turns answered, from the question to the reply kept")
                            .tag("channel", channel).tag("language", reply.sessionLanguage())
                            .tag("answered", String.valueOf(reply.answered())).publishPercentileHistogram()
                            .register(meters).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    meters.counter("guide.turns.decided", "rule", reply.decidedBy()).increment();
                    // the session's id correlates a turn's lines; the visitor's words stay in the event log
                    log.atDebug().setMessage("turn answered").addKeyValue("session", saved.id())
                            .addKeyValue("site", saved.site()).addKeyValue("channel", channel)
                            .addKeyValue("answered", reply.answered()).addKeyValue("decidedBy", reply.decidedBy())
                            .addKeyValue("sources", sources).addKeyValue("ms", latency).log();
                    return result(reply, languageChanged);
                });
    }

    /** The session after a turn: its topic, its history, and its language if the visitor changed it. */
    static VisitorSession after(VisitorSession session, String text, Guide.Reply reply, String channel, Instant at,
                                int maxHistory) {
        List<String> sources = reply.sources().stream().map(Guide.Source::id).toList();
        VisitorSession next = session.withContext(reply.context()).withTurn(new VisitorSession.Turn(text, reply.text(),
                reply.language(), reply.answered(), sources, channel, at), maxHistory);
        return reply.sessionLanguage().equals(session.language()) ? next : next.withLanguage(reply.sessionLanguage());
    }

    /** The guide itself, for the evaluation set's test. */
    Guide guide() {
        return guide;
    }

    static TurnResult result(Guide.Reply reply, boolean languageChanged) {
        return new TurnResult(reply.text(), reply.language(), reply.answered(),
                reply.sources().stream().map(s -> new TurnResult.Source(s.id(), s.exhibit(), s.title())).toList(),
                reply.notice(), languageChanged, reply.intent() == null ? null : reply.intent().key(), reply.decidedBy());
    }

    /** Readies the phrasebooks and language detectors of every language served, before visitors ask. */
    @EventListener
    void onSitesChanged(SitesChanged event) {
        long start = System.nanoTime();
        Set<String> languages = new LinkedHashSet<>();
        event.catalog().all().forEach(site -> languages.addAll(site.languages()));
        // independent of each other, and the first start waits for them: made side by side
        CompletableFuture<Void> detectors = CompletableFuture.runAsync(
                () -> event.catalog().all().forEach(site -> typed.prepare(site.languages())));
        languages.parallelStream().forEach(intents::prepare);
        detectors.join();
        log.info("Dialogue ready in {}: phrasebooks and language detection ({} ms)", languages,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    @Override
    public void destroy() {
        answering.close();
    }
}

package org.heritageguide.voice;

import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.heritageguide.dialogue.GuidePhrases;
import org.heritageguide.limits.ClientBudgets;
import org.heritageguide.session.Sessions;
import org.heritageguide.speech.asr.SpeechRecognizer;
import org.heritageguide.speech.tts.AnswerAudio;
import org.heritageguide.web.ClientAddresses;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The voice WebSocket: one {@link VoiceConversation} per connection, at most
 * {@code guide.voice.max-streams} of them listening to a question at once on this instance, and
 * {@code guide.voice.max-streams-per-client} from one client address.
 */
@Component
class VoiceHandler implements WebSocketHandler, DisposableBean {

    private final VoiceSettings settings;
    private final Sessions sessions;
    private final SpeechRecognizer recognizer;
    private final AnswerAudio audio;
    private final VoiceAnswers answers;
    private final GuidePhrases phrases;
    private final ClientAddresses clients;
    private final ClientBudgets budgets;
    private final SpeechStreams streams;
    private final VoiceLatency latency;
    /**
     * Speech recognition is CPU work: as many threads as cores but one, shared by every conversation, so that the
     * streams together, however many and whatever they hold, always leave a core to typed questions (issue #16:
     * with a thread a core, 16 connections sending silence made ordinary typed questions' p99 9x while they held streams).
     */
    private final Scheduler listening;

    VoiceHandler(VoiceSettings settings, Sessions sessions, SpeechRecognizer recognizer, AnswerAudio audio,
                 VoiceAnswers answers, GuidePhrases phrases, ClientAddresses clients, ClientBudgets budgets,
                 MeterRegistry meters) {
        this.settings = settings;
        this.sessions = sessions;
        this.recognizer = recognizer;
        this.audio = audio;
        this.answers = answers;
        this.phrases = phrases;
        this.clients = clients;
        this.budgets = budgets;
        this.streams = new SpeechStreams(settings, meters);
        this.latency = new VoiceLatency(meters);
        // one queue for all threads: a frame waits only until any thread is free, never behind a long
        // task of another conversation that happened to land on the same worker (a conversation's own
        // messages still go one at a time: VoiceConversation handles them with concatMap)
        AtomicInteger threads = new AtomicInteger();
        this.listening = Schedulers.fromExecutorService(
                Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), runnable -> {
                    Thread thread = new Thread(runnable, "asr-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }), "asr");
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        String path = session.getHandshakeInfo().getUri().getPath();
        String sessionId = path.substring("/ws/v1/sessions/".length(), path.length() - "/voice".length());
        String client = clients.of(session.getHandshakeInfo().getRemoteAddress(), session.getHandshakeInfo().getHeaders());
        return new VoiceConversation(session, sessionId, client, settings, sessions, recognizer, audio, answers, phrases,
                budgets, streams, listening, latency).run();
    }

    @Override
    public void destroy() {
        listening.dispose(); // shuts its executor down
    }
}

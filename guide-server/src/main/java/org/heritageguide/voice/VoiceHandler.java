package org.heritageguide.voice;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
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

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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

    final VoiceSettings settings;
    final Sessions sessions;
    final SpeechRecognizer recognizer;
    final AnswerAudio audio;
    final VoiceAnswers answers;
    final GuidePhrases phrases;
    final Semaphore streams;
    private final Map<String, Integer> streamsByClient = new ConcurrentHashMap<>();
    final ClientAddresses clients;
    final ClientBudgets budgets;
    /** Speech recognition is CPU work: as many threads as cores, shared by every conversation. */
    final Scheduler listening;
    final Counter refused;
    final Timer toTranscript;
    final Timer toAnswer;
    final Timer toFirstAudio;

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
        this.streams = new Semaphore(settings.maxStreams());
        // one queue for all threads: a frame waits only until any thread is free, never behind a long
        // task of another conversation that happened to land on the same worker (a conversation's own
        // messages still go one at a time: VoiceConversation handles them with concatMap)
        AtomicInteger threads = new AtomicInteger();
        this.listening = Schedulers.fromExecutorService(
                Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
                    Thread thread = new Thread(runnable, "asr-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }), "asr");
        this.refused = Counter.builder("guide.voice.refused").description("voice questions refused as busy (every stream, or the client's share, taken)").register(meters);
        Gauge.builder("guide.voice.streams", streams, s -> settings.maxStreams() - s.availablePermits())
                .description("visitors talking now").register(meters);
        this.toTranscript = latency(meters, "transcript");
        this.toAnswer = latency(meters, "answer");
        this.toFirstAudio = latency(meters, "first-audio");
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        String path = session.getHandshakeInfo().getUri().getPath();
        String sessionId = path.substring("/ws/v1/sessions/".length(), path.length() - "/voice".length());
        String client = clients.of(session.getHandshakeInfo().getRemoteAddress(), session.getHandshakeInfo().getHeaders());
        return new VoiceConversation(this, session, sessionId, client).run();
    }

    /** Takes a stream for a question of {@code client}'s; false when all are taken, or the client's share. */
    boolean takeStream(String client) {
        boolean[] taken = new boolean[1];
        streamsByClient.compute(client, (any, held) -> {
            int now = held == null ? 0 : held;
            taken[0] = now < settings.maxStreamsPerClient() && streams.tryAcquire();
            return taken[0] ? now + 1 : held;
        });
        if (!taken[0]) {
            refused.increment();
        }
        return taken[0];
    }

    void giveStreamBack(String client) {
        streamsByClient.computeIfPresent(client, (any, held) -> held > 1 ? held - 1 : null);
        streams.release();
    }

    @Override
    public void destroy() {
        listening.dispose(); // shuts its executor down
    }

    private static Timer latency(MeterRegistry meters, String stage) {
        return Timer.builder("guide.voice.latency").tag("until", stage)
                .description("from the end of the visitor's speech until the guide sent this")
                .publishPercentiles(0.5, 0.95).register(meters);
    }
}

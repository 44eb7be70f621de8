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
    final StreamSlots streams;
    final ClientAddresses clients;
    final ClientBudgets budgets;
    /** Speech recognition is CPU work: as many threads as cores, shared by every conversation. */
    final Scheduler listening;
    /** Questions refused as busy, by the cap that refused them: {@code instance} (every stream taken) or {@code client} (its share). */
    private final Counter refusedInstanceFull;
    private final Counter refusedClientFull;
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
        this.streams = new StreamSlots(settings.maxStreams(), settings.maxStreamsPerClient());
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
        this.refusedInstanceFull = refusedCounter(meters, "instance");
        this.refusedClientFull = refusedCounter(meters, "client");
        Gauge.builder("guide.voice.streams", streams, StreamSlots::held)
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
        StreamSlots.Taken taken = streams.take(client);
        switch (taken) {
            case INSTANCE_FULL -> refusedInstanceFull.increment();
            case CLIENT_FULL -> refusedClientFull.increment();
            case YES -> { }
        }
        return taken.taken();
    }

    void giveStreamBack(String client) {
        streams.giveBack(client);
    }

    @Override
    public void destroy() {
        listening.dispose(); // shuts its executor down
    }

    private static Counter refusedCounter(MeterRegistry meters, String cap) {
        return Counter.builder("guide.voice.refused").tag("cap", cap)
                .description("voice questions refused as busy, by the cap reached: every stream of the instance, or the client's share")
                .register(meters);
    }

    private static Timer latency(MeterRegistry meters, String stage) {
        return Timer.builder("guide.voice.latency").tag("until", stage)
                .description("from the end of the visitor's speech until the guide sent this")
                .publishPercentiles(0.5, 0.95).register(meters);
    }
}

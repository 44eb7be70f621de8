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

    private final ClientAddresses clients;
    private final VoiceConversation.Instance instance;

    VoiceHandler(VoiceSettings settings, Sessions sessions, SpeechRecognizer recognizer, AnswerAudio audio,
                 VoiceAnswers answers, GuidePhrases phrases, ClientAddresses clients, ClientBudgets budgets,
                 MeterRegistry meters) {
        this.clients = clients;
        // speech recognition is CPU work: as many threads as cores, shared by every conversation, in one
        // queue for all threads: a frame waits only until any thread is free, never behind a long
        // task of another conversation that happened to land on the same worker (a conversation's own
        // messages still go one at a time: VoiceConversation handles them with concatMap)
        AtomicInteger threads = new AtomicInteger();
        Scheduler listening = Schedulers.fromExecutorService(
                Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
                    Thread thread = new Thread(runnable, "asr-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }), "asr");
        this.instance = new VoiceConversation.Instance(settings, sessions, recognizer, audio, answers, phrases, budgets,
                new SpeechStreams(settings, meters), listening, new VoiceLatency(meters));
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        String path = session.getHandshakeInfo().getUri().getPath();
        String sessionId = path.substring("/ws/v1/sessions/".length(), path.length() - "/voice".length());
        String client = clients.of(session.getHandshakeInfo().getRemoteAddress(), session.getHandshakeInfo().getHeaders());
        return new VoiceConversation(session, sessionId, client, instance).run();
    }

    @Override
    public void destroy() {
        instance.listening().dispose(); // shuts its executor down
    }
}

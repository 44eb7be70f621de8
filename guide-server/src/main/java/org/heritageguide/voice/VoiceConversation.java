package org.heritageguide.voice;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.heritageguide.audio.Pcm;
import org.heritageguide.audio.Wav;
import org.heritageguide.dialogue.GuidePhrases;
import org.heritageguide.dialogue.TurnResult;
import org.heritageguide.limits.ClientBudgets;
import org.heritageguide.session.Sessions;
import org.heritageguide.session.VisitorSession;
import org.heritageguide.speech.asr.Heard;
import org.heritageguide.speech.asr.RecognitionStream;
import org.heritageguide.speech.asr.SpeechRecognizer;
import org.heritageguide.speech.tts.AnswerAudio;
import org.heritageguide.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.util.concurrent.Queues;
import tools.jackson.databind.json.JsonMapper;

/**
 * One visitor's voice connection: audio in, words and answers out, question after question.
 *
 * <p>A question begins with {@code start} or, hands-free, with the first audio after the previous
 * question was heard; only while a question is under way does the connection hold a recognizer and one
 * of the instance's streams. Each question is charged to the client's turn budget, and ends when it is
 * heard (a pause, or {@code stop}), when no word is heard in its first {@code guide.voice.no-speech-timeout} of
 * audio, or in twice that time for a client that sends less ({@code no-speech}: audio is then ignored until the
 * next {@code start}), or when it passes
 * {@code guide.voice.max-utterance} ({@code too-long}: what was heard is answered). A connection with no
 * question begun for {@code guide.voice.idle-timeout} is closed. So silence or noise cannot hold a
 * stream for longer than those limits.
 *
 * <p>Incoming messages are handled one at a time on the shared listening threads. Outgoing messages
 * go through two bounded channels merged into the socket: {@code control} (ready, partial, transcript,
 * error) and {@code replies}, where each answer (its text, then its audio) is a stream of its own that a
 * newer one, or the visitor speaking again (barge-in), cancels. Audio is produced only as fast as the
 * client reads it, so a slow client costs a bounded amount of memory. Both ways the messages are typed:
 * {@link ClientMessage} in, {@link ServerMessage} out.
 *
 * <p>One lock, the conversation itself, guards all of its state, whichever thread touches it: a message
 * handled on a listening thread, a deadline, the sending of an answer's audio (its pacing), an answer
 * ending or cancelled. Reactor only carries the messages in and out; every emission into its sinks is
 * made holding the lock, so they are emitted one at a time, as the sinks need.
 */
final class VoiceConversation {

    private static final Logger log = LoggerFactory.getLogger(VoiceConversation.class);
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final CloseStatus TOO_BIG = new CloseStatus(1009, "frame too large");

    private final WebSocketSession socket;
    private final String sessionId;
    private final String client;
    private final VoiceSettings settings;
    private final Sessions sessions;
    private final SpeechRecognizer recognizer;
    private final AnswerAudio audio;
    private final VoiceAnswers answers;
    private final GuidePhrases phrases;
    private final ClientBudgets budgets;
    private final SpeechStreams streams;
    /** Where recognition runs, shared by every conversation of the instance. */
    private final Scheduler listening;
    private final VoiceLatency latency;
    /** A signal each time a question begins or ends, or an answer is all sent: the idle watch (see {@link #run()}). */
    private final Sinks.Many<Boolean> activity = Sinks.many().unicast().onBackpressureBuffer();
    private final Sinks.Many<WebSocketMessage> control = Sinks.many().unicast()
            .onBackpressureBuffer(Queues.<WebSocketMessage>get(256).get());
    private final Sinks.Many<Flux<WebSocketMessage>> replies = Sinks.many().unicast()
            .onBackpressureBuffer(Queues.<Flux<WebSocketMessage>>get(16).get());

    // guarded by this
    private long replyCount;
    /** The reply being sent (its number), 0 when none. */
    private long activeReply;
    /** When the client will have played all audio sent so far ({@link System#nanoTime()}). */
    private long playingUntil;
    private boolean ending;
    private CloseStatus closeWith = CloseStatus.NORMAL;
    /** Whether a {@code start} was accepted: the language and sample rate below are the visitor's. */
    private boolean started;
    private String language;
    private int sampleRate;
    /** Open only while a question is under way. */
    private RecognitionStream stream;
    private boolean holdsStream;
    /** Whether the next audio begins a new question (hands-free), as after a question that was heard. */
    private boolean continues;
    private long question;
    private long questionBegan;
    private long questionBytes;
    private boolean heardWords;
    /** Whether this question began with audio rather than {@code start}. */
    private boolean handsFree;
    private Disposable.Composite deadlines = Disposables.composite();
    private String sessionLanguage = "en";
    private int carry = -1;
    /** The naive pipeline, for comparison: nothing is recognized before stop, nothing spoken before all is synthesized. */
    private boolean baseline;
    private final ByteArrayOutputStream utterance = new ByteArrayOutputStream();

    /** A message copied off the socket, with when it arrived. */
    private record Inbound(String text, byte[] bytes, long receivedAt) {
        static Inbound of(WebSocketMessage message) {
            long now = System.nanoTime();
            if (message.getType() == WebSocketMessage.Type.TEXT) {
                return new Inbound(message.getPayloadAsText(), null, now);
            }
            DataBuffer payload = message.getPayload();
            byte[] bytes = new byte[payload.readableByteCount()];
            payload.read(bytes);
            return new Inbound(null, bytes, now);
        }
    }

    /**
     * What every conversation on this instance is given, made once by {@link VoiceHandler}: the settings,
     * sessions, recognizer, answer audio, the dialogue, phrases, budgets, the instance's speech streams, its
     * listening threads (shared by every conversation) and the latency it records.
     */
    record Instance(VoiceSettings settings, Sessions sessions, SpeechRecognizer recognizer, AnswerAudio audio,
                    VoiceAnswers answers, GuidePhrases phrases, ClientBudgets budgets, SpeechStreams streams,
                    Scheduler listening, VoiceLatency latency) {
    }

    VoiceConversation(WebSocketSession socket, String sessionId, String client, Instance instance) {
        this.socket = socket;
        this.sessionId = sessionId;
        this.client = client;
        this.settings = instance.settings();
        this.sessions = instance.sessions();
        this.recognizer = instance.recognizer();
        this.audio = instance.audio();
        this.answers = instance.answers();
        this.phrases = instance.phrases();
        this.budgets = instance.budgets();
        this.streams = instance.streams();
        this.listening = instance.listening();
        this.latency = instance.latency();
    }

    Mono<Void> run() {
        Flux<WebSocketMessage> outbound = Flux.merge(control.asFlux(), Flux.switchOnNext(replies.asFlux()));
        Mono<Void> sending = socket.send(outbound).then(Mono.defer(() -> socket.close(closeWith())));
        // idleness is watched beside the inbound stream, not on it: cancelling the socket's inbound stream
        // would close the connection before the "timeout" error could be sent. Audio that begins no question
        // (silence after a no-speech, say) does not count as activity
        Mono<Void> watching = activity.asFlux()
                .timeout(Mono.delay(settings.startTimeout()), next -> Mono.delay(settings.idleTimeout()))
                .onErrorResume(TimeoutException.class, timeout -> {
                    fail("timeout", "No question was asked for too long; the connection is closed.", CloseStatus.GOING_AWAY);
                    return Mono.empty();
                })
                .then();
        Mono<Void> receiving = socket.receive()
                .filter(m -> m.getType() == WebSocketMessage.Type.TEXT || m.getType() == WebSocketMessage.Type.BINARY)
                .map(Inbound::of)
                .concatMap(message -> Mono.defer(() -> handle(message)).onErrorResume(this::failedOnOurSide), 4)
                .doFinally(signal -> inboundEnded())
                .then();
        return Mono.when(receiving, sending, watching).doFinally(signal -> release());
    }

    private Mono<Void> handle(Inbound message) {
        if (ending()) {
            return Mono.empty();
        }
        if (message.bytes() != null) {
            if (!started()) {
                fail("bad-message", "Send {\"type\":\"start\",\"sampleRate\":16000} before any audio.", CloseStatus.NOT_ACCEPTABLE);
                return Mono.empty();
            }
            if (message.bytes().length > settings.maxFrame().toBytes()) {
                fail("bad-message", "An audio frame may hold at most " + settings.maxFrame().toBytes()
                        + " bytes; send smaller frames (e.g. 100 ms each).", TOO_BIG);
                return Mono.empty();
            }
            return onListeningThread(() -> feed(message.bytes()));
        }
        ClientMessage read = ClientMessage.read(message.text());
        if (read instanceof ClientMessage.Start start) {
            return start(start);
        }
        if (read instanceof ClientMessage.Stop) {
            return onListeningThread(() -> stop(message.receivedAt()));
        }
        fail("bad-message", ((ClientMessage.Unreadable) read).why(), CloseStatus.POLICY_VIOLATION);
        return Mono.empty();
    }

    private Mono<Void> start(ClientMessage.Start start) {
        return sessions.get(sessionId)
                .publishOn(listening)
                .doOnNext(session -> open(session, start))
                .onErrorResume(failure -> {
                    if (failure instanceof ApiException e) {
                        fail(e.code(), e.getMessage(), CloseStatus.POLICY_VIOLATION);
                    } else {
                        // never a silent close: the visitor is told, the operator reads why
                        log.error("Voice start failed in session {}", sessionId, failure);
                        fail("internal", "Something went wrong on our side. Please try again.", CloseStatus.SERVER_ERROR);
                    }
                    return Mono.empty();
                })
                .then();
    }

    private synchronized void open(VisitorSession session, ClientMessage.Start start) {
        if (ending) {
            return;
        }
        sessionLanguage = session.language();
        String language = start.language() != null ? start.language() : session.language();
        String languageName = phrases.languageName(language, sessionLanguage);
        if (!recognizer.recognizes(language)) {
            fail("no-speech-model", phrases.say(sessionLanguage, "voice.no-speech-model", languageName),
                    CloseStatus.NORMAL);
            return;
        }
        if (start.baseline() && !settings.baselinePipeline()) {
            fail("bad-message", "The baseline pipeline is for benchmarks only (guide.voice.baseline-pipeline).",
                    CloseStatus.POLICY_VIOLATION);
            return;
        }
        this.started = true;
        this.language = language;
        this.sampleRate = start.sampleRate();
        this.baseline = start.baseline();
        if (!beginQuestion(false)) {
            return;
        }
        boolean speaks = audio.speaks(language);
        send(new ServerMessage.Ready(language, sampleRate, speaks,
                speaks ? null : phrases.say(sessionLanguage, "voice.no-voice", languageName)));
    }

    /**
     * A question begins: charged to the client's turns, it takes a stream (or keeps the one of the question
     * it replaces) and a fresh recognizer, and its limits start counting. False when it was refused (the
     * connection is then closed with the reason).
     */
    private boolean beginQuestion(boolean withAudio) {
        Duration wait = budgets.tryToSpend(ClientBudgets.Kind.TURNS, client);
        if (!wait.isZero()) {
            fail("too-many-requests", phrases.say(sessionLanguage, "voice.too-many-requests",
                    ApiException.wholeSeconds(wait)), CloseStatus.POLICY_VIOLATION);
            return false;
        }
        if (!holdsStream) {
            if (!streams.take(client)) {
                fail("busy", phrases.say(sessionLanguage, "voice.busy"), CloseStatus.SERVICE_OVERLOAD);
                return false;
            }
            holdsStream = true;
        }
        deadlines.dispose();
        if (stream != null) {
            stream.close();
        }
        stream = recognizer.open(language, sampleRate).orElseThrow();
        carry = -1;
        utterance.reset();
        long number = ++question;
        questionBegan = System.nanoTime();
        questionBytes = 0;
        heardWords = false;
        handsFree = withAudio;
        continues = false;
        active();
        deadlines = Disposables.composite(
                Mono.delay(settings.noSpeechTimeout()).then(onListeningThread(() -> enforceLimits(number))).subscribe(),
                Mono.delay(settings.maxUtterance()).then(onListeningThread(() -> enforceLimits(number))).subscribe());
        return true;
    }

    /** The question is over: its recognizer and stream are given back at once. */
    private void endQuestion(boolean nextAudioContinues) {
        deadlines.dispose();
        if (stream != null) {
            stream.close();
            stream = null;
        }
        if (holdsStream) {
            holdsStream = false;
            streams.giveBack(client);
        }
        continues = nextAudioContinues;
        active();
    }

    private synchronized void active() {
        activity.tryEmitNext(Boolean.TRUE);
    }

    /** Ends a question that has gone on too long for what was heard in it (see the class comment). */
    private synchronized void enforceLimits(long number) {
        if (ending || stream == null || number != question || baseline) {
            return;
        }
        long now = System.nanoTime();
        double elapsed = (now - questionBegan) / 1e9;
        double heard = questionBytes / 2.0 / sampleRate;
        double seconds = Math.max(elapsed, heard);
        double noSpeech = settings.noSpeechTimeout().toMillis() / 1000.0;
        if (!heardWords) {
            // what counts is the audio listened to: on a starved machine the visitor's words may still be on
            // their way when the clock says the time is up. A client sending less than that (nothing, or
            // audio far slower than it is spoken) holds a stream without talking: it is cut off at twice the time.
            if (heard >= noSpeech || elapsed >= 2 * noSpeech) {
                endQuestion(false);
                budgets.chargeHeardNothing(client);
                error("no-speech", phrases.say(sessionLanguage, "voice.no-speech"));
                return;
            }
            if (elapsed >= noSpeech) {
                long later = Math.max(100, (long) ((noSpeech - heard) * 1000));
                deadlines.add(Mono.delay(Duration.ofMillis(later)).then(onListeningThread(() -> enforceLimits(number)))
                        .subscribe());
            }
        }
        double cap = settings.maxUtterance().toMillis() / 1000.0;
        if (seconds >= cap) {
            List<String> hearings = stream.finish().hearings();
            endQuestion(!hearings.isEmpty());
            error("too-long", phrases.say(sessionLanguage, "voice.too-long", (long) cap));
            utteranceEnded(hearings, now);
        }
    }

    private synchronized void feed(byte[] frame) {
        if (ending || !started || (stream == null && (!continues || !beginQuestion(true)))) {
            return; // between questions, audio that begins none is dropped
        }
        byte[] pcm = frame;
        if (carry >= 0) {
            pcm = new byte[frame.length + 1];
            pcm[0] = (byte) carry;
            System.arraycopy(frame, 0, pcm, 1, frame.length);
        }
        int usable = pcm.length & ~1;
        carry = usable < pcm.length ? pcm[pcm.length - 1] & 0xff : -1;
        questionBytes += usable;
        if (baseline) {
            if (utterance.size() < settings.maxUtterance().toSeconds() * 48000 * 2) {
                utterance.write(pcm, 0, usable);
            }
            return;
        }
        Heard heard = stream.accept(pcm, 0, usable);
        if (heard.endOfUtterance()) {
            endQuestion(true);
            utteranceEnded(heard.hearings(), System.nanoTime());
            return;
        }
        if (heard.changed() && !heard.text().isEmpty()) {
            heardWords = true;
            bargeIn();
            send(new ServerMessage.Partial(heard.text()));
        }
        enforceLimits(question);
    }

    private synchronized void stop(long receivedAt) {
        if (!started) {
            if (!ending) {
                fail("bad-message", "Send {\"type\":\"start\",\"sampleRate\":16000} before {\"type\":\"stop\"}.",
                        CloseStatus.POLICY_VIOLATION);
            }
            return;
        }
        if (stream == null) {
            return; // a pause, no-speech or too-long already ended this question
        }
        carry = -1;
        String before = "";
        if (baseline) {
            byte[] heard = utterance.toByteArray();
            utterance.reset();
            Heard ended = stream.accept(heard, 0, heard.length);
            before = ended.endOfUtterance() ? ended.text() + " " : "";
        }
        Heard finished = stream.finish();
        List<String> hearings = before.isEmpty() ? finished.hearings()
                : Stream.of((before + finished.text()).trim()).filter(text -> !text.isEmpty()).toList();
        boolean afterTheQuestion = handsFree;
        endQuestion(!hearings.isEmpty() || afterTheQuestion);
        if (hearings.isEmpty() && afterTheQuestion) {
            // the pause before the button was released already ended the question; this was only its tail
            return;
        }
        utteranceEnded(hearings, receivedAt);
    }

    /**
     * The question ended, heard in these ways (likeliest first): the transcript sent is the hearing the guide answered,
     * right before its answer.
     */
    private void utteranceEnded(List<String> hearings, long endedAt) {
        if (hearings.isEmpty()) {
            error("no-speech", phrases.say(sessionLanguage, "voice.no-speech"));
            return;
        }
        long id = ++replyCount;
        activeReply = id;
        Flux<WebSocketMessage> reply = answers.answer(sessionId, client, hearings)
                .flatMapMany(answered -> {
                    latency.toTranscript().record(System.nanoTime() - endedAt, TimeUnit.NANOSECONDS);
                    return Flux.concat(Flux.just(text(new ServerMessage.Transcript(answered.question()))),
                            reply(answered.result(), endedAt));
                })
                .onErrorResume(failure -> {
                    if (failure instanceof ApiException api) {
                        return Flux.just(text(new ServerMessage.ErrorMessage(api.code(), api.getMessage())));
                    }
                    if (stillAnswering(id)) {
                        log.error("Voice turn failed in session {}", sessionId, failure);
                    }
                    return Flux.just(text(new ServerMessage.ErrorMessage("internal", "Something went wrong on our side. Please try again.")));
                })
                .doFinally(signal -> replyEnded(id));
        emitReply(reply);
    }

    /** Whether reply {@code id} is still the one being sent, on a connection not ending. */
    private synchronized boolean stillAnswering(long id) {
        return activeReply == id && !ending;
    }

    /** Reply {@code id} was all sent, failed or was cancelled: the idle time starts now. */
    private synchronized void replyEnded(long id) {
        if (activeReply == id) {
            activeReply = 0;
        }
        active();
    }

    /** The answer's text, then its audio (if its language has a voice), as WAV frames. */
    private Flux<WebSocketMessage> reply(TurnResult answer, long endedAt) {
        String audioUrl = audio.url(answer.language(), answer.text()).orElse(null);
        Mono<WebSocketMessage> text = Mono.fromSupplier(() -> {
            latency.toAnswer().record(System.nanoTime() - endedAt, TimeUnit.NANOSECONDS);
            return text(new ServerMessage.Answer(answer, audioUrl));
        });
        if (audioUrl == null) {
            return text.flux();
        }
        if (baseline) {
            Playback unpaced = new Playback(endedAt);
            return Flux.concat(text, audio.speakUncached(answer.language(), answer.text()).flatMapMany(pcm ->
                    Flux.concat(Mono.fromSupplier(() -> text(new ServerMessage.Audio(pcm.sampleRate()))), frames(pcm, unpaced, false))),
                    Mono.fromSupplier(() -> text(new ServerMessage.AudioEnd(false))));
        }
        Playback playback = new Playback(endedAt);
        Flux<WebSocketMessage> spoken = audio.speak(answer.language(), answer.text())
                .concatMap(pcm -> playback.started() ? frames(pcm, playback, true)
                        : Flux.concat(Mono.fromSupplier(() -> text(new ServerMessage.Audio(pcm.sampleRate()))), frames(pcm, playback, true)));
        return Flux.concat(text, spoken, Mono.fromSupplier(() -> text(new ServerMessage.AudioEnd(false))));
    }

    /**
     * The audio cut into short WAV files, made one by one as the client takes them, and sent no further
     * than {@code guide.voice.audio-lead} ahead of the time the client will play them.
     */
    private Flux<WebSocketMessage> frames(Pcm pcm, Playback playback, boolean paced) {
        int bytesPerFrame = (int) (pcm.sampleRate() * 2L * settings.audioFrame().toMillis() / 1000) & ~1;
        byte[] samples = pcm.samples();
        int count = (samples.length + bytesPerFrame - 1) / bytesPerFrame;
        return Flux.range(0, count).concatMap(i -> {
            int offset = i * bytesPerFrame;
            int length = Math.min(bytesPerFrame, samples.length - offset);
            long wait = playback.waitBeforeSending(length * 1_000_000_000L / 2 / pcm.sampleRate());
            Mono<WebSocketMessage> frame = Mono.fromSupplier(() -> {
                byte[] wav = Wav.wrap(samples, offset, length, pcm.sampleRate());
                return socket.binaryMessage(factory -> factory.wrap(wav));
            });
            return paced && wait > 0 ? Mono.delay(Duration.ofNanos(wait)).then(frame) : frame;
        }, 0);
    }

    /**
     * Where the client's playback of the current answer stands, as far as the guide can tell; guarded by
     * the conversation's lock like the rest of its state.
     */
    private final class Playback {
        private final long endedAt;
        private long startedAt;
        private long queuedNanos;

        Playback(long endedAt) {
            this.endedAt = endedAt;
        }

        boolean started() {
            synchronized (VoiceConversation.this) {
                return startedAt != 0;
            }
        }

        /** Accounts for a frame of {@code nanos} of sound; returns how long to hold it back. */
        long waitBeforeSending(long nanos) {
            synchronized (VoiceConversation.this) {
                long now = System.nanoTime();
                if (startedAt == 0) {
                    startedAt = now;
                    latency.toFirstAudio().record(now - endedAt, TimeUnit.NANOSECONDS);
                }
                long due = startedAt + queuedNanos - settings.audioLead().toNanos();
                queuedNanos += nanos;
                playingUntil = startedAt + queuedNanos;
                return due - now;
            }
        }
    }

    /** The visitor speaks while the guide answers: the answer stops. */
    private void bargeIn() {
        if (activeReply != 0 || System.nanoTime() < playingUntil) {
            activeReply = 0;
            playingUntil = 0;
            emitReply(Flux.empty());
            send(new ServerMessage.AudioEnd(true));
        }
    }

    private Mono<Void> onListeningThread(Runnable work) {
        return Mono.fromRunnable(work).subscribeOn(listening).onErrorResume(this::failedOnOurSide).then();
    }

    /** Never a silent close: the visitor is told, the operator reads why. */
    private Mono<Void> failedOnOurSide(Throwable failure) {
        log.error("Voice stream failed in session {}", sessionId, failure);
        fail("internal", "Something went wrong on our side. Please try again.", CloseStatus.SERVER_ERROR);
        return Mono.empty();
    }

    private synchronized boolean started() {
        return started;
    }

    private synchronized boolean ending() {
        return ending;
    }

    private synchronized CloseStatus closeWith() {
        return closeWith;
    }

    private void error(String code, String text) {
        send(new ServerMessage.ErrorMessage(code, text));
    }

    /** Tells the client what is wrong, sends what is queued, and closes the connection. */
    private synchronized void fail(String code, String text, CloseStatus status) {
        if (ending) {
            return;
        }
        closeWith = status;
        send(new ServerMessage.ErrorMessage(code, text));
        ending = true;
        release();
        endOutbound();
    }

    /** The client closed its side, or the connection broke: nothing more will come in. */
    private synchronized void inboundEnded() {
        activity.tryEmitComplete();
        endOutbound();
    }

    private synchronized void endOutbound() {
        replies.tryEmitNext(Flux.empty());
        replies.tryEmitComplete();
        control.tryEmitComplete();
    }

    private synchronized void release() {
        ending = true;
        endQuestion(false);
    }

    private synchronized void send(ServerMessage message) {
        Sinks.EmitResult result = control.tryEmitNext(text(message));
        if (result == Sinks.EmitResult.FAIL_OVERFLOW && !(message instanceof ServerMessage.Partial)) {
            log.info("Voice client of session {} does not read its messages; closing", sessionId);
            closeWith = CloseStatus.POLICY_VIOLATION;
            ending = true;
            release();
            socket.close(closeWith).subscribe();
        }
    }

    private synchronized void emitReply(Flux<WebSocketMessage> reply) {
        replies.tryEmitNext(reply);
    }

    private WebSocketMessage text(ServerMessage message) {
        return socket.textMessage(JSON.writeValueAsString(message));
    }
}

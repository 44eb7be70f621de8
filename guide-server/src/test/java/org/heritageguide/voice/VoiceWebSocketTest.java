package org.heritageguide.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heritageguide.voice.VoiceClient.type;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.heritageguide.GuideServerTest;
import org.heritageguide.audio.Pcm;
import org.heritageguide.audio.Wav;
import org.heritageguide.voice.VoiceClient.Event;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The voice WebSocket against the real server: recorded questions streamed at real-time pace, heard by
 * Vosk, answered, and spoken back; and every way a client can get it wrong.
 */
@GuideServerTest
class VoiceWebSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry meters;

    @Autowired
    VoiceSettings settings;

    @Test
    void pushToTalkTheVisitorSeesTheirWordsThenHearsTheAnswer() throws IOException {
        try (VoiceClient client = connect(session("en"))) {
            client.start(16000, null);
            assertThat(client.next(WAIT).type()).isEqualTo("ready");

            client.sendAudio(audio("who-built-rms.wav").samples(), 16000, true);
            client.stop();
            List<Event> events = new java.util.ArrayList<>(client.until(type("audio", "error", "closed"), WAIT));
            events.addAll(client.until(e -> e.audio() != null, WAIT));

            assertThat(types(events)).as(() -> errors(events))
                    .containsSubsequence("partial", "transcript", "answer", "audio", "binary");
            assertThat(first(events, "transcript").text()).contains("temple", "literature");
            Event answer = first(events, "answer");
            assertThat(answer.json().path("answered").asBoolean()).isTrue();
            assertThat(answer.text()).contains("Lý Thánh Tông", "1070");
            assertThat(answer.json().path("sources").get(0).path("title").asString()).isNotBlank();
            assertThat(answer.json().path("language").asString()).isEqualTo("en");
            assertThat(answer.json().path("audioUrl").asString()).matches("/api/v1/audio/[0-9a-f]{32}");
            assertThat(first(events, "audio").json().path("sampleRate").asInt()).isEqualTo(24000);
            assertThat(spokenAudio(events).sampleRate()).isEqualTo(24000);
            byte[] whole = http().get().uri(answer.json().path("audioUrl").asString()).exchange()
                    .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
            assertThat(Wav.read(whole).seconds()).isGreaterThan(3);
        }
    }

    @Test
    void aPauseEndsTheQuestionWithoutAStopEvenInNoise() throws IOException {
        try (VoiceClient client = connect(session("en"))) {
            client.start(16000, "en");
            client.until(type("ready"), WAIT);

            client.sendAudio(audio("ticket-awb-snr10.wav").samples(), 16000, true);
            List<Event> events = client.until(e -> e.audio() != null || "error".equals(e.type()), WAIT);

            assertThat(first(events, "transcript").text()).contains("ticket");
            assertThat(first(events, "answer").text()).contains("70,000");
            assertThat(spokenAudio(events).seconds()).isGreaterThan(0.2);
        }
    }

    @Test
    void aBrowserMicrophoneAt48KilohertzIsHeard() throws IOException {
        try (VoiceClient client = connect(session("en"))) {
            client.start(48000, null);
            client.until(type("ready"), WAIT);

            client.sendAudio(audio("toilets-kal-48k.wav").samples(), 48000, true);
            client.stop();

            List<Event> events = client.until(type("answer", "error"), WAIT);
            assertThat(first(events, "transcript").text()).contains("toilet");
            assertThat(first(events, "answer").text()).contains("second courtyard");
        }
    }

    @Test
    void speakingAgainStopsTheAnswer() throws IOException {
        try (VoiceClient client = connect(session("en"))) {
            client.start(16000, null);
            client.until(type("ready"), WAIT);
            client.sendAudio(audio("worship-mary.wav").samples(), 16000, false);
            client.stop();
            List<Event> first = client.until(type("audio", "error"), WAIT);
            assertThat(types(first)).as(() -> errors(first)).contains("transcript", "answer", "audio");

            client.sendAudio(audio("ticket-awb.wav").samples(), 16000, true);
            client.stop();
            List<Event> events = client.until(type("transcript", "error"), WAIT);

            Event interrupted = events.stream()
                    .filter(e -> "audio-end".equals(e.type()) && e.json().path("interrupted").asBoolean())
                    .findFirst().orElseThrow(() -> new AssertionError("not interrupted: " + timeline(first, events)));
            List<Event> afterInterruption = events.subList(events.indexOf(interrupted), events.size());
            assertThat(afterInterruption).as("no audio after the interruption").noneMatch(e -> e.audio() != null);
            assertThat(types(afterInterruption)).contains("transcript");
            assertThat(first(events, "transcript").text()).contains("ticket");
            List<Event> second = client.until(type("audio-end", "error"), WAIT);
            assertThat(first(second, "answer").text()).contains("70,000");
        }
    }

    @Test
    void aLanguageWithoutASpeechModelIsToldInItsOwnLanguage() {
        try (VoiceClient client = connect(session("vi"))) {
            client.start(16000, null);
            List<Event> events = client.until(type("closed"), WAIT);

            Event error = first(events, "error");
            assertThat(error.code()).isEqualTo("no-speech-model");
            assertThat(error.json().path("message").asString()).contains("tiếng Việt", "gõ câu hỏi");
            assertThat(client.isClosed()).isTrue();
        }
    }

    @Test
    void wrongMessagesGetAnErrorAndACleanClose() {
        String session = session("en");
        List<java.util.function.Consumer<VoiceClient>> misuses = List.of(
                client -> client.sendBinary(new byte[] {1, 2, 3, 4}),
                client -> client.sendText("hello"),
                client -> client.sendText("{\"type\":\"start\",\"sampleRate\":96000}"),
                client -> client.sendText("{\"type\":\"dance\"}"),
                client -> client.sendText("{\"type\":\"stop\"}"));
        for (java.util.function.Consumer<VoiceClient> misuse : misuses) {
            try (VoiceClient client = connect(session)) {
                misuse.accept(client);
                List<Event> events = client.until(type("closed"), WAIT);
                assertThat(first(events, "error").code()).isEqualTo("bad-message");
                assertThat(events.get(events.size() - 1).type()).isEqualTo("closed");
            }
        }
    }

    @Test
    void anOversizedFrameOrAnUnknownSessionIsRefused() {
        try (VoiceClient client = connect(session("en"))) {
            client.start(16000, null);
            client.until(type("ready"), WAIT);
            client.sendBinary(new byte[200 * 1024]);
            List<Event> events = client.until(type("closed"), WAIT);
            assertThat(first(events, "error").code()).isEqualTo("bad-message");
            assertThat(first(events, "closed").code()).isEqualTo("1009");
        }
        try (VoiceClient client = connect("no-such-session")) {
            client.start(16000, null);
            assertThat(first(client.until(type("closed"), WAIT), "error").code()).isEqualTo("session-not-found");
        }
    }

    @Test
    void aConnectionThatNeverStartsIsToldWhyItIsClosed() {
        try (VoiceClient client = connect(session("en"))) {
            // no "start": after guide.voice.start-timeout (10 s) the server says why and closes
            List<Event> events = client.until(type("closed"), Duration.ofSeconds(30));
            assertThat(first(events, "error").code()).isEqualTo("timeout");
            assertThat(first(events, "closed").code()).isEqualTo("1001");
        }
    }

    @Test
    void overTheStreamCapAVisitorIsToldBusyNotSlowedDown() {
        // every stream of the instance taken by other visitors, each from an address of their own: this
        // visitor's address holds none (issue #16: that case closed the socket, 1005, without a word)
        awaitNoVisitorTalking();
        int cap = settings.maxStreams();
        try (TalkingVisitors others = TalkingVisitors.start("http://localhost:" + port, address -> session("en", address), cap);
             VoiceClient client = connect(session("en"))) {
            awaitVisitorsTalking(cap);
            double refusedBefore = meters.get("guide.voice.refused").tag("cap", "instance").counter().count();

            long asked = System.nanoTime();
            client.start(16000, null);
            List<Event> events = client.until(type("closed"), WAIT);

            assertThat(types(events)).as(events::toString).containsExactly("error", "closed");
            Event error = first(events, "error");
            assertThat(error.code()).isEqualTo("busy");
            assertThat(error.json().path("message").asString()).contains("try again", "type your question");
            assertThat(first(events, "closed").code()).isEqualTo("1013");
            // told at once, not kept waiting for a stream
            assertThat(Duration.ofNanos(error.at() - asked)).isLessThan(Duration.ofSeconds(5));
            assertThat(meters.get("guide.voice.refused").tag("cap", "instance").counter().count()).isEqualTo(refusedBefore + 1);
            // and nobody's stream was lost or double-counted on the way
            assertThat(meters.get("guide.voice.streams").gauge().value()).isEqualTo(cap);
        }
        awaitNoVisitorTalking();
    }

    @Test
    void aVisitorWhoVanishesMidSentenceFreesTheirRecognizer() throws IOException {
        double before = meters.get("guide.asr.streams.open").gauge().value();
        VoiceClient client = connect(session("en"));
        client.start(16000, null);
        client.until(type("ready"), WAIT);
        byte[] question = audio("photos-rms.wav").samples();
        client.sendAudio(java.util.Arrays.copyOf(question, question.length / 2), 16000, false);
        assertThat(meters.get("guide.asr.streams.open").gauge().value()).isEqualTo(before + 1);

        client.abort();

        awaitNoVisitorTalking();
        assertThat(meters.get("guide.asr.streams.open").gauge().value()).isEqualTo(before);
    }

    @Test
    void silenceCannotHoldAStreamAndAnIdleConnectionCloses() {
        try (VoiceClient client = connect(session("en"))) {
            client.start(16000, null);
            long started = client.until(type("ready"), WAIT).get(0).at();
            Streaming silence = Streaming.of(client, new byte[16000 * 2 / 10]);

            Event noSpeech = first(client.until(type("error", "closed"), WAIT), "error");
            assertThat(noSpeech.code()).isEqualTo("no-speech");
            assertThat(Duration.ofNanos(noSpeech.at() - started)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(15));
            // the silence goes on, but holds nothing: the stream is free for other visitors
            awaitNoVisitorTalking();

            // and with no question begun for guide.voice.idle-timeout (1 min), the connection is closed
            List<Event> events = client.until(type("closed"), Duration.ofSeconds(90));
            silence.stop();
            assertThat(first(events, "error").code()).isEqualTo("timeout");
            assertThat(Duration.ofNanos(first(events, "closed").at() - noSpeech.at())).isGreaterThan(Duration.ofSeconds(55));
        }
    }

    /**
     * No-speech counts the audio listened to, so that words still on their way on a starved machine are not
     * cut off; a client that starts a question and sends nothing is still let go, at twice the time.
     */
    @Test
    void aQuestionWithNoAudioAtAllCannotHoldAStreamEither() {
        try (VoiceClient client = connect(session("en"))) {
            client.start(16000, null);
            long started = client.until(type("ready"), WAIT).get(0).at();

            Event noSpeech = first(client.until(type("error", "closed"), WAIT), "error");
            assertThat(noSpeech.code()).isEqualTo("no-speech");
            assertThat(Duration.ofNanos(noSpeech.at() - started)).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(20));
            awaitNoVisitorTalking();
        }
    }

    @Test
    void noiseCannotHoldAStreamEither() {
        java.util.Random random = new java.util.Random(16);
        byte[] noise = new byte[16000 * 2 / 10];
        try (VoiceClient client = connect(session("en"))) {
            client.start(16000, null);
            long started = client.until(type("ready"), WAIT).get(0).at();
            Streaming streaming = Streaming.of(client, () -> {
                for (int i = 0; i < noise.length; i += 2) {
                    int sample = (int) (random.nextGaussian() * 3000);
                    noise[i] = (byte) sample;
                    noise[i + 1] = (byte) (sample >> 8);
                }
                return noise;
            });
            Event ended = first(client.until(type("error", "closed"), WAIT), "error");
            streaming.stop();
            assertThat(ended.code()).isIn("no-speech", "too-long");
            assertThat(Duration.ofNanos(ended.at() - started)).isLessThan(Duration.ofSeconds(25));
            awaitNoVisitorTalking();
        }
    }

    @Test
    void aClientHoldingStreamsByStartingAgainGetsItsShareNotAll() {
        awaitNoVisitorTalking();
        String session = session("en");
        Map<String, String> sameAddress = Map.of("X-Forwarded-For", "198.51.100.77");
        List<VoiceClient> school = new java.util.ArrayList<>();
        for (int i = 0; i < settings.maxStreamsPerClient(); i++) {
            school.add(VoiceClient.connect("http://localhost:" + port, session, sameAddress));
        }
        // each starts its question again before no-speech can end it, as a client squatting streams would
        Thread keeper = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    school.forEach(child -> child.start(16000, null));
                    Thread.sleep(2500);
                }
            } catch (InterruptedException | RuntimeException stopped) {
                // done
            }
        }, "test-keeper");
        keeper.setDaemon(true);
        keeper.start();
        try {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (meters.get("guide.voice.streams").gauge().value() < school.size() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            try (VoiceClient oneMore = VoiceClient.connect("http://localhost:" + port, session, sameAddress);
                 VoiceClient elsewhere = VoiceClient.connect("http://localhost:" + port, session, Map.of("X-Forwarded-For", "198.51.100.78"))) {
                oneMore.start(16000, null);
                assertThat(first(oneMore.until(type("closed"), WAIT), "error").code()).isEqualTo("busy");
                elsewhere.start(16000, null);
                assertThat(elsewhere.until(type("ready", "error", "closed"), WAIT)).extracting(Event::type).containsExactly("ready");
            }
        } finally {
            keeper.interrupt();
            school.forEach(VoiceClient::close);
        }
    }

    @Test
    void onlyTheGuidesOwnPagesAndNonBrowsersMayConnect() {
        String session = session("en");
        for (String allowed : List.of("http://localhost:" + port, "http://localhost:8080")) { // its own address, its public one
            try (VoiceClient client = VoiceClient.connect("http://localhost:" + port, session, Map.of("Origin", allowed))) {
                client.start(16000, null);
                assertThat(client.until(type("ready", "error", "closed"), WAIT)).extracting(Event::type).containsExactly("ready");
            }
        }
        java.util.concurrent.CompletionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.CompletionException.class,
                () -> VoiceClient.connect("http://localhost:" + port, session, Map.of("Origin", "https://evil.example")));
        assertThat(refused.getCause()).isInstanceOf(java.net.http.WebSocketHandshakeException.class);
        assertThat(((java.net.http.WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(403);
    }

    @Test
    void theNaiveBenchmarkPipelineIsNotForVisitors() {
        try (VoiceClient client = connect(session("en"))) {
            client.sendText("{\"type\":\"start\",\"sampleRate\":16000,\"pipeline\":\"baseline\"}");
            List<Event> events = client.until(type("closed"), WAIT);
            assertThat(first(events, "error").code()).isEqualTo("bad-message");
            assertThat(types(events)).doesNotContain("ready");
        }
    }

    /** Audio sent in 100 ms frames at real-time pace on a thread of its own, until stopped. */
    private record Streaming(Thread thread) {
        static Streaming of(VoiceClient client, byte[] frame) {
            return of(client, () -> frame);
        }

        static Streaming of(VoiceClient client, java.util.function.Supplier<byte[]> frames) {
            Thread thread = new Thread(() -> {
                long next = System.nanoTime();
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        client.sendBinary(frames.get());
                        next += 100_000_000L;
                        java.util.concurrent.TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
                    }
                } catch (InterruptedException | RuntimeException closed) {
                    // stopped, or the guide closed the connection
                }
            }, "test-microphone");
            thread.setDaemon(true);
            thread.start();
            return new Streaming(thread);
        }

        void stop() {
            thread.interrupt();
        }
    }

    private void awaitVisitorsTalking(int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (meters.get("guide.voice.streams").gauge().value() != count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(meters.get("guide.voice.streams").gauge().value()).isEqualTo(count);
    }

    private void awaitNoVisitorTalking() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (meters.get("guide.voice.streams").gauge().value() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(meters.get("guide.voice.streams").gauge().value()).isZero();
    }

    /** The shared client, with room for a whole answer's audio and patience for a busy machine. */
    private WebTestClient http() {
        return http.mutate().responseTimeout(WAIT).codecs(c -> c.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();
    }

    private VoiceClient connect(String session) {
        return VoiceClient.connect("http://localhost:" + port, session);
    }

    private String session(String language) {
        return session(language, null);
    }

    /** A session opened by a visitor at {@code address} (behind the tests' trusted proxy), or at the test's own. */
    private String session(String language, String address) {
        Map<?, ?> body = http().post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (address != null) {
                        headers.set("X-Forwarded-For", address);
                    }
                })
                .bodyValue(Map.of("site", "van-mieu", "language", language))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("id");
    }

    static Pcm audio(String name) throws IOException {
        try (InputStream in = VoiceWebSocketTest.class.getResourceAsStream("/audio/" + name)) {
            return Wav.read(in.readAllBytes());
        }
    }

    /** The answer's audio frames (each a WAV) put back together. */
    static Pcm spokenAudio(List<Event> events) {
        java.io.ByteArrayOutputStream pcm = new java.io.ByteArrayOutputStream();
        int rate = 0;
        for (Event event : events) {
            if (event.audio() != null) {
                Pcm frame = Wav.read(event.audio());
                rate = frame.sampleRate();
                pcm.writeBytes(frame.samples());
            }
        }
        return new Pcm(pcm.toByteArray(), rate);
    }

    private static String timeline(List<Event> before, List<Event> after) {
        long zero = before.get(before.size() - 1).at();
        return after.stream().map(e -> (e.type() == null ? "binary" : e.type()) + "@" + (e.at() - zero) / 1_000_000).toList()
                .toString();
    }

    private static String errors(List<Event> events) {
        return events.stream().filter(e -> "error".equals(e.type())).map(e -> e.json().toString()).toList().toString();
    }

    private static List<String> types(List<Event> events) {
        return events.stream().map(e -> e.type() == null ? "binary" : e.type()).toList();
    }

    private static Event first(List<Event> events, String type) {
        return events.stream().filter(e -> type.equals(e.type())).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + type + "' in " + types(events)
                        + events.stream().map(e -> String.valueOf(e.json())).toList()));
    }
}

package org.heritageguide.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heritageguide.voice.VoiceClient.type;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.heritageguide.GuideServerTest;
import org.heritageguide.testing.Fuzz;
import org.heritageguide.testing.RandomJson;
import org.heritageguide.testing.RandomText;
import org.heritageguide.voice.VoiceClient.Event;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The voice socket fed random messages (the {@link Fuzz} harness; see {@code docs/architecture.md} for why
 * not jqwik): text frames that are no JSON, JSON of the wrong shape, unknown types, fields of the wrong type,
 * sample rates no microphone has, {@code stop} before {@code start}, {@code start} again and again; binary
 * frames empty, of odd lengths, of noise, and past the frame limit, before and after {@code start}.
 *
 * <p>Whatever a connection was sent, a last unknown message must still be answered: the guide is then
 * expected to say what was wrong with a typed {@code {"type":"error","code","message"}} it documents and to
 * close the connection with a status that is not a server error (or, for a frame past Netty's own limit,
 * to close it with 1009 alone). And after every try the voice streams are
 * all free again, so that an ordinary visitor still asks aloud and is answered.
 */
@GuideServerTest
class VoiceSocketFuzzTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The error codes docs/api.md lists for the voice socket; "internal" is a server error. */
    private static final Set<String> CODES = Set.of("bad-message", "session-not-found", "sessions-unavailable", "no-speech-model",
            "too-many-requests", "busy", "no-speech", "too-long", "timeout");
    /** Normal, going away, not acceptable, policy violation, too big, try again later: not 1011 (server error), not a dropped connection. */
    private static final Set<String> CLEAN_CLOSES = Set.of("1000", "1001", "1003", "1008", "1009", "1013");
    /** What Netty itself accepts in one frame: four times guide.voice.max-frame (VoiceWebSocketConfiguration). */
    private static final int NETTY_LIMIT = 256 * 1024;
    private static final String LAST_WORD = "{\"type\":\"goodbye\"}";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry meters;

    private String session;
    private double recognizersOpenBefore;

    @BeforeEach
    void setUp() {
        session = session("192.0.2.250");
        recognizersOpenBefore = meters.get("guide.asr.streams.open").gauge().value();
    }

    @Test
    void randomTextMessages() {
        Fuzz.forAll(40, random -> frames(random, 1 + random.nextInt(4), false), this::expectATypedErrorAndACleanClose);
        expectEveryStreamFreeAndAVisitorAnswered();
    }

    @Test
    void randomAudioFramesBeforeAndAfterStart() {
        Fuzz.forAll(40, random -> frames(random, 2 + random.nextInt(5), true), this::expectATypedErrorAndACleanClose);
        expectEveryStreamFreeAndAVisitorAnswered();
    }

    /** A text or a binary frame, shown readably when a try fails. */
    record Frame(String text, byte[] bytes) {
        @Override
        public String toString() {
            if (text != null) {
                return text.length() > 300 ? "text of " + text.length() + " chars: " + text.substring(0, 300) + "…" : "text " + text;
            }
            return "binary of " + bytes.length + " bytes";
        }
    }

    private List<Frame> frames(Random random, int count, boolean audio) {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(audio && random.nextInt(3) > 0 ? binary(random) : text(random));
        }
        return frames;
    }

    private static Frame text(Random random) {
        String text = switch (random.nextInt(12)) {
            case 0, 1, 2 -> start(random);
            case 3 -> "{\"type\":\"start\",\"sampleRate\":16000}";
            case 4 -> "{\"type\":\"stop\"}";
            case 5 -> "{\"type\":" + pick(random, "42", "null", "true", "[\"start\"]", "{\"type\":\"start\"}", "\"START\"",
                    "\"start \"", "\"\"", escapedJsonString(random)) + ",\"sampleRate\":16000}";
            case 6 -> new String(RandomJson.body(random, List.of("type", "sampleRate", "language", "pipeline"),
                    List.of("start", "stop", "16000", "48000", "en", "fr", "vi", "baseline")), StandardCharsets.UTF_8);
            case 7 -> RandomText.of(random, 200);
            case 8 -> "{\"type\":\"start\",\"sampleRate\":16000,\"language\":\"" + "x".repeat(100_000) + "\"}";
            case 9 -> "[" + "[".repeat(5000) + "]".repeat(5000) + "]";
            case 10 -> "{\"type\":\"start\",\"sampleRate\":16000}{\"type\":\"stop\"}";
            default -> " ";
        };
        // a WebSocket text frame is UTF-8: a lone surrogate cannot be sent as such (the client refuses to), it
        // arrives as '?'; lone surrogates escaped in JSON still reach the guide as they are
        return new Frame(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), null);
    }

    private static String start(Random random) {
        StringBuilder start = new StringBuilder("{\"type\":\"start\"");
        if (random.nextInt(6) > 0) {
            start.append(",\"sampleRate\":").append(pick(random, "16000", "48000", "8000", "44100", "7999", "48001", "0", "-16000",
                    "2147483647", "99999999999999999999999", "1e400", "16000.5", "\"16000\"", "\"sixteen\"", "null", "true",
                    "[16000]", "{}"));
        }
        if (random.nextBoolean()) {
            start.append(",\"language\":").append(pick(random, "\"en\"", "\"fr\"", "\"vi\"", "\"ko\"", "\"en-GB\"", "\"EN_us\"",
                    "\"xx\"", "\"\"", "\"-\"", "\"e\"", "\"english\"", "42", "null", "[\"en\"]", escapedJsonString(random)));
        }
        if (random.nextInt(4) == 0) {
            start.append(",\"pipeline\":").append(pick(random, "\"baseline\"", "\"streaming\"", "1", "null"));
        }
        return start.append('}').toString();
    }

    private static Frame binary(Random random) {
        byte[] bytes = switch (random.nextInt(8)) {
            case 0 -> new byte[0];
            case 1 -> new byte[1 + 2 * random.nextInt(1000)]; // odd lengths: half a sample left over
            case 2, 3 -> new byte[3200]; // 100 ms of silence
            case 4, 5 -> noise(random, 3200);
            case 6 -> noise(random, 64 * 1024 + 1 + random.nextInt(150_000)); // past guide.voice.max-frame
            default -> new byte[NETTY_LIMIT + 1 + random.nextInt(50_000)];
        };
        return new Frame(null, bytes);
    }

    private static byte[] noise(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String escapedJsonString(Random random) {
        StringBuilder json = new StringBuilder("\"");
        RandomText.of(random, 20).chars().forEach(c -> json.append(String.format("\\u%04x", c)));
        return json.append('"').toString();
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private void expectATypedErrorAndACleanClose(List<Frame> frames) {
        // each try is a client of its own, so that the tries do not spend one client's budgets
        String client = "192.0.2." + (CLIENTS.incrementAndGet() % 200 + 1);
        try (VoiceClient voice = VoiceClient.connect("http://localhost:" + port, session, Map.of("X-Forwarded-For", client))) {
            boolean writeBroke = false;
            for (Frame frame : frames) {
                if (!send(voice, frame)) {
                    writeBroke = true;
                    break;
                }
            }
            writeBroke |= !send(voice, new Frame(LAST_WORD, null));
            List<Event> events = voice.until(type("closed"), WAIT);

            assertThat(events).as("what the guide sent").isNotEmpty();
            Event closed = events.get(events.size() - 1);
            assertThat(closed.type()).as("the connection closed, after %s", events).isEqualTo("closed");
            List<Event> errors = events.stream().filter(e -> "error".equals(e.type())).toList();
            errors.forEach(error -> {
                assertThat(error.code()).as("error %s", error.json()).isIn(CODES);
                assertThat(error.json().path("message").asString()).as("error %s", error.json()).isNotBlank();
            });
            if ("error".equals(closed.code())) {
                // Reactor Netty closes the TCP connection as soon as the guide's close frame is written; frames the
                // client sent after the one refused are then unread, the kernel answers them with a reset, and the
                // JDK's client reports the broken connection instead of the error and close it had been sent, whether
                // its own write failed (writeBroke) or was still in its buffers. Only a broken connection may end so
                assertThat(closed.text()).as("the connection broke (%s), after %s (a write failed: %s)",
                        closed.text(), events, writeBroke).containsAnyOf("Broken pipe", "Connection reset");
            } else {
                assertThat(closed.code()).as("its close status (%s), after %s", closed.text(), events).isIn(CLEAN_CLOSES);
                if (errors.isEmpty()) {
                    // only Netty's own refusal of a frame past its limit comes without a word
                    assertThat(closed.code()).as("a close without an error, after %s", events).isEqualTo("1009");
                }
            }
        }
    }

    /** False when the connection is already closed or broken (the guide may close it halfway through a try). */
    private static boolean send(VoiceClient voice, Frame frame) {
        try {
            if (frame.text() != null) {
                voice.sendText(frame.text());
            } else {
                voice.sendBinary(frame.bytes());
            }
            return true;
        } catch (RuntimeException closed) {
            return false;
        }
    }

    private void expectEveryStreamFreeAndAVisitorAnswered() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while ((meters.get("guide.voice.streams").gauge().value() > 0
                || meters.get("guide.asr.streams.open").gauge().value() > recognizersOpenBefore) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(meters.get("guide.voice.streams").gauge().value()).as("voice streams held").isZero();
        assertThat(meters.get("guide.asr.streams.open").gauge().value()).as("recognizers open").isEqualTo(recognizersOpenBefore);

        try (VoiceClient visitor = VoiceClient.connect("http://localhost:" + port, session("192.0.2.251"),
                Map.of("X-Forwarded-For", "192.0.2.251"))) {
            visitor.start(16000, null);
            assertThat(visitor.until(type("ready", "error", "closed"), WAIT)).extracting(Event::type).containsExactly("ready");
            visitor.sendAudio(VoiceWebSocketTest.audio("who-built-rms.wav").samples(), 16000, false);
            visitor.stop();
            List<Event> events = visitor.until(type("answer", "error", "closed"), Duration.ofSeconds(60));
            Event last = events.get(events.size() - 1);
            assertThat(last.type()).as("%s", events).isEqualTo("answer");
            assertThat(last.text()).contains("Lý Thánh Tông");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String session(String address) {
        Map<?, ?> body = http.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .post().uri("/api/v1/sessions").header("X-Forwarded-For", address).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", "van-mieu", "language", "en"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("id");
    }
}

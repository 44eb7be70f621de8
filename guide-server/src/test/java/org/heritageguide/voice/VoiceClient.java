package org.heritageguide.voice;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A visitor's phone on the voice WebSocket, for tests and for {@code scripts/bench voice}: streams audio
 * the way a microphone does (100 ms frames at real-time pace, or as fast as possible) and records every
 * message from the guide with the time it arrived.
 */
public final class VoiceClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.shared();

    /** A message from the guide: JSON ({@code type} set) or a binary audio frame ({@code audio} set). */
    public record Event(String type, JsonNode json, byte[] audio, long at) {
        public String text() {
            return json == null ? null : json.path("text").asString();
        }

        public String code() {
            return json == null ? null : json.path("code").asString();
        }
    }

    private final WebSocket socket;
    private final BlockingQueue<Event> queue;

    private VoiceClient(WebSocket socket, BlockingQueue<Event> queue) {
        this.socket = socket;
        this.queue = queue;
    }

    public static VoiceClient connect(String httpBaseUrl, String sessionId) {
        return connect(httpBaseUrl, sessionId, Map.of());
    }

    /** With extra handshake headers ({@code Origin}, {@code X-Forwarded-For}...). */
    public static VoiceClient connect(String httpBaseUrl, String sessionId, Map<String, String> headers) {
        return connect(HttpClient.newHttpClient(), httpBaseUrl, sessionId, headers);
    }

    /** Through {@code http}, shared by many connections (each HttpClient has threads of its own). */
    public static VoiceClient connect(HttpClient http, String httpBaseUrl, String sessionId, Map<String, String> headers) {
        URI uri = URI.create(httpBaseUrl.replaceFirst("^http", "ws") + "/ws/v1/sessions/" + sessionId + "/voice");
        BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        WebSocket socket = builder.buildAsync(uri, new Listener(queue)).join();
        return new VoiceClient(socket, queue);
    }

    public void start(int sampleRate, String language) {
        sendText(language == null ? "{\"type\":\"start\",\"sampleRate\":" + sampleRate + "}"
                : "{\"type\":\"start\",\"sampleRate\":" + sampleRate + ",\"language\":\"" + language + "\"}");
    }

    public void sendText(String text) {
        socket.sendText(text, true).join();
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /**
     * Sends s16le audio in 100 ms frames, at real-time pace (as a microphone does) or at once;
     * returns when the last frame has been sent.
     */
    public void sendAudio(byte[] pcm, int sampleRate, boolean realTime) {
        int frame = sampleRate / 10 * 2;
        long begin = System.nanoTime();
        for (int i = 0, offset = 0; offset < pcm.length; i++, offset += frame) {
            if (realTime) {
                long due = begin + i * 100_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    sleepNanos(wait);
                }
            }
            byte[] chunk = new byte[Math.min(frame, pcm.length - offset)];
            System.arraycopy(pcm, offset, chunk, 0, chunk.length);
            sendBinary(chunk);
        }
    }

    /** Sends {@code stop} and returns when it was sent ({@link System#nanoTime()}). */
    public long stop() {
        long now = System.nanoTime();
        sendText("{\"type\":\"stop\"}");
        return now;
    }

    /** The next message, or null after {@code timeout}. */
    public Event next(Duration timeout) {
        try {
            return queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Every message up to and including the first one matching {@code last} (or up to the timeout). */
    public List<Event> until(Predicate<Event> last, Duration timeout) {
        List<Event> received = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event == null) {
                break;
            }
            received.add(event);
            if (last.test(event)) {
                break;
            }
        }
        return received;
    }

    public static Predicate<Event> type(String... types) {
        return event -> event.type() != null && List.of(types).contains(event.type());
    }

    /** Whether the guide closed the connection (the close arrives as an event of type {@code closed}). */
    public boolean isClosed() {
        return socket.isInputClosed();
    }

    /** Drops the connection without a goodbye, as a phone losing its network does. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Listener implements WebSocket.Listener {
        private final BlockingQueue<Event> queue;
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        Listener(BlockingQueue<Event> queue) {
            this.queue = queue;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                JsonNode json = JSON.readTree(text.toString());
                queue.add(new Event(json.path("type").asString(), json, null, System.nanoTime()));
                text.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                queue.add(new Event(null, null, binary.toByteArray(), System.nanoTime()));
                binary.reset();
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            queue.add(new Event("closed", JSON.createObjectNode().put("code", String.valueOf(statusCode)).put("text", reason),
                    null, System.nanoTime()));
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            queue.add(new Event("closed", JSON.createObjectNode().put("code", "error").put("text", String.valueOf(error)),
                    null, System.nanoTime()));
        }
    }
}

package org.heritageguide.kiosk.guide;

import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * One visitor's voice connection: {@code WS /ws/v1/sessions/{id}/voice}. The kiosk sends
 * {@code start}, 16 kHz s16le mono PCM frames and {@code stop}; the server answers with partial and
 * final transcripts, the answer, and the answer's audio. Sends are serialised (a WebSocket allows one
 * outstanding send).
 */
public class VoiceChannel implements AutoCloseable {

    public static final int SAMPLE_RATE = 16_000;
    private static final long SEND_TIMEOUT_SECONDS = 5;

    private final WebSocket socket;
    private final AtomicBoolean closedByServer;

    private VoiceChannel(WebSocket socket, AtomicBoolean closedByServer) {
        this.socket = socket;
        this.closedByServer = closedByServer;
    }

    public static CompletableFuture<VoiceChannel> open(GuideClient client, String session, VoiceListener listener) {
        URI http = client.server();
        String scheme = "https".equals(http.getScheme()) ? "wss" : "ws";
        URI uri = URI.create(scheme + "://" + http.getRawAuthority() + (http.getRawPath() == null ? "" : http.getRawPath())
                + "/ws/v1/sessions/" + session + "/voice");
        AtomicBoolean closedByServer = new AtomicBoolean();
        return client.http().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .buildAsync(uri, new Receiver(listener, client, closedByServer))
                .handle((socket, failure) -> {
                    if (failure != null) {
                        throw new GuideUnavailableException("voice connection to " + uri.getPath() + ": " + failure, failure);
                    }
                    return new VoiceChannel(socket, closedByServer);
                });
    }

    public boolean isOpen() {
        return !socket.isOutputClosed() && !socket.isInputClosed();
    }

    public synchronized void start() {
        send(() -> socket.sendText("{\"type\":\"start\",\"sampleRate\":" + SAMPLE_RATE + "}", true));
    }

    /** A frame of 16 kHz signed 16-bit little-endian mono samples. */
    public synchronized void sendPcm(byte[] pcm, int length) {
        send(() -> socket.sendBinary(ByteBuffer.wrap(pcm, 0, length), true));
    }

    public synchronized void stop() {
        send(() -> socket.sendText("{\"type\":\"stop\"}", true));
    }

    /**
     * Sends and waits. Once the server has closed the connection on purpose, what is left of the press
     * has nowhere to go and is dropped: that is no failure.
     */
    private void send(Supplier<CompletableFuture<WebSocket>> sending) {
        if (closedByServer.get()) {
            return;
        }
        try {
            sending.get().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (!closedByServer.get()) {
                throw new GuideUnavailableException("voice send failed: " + e, e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS)
                    .whenComplete((ws, failure) -> socket.abort());
        } else {
            socket.abort();
        }
    }

    /** Puts the server's text messages and binary frames back together and hands them on. */
    private static final class Receiver implements WebSocket.Listener {

        private final VoiceListener listener;
        private final GuideClient client;
        private final AtomicBoolean closedByServer;
        private final StringBuilder text = new StringBuilder();
        private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

        Receiver(VoiceListener listener, GuideClient client, AtomicBoolean closedByServer) {
            this.listener = listener;
            this.client = client;
            this.closedByServer = closedByServer;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                dispatch(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                listener.audioBytes(binary.toByteArray());
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            // the server closed on purpose (after an "error" message saying why, such as busy, or a connection
            // unused for a while): it is there, so this is no outage; only a broken connection (onError) is
            closedByServer.set(true);
            listener.closed(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            listener.closed(new GuideUnavailableException("voice connection failed: " + error, error));
        }

        private void dispatch(String message) {
            JsonNode node;
            try {
                node = GuideClient.JSON.readTree(message);
            } catch (RuntimeException notJson) {
                listener.error("bad-message", "The server sent a message the kiosk cannot read.");
                return;
            }
            switch (node.path("type").asString("")) {
                case "partial" -> listener.partial(node.path("text").asString(""));
                case "transcript" -> listener.transcript(node.path("text").asString(""));
                case "answer" -> listener.answer(client.parseAnswer(node));
                case "audio" -> listener.audioStart(node.path("format").asString("wav"));
                case "audio-end" -> listener.audioEnd();
                case "error" -> listener.error(node.path("code").asString("error"), node.path("message").asString(""));
                default -> { } // a message type this kiosk does not know yet: newer servers may add some
            }
        }
    }
}

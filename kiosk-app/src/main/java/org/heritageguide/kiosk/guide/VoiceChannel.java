package org.heritageguide.kiosk.guide;

import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

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

    private VoiceChannel(WebSocket socket) {
        this.socket = socket;
    }

    public static CompletableFuture<VoiceChannel> open(GuideClient client, String session, VoiceListener listener) {
        URI http = client.server();
        String scheme = "https".equals(http.getScheme()) ? "wss" : "ws";
        URI uri = URI.create(scheme + "://" + http.getRawAuthority() + (http.getRawPath() == null ? "" : http.getRawPath())
                + "/ws/v1/sessions/" + session + "/voice");
        return client.http().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .buildAsync(uri, new Receiver(listener, client))
                .handle((socket, failure) -> {
                    if (failure != null) {
                        throw new GuideUnavailableException("voice connection to " + uri.getPath() + ": " + failure, failure);
                    }
                    return new VoiceChannel(socket);
                });
    }

    public boolean isOpen() {
        return !socket.isOutputClosed() && !socket.isInputClosed();
    }

    public synchronized void start() {
        await(socket.sendText("{\"type\":\"start\",\"sampleRate\":" + SAMPLE_RATE + "}", true));
    }

    /** A frame of 16 kHz signed 16-bit little-endian mono samples. */
    public synchronized void sendPcm(byte[] pcm, int length) {
        await(socket.sendBinary(ByteBuffer.wrap(pcm, 0, length), true));
    }

    public synchronized void stop() {
        await(socket.sendText("{\"type\":\"stop\"}", true));
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

    private static void await(CompletableFuture<WebSocket> send) {
        try {
            send.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new GuideUnavailableException("voice send failed: " + e, e);
        }
    }

    /** Puts the server's text messages and binary frames back together and hands them on. */
    private static final class Receiver implements WebSocket.Listener {

        private final VoiceListener listener;
        private final GuideClient client;
        private final StringBuilder text = new StringBuilder();
        private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

        Receiver(VoiceListener listener, GuideClient client) {
            this.listener = listener;
            this.client = client;
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
            listener.closed(statusCode == WebSocket.NORMAL_CLOSURE ? null
                    : new GuideUnavailableException("voice connection closed: " + statusCode + " " + reason, null));
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

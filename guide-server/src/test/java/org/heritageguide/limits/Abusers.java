package org.heritageguide.limits;

import static org.heritageguide.voice.VoiceClient.type;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.heritageguide.dialogue.Dialogue;
import org.heritageguide.voice.VoiceClient;
import org.heritageguide.voice.VoiceClient.Event;

/**
 * Clients out to take the guide from everyone else, each on threads of its own until closed:
 * <ul>
 * <li><b>junk askers</b>: questions of the greatest length allowed, of random words, one word of random
 * letters, random Chinese or random Hangul (what costs the guide most, docs/benchmarks.md "What one question
 * may cost"), two at a time per client, each sent as soon as the one before is answered; refused, a client
 * tries again 100 ms later, ignoring {@code Retry-After} (a flood of requests, not of costly questions, is for
 * the proxy in front to stop);</li>
 * <li><b>silent squatters</b>: voice connections that {@code start} a question and send silence at real-time
 * pace; told {@code no-speech} they start again, closed or refused they connect again half a second later, so
 * as to hold a voice stream for as long as the guide lets them.</li>
 * </ul>
 * Both count what they were told: each HTTP status, and each voice error code.
 */
final class Abusers implements AutoCloseable {

    private final String baseUrl;
    private final List<Thread> threads = new ArrayList<>();
    private final List<VoiceClient> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    /** The squatters' connections' client: one, as an abuser's own machine would have (not one each, with threads of its own). */
    private final HttpClient http = HttpClient.newHttpClient();
    private final int round;
    private final Map<String, AtomicLong> told = new ConcurrentHashMap<>();
    private final AtomicInteger squattersTried = new AtomicInteger();
    private int squatters;
    private volatile boolean stopped;

    /** @param round picks the junk: each round asks other questions, so that nothing answered before is reused */
    Abusers(String baseUrl, int round) {
        this.baseUrl = baseUrl;
        this.round = round;
    }

    /** A junk asker at {@code address}, asking in its conversation {@code session}; {@code kind} 0–3 picks its junk. */
    Abusers junkAsker(String address, String session, int kind) {
        URI uri = URI.create(baseUrl);
        for (int slot = 0; slot < 2; slot++) {
            Random random = new Random(round * 1009L + kind * 31L + slot);
            run("test-junk-" + address + "-" + slot, () -> {
                int status = post(uri, "/api/v1/sessions/" + session + "/turns", address, "{\"text\":\"" + junk(random, kind) + "\"}");
                if (status > 0) {
                    count("http " + status);
                }
                if (status == 429) {
                    TimeUnit.MILLISECONDS.sleep(100);
                }
            });
        }
        return this;
    }

    /**
     * The status of a POST, on a connection of its own that {@link #close} closes: the guide then drops the junk
     * still waiting for a thread, so that none of it is left to weigh on what is measured next. 0 when closed so.
     */
    private int post(URI server, String path, String address, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            connections.add(socket);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: " + server.getHost() + ":" + server.getPort()
                        + "\r\nContent-Type: application/json\r\nX-Forwarded-For: " + address + "\r\nConnection: close"
                        + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                socket.setSoTimeout(60_000);
                String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                return status == null ? 0 : Integer.parseInt(status.split(" ")[1]);
            } catch (IOException closed) {
                if (stopped) {
                    return 0;
                }
                throw closed;
            } finally {
                connections.remove(socket);
            }
        }
    }

    /** A silent squatter at {@code address} in each of {@code sessions} (conversations of its own). */
    Abusers silentSquatters(String address, List<String> sessions) {
        for (int i = 0; i < sessions.size(); i++) {
            String session = sessions.get(i);
            AtomicBoolean tried = new AtomicBoolean();
            squatters++;
            run("test-squatter-" + address + "-" + i, () -> squat(address, session, tried));
        }
        return this;
    }

    /** Waits until every squatter has tried to take a stream once (connected and sent {@code start}, or been refused). */
    boolean awaitSquattersTried(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (squattersTried.get() < squatters && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return squattersTried.get() >= squatters;
    }

    private void squat(String address, String session, AtomicBoolean tried) throws InterruptedException {
        VoiceClient socket;
        try {
            socket = VoiceClient.connect(http, baseUrl, session, Map.of("X-Forwarded-For", address));
        } catch (CompletionException refused) {
            count(refused.getCause() instanceof WebSocketHandshakeException handshake
                    ? "voice handshake " + handshake.getResponse().statusCode() : "voice refused at the handshake");
            firstTry(tried);
            pause();
            return;
        }
        sockets.add(socket);
        try {
            socket.start(16000, "en");
            // held a stream (ready) or refused one: either way it has tried
            Event first = socket.until(type("ready", "error", "closed"), Duration.ofSeconds(30)).stream().reduce((a, b) -> b).orElse(null);
            firstTry(tried);
            if (first == null || !"ready".equals(first.type())) {
                if (first != null && "error".equals(first.type())) {
                    count("voice " + first.code());
                }
                pause();
                return;
            }
            byte[] silence = new byte[3200];
            long next = System.nanoTime();
            while (!stopped) {
                socket.sendBinary(silence);
                Event event;
                while ((event = socket.next(Duration.ZERO)) != null) {
                    if ("error".equals(event.type())) {
                        count("voice " + event.code());
                        if ("no-speech".equals(event.code())) {
                            socket.start(16000, "en");
                        }
                    } else if ("closed".equals(event.type())) {
                        pause();
                        return;
                    }
                }
                next += 100_000_000L;
                TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
            }
        } catch (RuntimeException closed) {
            // the guide closed the connection while a frame was on its way: connect again
            firstTry(tried);
        } finally {
            sockets.remove(socket);
            socket.close();
        }
    }

    /** How often each answer came: "http 200", "http 429", "voice no-speech", "voice too-many-requests"... */
    Map<String, Long> told() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        told.forEach((what, count) -> counts.put(what, count.get()));
        return counts;
    }

    /** Voice connections open now. */
    int socketsOpen() {
        return sockets.size();
    }

    private void firstTry(AtomicBoolean tried) {
        if (tried.compareAndSet(false, true)) {
            squattersTried.incrementAndGet();
        }
    }

    /** Before connecting again: a squatter turned away does not spin (its CPU would be the guide's machine's). */
    private void pause() throws InterruptedException {
        long until = System.nanoTime() + 500_000_000L;
        while (!stopped && System.nanoTime() < until) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private void count(String what) {
        told.computeIfAbsent(what, key -> new AtomicLong()).incrementAndGet();
    }

    private interface Step {
        void run() throws Exception;
    }

    private void run(String name, Step step) {
        Thread thread = new Thread(() -> {
            while (!stopped) {
                try {
                    step.run();
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    count("failed: " + e.getClass().getSimpleName());
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
    }

    /** The longest question allowed, of junk that costs the guide most. */
    static String junk(Random random, int kind) {
        StringBuilder text = new StringBuilder(Dialogue.MAX_QUESTION_LENGTH);
        while (text.length() < Dialogue.MAX_QUESTION_LENGTH - 10) {
            switch (kind % 4) {
                case 0 -> {
                    for (int i = 2 + random.nextInt(8); i > 0; i--) {
                        text.append((char) ('a' + random.nextInt(26)));
                    }
                    text.append(' ');
                }
                case 1 -> text.append((char) ('a' + random.nextInt(26)));
                case 2 -> text.append((char) (0x4e00 + random.nextInt(0x5000)));
                default -> text.append((char) (0xac00 + random.nextInt(11172)));
            }
        }
        return text.toString().trim();
    }

    @Override
    /** Stops every abuser: its connections closed, its threads ended. */
    public void close() throws InterruptedException {
        stopped = true;
        sockets.forEach(VoiceClient::close);
        for (Socket connection : connections) {
            try {
                connection.close();
            } catch (IOException alreadyClosed) {
                // nothing to stop
            }
        }
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }
}

package org.heritageguide.limits;


import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

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
 * pace; told {@code no-speech} they start again, closed they connect again, so as to hold a voice stream for
 * as long as the guide lets them.</li>
 * </ul>
 * Both count what they were told: each HTTP status, and each voice error code.
 */
final class Abusers implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;
    private final List<Thread> threads = new ArrayList<>();
    private final List<VoiceClient> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> told = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    Abusers(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A junk asker at {@code address}, asking in its conversation {@code session}; {@code kind} 0–3 picks its junk. */
    Abusers junkAsker(String address, String session, int kind) {
        for (int slot = 0; slot < 2; slot++) {
            Random random = new Random(kind * 31L + slot);
            run("test-junk-" + address + "-" + slot, () -> {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/sessions/" + session + "/turns"))
                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json").header("X-Forwarded-For", address)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + junk(random, kind) + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                count("http " + response.statusCode());
                if (response.statusCode() == 429) {
                    TimeUnit.MILLISECONDS.sleep(100);
                }
            });
        }
        return this;
    }

    /** {@code count} silent squatters at {@code address}, each in a conversation {@code openSession} opens for it. */
    Abusers silentSquatters(String address, Function<String, String> openSession, int count) {
        for (int i = 0; i < count; i++) {
            String session = openSession.apply(address);
            run("test-squatter-" + address + "-" + i, () -> squat(address, session));
        }
        return this;
    }

    private void squat(String address, String session) throws InterruptedException {
        VoiceClient socket;
        try {
            socket = VoiceClient.connect(baseUrl, session, Map.of("X-Forwarded-For", address));
        } catch (RuntimeException refused) {
            count("voice refused at the handshake");
            TimeUnit.MILLISECONDS.sleep(500);
            return;
        }
        sockets.add(socket);
        try {
            socket.start(16000, "en");
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
                        return;
                    }
                }
                next += 100_000_000L;
                TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
            }
        } catch (RuntimeException closed) {
            // the guide closed the connection while a frame was on its way: connect again
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
    public void close() throws InterruptedException {
        stopped = true;
        for (Thread thread : threads) {
            thread.interrupt();
        }
        sockets.forEach(VoiceClient::close);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }
}

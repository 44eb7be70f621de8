package org.heritageguide.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heritageguide.voice.VoiceClient.type;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.heritageguide.GuideServerTest;
import org.heritageguide.voice.VoiceClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each client's budgets through the real HTTP API: every test is a client of its own (an address
 * forwarded by the tests' machine, a trusted proxy). A client is served at least a budget's burst at
 * once, then told 429 with {@code Retry-After}, while another client behind the same proxy is served.
 * Budgets refill as time passes (a slow machine refills some while a test spends them), so a test
 * spends until refused, within a bound, and keeps the budget spent while it checks what else is refused.
 */
@GuideServerTest
class FairShareApiTest {

    private static final AtomicInteger CLIENTS = new AtomicInteger(10);
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The abuse test's windows of each kind, and the ordinary questions in each (at 5 a second). */
    private static final int WINDOWS = 4;
    private static final int PER_WINDOW = 30;

    @Autowired
    WebTestClient http;

    @Autowired
    LimitSettings limits;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void aClientOpeningConversationsPastItsBudgetIsToldToWaitAndOthersAreNot() {
        String client = newClient();
        double rejectedBefore = rejected("sessions");

        Refusal refusal = spendUntilRefused(() -> openSession(client), limits.sessionsBurst());

        assertThat(refusal.accepted()).isGreaterThanOrEqualTo(limits.sessionsBurst());
        refusal.assertTooManyRequests();
        openSession(newClient()).expectStatus().isCreated();
        assertThat(rejected("sessions")).isEqualTo(rejectedBefore + 1);
    }

    @Test
    void typedQuestionsPastTheBudgetAreRefusedBeforeTheyCostAnything() {
        String client = newClient();
        String session = sessionId(client);
        // the conversation answers (asked by another client: a question's CPU is charged to its asker's budget,
        // and the first one a cold guide answers takes more than a turn's worth)
        ask(newClient(), session).expectStatus().isOk();

        // questions to a conversation that does not exist are refused as well: the budget comes first
        Refusal refusal = spendUntilRefused(() -> ask(client, "no-such-session"), limits.turnsBurst());

        assertThat(refusal.accepted()).isGreaterThanOrEqualTo(limits.turnsBurst() - 1);
        refusal.assertTooManyRequests();
        try (Spending spending = new Spending(() -> ask(client, "no-such-session"))) {
            spending.awaitRefused();
            assertThat(refusedOnce(() -> ask(client, session))).isTrue();
        }
        ask(newClient(), session).expectStatus().isOk();
    }

    @Test
    void voiceConnectionsPastTheBudgetAreRefusedAtTheHandshake() {
        String client = newClient();
        String session = sessionId(client);
        Supplier<WebTestClient.ResponseSpec> handshake = () ->
                http.get().uri("/ws/v1/sessions/" + session + "/voice").header("X-Forwarded-For", client).exchange();

        Refusal refusal = spendUntilRefused(handshake, limits.voiceSocketsBurst());

        assertThat(refusal.accepted()).isGreaterThanOrEqualTo(limits.voiceSocketsBurst());
        refusal.assertTooManyRequests();
        try (Spending spending = new Spending(handshake)) {
            spending.awaitRefused();
            assertThat(refusedInThreeTries(() -> {
                try {
                    HttpClient.newHttpClient().newWebSocketBuilder().header("X-Forwarded-For", client)
                            .buildAsync(URI.create("ws://localhost:" + port + "/ws/v1/sessions/" + session + "/voice"),
                                    new WebSocket.Listener() { })
                            .join().abort();
                    return HttpStatus.SWITCHING_PROTOCOLS.value();
                } catch (CompletionException refused) {
                    return refused.getCause() instanceof WebSocketHandshakeException handshakeRefused
                            ? handshakeRefused.getResponse().statusCode() : -1;
                }
            })).isTrue();
        }
        try (VoiceClient other = VoiceClient.connect("http://localhost:" + port, session, Map.of("X-Forwarded-For", newClient()))) {
            other.start(16000, null);
            assertThat(other.until(type("ready", "error", "closed"), WAIT)).extracting(VoiceClient.Event::type).contains("ready");
        }
    }

    @Test
    void spokenQuestionsShareTheBudgetOfTypedOnes() {
        String client = newClient();
        String session = sessionId(client);
        try (Spending spending = new Spending(() -> ask(client, "no-such-session"))) {
            spending.awaitRefused();
            boolean refused = false;
            for (int attempt = 0; attempt < 3 && !refused; attempt++) {
                try (VoiceClient voice = VoiceClient.connect("http://localhost:" + port, session, Map.of("X-Forwarded-For", client))) {
                    voice.start(16000, null);
                    VoiceClient.Event answer = voice.until(type("ready", "error"), WAIT).get(0);
                    refused = "too-many-requests".equals(answer.code());
                    if (refused) {
                        assertThat(answer.json().path("message").asString()).contains("seconds");
                        assertThat(voice.until(type("closed"), WAIT)).extracting(VoiceClient.Event::type).contains("closed");
                    }
                }
            }
            assertThat(refused).as("a spoken question refused once the typed ones spent the budget").isTrue();
        }
    }

    /**
     * Issue #16's abuse test: ordinary visitors typing questions keep their p99 within twice what it is unloaded
     * while four clients send the costliest questions they can and sixteen silent voice connections try to hold
     * every voice stream; the squatters are told 429, {@code no-speech} or {@code too-long}. Unloaded and loaded
     * are measured in alternating windows (A B A B ...), so that what else the machine does meanwhile (other
     * processes, the guide's rendering of audio ahead of time) weighs on both alike rather than on whichever phase
     * it happened to fall in, and each side's p99 is the median of its windows' p99s (with 30 questions a window,
     * a window's p99 is its slowest question): on a shared machine a neighbour's burst of a second or so lands in
     * a window or two, of either side, and a p99 of all of a side's questions pooled (with 4 windows of 30, its
     * second slowest of 120) was that burst's rather than the abusers' (docs/benchmarks.md, "The abuse test").
     * The pooled figures are printed beside them. The abusers keep their addresses from window to window, as
     * abusers would: what the guide charged them stays charged.
     */
    @Test
    @EnabledIfSystemProperty(named = "abuse.test", matches = "true", disabledReason = "run by scripts/bench abuse, not by "
            + "scripts/test: on a quiet 2-core machine it passed 8 runs of 8 (ratios 1.18-1.88), but beside another build on the "
            + "same two cores about half the runs failed, measuring the neighbour more than the abusers (docs/benchmarks.md, 'The abuse "
            + "test'; issue #16)")
    void ordinaryVisitorsKeepTheirPaceWhileOthersTryToTakeTheGuide() throws Exception {
        long began = System.nanoTime();
        String base = "http://127.0.0.1:" + port;
        List<OrdinaryVisitors.Visitor> visitors = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String client = newClient();
            visitors.add(new OrdinaryVisitors.Visitor(client, sessionId(client)));
        }
        List<OrdinaryVisitors.Visitor> junkAskers = new ArrayList<>();
        Map<String, List<String>> squatters = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            String junk = newClient();
            junkAskers.add(new OrdinaryVisitors.Visitor(junk, sessionId(junk)));
            String squatter = newClient();
            squatters.put(squatter, List.of(sessionId(squatter), sessionId(squatter), sessionId(squatter), sessionId(squatter)));
        }
        OrdinaryVisitors ordinary = new OrdinaryVisitors(base, visitors);
        ordinary.ask(20, 5); // warm-up
        // and beside junk (from addresses of their own: the measured abusers' budgets untouched): compiling the
        // junk's code paths took most of a core in a fresh JVM (JFR), which no window should measure
        try (Abusers warmUp = new Abusers(base, -1)) {
            for (int i = 0; i < 4; i++) {
                String junk = newClient();
                warmUp.junkAsker(junk, sessionId(junk), i);
            }
            ordinary.ask(40, 5);
        }
        assertThat(awaitAbuseGone()).isTrue();

        OrdinaryVisitors.Measured unloaded = OrdinaryVisitors.Measured.NONE;
        OrdinaryVisitors.Measured loaded = OrdinaryVisitors.Measured.NONE;
        List<Double> unloadedP99s = new ArrayList<>();
        List<Double> loadedP99s = new ArrayList<>();
        Map<String, Long> told = new TreeMap<>();
        for (int window = 0; window < WINDOWS; window++) {
            OrdinaryVisitors.Measured a = ordinary.ask(PER_WINDOW, 5);
            OrdinaryVisitors.Measured b;
            try (Abusers abusers = new Abusers(base, window)) {
                for (int i = 0; i < junkAskers.size(); i++) {
                    abusers.junkAsker(junkAskers.get(i).address(), junkAskers.get(i).session(), i);
                }
                squatters.forEach(abusers::silentSquatters);
                assertThat(abusers.awaitSquattersTried(WAIT)).as("every squatter tried to take a stream").isTrue();
                b = ordinary.ask(PER_WINDOW, 5);
                abusers.told().forEach((what, count) -> told.merge(what, count, Long::sum));
            }
            assertThat(awaitAbuseGone()).as("the squatters' streams given back, the junk answered or dropped").isTrue();
            unloaded = unloaded.plus(a);
            loaded = loaded.plus(b);
            unloadedP99s.add(a.percentile(99));
            loadedP99s.add(b.percentile(99));
            System.out.printf(Locale.ROOT, "window %d: unloaded p99 %.0f ms, loaded p99 %.0f ms, load average %.1f%n", window,
                    a.percentile(99), b.percentile(99), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        double unloadedP99 = median(unloadedP99s);
        double loadedP99 = median(loadedP99s);
        System.out.printf(Locale.ROOT, "Ordinary visitors unloaded: %s%nloaded: %s%nthe abusers were told: %s%n(in %d s)%n", unloaded, loaded,
                told, (System.nanoTime() - began) / 1_000_000_000L);
        System.out.printf(Locale.ROOT, "median of the windows' p99: unloaded %.0f ms, loaded %.0f ms, ratio %.2f (pooled p99: %.2f)%n",
                unloadedP99, loadedP99, loadedP99 / unloadedP99, loaded.percentile(99) / unloaded.percentile(99));

        assertThat(unloaded.failures()).isEmpty();
        assertThat(loaded.failures()).isEmpty();
        assertThat(loadedP99).as("p99 under abuse, the median of %d windows' (windows' p99s unloaded %s ms, loaded %s ms; "
                + "pooled, unloaded: %s; loaded: %s)", WINDOWS, unloadedP99s, loadedP99s, unloaded, loaded)
                .isLessThanOrEqualTo(2 * unloadedP99);
        assertThat(told.keySet()).as("what the squatters were told").contains("voice no-speech")
                .containsAnyOf("voice handshake 429", "voice too-many-requests");
        assertThat(told.keySet()).as("what the abusers were told").allMatch(what -> List.of("http 200", "http 429",
                "voice no-speech", "voice too-long", "voice too-many-requests", "voice handshake 429").contains(what));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Whether the guide is left with no voice stream held and no question waiting or being answered. */
    private boolean awaitAbuseGone() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!idle() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return idle();
    }

    private boolean idle() {
        return meters.get("guide.voice.streams").gauge().value() == 0 && meters.get("guide.turns.waiting").gauge().value() == 0
                && meters.get("guide.turns.answering").gauge().value() == 0;
    }

    /** The first refusal after {@code accepted} requests were served. */
    private record Refusal(int accepted, EntityExchangeResult<byte[]> response) {
        void assertTooManyRequests() {
            assertThat(response.getStatus().value()).isEqualTo(429);
            String retryAfter = response.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
            assertThat(retryAfter).isNotNull();
            assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
            assertThat(response.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
            JsonNode error = JsonMapper.shared().readTree(response.getResponseBody());
            assertThat(error.path("error").asString()).isEqualTo("too-many-requests");
            assertThat(error.path("message").asString()).contains("wait");
        }
    }

    /** Sends until the first 429, at most three bursts' worth. */
    private static Refusal spendUntilRefused(Supplier<WebTestClient.ResponseSpec> request, int burst) {
        for (int sent = 0; sent < burst * 3; sent++) {
            EntityExchangeResult<byte[]> response = request.get().expectBody(byte[].class).returnResult();
            if (response.getStatus().value() == 429) {
                return new Refusal(sent, response);
            }
        }
        throw new AssertionError("never refused in " + burst * 3 + " requests");
    }

    /** Whether {@code request} is refused 429 in three tries (the budget spent meanwhile by a {@link Spending}). */
    private static boolean refusedOnce(Supplier<WebTestClient.ResponseSpec> request) {
        return refusedInThreeTries(() -> request.get().expectBody(byte[].class).returnResult().getStatus().value());
    }

    private static boolean refusedInThreeTries(Supplier<Integer> status) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (status.get() == 429) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rest of a school class at the same address, spending the budget as fast as it refills, so that a
     * request checked meanwhile meets an empty budget (each refill is taken within milliseconds).
     */
    private static final class Spending implements AutoCloseable {
        private final Thread thread;
        private volatile boolean refused;

        Spending(Supplier<WebTestClient.ResponseSpec> request) {
            thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    if (request.get().expectBody(byte[].class).returnResult().getStatus().value() == 429) {
                        refused = true;
                    }
                }
            }, "test-spending");
            thread.setDaemon(true);
            thread.start();
        }

        void awaitRefused() {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!refused && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(refused).as("the budget spent").isTrue();
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    private double rejected(String budget) {
        return meters.get("guide.limits.rejected").tag("budget", budget).counter().count();
    }

    private static String newClient() {
        return "203.0.113." + CLIENTS.incrementAndGet();
    }

    private WebTestClient.ResponseSpec openSession(String client) {
        return http.post().uri("/api/v1/sessions").header("X-Forwarded-For", client).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", "van-mieu", "language", "en")).exchange();
    }

    private String sessionId(String client) {
        JsonNode session = openSession(client).expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return session.path("id").asString();
    }

    private WebTestClient.ResponseSpec ask(String client, String session) {
        return http.post().uri("/api/v1/sessions/" + session + "/turns").header("X-Forwarded-For", client)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "who built the temple?")).exchange();
    }
}

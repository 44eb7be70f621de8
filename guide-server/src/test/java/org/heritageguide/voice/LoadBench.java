package org.heritageguide.voice;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.heritageguide.voice.VoiceBench.Question;
import org.heritageguide.voice.VoiceClient.Event;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code scripts/bench load}: how much a running guide-server takes before visitors feel it.
 * <ol>
 * <li><b>Typed questions</b> at rising rates (open loop: each step sends its questions at fixed intervals
 * whatever the server's speed, and a turn's time counts from when it was due, so a server falling behind
 * shows in the figures rather than slowing the load down), until a step's p99 passes {@code --text-p99}
 * (100 ms). The questions are the 359 of the evaluation set ({@code dialogue/eval.yaml}: five languages,
 * at their sites and exhibits, declines and typos included), shuffled; each visitor's session takes five
 * of them, and is opened before its step (not timed).</li>
 * <li><b>Spoken questions</b>: N visitors at once (rising), each on a voice socket of its own, streaming the
 * recorded questions of {@code src/test/resources/audio} in 100 ms frames at real-time pace, releasing
 * push-to-talk 200 ms after the last word; time from {@code stop} to the answer's first audio byte. A
 * visitor asks again 0.5 s after that first byte (barge-in), so N streams are being heard nearly all the
 * time: the worst case of N visitors talking at once. Visitors begin staggered over 3 s; at least 24
 * questions a level (200 a step for typed ones). Stops when a
 * level's p95 passes {@code --voice-p95} (800 ms).</li>
 * </ol>
 * For every step: the server's CPU (from {@code /proc/<pid>/stat}) in cores and per turn, this client's, and
 * the machine's load average, since other work on the machine changes the figures.
 *
 * <p>Arguments: {@code --url http://host:port --pid <server pid> --audio <dir> [--rates 10,20,...]
 * [--step-seconds 15] [--levels 1,2,4,...] [--text-p99 100] [--voice-p95 800]}; or, instead,
 * {@code --silent 16 [--windows 4] [--rate 10] [--step-seconds 15] [--url2 <url> --pid2 <pid> --labels "a,b"]}:
 * typed questions without and with voice sockets sending silence (issue #16), on one server or two; or
 * {@code --squat 16 [--windows 4] [--step-seconds 15] [--url2 ...]}: only the server CPU that the silent sockets
 * cost, no typed questions beside them. The silent sockets send {@code --frame-ms} (100) of audio a frame; the
 * visitor app's microphone sends 40 ms frames ({@code mic-worklet.js}).
 */
public final class LoadBench {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int TURNS_PER_SESSION = 5;
    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux
    /** Audio in each frame the silent sockets send. */
    private static int frameMillis = 100;

    private final String url;
    private final long pid;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final StringBuilder summary = new StringBuilder();

    /** A typed question: where it is asked, and what. */
    record Typed(String site, String exhibit, String language, String text) {
        String block() {
            return site + "/" + exhibit + "/" + language;
        }
    }

    /** What a step cost: the server's and this client's CPU, and the load average, over the step. */
    record Cost(double seconds, double serverCpuSeconds, double clientCpuSeconds, String loadAverage) {
        Cost minus(Cost before) {
            return new Cost(seconds, serverCpuSeconds - before.serverCpuSeconds, clientCpuSeconds - before.clientCpuSeconds, loadAverage);
        }

        /** The server's CPU over the time measured, in cores. */
        double serverCores() {
            return serverCpuSeconds / seconds;
        }

        double clientCores() {
            return clientCpuSeconds / seconds;
        }
    }

    private LoadBench(String url, long pid) {
        this.url = url;
        this.pid = pid;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = VoiceBench.options(args);
        LoadBench bench = new LoadBench(options.get("url"), Long.parseLong(options.getOrDefault("pid", "0")));
        frameMillis = Integer.parseInt(options.getOrDefault("frame-ms", "100"));
        if (options.containsKey("silent") || options.containsKey("squat")) {
            List<LoadBench> servers = new ArrayList<>(List.of(bench));
            if (options.containsKey("url2")) {
                servers.add(new LoadBench(options.get("url2"), Long.parseLong(options.getOrDefault("pid2", "0"))));
            }
            List<String> labels = List.of(options.getOrDefault("labels", "server 1,server 2").split(","));
            if (options.containsKey("squat")) {
                squat(servers, labels, Integer.parseInt(options.get("squat")), Integer.parseInt(options.getOrDefault("windows", "4")),
                        Integer.parseInt(options.getOrDefault("step-seconds", "15")));
                System.out.println("\n==== summary (Markdown) ====\n" + bench.summary);
                System.exit(0);
            }
            silent(servers, labels, Integer.parseInt(options.get("silent")), Integer.parseInt(options.getOrDefault("windows", "4")),
                    Integer.parseInt(options.getOrDefault("rate", "10")), Integer.parseInt(options.getOrDefault("step-seconds", "15")));
            System.out.println("\n==== summary (Markdown) ====\n" + bench.summary);
            System.exit(0);
        }
        if (!"0".equals(options.getOrDefault("rates", ""))) {
            bench.typed(ints(options.getOrDefault("rates", "5,10,20,40,60,80,100,130,160,200,250,300")),
                    Integer.parseInt(options.getOrDefault("step-seconds", "15")),
                    Double.parseDouble(options.getOrDefault("text-p99", "100")));
        }
        if (!"0".equals(options.getOrDefault("levels", ""))) {
            bench.spoken(VoiceBench.load(Path.of(options.get("audio"))),
                    ints(options.getOrDefault("levels", "1,2,4,8,12,16,20,24,32")),
                    Double.parseDouble(options.getOrDefault("voice-p95", "800")));
        }
        bench.serverFigures();
        System.out.println("\n==== summary (Markdown) ====\n" + bench.summary);
        System.exit(0);
    }

    // ---------------------------------------------------------------- typed questions

    private void typed(List<Integer> rates, int stepSeconds, double p99Limit) throws Exception {
        List<Typed> questions = evaluationSet();
        Collections.shuffle(questions, new Random(16));
        System.out.printf("typed: %d questions of dialogue/eval.yaml, %d per session, steps of %d s; warm-up 30 s at 10/s%n",
                questions.size(), TURNS_PER_SESSION, stepSeconds);
        step(questions, 10, 30, 0);
        summary.append("| rate (turns/s) | sent / answered | p50 | p95 | p99 | max | errors | server CPU (cores) | server CPU per turn | client CPU (cores) | load average (1 min) |\n");
        summary.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        int offset = 0;
        for (int rate : rates) {
            offset += 10 * rate; // each step asks from another place in the list
            // at least 200 questions a step, so that its p99 is not just its slowest one
            StepResult result = step(questions, rate, Math.max(stepSeconds, (200 + rate - 1) / rate), offset);
            List<Double> ms = result.millis();
            double p99 = VoiceBench.percentile(ms, 99);
            String line = String.format(Locale.ROOT, "| %d | %d / %d | %.1f ms | %.1f ms | **%.1f ms** | %.0f ms | %d | %.2f | %.1f ms | %.2f | %s |",
                    rate, result.sent(), ms.size(), VoiceBench.percentile(ms, 50), VoiceBench.percentile(ms, 95), p99, VoiceBench.percentile(ms, 100),
                    result.errors(), result.cost().serverCores(),
                    1000 * result.cost().serverCpuSeconds() / Math.max(1, result.sent()),
                    result.cost().clientCores(), result.cost().loadAverage());
            System.out.println(line);
            summary.append(line).append('\n');
            if (p99 > p99Limit || result.errors() > result.sent() / 100) {
                summary.append(String.format(Locale.ROOT, "%nStopped at %d turns/s: p99 %.1f ms > %.0f ms (or more than 1 %% errors).%n",
                        rate, p99, p99Limit));
                System.out.printf(Locale.ROOT, "p99 %.1f ms > %.0f ms at %d turns/s: stop%n", p99, p99Limit, rate);
                return;
            }
        }
        summary.append("\nThe p99 stayed under the limit at every rate tried.\n");
    }

    record StepResult(int sent, List<Double> millis, int errors, Cost cost) {
    }

    /** {@code rate} questions a second for {@code seconds}, each due at its time, whatever came back. */
    private StepResult step(List<Typed> questions, int rate, int seconds, int offset) throws Exception {
        int count = rate * seconds;
        List<Typed> asked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            asked.add(questions.get((offset + i) % questions.size()));
        }
        List<String> sessions = openSessions(asked);
        ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> pending = new ArrayList<>(count);
        long intervalNanos = 1_000_000_000L / rate;
        Cost before = cost(0);
        long begin = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < count; i++) {
            long due = begin + i * intervalNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            String body = JSON.writeValueAsString(Map.of("text", asked.get(i).text()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/sessions/" + sessions.get(i) + "/turns"))
                    .timeout(WAIT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                long done = System.nanoTime();
                if (failure != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                    if (errors.get() <= 3) {
                        System.out.println("  error: " + (failure != null ? failure : response.statusCode() + " " + response.body()));
                    }
                } else {
                    millis.add((done - due) / 1e6);
                }
                return null;
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        Cost cost = cost(System.nanoTime() - begin).minus(before);
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new StepResult(count, sorted, errors.get(), cost);
    }

    /** One session per visitor: each takes the next {@value #TURNS_PER_SESSION} questions asked where it stands. */
    private List<String> openSessions(List<Typed> asked) throws Exception {
        Map<String, Integer> usesLeft = new HashMap<>();
        Map<String, Integer> current = new HashMap<>();
        List<Typed> toOpen = new ArrayList<>();
        int[] sessionOf = new int[asked.size()];
        for (int i = 0; i < asked.size(); i++) {
            String block = asked.get(i).block();
            if (usesLeft.getOrDefault(block, 0) == 0) {
                current.put(block, toOpen.size());
                toOpen.add(asked.get(i));
                usesLeft.put(block, TURNS_PER_SESSION);
            }
            usesLeft.merge(block, -1, Integer::sum);
            sessionOf[i] = current.get(block);
        }
        String[] ids = new String[toOpen.size()];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int s = 0; s < toOpen.size(); s++) {
            int index = s;
            futures.add(pool.submit(() -> {
                Typed where = toOpen.get(index);
                Map<String, String> body = new LinkedHashMap<>();
                body.put("site", where.site());
                if (where.exhibit() != null) {
                    body.put("exhibit", where.exhibit());
                }
                body.put("language", where.language());
                ids[index] = session(JSON.writeValueAsString(body));
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        List<String> sessions = new ArrayList<>(asked.size());
        for (int i = 0; i < asked.size(); i++) {
            sessions.add(ids[sessionOf[i]]);
        }
        return sessions;
    }

    /** The evaluation set's questions and follow-ups, each where it is asked (a follow-up in its own language if typed in one). */
    private static List<Typed> evaluationSet() throws IOException {
        JsonNode blocks;
        try (InputStream in = LoadBench.class.getResourceAsStream("/dialogue/eval.yaml")) {
            blocks = YAMLMapper.shared().readTree(in);
        }
        List<Typed> questions = new ArrayList<>();
        for (JsonNode block : blocks) {
            String site = block.path("site").asString();
            String exhibit = block.hasNonNull("exhibit") ? block.path("exhibit").asString() : null;
            String language = block.path("language").asString();
            for (String list : List.of("questions", "turns")) {
                for (JsonNode question : block.path(list)) {
                    questions.add(new Typed(site, exhibit, language, question.path("ask").asString()));
                }
            }
        }
        return questions;
    }

    // ---------------------------------------------------------------- typed questions beside silent voice sockets

    /**
     * {@code --silent N}: typed questions at {@code rate} a second with no voice socket open (A) and while N voice
     * sockets each {@code start} a question and send digital silence at real-time pace (B), starting again when told
     * {@code no-speech}, so as to hold N streams. Windows alternate A B A B ... on each server in turn (with
     * {@code --url2}, a second server, say the same guide with another setting), so that other work on the machine
     * weighs on every phase alike; each side's windows are pooled. One untimed window of each kind first. Before each
     * window, every server is let settle (under 0.3 cores), since one behind on its sockets' audio goes on decoding.
     */
    private static void silent(List<LoadBench> servers, List<String> labels, int sockets, int windows, int rate, int seconds) throws Exception {
        List<Typed> questions = evaluationSet();
        Collections.shuffle(questions, new Random(16));
        System.out.printf("silent sockets: typed questions at %d/s in windows of %d s, without and with %d voice sockets sending silence, "
                + "%d windows of each kind per server, alternating%n", rate, seconds, sockets, windows);
        int offset = 0;
        for (LoadBench server : servers) {
            server.step(questions, 10, 30, 0); // warm-up, as the typed steps'
            try (Squatters warm = server.new Squatters(sockets)) {
                warm.awaitHeld();
                server.step(questions, rate, seconds, offset += 10 * rate);
            }
        }
        int n = servers.size();
        List<List<Double>> unloaded = new ArrayList<>();
        List<List<Double>> loaded = new ArrayList<>();
        double[][] cpu = new double[n][2];
        int[] errors = new int[n];
        List<Map<String, Long>> told = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            unloaded.add(new ArrayList<>());
            loaded.add(new ArrayList<>());
            told.add(new java.util.TreeMap<>());
        }
        for (int window = 0; window < windows; window++) {
            for (int s = 0; s < n; s++) {
                LoadBench server = servers.get(s);
                for (LoadBench each : servers) {
                    each.settle(); // what a server without the gate still decodes after its sockets closed is not the next window's
                }
                StepResult a = server.step(questions, rate, seconds, offset += 10 * rate);
                StepResult b;
                try (Squatters squatters = server.new Squatters(sockets)) {
                    squatters.awaitHeld();
                    b = server.step(questions, rate, seconds, offset += 10 * rate);
                    Map<String, Long> toldHere = told.get(s);
                    squatters.told.forEach((what, count) -> toldHere.merge(what, (long) count.get(), Long::sum));
                }
                unloaded.get(s).addAll(a.millis());
                loaded.get(s).addAll(b.millis());
                cpu[s][0] += a.cost().serverCores() / windows;
                cpu[s][1] += b.cost().serverCores() / windows;
                errors[s] += a.errors() + b.errors();
                System.out.printf(Locale.ROOT, "%s, window %d: p99 %.0f ms without, %.0f ms with the silent sockets; server CPU %.2f / %.2f cores; load average %s%n",
                        labels.get(s), window, VoiceBench.percentile(a.millis(), 99), VoiceBench.percentile(b.millis(), 99),
                        a.cost().serverCores(), b.cost().serverCores(), b.cost().loadAverage());
            }
        }
        StringBuilder summary = servers.get(0).summary;
        summary.append(String.format(Locale.ROOT, "| server | typed p50 / p99 without | with %d silent voice sockets | p99 ratio | server CPU without / with (cores) | errors | the sockets were told |%n", sockets));
        summary.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (int s = 0; s < n; s++) {
            List<Double> a = new ArrayList<>(unloaded.get(s));
            List<Double> b = new ArrayList<>(loaded.get(s));
            Collections.sort(a);
            Collections.sort(b);
            summary.append(String.format(Locale.ROOT, "| %s | %.0f / %.0f ms (%d) | %.0f / %.0f ms (%d) | **%.1f×** | %.2f / %.2f | %d | %s |%n",
                    labels.get(s), VoiceBench.percentile(a, 50), VoiceBench.percentile(a, 99), a.size(), VoiceBench.percentile(b, 50),
                    VoiceBench.percentile(b, 99), b.size(), VoiceBench.percentile(b, 99) / VoiceBench.percentile(a, 99), cpu[s][0], cpu[s][1],
                    errors[s], told.get(s)));
        }
    }

    /**
     * {@code --squat N}: the server CPU of N voice sockets sending silence (as {@link Squatters}), nothing else: windows
     * of {@code seconds} without (A) and with them (B), A B on each server in turn, {@code windows} times; the
     * servers' figures are pooled and compared with the first server's, measured in the same windows' turns.
     */
    private static void squat(List<LoadBench> servers, List<String> labels, int sockets, int windows, int seconds) throws Exception {
        System.out.printf("silent sockets, CPU only: windows of %d s without and with %d voice sockets sending silence in %d ms frames, "
                + "%d windows of each kind per server, alternating; %d cores%n", seconds, sockets, frameMillis, windows,
                Runtime.getRuntime().availableProcessors());
        int n = servers.size();
        for (LoadBench server : servers) {
            try (Squatters warm = server.new Squatters(sockets)) { // warm-up: the JIT, the recognizers' first use
                warm.awaitHeld();
                Thread.sleep(seconds * 1000L);
            }
        }
        double[][] cpu = new double[n][2];
        double[] client = new double[n];
        List<Map<String, Long>> told = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            told.add(new java.util.TreeMap<>());
        }
        StringBuilder loads = new StringBuilder();
        for (int window = 0; window < windows; window++) {
            for (int s = 0; s < n; s++) {
                LoadBench server = servers.get(s);
                for (LoadBench each : servers) {
                    each.settle();
                }
                Cost before = server.cost(0);
                long begin = System.nanoTime();
                Thread.sleep(seconds * 1000L);
                Cost a = server.cost(System.nanoTime() - begin).minus(before);
                Cost b;
                try (Squatters squatters = server.new Squatters(sockets)) {
                    squatters.awaitHeld();
                    before = server.cost(0);
                    begin = System.nanoTime();
                    Thread.sleep(seconds * 1000L);
                    b = server.cost(System.nanoTime() - begin).minus(before);
                    Map<String, Long> toldHere = told.get(s);
                    squatters.told.forEach((what, count) -> toldHere.merge(what, (long) count.get(), Long::sum));
                }
                cpu[s][0] += a.serverCores() / windows;
                cpu[s][1] += b.serverCores() / windows;
                client[s] += b.clientCores() / windows;
                loads.append(loads.isEmpty() ? "" : ", ").append(b.loadAverage());
                System.out.printf(Locale.ROOT, "%s, window %d: server CPU %.3f cores without, %.3f with the silent sockets (+%.3f); "
                        + "this client %.2f cores; load average %s%n", labels.get(s), window, a.serverCores(),
                        b.serverCores(), b.serverCores() - a.serverCores(),
                        b.clientCores(), b.loadAverage());
            }
        }
        StringBuilder summary = servers.get(0).summary;
        summary.append(String.format(Locale.ROOT, "| server | CPU without (cores) | with %d silent sockets, %d ms frames | added by the sockets | ratio to %s | the sockets were told |%n",
                sockets, frameMillis, labels.get(0)));
        summary.append("| --- | --- | --- | --- | --- | --- |\n");
        for (int s = 0; s < n; s++) {
            double added = cpu[s][1] - cpu[s][0];
            summary.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | **%.3f** | %.2f× | %s |%n", labels.get(s), cpu[s][0], cpu[s][1],
                    added, added / (cpu[0][1] - cpu[0][0]), told.get(s)));
        }
        summary.append(String.format(Locale.ROOT, "%nThis client (the sockets) took %s cores; load average (1 min) in the loaded windows: %s%n",
                java.util.Arrays.toString(client).replaceAll("(\\.\\d\\d)\\d+", "$1"), loads));
    }

    /** Waits (at most 30 s) until this server uses under 0.3 cores over a second. */
    private void settle() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        Cost before = cost(0);
        do {
            Thread.sleep(1000);
            Cost now = cost(0);
            if (now.serverCpuSeconds() - before.serverCpuSeconds() < 0.3) {
                return;
            }
            before = now;
        } while (System.nanoTime() < deadline);
        System.out.println("  server " + url + " still busy after 30 s");
    }

    /** Voice sockets sending silence at real-time pace, each starting a question again when told {@code no-speech}. */
    private final class Squatters implements AutoCloseable {
        private final List<Thread> threads = new ArrayList<>();
        private final CountDownLatch held;
        private final Map<String, AtomicInteger> told = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile boolean stopped;

        Squatters(int sockets) {
            held = new CountDownLatch(sockets);
            for (int i = 0; i < sockets; i++) {
                Thread thread = new Thread(this::squat, "bench-silent-" + i);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
        }

        private void squat() {
            boolean counted = false;
            try (VoiceClient client = VoiceClient.connect(url, session("{\"site\":\"van-mieu\",\"language\":\"en\"}"))) {
                client.start(16000, "en");
                Event ready = last(client.until(VoiceClient.type("ready", "error", "closed"), WAIT));
                if (ready == null || !"ready".equals(ready.type())) {
                    told.computeIfAbsent(ready == null ? "timeout" : ready.type() + " " + ready.code(), k -> new AtomicInteger()).incrementAndGet();
                    return;
                }
                held.countDown();
                counted = true;
                byte[] silence = new byte[32 * frameMillis]; // 16 kHz, 16 bits
                long next = System.nanoTime();
                while (!stopped) {
                    client.sendBinary(silence);
                    Event event;
                    while ((event = client.next(Duration.ZERO)) != null) {
                        if ("error".equals(event.type()) || "closed".equals(event.type())) {
                            told.computeIfAbsent(event.type() + " " + event.code(), k -> new AtomicInteger()).incrementAndGet();
                            if ("no-speech".equals(event.code())) {
                                client.start(16000, "en");
                            } else if ("closed".equals(event.type())) {
                                return;
                            }
                        }
                    }
                    next += frameMillis * 1_000_000L;
                    LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
                }
            } catch (RuntimeException e) {
                told.computeIfAbsent("failed " + e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
            } finally {
                if (!counted) {
                    held.countDown();
                }
            }
        }

        void awaitHeld() throws InterruptedException {
            held.await(60, java.util.concurrent.TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            stopped = true;
            for (Thread thread : threads) {
                thread.join(10_000);
            }
        }
    }

    // ---------------------------------------------------------------- spoken questions

    private void spoken(List<Question> all, List<Integer> levels, double p95Limit) throws Exception {
        List<Question> questions = all.stream().filter(q -> q.noise().equals("clean") && q.audio().sampleRate() == 16000).toList();
        System.out.printf("spoken: %d recorded questions; warm-up: each asked once, its answer listened to the end "
                + "(its audio is then in the cache, as pre-rendering leaves a running guide's)%n", questions.size());
        List<Future<?>> warmUp = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(questions.size());
        for (Question question : questions) {
            warmUp.add(pool.submit(() -> warmUp(question)));
        }
        for (Future<?> future : warmUp) {
            future.get();
        }
        pool.shutdown();
        summary.append("\n| visitors talking at once | turns | stop → transcript p50 / p95 | → answer p50 / p95 | → first audio byte p50 / **p95** | errors | server CPU (cores) | client CPU (cores) | load average (1 min) |\n");
        summary.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (int level : levels) {
            // at least 24 questions a level, so that its p95 is not just its slowest one
            int each = Math.max(3, (int) Math.ceil(24.0 / level));
            Cost before = cost(0);
            long begin = System.nanoTime();
            List<VoiceBench.Turn> turns = visitors(level, each, questions);
            Cost cost = cost(System.nanoTime() - begin).minus(before);
            List<Double> first = VoiceBench.values(turns, VoiceBench.Turn::firstAudioMs);
            long errors = turns.stream().filter(t -> t.error() != null).count();
            double p95 = VoiceBench.percentile(first, 95);
            String line = String.format(Locale.ROOT, "| %d | %d | %s | %s | %.0f / **%.0f ms** | %d | %.2f | %.2f | %s |",
                    level, turns.size(), VoiceBench.percentiles(turns, VoiceBench.Turn::transcriptMs),
                    VoiceBench.percentiles(turns, VoiceBench.Turn::answerMs), VoiceBench.percentile(first, 50), p95, errors,
                    cost.serverCores(), cost.clientCores(), cost.loadAverage());
            System.out.println(line);
            turns.stream().filter(t -> t.error() != null).limit(3).forEach(t -> System.out.println("  error: " + t.error()));
            summary.append(line).append('\n');
            if (p95 > p95Limit || first.isEmpty() || errors > turns.size() / 10) {
                summary.append(String.format(Locale.ROOT, "%nStopped at %d visitors talking at once: p95 to the first audio byte %.0f ms > %.0f ms "
                        + "(or more than 10 %% errors).%n", level, p95, p95Limit));
                System.out.printf(Locale.ROOT, "p95 %.0f ms > %.0f ms at %d streams: stop%n", p95, p95Limit, level);
                return;
            }
        }
        summary.append("\nThe p95 stayed under the limit at every level tried.\n");
    }

    private void warmUp(Question question) {
        try (VoiceClient client = VoiceClient.connect(url, session("{\"site\":\"van-mieu\",\"language\":\"en\"}"))) {
            client.start(16000, "en");
            client.until(VoiceClient.type("ready", "error", "closed"), WAIT);
            client.sendAudio(question.released().samples(), 16000, false);
            client.stop();
            client.until(e -> "audio-end".equals(e.type()) || "error".equals(e.type()) || "closed".equals(e.type()), Duration.ofSeconds(120));
        }
    }

    /** {@code level} visitors at once, each asking {@code each} questions back to back on its own connection. */
    private List<VoiceBench.Turn> visitors(int level, int each, List<Question> questions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(level);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<VoiceBench.Turn>>> futures = new ArrayList<>();
        for (int v = 0; v < level; v++) {
            int visitor = v;
            futures.add(pool.submit(() -> {
                go.await();
                Thread.sleep(3000L * visitor / level); // visitors do not all begin in the same instant
                List<Question> mine = new ArrayList<>();
                for (int t = 0; t < each; t++) {
                    mine.add(questions.get((visitor * 3 + t) % questions.size()));
                }
                return talk(mine);
            }));
        }
        go.countDown();
        List<VoiceBench.Turn> all = new ArrayList<>();
        for (Future<List<VoiceBench.Turn>> future : futures) {
            all.addAll(future.get());
        }
        pool.shutdown();
        return all;
    }

    /** One visitor: question after question on one connection, each asked 0.5 s after the last answer began to sound. */
    private List<VoiceBench.Turn> talk(List<Question> questions) {
        List<VoiceBench.Turn> turns = new ArrayList<>();
        try (VoiceClient client = VoiceClient.connect(url, session("{\"site\":\"van-mieu\",\"language\":\"en\"}"))) {
            client.start(16000, "en");
            Event ready = last(client.until(VoiceClient.type("ready", "error", "closed"), WAIT));
            if (ready == null || !"ready".equals(ready.type())) {
                String code = ready == null ? "timeout" : ready.code();
                questions.forEach(q -> turns.add(new VoiceBench.Turn(q, null, Double.NaN, Double.NaN, Double.NaN, code)));
                return turns;
            }
            for (Question question : questions) {
                client.sendAudio(question.released().samples(), 16000, true);
                long stop = client.stop();
                // this question's transcript, then its answer, then the first audio frame after that answer
                // (frames of the previous answer, cut by this question, may still be arriving before them)
                List<Event> events = new ArrayList<>(client.until(VoiceClient.type("transcript", "error", "closed"), WAIT));
                if ("transcript".equals(type(last(events)))) {
                    events.addAll(client.until(VoiceClient.type("answer", "error", "closed"), WAIT));
                }
                if ("answer".equals(type(last(events)))) {
                    events.addAll(client.until(e -> e.audio() != null || "error".equals(e.type()) || "closed".equals(e.type()), WAIT));
                }
                String transcript = null;
                double transcriptMs = Double.NaN;
                double answerMs = Double.NaN;
                double audioMs = Double.NaN;
                boolean answered = false;
                String error = events.isEmpty() ? "timeout" : null;
                for (Event event : events) {
                    double ms = Math.max(0, (event.at() - stop) / 1e6);
                    if ("transcript".equals(event.type())) {
                        transcript = event.text();
                        transcriptMs = ms;
                    } else if ("answer".equals(event.type())) {
                        answerMs = ms;
                        answered = true;
                    } else if (event.audio() != null && answered && Double.isNaN(audioMs)) {
                        audioMs = ms;
                    } else if ("error".equals(event.type()) || "closed".equals(event.type())) {
                        error = event.type() + " " + event.code();
                    }
                }
                if (error == null && Double.isNaN(audioMs)) {
                    error = "no audio";
                }
                turns.add(new VoiceBench.Turn(question, transcript, transcriptMs, answerMs, audioMs, error));
                if ("closed".equals(type(last(events)))) {
                    break;
                }
                Thread.sleep(500);
            }
        } catch (RuntimeException | InterruptedException e) {
            turns.add(new VoiceBench.Turn(questions.get(0), null, Double.NaN, Double.NaN, Double.NaN, "connection: " + e));
        }
        return turns;
    }

    // ---------------------------------------------------------------- shared

    /** What the server says it did: answers' audio from the cache or synthesized, recognition's real-time factor. */
    private void serverFigures() throws IOException, InterruptedException {
        String admin = "admin:" + System.getenv("GUIDE_ADMIN_PASSWORD");
        String metrics = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(admin.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        String line = String.format(Locale.ROOT, "%nServer, whole run: answers' audio from the cache %.0f, synthesized live %.0f; "
                        + "speech recognition real-time factor %.3f (mean of %.0f utterances); voice questions refused as busy %.0f; "
                        + "GC pauses %.0f, %.0f ms in all.%n",
                sum(metrics, "guide_audio_cache_hits_total"), sum(metrics, "guide_audio_cache_misses_total"),
                sum(metrics, "guide_asr_realtime_factor_sum") / sum(metrics, "guide_asr_realtime_factor_count"),
                sum(metrics, "guide_asr_realtime_factor_count"), sum(metrics, "guide_voice_refused_total"),
                sum(metrics, "jvm_gc_pause_seconds_count"), sum(metrics, "jvm_gc_pause_seconds_sum") * 1000);
        System.out.print(line);
        summary.append(line);
    }

    /** A Prometheus metric summed over its tags; NaN if the server does not publish it. */
    private static double sum(String metrics, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(metrics);
        double total = Double.NaN;
        while (m.find()) {
            total = (Double.isNaN(total) ? 0 : total) + Double.parseDouble(m.group(2));
        }
        return total;
    }

    private String session(String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/sessions"))
                    .timeout(WAIT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("session not opened: " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).path("id").asString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** CPU used so far by the server and by this client, and the load average now. */
    private Cost cost(long elapsedNanos) throws IOException {
        String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceFirst("^.*\\) ", "").split(" ");
        double server = (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / (double) CLOCK_TICKS;
        double client = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        return new Cost(elapsedNanos / 1e9, server, client, load);
    }

    private static String type(Event event) {
        return event == null ? null : event.type();
    }

    private static Event last(List<Event> events) {
        return events.isEmpty() ? null : events.get(events.size() - 1);
    }

    private static List<Integer> ints(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }
}

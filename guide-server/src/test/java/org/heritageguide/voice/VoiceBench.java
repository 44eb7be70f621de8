package org.heritageguide.voice;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.heritageguide.audio.Pcm;
import org.heritageguide.audio.Wav;
import org.heritageguide.voice.VoiceClient.Event;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code scripts/bench voice}: virtual visitors asking the recorded questions over the voice WebSocket of
 * a running server, at real-time pace, N at once; the same with the naive pipeline for comparison; word
 * error rates per voice and noise level; and a soak of many short sessions with the server's memory
 * sampled. Prints what it measures, then a Markdown summary.
 *
 * <p>Arguments: {@code --url http://host:port --pid <server pid> --audio <dir with questions.tsv>
 * [--noisy <dir with questions.tsv>] [--levels 1,4,8,16] [--soak 1000]}
 */
public final class VoiceBench {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String url;
    private final long pid;
    private final HttpClient http = HttpClient.newHttpClient();
    private final StringBuilder summary = new StringBuilder();

    record Question(String file, String voice, String noise, String text, Pcm audio) {

        /**
         * The question as a push-to-talk visitor sends it: released 200 ms after the last word (the
         * recordings carry a second of silence, which would end the question before {@code stop}).
         */
        Pcm released() {
            byte[] samples = audio.samples();
            int last = 0;
            for (int i = 0; i + 1 < samples.length; i += 2) {
                if (Math.abs((short) ((samples[i] & 0xff) | (samples[i + 1] << 8))) > 1000) {
                    last = i;
                }
            }
            int end = Math.min(samples.length, last + audio.sampleRate() / 5 * 2);
            return new Pcm(Arrays.copyOf(samples, end & ~1), audio.sampleRate());
        }
    }

    /** One question and what came back, times in ms from the end of speech ({@code stop}). */
    record Turn(Question question, String transcript, double transcriptMs, double answerMs, double firstAudioMs,
                String error) {
    }

    private VoiceBench(String url, long pid) {
        this.url = url;
        this.pid = pid;
    }

    /** A benchmark's {@code --name value} arguments, by name. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        VoiceBench bench = new VoiceBench(options.get("url"), Long.parseLong(options.getOrDefault("pid", "0")));
        List<Question> questions = load(Path.of(options.get("audio")));
        List<Question> clean = questions.stream().filter(q -> q.noise().equals("clean") && q.audio().sampleRate() == 16000).toList();
        List<Integer> levels = Arrays.stream(options.getOrDefault("levels", "1,4,8,16").split(",")).map(Integer::parseInt).toList();

        bench.warmUp(clean);
        bench.latency(clean, levels);
        List<Question> forAccuracy = new ArrayList<>(questions.stream().filter(q -> q.audio().sampleRate() == 16000).toList());
        if (options.containsKey("noisy")) {
            forAccuracy.addAll(load(Path.of(options.get("noisy"))));
        }
        bench.accuracy(forAccuracy);
        bench.cap(clean, Integer.parseInt(options.getOrDefault("cap", "0")));
        bench.realtimeFactors();
        bench.soak(clean, Integer.parseInt(options.getOrDefault("soak", "1000")));
        System.out.println("\n==== summary (Markdown) ====\n" + bench.summary);
    }

    private void warmUp(List<Question> questions) {
        System.out.println("warm-up: one turn per question, each pipeline");
        for (Question question : questions) {
            turns(question.audio().sampleRate(), List.of(question), false, false, false);
            turns(question.audio().sampleRate(), List.of(question), true, false, false);
        }
    }

    private void latency(List<Question> questions, List<Integer> levels) throws Exception {
        summary.append("| streams | pipeline | turns | end of speech → transcript p50 / p95 | → answer p50 / p95 | → first audio byte p50 / p95 | errors |\n");
        summary.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (int level : levels) {
            int turnsEach = level == 1 ? 8 : level <= 4 ? 4 : 3;
            Map<Boolean, List<Turn>> byPipeline = new LinkedHashMap<>();
            for (boolean baseline : new boolean[] {false, true}) {
                List<Turn> turns = concurrently(level, visitor -> {
                    List<Question> mine = new ArrayList<>();
                    for (int t = 0; t < turnsEach; t++) {
                        mine.add(questions.get((visitor + t) % questions.size()));
                    }
                    return turns(16000, mine, baseline, true);
                });
                byPipeline.put(baseline, turns);
                String name = baseline ? "naive baseline" : "streaming";
                summary.append(String.format(Locale.ROOT, "| %d | %s | %d | %s | %s | %s | %d |%n", level, name, turns.size(),
                        percentiles(turns, Turn::transcriptMs), percentiles(turns, Turn::answerMs),
                        percentiles(turns, Turn::firstAudioMs), turns.stream().filter(t -> t.error() != null).count()));
                System.out.printf(Locale.ROOT, "%2d streams, %-14s: first audio p50/p95 %s (transcript %s, answer %s), %d errors%n",
                        level, name, percentiles(turns, Turn::firstAudioMs), percentiles(turns, Turn::transcriptMs),
                        percentiles(turns, Turn::answerMs), turns.stream().filter(t -> t.error() != null).count());
            }
            double fast = percentile(values(byPipeline.get(false), Turn::firstAudioMs), 50);
            double slow = percentile(values(byPipeline.get(true), Turn::firstAudioMs), 50);
            System.out.printf(Locale.ROOT, "%2d streams: the naive pipeline is %.1fx slower to the first audio byte (p50)%n", level, slow / fast);
            summary.append(String.format(Locale.ROOT, "| %d | speed-up (p50 first audio) | | | | **%.1f×** | |%n", level, slow / fast));
        }
    }

    private void accuracy(List<Question> questions) {
        Map<String, int[]> errorsAndWords = new LinkedHashMap<>();
        for (Question question : questions) {
            Turn turn = turns(question.audio().sampleRate(), List.of(question), false, false, false).get(0);
            String heard = turn.transcript() == null ? "" : turn.transcript();
            int[] counts = errorsAndWords.computeIfAbsent(question.voice() + " / " + question.noise(), k -> new int[2]);
            String[] reference = words(question.text());
            counts[0] += editDistance(reference, words(heard));
            counts[1] += reference.length;
            System.out.printf("  %-28s %-40s heard: %s%n", question.file(), question.text(), heard);
        }
        List<String> noises = List.of("clean", "pink noise 20 dB SNR", "pink noise 10 dB SNR", "pink noise 5 dB SNR",
                "pink noise 0 dB SNR");
        summary.append("\n| voice | ").append(String.join(" | ", noises.stream().map(n -> n.replace("pink noise ", "").replace(" SNR", " SNR")).toList()))
                .append(" |\n|").append(" --- |".repeat(noises.size() + 1)).append('\n');
        int[] total = new int[2];
        questions.stream().map(Question::voice).distinct().forEach(voice -> {
            summary.append("| ").append(voice).append(" |");
            for (String noise : noises) {
                int[] counts = errorsAndWords.get(voice + " / " + noise);
                summary.append(counts == null ? " – |" : String.format(Locale.ROOT, " %.0f%% |", 100.0 * counts[0] / counts[1]));
            }
            summary.append('\n');
        });
        errorsAndWords.forEach((key, counts) -> {
            if (key.endsWith("clean")) {
                total[0] += counts[0];
                total[1] += counts[1];
            }
        });
        summary.append(String.format(Locale.ROOT, "%nWER over the clean recordings: %.1f%% (%d errors in %d words).%n",
                100.0 * total[0] / total[1], total[0], total[1]));
    }

    /** More visitors at once than the server takes: the extra ones must be told "busy" at once. */
    private void cap(List<Question> questions, int cap) throws Exception {
        if (cap <= 0) {
            return;
        }
        int visitors = cap + 4;
        List<Turn> turns = concurrently(visitors, visitor -> turns(16000, List.of(questions.get(visitor % questions.size())), false, true));
        long busy = turns.stream().filter(t -> "busy".equals(t.error())).count();
        System.out.printf("%d visitors at once with guide.voice.max-streams=%d: %d told busy%n", visitors, cap, busy);
        summary.append(String.format(Locale.ROOT, "%n%d visitors at once, cap %d: %d answered, %d told `busy`.%n", visitors, cap,
                turns.stream().filter(t -> t.error() == null).count(), busy));
    }

    private void realtimeFactors() throws IOException, InterruptedException {
        // the metrics are behind the studio's admin login; scripts/bench.d/voice starts the server with this password
        String admin = "admin:" + System.getenv("GUIDE_ADMIN_PASSWORD");
        String metrics = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(admin.getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        StringBuilder line = new StringBuilder("\nReal-time factors (processing time / audio time, mean over the run): ");
        Matcher m = Pattern.compile("(guide_(asr|tts)_realtime_factor)_(sum|count)(\\{[^}]*})? ([0-9.eE+-]+)").matcher(metrics);
        Map<String, double[]> sums = new LinkedHashMap<>();
        while (m.find()) {
            String key = m.group(2) + (m.group(4) == null ? "" : " " + m.group(4).replaceAll(".*engine=\"([^\"]+)\".*", "$1"));
            double[] v = sums.computeIfAbsent(key, k -> new double[2]);
            v[m.group(3).equals("sum") ? 0 : 1] = Double.parseDouble(m.group(5));
        }
        sums.forEach((key, v) -> line.append(String.format(Locale.ROOT, "%s %.3f (%d pieces); ", key.toUpperCase(Locale.ROOT), v[0] / v[1], (long) v[1])));
        line.append(String.format(Locale.ROOT, "%nAnswer audio from the cache: %.0f, synthesized live: %.0f (the naive pipeline's uncached synthesis not counted). "
                + "Server GC pauses: %.0f, %.0f ms in all.", sum(metrics, "guide_audio_cache_hits_total"),
                sum(metrics, "guide_audio_cache_misses_total"), sum(metrics, "jvm_gc_pause_seconds_count"),
                sum(metrics, "jvm_gc_pause_seconds_sum") * 1000));
        System.out.println(line);
        summary.append(line).append('\n');
    }

    /** A Prometheus metric summed over its tags; NaN if the server does not publish it. */
    private static double sum(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(metrics);
        double total = Double.NaN;
        while (m.find()) {
            total = (Double.isNaN(total) ? 0 : total) + Double.parseDouble(m.group(2));
        }
        return total;
    }

    /** Many short sessions; the server's resident memory sampled as they go. */
    private void soak(List<Question> questions, int sessions) throws Exception {
        if (sessions <= 0) {
            return;
        }
        System.out.printf("soak: %d sessions, 8 at a time, every 10th dropping its connection mid-question%n", sessions);
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        samples.add("0: " + rssMb() + " MB");
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                Question question = questions.get(n % questions.size());
                try (VoiceClient client = VoiceClient.connect(url, session())) {
                    client.start(16000, null);
                    client.until(VoiceClient.type("ready"), WAIT);
                    byte[] audio = question.audio().samples();
                    if (n % 10 == 9) {
                        client.sendAudio(Arrays.copyOf(audio, audio.length / 2), 16000, false);
                        client.abort();
                    } else {
                        client.sendAudio(audio, 16000, false);
                        client.stop();
                        List<Event> events = client.until(e -> e.audio() != null || "error".equals(e.type()), WAIT);
                        if (events.isEmpty() || events.get(events.size() - 1).audio() == null) {
                            failed.incrementAndGet();
                        }
                    }
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                }
                int finished = done.incrementAndGet();
                if (finished % 100 == 0) {
                    samples.add(finished + ": " + rssMb() + " MB");
                    System.out.println("  " + finished + " sessions, server RSS " + rssMb() + " MB");
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        summary.append(String.format(Locale.ROOT, "%nSoak: %d sessions (8 at a time, every 10th dropped mid-question), %d failed; "
                + "server RSS after N sessions: %s%n", sessions, failed.get(), String.join(", ", samples)));
    }

    private interface Visitor {
        List<Turn> run(int index) throws Exception;
    }

    private static List<Turn> concurrently(int visitors, Visitor visitor) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(visitors);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Turn>>> futures = new ArrayList<>();
        for (int i = 0; i < visitors; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                go.await();
                return visitor.run(index);
            }));
        }
        go.countDown();
        List<Turn> all = new ArrayList<>();
        for (Future<List<Turn>> future : futures) {
            all.addAll(future.get());
        }
        pool.shutdown();
        return all;
    }

    private List<Turn> turns(int sampleRate, List<Question> questions, boolean baseline, boolean realTime) {
        return turns(sampleRate, questions, baseline, realTime, true);
    }

    /**
     * One visitor asking questions one after the other on one connection, each after the last answer
     * has been heard to its end ({@code listen}) or as soon as its transcript is back.
     */
    private List<Turn> turns(int sampleRate, List<Question> questions, boolean baseline, boolean realTime, boolean listen) {
        List<Turn> turns = new ArrayList<>();
        try (VoiceClient client = VoiceClient.connect(url, session())) {
            client.sendText("{\"type\":\"start\",\"sampleRate\":" + sampleRate + (baseline ? ",\"pipeline\":\"baseline\"" : "") + "}");
            Event ready = client.until(VoiceClient.type("ready", "error", "closed"), WAIT).stream().reduce((a, b) -> b).orElse(null);
            if (ready == null || !"ready".equals(ready.type())) {
                String code = ready == null ? "timeout" : ready.code();
                questions.forEach(q -> turns.add(new Turn(q, null, Double.NaN, Double.NaN, Double.NaN, code)));
                return turns;
            }
            for (Question question : questions) {
                client.sendAudio(listen ? question.released().samples() : question.audio().samples(), sampleRate, realTime);
                long stop = client.stop();
                List<Event> events = client.until(listen
                        ? e -> ("audio-end".equals(e.type()) && !e.json().path("interrupted").asBoolean())
                                || "error".equals(e.type()) || "closed".equals(e.type())
                        : VoiceClient.type("transcript", "error", "closed"), WAIT);
                if (listen) {
                    listenToTheEnd(events);
                }
                String transcript = null;
                double transcriptMs = Double.NaN;
                double answerMs = Double.NaN;
                double audioMs = Double.NaN;
                String error = null;
                for (Event event : events) {
                    double ms = (event.at() - stop) / 1e6;
                    if ("transcript".equals(event.type())) {
                        transcript = event.text();
                        transcriptMs = Math.max(0, ms);
                    } else if ("answer".equals(event.type())) {
                        answerMs = Math.max(0, ms);
                    } else if (event.audio() != null && Double.isNaN(audioMs)) {
                        audioMs = Math.max(0, ms);
                    } else if ("error".equals(event.type()) || "closed".equals(event.type())) {
                        error = event.code();
                    }
                }
                if (events.isEmpty()) {
                    error = "timeout";
                }
                turns.add(new Turn(question, transcript, transcriptMs, answerMs, audioMs, error));
            }
        } catch (RuntimeException e) {
            questions.forEach(q -> turns.add(new Turn(q, null, Double.NaN, Double.NaN, Double.NaN, "connection: " + e)));
        }
        return turns;
    }

    /** Waits until the answer's audio, sent ahead of playback, would have finished playing. */
    private static void listenToTheEnd(List<Event> events) {
        long firstFrame = 0;
        double seconds = 0;
        for (Event event : events) {
            if (event.audio() != null) {
                firstFrame = firstFrame == 0 ? event.at() : firstFrame;
                seconds += Wav.read(event.audio()).seconds();
            }
        }
        long wait = firstFrame + (long) (seconds * 1e9) - System.nanoTime();
        if (firstFrame != 0 && wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String session() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/sessions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"site\":\"van-mieu\",\"language\":\"en\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            return body.path("id").asString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** Questions from {@code questions.tsv}: file, voice, text (file names ending in -snrN are noisy). */
    static List<Question> load(Path dir) throws IOException {
        List<String[]> rows = Files.readAllLines(dir.resolve("questions.tsv")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")).toList();
        List<Question> questions = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".wav")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".wav", "");
                for (String[] row : rows) {
                    if (name.equals(row[0]) || name.startsWith(row[0] + "-")) {
                        Matcher snr = Pattern.compile("-snr(-?\\d+)").matcher(name);
                        String noise = snr.find() ? "pink noise " + snr.group(1) + " dB SNR" : "clean";
                        questions.add(new Question(name, row[1], noise, row[2], Wav.read(Files.readAllBytes(file))));
                    }
                }
            }
        }
        return questions;
    }

    static String[] words(String text) {
        String normalized = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").trim();
        return normalized.isEmpty() ? new String[0] : normalized.split("\\s+");
    }

    static int editDistance(String[] reference, String[] hypothesis) {
        int[] previous = new int[hypothesis.length + 1];
        int[] current = new int[hypothesis.length + 1];
        for (int j = 0; j <= hypothesis.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= reference.length; i++) {
            current[0] = i;
            for (int j = 1; j <= hypothesis.length; j++) {
                int substitution = previous[j - 1] + (reference[i - 1].equals(hypothesis[j - 1]) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[hypothesis.length];
    }

    /** The metric of each turn that has it, sorted. */
    static List<Double> values(List<Turn> turns, java.util.function.ToDoubleFunction<Turn> metric) {
        return turns.stream().mapToDouble(metric).filter(v -> !Double.isNaN(v)).sorted().boxed().toList();
    }

    /** "p50 / p95 ms" of the metric over the turns that have it. */
    static String percentiles(List<Turn> turns, java.util.function.ToDoubleFunction<Turn> metric) {
        List<Double> values = values(turns, metric);
        return values.isEmpty() ? "–" : String.format(Locale.ROOT, "%.0f / %.0f ms", percentile(values, 50), percentile(values, 95));
    }

    /** The nearest-rank percentile {@code p} of sorted values; NaN when there are none. */
    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}

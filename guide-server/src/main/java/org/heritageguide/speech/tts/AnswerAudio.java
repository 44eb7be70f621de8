package org.heritageguide.speech.tts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.heritageguide.GuideProperties;
import org.heritageguide.audio.Pcm;
import org.heritageguide.audio.Wav;
import org.heritageguide.serving.VisitorWork;
import org.heritageguide.text.Sentences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The spoken form of the guide's answers. Every answer is curator text, so its audio is rendered once
 * (ahead of time by {@link #prerender}, or the first time it is asked for) into an on-disk cache keyed
 * by text, voice and engine version; an answer not yet cached is spoken live, sentence by sentence,
 * the first sentence as soon as it exists.
 */
@Service
public class AnswerAudio implements DisposableBean {

    /** Where cached audio is served: {@code GET /api/v1/audio/{key}}. */
    public static final String PATH = "/api/v1/audio/";

    private static final Logger log = LoggerFactory.getLogger(AnswerAudio.class);
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
    /**
     * How long after visitors' work the pre-rendering waits: not to slip in between two sentences of an answer, nor
     * between one visitor's question and the next's. While visitors keep the guide busy it renders nothing; an
     * answer not yet cached is then spoken live, and cached.
     */
    static final Duration VISITORS_QUIET = Duration.ofSeconds(1);

    private final SpeechSynthesizer synthesizer;
    private final AudioCache cache;
    private final VisitorWork visitors;
    private final boolean prerenderEnabled;
    private final Scheduler live;
    private final ExecutorService synthesizing;
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService background;
    private final ConcurrentHashMap<String, CompletableFuture<byte[]>> rendering = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger pending = new AtomicInteger();
    private final Counter hits;
    private final Counter misses;
    private final Counter prerendered;
    private final Counter failures;
    private final Timer synthesisTime;
    private final MeterRegistry meters;

    /** A text to speak in a language. */
    public record Spoken(String language, String text) {
    }

    AnswerAudio(SpeechSynthesizer synthesizer, VisitorWork visitors, GuideProperties guide, TtsSettings settings,
                MeterRegistry meters) {
        this.synthesizer = synthesizer;
        this.visitors = visitors;
        this.cache = new AudioCache(guide.dataDir().resolve("audio"), settings.cacheMaxSize().toBytes());
        this.prerenderEnabled = settings.prerender();
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
        this.synthesizing = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "tts-" + threadCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // a plain Executor: an answer cancelled midway (barge-in) must not interrupt MaryTTS, whose
        // own producer threads do not survive an interrupt
        this.live = Schedulers.fromExecutor(synthesizing::execute);
        this.background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tts-prerender");
            thread.setDaemon(true);
            return thread;
        });
        this.meters = meters;
        this.hits = Counter.builder("guide.audio.cache.hits").description("answers spoken from the audio cache").register(meters);
        this.misses = Counter.builder("guide.audio.cache.misses").description("answers synthesized live").register(meters);
        this.prerendered = Counter.builder("guide.audio.prerender.rendered").description("answers rendered ahead of time").register(meters);
        this.failures = Counter.builder("guide.audio.prerender.failures").description("answers that could not be rendered").register(meters);
        this.synthesisTime = Timer.builder("guide.tts.synthesis").description("time to synthesize one piece of text").register(meters);
        Gauge.builder("guide.audio.prerender.pending", pending, AtomicInteger::get)
                .description("answers waiting to be rendered ahead of time").register(meters);
        Gauge.builder("guide.audio.cache.bytes", cache, AudioCache::bytes).baseUnit("bytes")
                .description("size of the on-disk audio cache").register(meters);
    }

    /** {@code /api/v1/audio/{key}} for the text's audio, or empty if the language has no voice. */
    public Optional<String> url(String language, String text) {
        return key(language, text).map(key -> PATH + key);
    }

    /** The cache key of a text's audio (remembered, so that it can be rendered on demand), or empty. */
    public Optional<String> key(String language, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return synthesizer.voice(language).map(voice -> {
            String key = keyOf(voice, text);
            cache.remember(key, new AudioCache.Entry(language, text));
            return key;
        });
    }

    public boolean speaks(String language) {
        return synthesizer.voice(language).isPresent();
    }

    public boolean isCached(String key) {
        return KEY.matcher(key).matches() && cache.has(key);
    }

    /**
     * The WAV of a key: from the cache, else rendered now if the key was handed out; empty if the key
     * is unknown.
     */
    public Optional<byte[]> wav(String key) {
        if (!KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        Optional<byte[]> cached = cache.wav(key);
        if (cached.isPresent()) {
            hits.increment();
            return cached;
        }
        return cache.entry(key).map(entry -> {
            misses.increment();
            return render(key, entry.language(), entry.text()).join();
        });
    }

    /**
     * The text's audio as it becomes available: the cached audio at once, or else one piece per
     * sentence, each as soon as it is synthesized (and the whole is then cached). Empty if the
     * language has no voice.
     */
    public Flux<Pcm> speak(String language, String text) {
        Optional<Voice> voice = synthesizer.voice(language);
        if (voice.isEmpty() || text == null || text.isBlank()) {
            return Flux.empty();
        }
        String key = keyOf(voice.get(), text);
        return Mono.fromCallable(() -> cache.wav(key)).subscribeOn(live).flatMapMany(cached -> {
            if (cached.isPresent()) {
                hits.increment();
                return Flux.just(Wav.read(cached.get()));
            }
            misses.increment();
            List<Pcm> spoken = new ArrayList<>();
            return Flux.fromIterable(Sentences.split(text, language))
                    .concatMap(sentence -> Mono.fromCallable(() -> forVisitor(language, sentence)).subscribeOn(live), 0)
                    .doOnNext(spoken::add)
                    .doOnComplete(() -> live.schedule(() -> store(key, language, text, spoken)));
        });
    }

    /**
     * The whole text synthesized in one piece, without the cache: the naive way, kept as the baseline
     * that {@code scripts/bench voice} measures the pipeline against.
     */
    public Mono<Pcm> speakUncached(String language, String text) {
        return Mono.fromCallable(() -> forVisitor(language, text)).subscribeOn(live);
    }

    /**
     * Renders, in the background, every text not cached yet, giving way to whatever the guide is doing for visitors
     * (see {@link VisitorWork}); a later call supersedes an earlier one still running. The returned future
     * completes when this batch is done (or superseded).
     */
    public CompletableFuture<Void> prerender(List<Spoken> texts) {
        if (!prerenderEnabled) {
            return CompletableFuture.completedFuture(null);
        }
        long batch = generation.incrementAndGet();
        List<Spoken> todo = texts.stream().filter(t -> speaks(t.language())).distinct().toList();
        pending.set(todo.size());
        return CompletableFuture.runAsync(() -> {
            long start = System.nanoTime();
            int done = 0;
            int rendered = 0;
            int lastLogged = 0;
            for (Spoken spoken : todo) {
                if (generation.get() != batch) {
                    log.info("Audio pre-rendering: stopped for newer content after {} of {}", done, todo.size());
                    return;
                }
                try {
                    String key = key(spoken.language(), spoken.text()).orElseThrow();
                    // a text a visitor is having rendered now will be cached by them
                    if (!cache.has(key) && !rendering.containsKey(key)) {
                        renderInBackground(key, spoken.language(), spoken.text());
                        prerendered.increment();
                        rendered++;
                    }
                } catch (InterruptedException shuttingDown) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    failures.increment();
                    log.warn("Audio pre-rendering: could not render a {} text ({}): {}", spoken.language(),
                            abbreviate(spoken.text()), e.getMessage());
                }
                done++;
                pending.decrementAndGet();
                if (done * 10 / todo.size() > lastLogged) {
                    lastLogged = done * 10 / todo.size();
                    log.info("Audio pre-rendering: {} of {} answers ready ({} rendered now)", done, todo.size(), rendered);
                }
            }
            log.info("Audio pre-rendering: done, {} answers ({} rendered now) in {} s, cache {} MB", todo.size(),
                    rendered, (System.nanoTime() - start) / 1_000_000_000, cache.bytes() / 1_000_000);
        }, background);
    }

    /** Stops the batch being rendered ahead of time, after the text in hand: its texts may no longer be said. */
    public void stopPrerendering() {
        generation.incrementAndGet();
        pending.set(0);
    }

    @Override
    public void destroy() {
        generation.incrementAndGet();
        background.shutdownNow();
        live.dispose();
        synthesizing.shutdownNow();
    }

    private CompletableFuture<byte[]> render(String key, String language, String text) {
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> running = rendering.putIfAbsent(key, mine);
        if (running != null) {
            return running;
        }
        try {
            List<Pcm> pieces = new ArrayList<>();
            for (String sentence : Sentences.split(text, language)) {
                pieces.add(forVisitor(language, sentence));
            }
            mine.complete(store(key, language, text, pieces));
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
        } finally {
            rendering.remove(key, mine);
        }
        return mine;
    }

    private void renderInBackground(String key, String language, String text) throws InterruptedException {
        List<Pcm> pieces = new ArrayList<>();
        for (String sentence : Sentences.split(text, language)) {
            visitors.awaitQuiet(VISITORS_QUIET);
            pieces.add(timed(language, sentence));
        }
        store(key, language, text, pieces);
    }

    private Pcm forVisitor(String language, String sentence) {
        return visitors.serve(() -> timed(language, sentence));
    }

    private Pcm timed(String language, String sentence) {
        long start = System.nanoTime();
        Pcm pcm = synthesizer.synthesize(language, sentence);
        long nanos = System.nanoTime() - start;
        synthesisTime.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        String engine = synthesizer.voice(language).map(Voice::engine).orElse("none");
        if (pcm.seconds() > 0) {
            DistributionSummary.builder("guide.tts.realtime.factor").tag("engine", engine)
                    .description("synthesis time / audio duration").register(meters).record(nanos / 1e9 / pcm.seconds());
        }
        return pcm;
    }

    private byte[] store(String key, String language, String text, List<Pcm> pieces) {
        if (pieces.isEmpty()) {
            throw new IllegalStateException("Nothing to say in " + language + ": " + abbreviate(text));
        }
        int rate = pieces.get(0).sampleRate();
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        for (Pcm piece : pieces) {
            if (piece.sampleRate() != rate) {
                throw new IllegalStateException("Sentences of one answer came at different sample rates");
            }
            pcm.writeBytes(piece.samples());
        }
        byte[] wav = Wav.wrap(pcm.toByteArray(), rate);
        cache.remember(key, new AudioCache.Entry(language, text));
        cache.put(key, wav);
        return wav;
    }

    private static String keyOf(Voice voice, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(voice.id().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(voice.language().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(text.strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}

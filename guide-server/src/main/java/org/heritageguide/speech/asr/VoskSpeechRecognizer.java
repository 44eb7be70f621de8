package org.heritageguide.speech.asr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.heritageguide.GuideProperties;
import org.heritageguide.audio.Pcm;
import org.heritageguide.audio.Resampler;
import org.heritageguide.serving.VisitorWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Vosk: one shared {@link Model} per language, loaded in the background at startup, and a pool of
 * {@link Recognizer}s per language, reused from visitor to visitor (a new recognizer costs ~50 ms and
 * decodes its first utterance several times slower; its native memory is not given back to the OS).
 * Recognizing a visitor's speech is visitors' work ({@link VisitorWork}): work no visitor waits for gives way to it.
 */
@Component
class VoskSpeechRecognizer implements SpeechRecognizer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(VoskSpeechRecognizer.class);
    private static final JsonMapper JSON = JsonMapper.shared();

    private final AsrSettings settings;
    private final VisitorWork visitors;
    private final Map<String, VoskModelFolders.Found> found;
    private final Map<String, CompletableFuture<Pool>> pools = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final DistributionSummary realtimeFactor;
    private final ExecutorService warmer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vosk-warm-up");
        thread.setDaemon(true);
        return thread;
    });

    VoskSpeechRecognizer(GuideProperties guide, AsrSettings settings, MeterRegistry meters, VisitorWork visitors) {
        this.settings = settings;
        this.visitors = visitors;
        this.found = VoskModelFolders.find(List.of(guide.modelsDir(), guide.operatorModelsDir()));
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        for (VoskModelFolders.Found model : found.values()) {
            pools.put(model.language(), CompletableFuture.supplyAsync(() -> load(model, meters), runnable -> {
                Thread thread = new Thread(runnable, "vosk-load-" + model.language());
                thread.setDaemon(true);
                thread.start();
            }));
        }
        Gauge.builder("guide.asr.streams.open", open, AtomicInteger::get)
                .description("speech recognition streams in use").register(meters);
        this.realtimeFactor = DistributionSummary.builder("guide.asr.realtime.factor")
                .description("recognition time / audio duration, per utterance").register(meters);
    }

    @Override
    public Set<String> languages() {
        return found.keySet();
    }

    @Override
    public boolean isReady() {
        return pools.values().stream().allMatch(p -> p.isDone() && !p.isCompletedExceptionally());
    }

    @Override
    public Optional<String> describe(String language) {
        return Optional.ofNullable(found.get(language)).map(f -> "Vosk " + f.folder() + " (" + f.sampleRate() + " Hz)");
    }

    @Override
    public Optional<RecognitionStream> open(String language, int sampleRate) {
        CompletableFuture<Pool> pool = pools.get(language);
        if (pool == null) {
            return Optional.empty();
        }
        RecognitionStream stream = new VoskStream(pool.join(), sampleRate);
        return Optional.of(settings.speechGate() ? new SpeechGate(stream, sampleRate, settings) : stream);
    }

    @Override
    public void warmUp(String language, Pcm speech) {
        CompletableFuture<Pool> future = pools.get(language);
        if (future != null) {
            Pool pool = future.join();
            pool.warmUpSpeech = Resampler.convert(speech, pool.sampleRate).samples();
            pool.fill();
        }
    }

    @Override
    public void destroy() {
        warmer.shutdownNow();
        for (CompletableFuture<Pool> future : pools.values()) {
            future.thenAccept(Pool::close);
        }
    }

    private Pool load(VoskModelFolders.Found model, MeterRegistry meters) {
        long start = System.nanoTime();
        try {
            Pool pool = new Pool(model.language(), new Model(model.folder().toString()), model.sampleRate());
            Gauge.builder("guide.asr.recognizers.idle", pool.idle, BlockingQueue::size).tag("language", model.language())
                    .description("recognizers ready for the next visitor").register(meters);
            log.info("Speech in: Vosk model for '{}' loaded from {} in {} ms", model.language(), model.folder(),
                    (System.nanoTime() - start) / 1_000_000);
            return pool;
        } catch (IOException | RuntimeException e) {
            log.error("Speech in: the Vosk model in {} could not be loaded; '{}' stays text-only", model.folder(),
                    model.language(), e);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /**
     * One language's model and its idle recognizers, warmed up ahead of demand (see
     * {@link AsrSettings#warmRecognizers()} and {@link AsrSettings#spareRecognizers()}), so that a visitor
     * rarely gets a recognizer on its slow first utterance.
     */
    private final class Pool {
        final String language;
        final Model model;
        final int sampleRate;
        final BlockingQueue<Recognizer> idle;
        final AtomicBoolean warming = new AtomicBoolean();
        /** Recognizers of this language alive, idle or in use. */
        final AtomicInteger alive = new AtomicInteger();
        volatile byte[] warmUpSpeech;

        Pool(String language, Model model, int sampleRate) {
            this.language = language;
            this.model = model;
            this.sampleRate = sampleRate;
            // the spare ones come on top of max-idle-recognizers: were they counted in it, visitors giving their
            // recognizers back together (16 sockets of silence told no-speech in the same second, say) would fill the
            // queue, the spares would be closed, and the next questions would have new ones created and warmed up
            // (~0.5 s of CPU each) to replace them, every few seconds (docs/benchmarks.md, "silent sockets")
            this.idle = new ArrayBlockingQueue<>(settings.maxIdleRecognizers() + settings.spareRecognizers());
        }

        Recognizer borrow() {
            Recognizer recognizer = idle.poll();
            if (recognizer == null) {
                recognizer = create();
            }
            if (warmUpSpeech != null && idle.size() < settings.spareRecognizers()) {
                warmer.execute(this::fillInBackground);
            }
            return recognizer;
        }

        private void fillInBackground() {
            try {
                fill();
            } catch (RuntimeException e) {
                log.warn("Speech in: cannot warm up a spare recognizer for '{}'", language, e);
            }
        }

        void giveBack(Recognizer recognizer) {
            // a final result (unlike reset) also drops the speaker adaptation: the next visitor starts clean
            recognizer.getFinalResult();
            if (!idle.offer(recognizer)) {
                close(recognizer);
            }
        }

        /**
         * Creates and warms up recognizers until {@code warm-recognizers} exist and {@code spare-recognizers}
         * are idle, {@code max-idle-recognizers} plus the spare ones at most (one caller at a time).
         */
        void fill() {
            if (!warming.compareAndSet(false, true)) {
                return;
            }
            try {
                while ((idle.size() < settings.spareRecognizers() || alive.get() < settings.warmRecognizers())
                        && idle.remainingCapacity() > 0) {
                    Recognizer recognizer = create();
                    try {
                        recognizer.acceptWaveForm(warmUpSpeech, warmUpSpeech.length);
                        recognizer.getFinalResult();
                    } catch (RuntimeException e) {
                        close(recognizer);
                        throw e;
                    }
                    if (!idle.offer(recognizer)) {
                        close(recognizer);
                    }
                }
            } finally {
                warming.set(false);
            }
        }

        private Recognizer create() {
            try {
                Recognizer recognizer = new Recognizer(model, sampleRate);
                recognizer.setMaxAlternatives(settings.hearings());
                alive.incrementAndGet();
                return recognizer;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a recognizer for " + language, e);
            }
        }

        private void close(Recognizer recognizer) {
            recognizer.close();
            alive.decrementAndGet();
        }

        void close() {
            Recognizer recognizer;
            while ((recognizer = idle.poll()) != null) {
                close(recognizer);
            }
            model.close();
        }
    }

    private final class VoskStream implements RecognitionStream {
        private final Pool pool;
        private final Resampler resampler;
        private final long partialEverySamples;
        private Recognizer recognizer;
        private long utteranceSamples;
        private long samplesSincePartial;
        private String lastPartial = "";
        private long busyNanos;

        VoskStream(Pool pool, int sampleRate) {
            this.pool = pool;
            this.resampler = new Resampler(sampleRate, pool.sampleRate);
            this.partialEverySamples = settings.partialInterval().toMillis() * pool.sampleRate / 1000;
            this.recognizer = pool.borrow();
            open.incrementAndGet();
        }

        @Override
        public String language() {
            return pool.language;
        }

        @Override
        public Heard accept(byte[] s16le, int offset, int length) {
            long start = System.nanoTime();
            try {
                return visitors.serve(() -> decode(s16le, offset, length));
            } finally {
                busyNanos += System.nanoTime() - start;
            }
        }

        private Heard decode(byte[] s16le, int offset, int length) {
            short[] samples = resampler.process(s16le, offset, length);
            if (samples.length == 0) {
                return Heard.soFar(lastPartial, false);
            }
            utteranceSamples += samples.length;
            samplesSincePartial += samples.length;
            if (recognizer().acceptWaveForm(samples, samples.length)) {
                List<String> hearings = hearings(recognizer.getResult());
                if (hearings.isEmpty()) {
                    // only silence so far (Vosk ends such a stretch too): keep listening
                    return newUtterance(Heard.soFar("", !lastPartial.isEmpty()));
                }
                return newUtterance(Heard.ended(hearings));
            }
            if (samplesSincePartial < partialEverySamples) {
                return Heard.soFar(lastPartial, false);
            }
            samplesSincePartial = 0;
            JsonNode partialResult = JSON.readTree(recognizer.getPartialResult()).get("partial");
            String partial = partialResult == null ? "" : partialResult.asString().trim();
            boolean changed = !partial.equals(lastPartial);
            lastPartial = partial;
            return Heard.soFar(partial, changed);
        }

        @Override
        public Heard finish() {
            long start = System.nanoTime();
            Recognizer active = recognizer();
            List<String> hearings = visitors.serve(() -> {
                short[] tail = resampler.flush();
                if (tail.length > 0) {
                    active.acceptWaveForm(tail, tail.length);
                }
                return hearings(active.getFinalResult());
            });
            busyNanos += System.nanoTime() - start;
            return newUtterance(Heard.ended(hearings));
        }

        /** Seconds of audio fed into the current utterance. */
        private double utteranceSeconds() {
            return (double) utteranceSamples / pool.sampleRate;
        }

        @Override
        public void close() {
            if (recognizer != null) {
                pool.giveBack(recognizer);
                recognizer = null;
                open.decrementAndGet();
            }
        }

        private Recognizer recognizer() {
            if (recognizer == null) {
                throw new IllegalStateException("The recognition stream is closed");
            }
            return recognizer;
        }

        private Heard newUtterance(Heard heard) {
            if (utteranceSamples > 0) {
                realtimeFactor.record(busyNanos / 1e9 / utteranceSeconds());
            }
            busyNanos = 0;
            utteranceSamples = 0;
            samplesSincePartial = 0;
            lastPartial = "";
            return heard;
        }
    }

    /** A result's ways of hearing the utterance ({@code alternatives}, likeliest first), without empty or repeated ones. */
    private static List<String> hearings(String json) {
        Set<String> hearings = new LinkedHashSet<>();
        for (JsonNode alternative : JSON.readTree(json).path("alternatives")) {
            String text = alternative.path("text").asString().trim();
            if (!text.isEmpty()) {
                hearings.add(text);
            }
        }
        return List.copyOf(hearings);
    }
}

package org.heritageguide.speech.tts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.heritageguide.GuideProperties;
import org.heritageguide.audio.Pcm;
import org.heritageguide.serving.VisitorWork;
import org.heritageguide.speech.tts.AnswerAudio.Spoken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Pre-rendering with the real voices (espeak-ng for French): a visitor who asks while a batch is being
 * rendered is answered without waiting for it, no pre-rendered sentence starts while a visitor's is being
 * synthesized or their question answered, and the batch still fills the cache.
 */
class AnswerAudioPrerenderingTest {

    private static final List<String> PRERENDERED = IntStream.rangeClosed(1, 8).mapToObj(n ->
            "Le pavillon numéro " + n + " fut bâti sous la dynastie des Lý, au onzième siècle. "
                    + "Ses colonnes de bois reposent sur des socles de pierre sculptés de fleurs de lotus. "
                    + "Les lettrés venaient y réciter les classiques avant les concours de la cour. "
                    + "On le restaura à plusieurs reprises, la dernière fois au siècle dernier.").toList();
    private static final String ASKED = "Le billet coûte trente mille dongs. Les enfants entrent gratuitement. "
            + "Le temple ouvre à huit heures.";

    /** One synthesis, by a visitor or by the pre-rendering. */
    record Synthesis(String text, boolean prerendering, long start, long end) {
        long nanos() {
            return end - start;
        }
    }

    @TempDir
    Path dataDir;

    private final VisitorWork visitors = new VisitorWork();
    private final Queue<Synthesis> syntheses = new ConcurrentLinkedQueue<>();
    private final CountDownLatch prerenderingStarted = new CountDownLatch(1);
    private AnswerAudio audio;

    @AfterEach
    void stop() {
        audio.destroy();
    }

    @Test
    void aVisitorIsAnsweredWhileABatchIsPrerenderedAndTheBatchStillFillsTheCache() throws Exception {
        audio = frenchAudio();

        CompletableFuture<Void> batch = audio.prerender(PRERENDERED.stream().map(text -> new Spoken("fr", text)).toList());
        assertThat(prerenderingStarted.await(1, TimeUnit.MINUTES)).isTrue();
        long asked = System.nanoTime();
        List<Long> heard = audio.speak("fr", ASKED).map(pcm -> System.nanoTime()).collectList().block();
        boolean batchStillRunning = !batch.isDone();
        batch.get(3, TimeUnit.MINUTES);

        assertThat(batchStillRunning).as("the visitor asked while the batch was being rendered").isTrue();
        assertThat(heard).hasSize(3);
        long firstAudio = heard.get(0) - asked;
        assertThat(firstAudio).as("time to first audio, ns").isLessThan(shortestPrerenderedItem());
        List<Synthesis> visitors = syntheses.stream().filter(s -> !s.prerendering()).toList();
        for (Synthesis prerendered : syntheses.stream().filter(Synthesis::prerendering).toList()) {
            for (Synthesis visitor : visitors) {
                assertThat(prerendered.start() > visitor.start() && prerendered.start() < visitor.end())
                        .as("a pre-rendered sentence started while a visitor's was synthesized").isFalse();
            }
        }
        for (String text : PRERENDERED) {
            assertThat(audio.isCached(audio.key("fr", text).orElseThrow())).as(text).isTrue();
        }
    }

    @Test
    void noPrerenderedSentenceStartsWhileAVisitorsQuestionIsAnsweredNorForAQuietWhileAfter() throws Exception {
        audio = frenchAudio();
        CountDownLatch answering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> answered = CompletableFuture.supplyAsync(() -> visitors.serve(() -> {
            answering.countDown();
            await(release);
            return System.nanoTime();
        }));
        assertThat(answering.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> batch = audio.prerender(List.of(new Spoken("fr", PRERENDERED.get(0))));
        assertThat(prerenderingStarted.await(2, TimeUnit.SECONDS)).as("pre-rendering began during the answer").isFalse();
        release.countDown();
        batch.get(3, TimeUnit.MINUTES);

        long firstPrerendered = syntheses.stream().filter(Synthesis::prerendering).mapToLong(Synthesis::start).min().orElseThrow();
        assertThat(firstPrerendered - answered.get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(AnswerAudio.VISITORS_QUIET.toNanos());
    }

    private AnswerAudio frenchAudio() {
        TtsSettings settings = new TtsSettings(Map.of(), "espeak-ng", 160, 24000, DataSize.ofMegabytes(64), true,
                Duration.ofSeconds(30));
        VoiceRouter voices = new VoiceRouter(settings);
        waitUntil(voices::isReady);
        return new AnswerAudio(recording(voices), visitors,
                new GuideProperties(Path.of("content"), dataDir, Path.of("models"), Path.of("models"), URI.create("http://localhost")),
                settings, new SimpleMeterRegistry());
    }

    private long shortestPrerenderedItem() {
        return PRERENDERED.stream().mapToLong(text -> syntheses.stream()
                .filter(s -> s.prerendering() && text.contains(s.text())).mapToLong(Synthesis::nanos).sum())
                .min().orElseThrow();
    }

    private SpeechSynthesizer recording(SpeechSynthesizer voices) {
        return new SpeechSynthesizer() {
            @Override
            public Optional<Voice> voice(String language) {
                return voices.voice(language);
            }

            @Override
            public boolean isReady() {
                return voices.isReady();
            }

            @Override
            public Pcm synthesize(String language, String text) {
                long start = System.nanoTime();
                boolean prerendering = Thread.currentThread().getName().equals("tts-prerender");
                if (prerendering) {
                    prerenderingStarted.countDown();
                }
                Pcm pcm = voices.synthesize(language, text);
                syntheses.add(new Synthesis(text, prerendering, start, System.nanoTime()));
                return pcm;
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited too long").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }
}

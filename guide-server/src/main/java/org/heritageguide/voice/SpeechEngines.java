package org.heritageguide.voice;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import org.heritageguide.GuideProperties;
import org.heritageguide.audio.Pcm;
import org.heritageguide.dialogue.GuidePhrases;
import org.heritageguide.site.Site;
import org.heritageguide.site.SiteDirectory;
import org.heritageguide.speech.asr.SpeechRecognizer;
import org.heritageguide.speech.tts.SpeechSynthesizer;
import org.heritageguide.speech.tts.Voice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Gets the speech engines ready in the background at startup (models loaded, recognizers warmed up
 * on speech of their language), reports as a health indicator (part of readiness) until they are, and
 * logs which languages can be heard and spoken.
 */
@Component("speech")
class SpeechEngines implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(SpeechEngines.class);

    private final SpeechRecognizer recognizer;
    private final SpeechSynthesizer synthesizer;
    private final CompletableFuture<Void> warmedUp;

    SpeechEngines(SpeechRecognizer recognizer, SpeechSynthesizer synthesizer, GuidePhrases phrases,
                  SiteDirectory sites, GuideProperties guide) {
        this.recognizer = recognizer;
        this.synthesizer = synthesizer;
        this.warmedUp = CompletableFuture.runAsync(() -> {
            long start = System.nanoTime();
            for (String language : recognizer.languages()) {
                String sentence = phrases.say(language, "voice.no-speech");
                Pcm speech = synthesizer.voice(language).map(v -> synthesizer.synthesize(language, sentence))
                        .orElseGet(() -> new Pcm(new byte[32000], 16000));
                recognizer.warmUp(language, speech);
            }
            log.info("Speech engines ready in {} ms", (System.nanoTime() - start) / 1_000_000);
            report(sites, guide);
        }, runnable -> {
            Thread thread = new Thread(runnable, "speech-warm-up");
            thread.setDaemon(true);
            thread.start();
        }).exceptionally(failure -> {
            log.error("Speech engines could not be warmed up", failure);
            return null;
        });
    }

    /** Completes once the engines are warmed up (whether or not that worked). */
    CompletableFuture<Void> warmedUp() {
        return warmedUp;
    }

    boolean isReady() {
        return warmedUp.isDone() && recognizer.isReady() && synthesizer.isReady();
    }

    @Override
    public Health health() {
        return isReady() ? Health.up().build() : Health.outOfService().withDetail("speech", "loading").build();
    }

    private void report(SiteDirectory sites, GuideProperties guide) {
        Set<String> languages = new TreeSet<>(recognizer.languages());
        sites.catalog().all().stream().map(Site::languages).forEach(languages::addAll);
        for (String language : languages) {
            String in = recognizer.describe(language).orElse("none (drop a Vosk model into "
                    + guide.operatorModelsDir().resolve("asr").resolve(language) + ", see models/README.md)");
            String out = synthesizer.voice(language).map(Voice::toString).orElse("none (answers as text)");
            log.info("Speech '{}': in {}; out {}", language, in, out);
        }
    }
}

package org.heritageguide.speech.asr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.heritageguide.audio.Pcm;
import org.heritageguide.audio.Wav;
import org.heritageguide.serving.VisitorWork;
import org.junit.jupiter.api.Test;

/**
 * A visitor's question being heard is visitors' work: the answers' audio rendered ahead of time, which waits for
 * visitors' work to be quiet, does not start while a visitor is speaking (real Vosk, a recorded question fed at the
 * pace a phone sends it).
 */
class RecognitionIsVisitorWorkTest {

    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final int FRAME_MILLIS = 100;

    @Test
    void workNoVisitorWaitsForStartsOnlyOnceTheVisitorHasBeenHeard() throws Exception {
        VisitorWork visitors = new VisitorWork();
        VoskSpeechRecognizer vosk = ShippedVosk.ungated(visitors);
        try {
            Pcm question;
            try (InputStream in = getClass().getResourceAsStream("/audio/who-built-rms.wav")) {
                question = Wav.read(in.readAllBytes());
            }
            byte[] audio = question.samples();
            int frame = question.sampleRate() * 2 * FRAME_MILLIS / 1000;
            RecognitionStream stream = vosk.open("en", question.sampleRate()).orElseThrow();
            stream.accept(audio, 0, frame);
            CompletableFuture<Long> quietAt = CompletableFuture.supplyAsync(() -> {
                try {
                    visitors.awaitQuiet(QUIET);
                    return System.nanoTime();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            StringBuilder heard = new StringBuilder();
            for (int at = frame; at < audio.length; at += frame) {
                Thread.sleep(FRAME_MILLIS);
                Heard words = stream.accept(audio, at, Math.min(frame, audio.length - at));
                if (words.endOfUtterance()) {
                    heard.append(words.text()).append(' ');
                }
                assertThat(quietAt).as("a visitor is speaking").isNotDone();
            }
            heard.append(stream.finish().text());
            long heardAt = System.nanoTime();
            stream.close();

            assertThat(heard.toString()).contains("built");
            assertThat(quietAt.get(QUIET.toMillis() * 5, TimeUnit.MILLISECONDS) - heardAt)
                    .isGreaterThanOrEqualTo(QUIET.toNanos() * 9 / 10);
        } finally {
            vosk.destroy();
        }
    }
}

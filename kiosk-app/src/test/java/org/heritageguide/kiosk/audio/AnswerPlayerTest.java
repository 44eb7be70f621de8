package org.heritageguide.kiosk.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sound.sampled.AudioFormat;

import org.heritageguide.audio.Wav;
import org.junit.jupiter.api.Test;

class AnswerPlayerTest {

    /** Plays nothing; counts bytes, and can hold a write until the test lets it go. */
    static final class Speaker implements AudioOutput {
        final AtomicLong bytes = new AtomicLong();
        final AtomicInteger cuts = new AtomicInteger();
        volatile AudioFormat format;
        volatile CountDownLatch hold = new CountDownLatch(0);

        @Override
        public void open(AudioFormat format) {
            this.format = format;
        }

        @Override
        public void write(byte[] pcm, int offset, int length) {
            try {
                hold.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            bytes.addAndGet(length);
        }

        @Override
        public void finish() {
        }

        @Override
        public void cut() {
            cuts.incrementAndGet();
            hold.countDown();
        }
    }

    @Test
    void aWavStreamedInSmallPiecesPlaysWithTheFormatOfItsHeader() throws Exception {
        Speaker speaker = new Speaker();
        CountDownLatch finished = new CountDownLatch(1);
        try (AnswerPlayer player = new AnswerPlayer(speaker)) {
            player.onFinished(finished::countDown);
            byte[] wav = wav(22_050, 10_000);
            player.begin();
            for (int at = 0; at < wav.length; at += 7) {
                player.bytes(java.util.Arrays.copyOfRange(wav, at, Math.min(wav.length, at + 7)));
            }
            player.end();
            assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(speaker.format.getSampleRate()).isEqualTo(22_050f);
        assertThat(speaker.format.getChannels()).isEqualTo(1);
        assertThat(speaker.bytes.get()).isEqualTo(10_000);
    }

    @Test
    void stopSilencesTheAnswerAndDropsWhatStillArrivesOfIt() throws Exception {
        Speaker speaker = new Speaker();
        speaker.hold = new CountDownLatch(1);
        try (AnswerPlayer player = new AnswerPlayer(speaker)) {
            player.begin();
            player.bytes(wav(16_000, 3_200));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!player.playing() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            player.stop();
            player.bytes(new byte[6_400]);
            player.end();
            assertThat(speaker.cuts.get()).isPositive();

            CountDownLatch finished = new CountDownLatch(1);
            player.onFinished(finished::countDown);
            player.play(wav(16_000, 1_000));
            assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(speaker.bytes.get()).isEqualTo(3_200 + 1_000);
    }

    static byte[] wav(int rate, int dataBytes) {
        return Wav.wrap(new byte[dataBytes], rate);
    }
}

package org.heritageguide.kiosk.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javax.sound.sampled.AudioFormat;

import org.junit.jupiter.api.Test;

class ToVoiceFormatTest {

    @Test
    void a48kStereoToneBecomesTheSameToneAt16kMono() {
        byte[] input = tone(48_000, 2, 440, 1.0, 0.5);
        ToVoiceFormat converter = new ToVoiceFormat(new AudioFormat(48_000, 16, 2, true, false));
        byte[] out = new byte[0];
        for (int at = 0; at < input.length; at += 4 * 997) { // odd chunk sizes: the state carries over
            int length = Math.min(4 * 997, input.length - at);
            byte[] chunk = java.util.Arrays.copyOfRange(input, at, at + length);
            out = concat(out, converter.convert(chunk, length));
        }
        out = concat(out, converter.flush());
        assertThat(out.length / 2).isCloseTo(16_000, within(2));
        assertThat(crossingsPerSecond(out, 16_000)).isCloseTo(2 * 440, within(6.0));
        assertThat(rms(out, 1_000)).isCloseTo(0.5 / Math.sqrt(2) * 32767, within(800.0));
    }

    @Test
    void toneAboveTheSpeechBandDoesNotFoldBackIn() {
        byte[] input = tone(44_100, 1, 12_000, 1.0, 0.5);
        byte[] out = new ToVoiceFormat(new AudioFormat(44_100, 16, 1, true, false)).convert(input, input.length);
        assertThat(rms(out, 1_000)).isLessThan(0.5 / Math.sqrt(2) * 32767 * 0.1);
    }

    @Test
    void sixteenKilohertzMonoPassesUnchanged() {
        byte[] input = tone(16_000, 1, 300, 0.25, 0.3);
        byte[] out = new ToVoiceFormat(new AudioFormat(16_000, 16, 1, true, false)).convert(input, input.length);
        assertThat(out).isEqualTo(input);
    }

    private static byte[] tone(int rate, int channels, double hz, double seconds, double amplitude) {
        int frames = (int) (rate * seconds);
        byte[] pcm = new byte[frames * channels * 2];
        for (int i = 0; i < frames; i++) {
            short s = (short) Math.round(Math.sin(2 * Math.PI * hz * i / rate) * amplitude * 32767);
            for (int c = 0; c < channels; c++) {
                int at = (i * channels + c) * 2;
                pcm[at] = (byte) s;
                pcm[at + 1] = (byte) (s >> 8);
            }
        }
        return pcm;
    }

    private static double crossingsPerSecond(byte[] pcm, int rate) {
        int crossings = 0;
        for (int i = 1; i < pcm.length / 2; i++) {
            if ((sample(pcm, i - 1) < 0) != (sample(pcm, i) < 0)) {
                crossings++;
            }
        }
        return crossings / (pcm.length / 2.0 / rate);
    }

    private static double rms(byte[] pcm, int skip) {
        double sum = 0;
        int n = 0;
        for (int i = skip; i < pcm.length / 2; i++, n++) {
            sum += Math.pow(sample(pcm, i), 2);
        }
        return Math.sqrt(sum / n);
    }

    private static short sample(byte[] pcm, int i) {
        return (short) ((pcm[2 * i + 1] << 8) | (pcm[2 * i] & 0xff));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}

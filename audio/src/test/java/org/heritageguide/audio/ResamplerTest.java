package org.heritageguide.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void keepsATonesPitchAndLoudness() {
        Pcm tone = tone(440, 44100, 1.0, 10000);
        Pcm resampled = Resampler.convert(tone, 16000);

        assertThat(resampled.seconds()).isCloseTo(1.0, within(0.002));
        assertThat(zeroCrossings(resampled) / 2.0 / resampled.seconds()).isCloseTo(440, within(3.0));
        assertThat(rms(resampled)).isCloseTo(rms(tone), within(rms(tone) * 0.02));
    }

    @Test
    void filtersWhatTheLowerRateCannotHold() {
        // 12 kHz cannot exist at 16 kHz: it must not fold back as a 4 kHz whistle
        Pcm resampled = Resampler.convert(tone(12000, 48000, 0.5, 10000), 16000);

        assertThat(rms(resampled)).isLessThan(10000 / Math.sqrt(2) * 0.01);
    }

    @Test
    void givesTheSameSamplesChunkByChunkAsInOneGo() {
        Pcm tone = tone(300, 8000, 0.5, 8000);
        Resampler streaming = new Resampler(8000, 16000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] samples = tone.samples();
        for (int offset = 0; offset < samples.length; offset += 322) {
            append(out, streaming.process(samples, offset, Math.min(322, samples.length - offset)));
        }
        append(out, streaming.flush());

        assertThat(out.toByteArray()).isEqualTo(Resampler.convert(tone, 16000).samples());
    }

    @Test
    void passesTheModelsOwnRateThrough() {
        Pcm tone = tone(300, 16000, 0.1, 5000);
        Resampler same = new Resampler(16000, 16000);
        short[] out = same.process(tone.samples(), 0, tone.samples().length);
        byte[] bytes = new byte[out.length * 2];
        Resampler.toBytes(out, bytes, 0);

        assertThat(bytes).isEqualTo(tone.samples());
    }

    static Pcm tone(double frequency, int rate, double seconds, double amplitude) {
        int n = (int) (rate * seconds);
        byte[] pcm = new byte[n * 2];
        for (int i = 0; i < n; i++) {
            short s = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * i / rate));
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        return new Pcm(pcm, rate);
    }

    private static short sample(Pcm pcm, int i) {
        return (short) ((pcm.samples()[2 * i] & 0xff) | (pcm.samples()[2 * i + 1] << 8));
    }

    private static double rms(Pcm pcm) {
        int n = pcm.samples().length / 2;
        double sum = 0;
        // skip the filter's ramp at both ends
        for (int i = 100; i < n - 100; i++) {
            sum += (double) sample(pcm, i) * sample(pcm, i);
        }
        return Math.sqrt(sum / (n - 200));
    }

    private static int zeroCrossings(Pcm pcm) {
        int crossings = 0;
        for (int i = 1; i < pcm.samples().length / 2; i++) {
            if ((sample(pcm, i - 1) < 0) != (sample(pcm, i) < 0)) {
                crossings++;
            }
        }
        return crossings;
    }

    private static void append(ByteArrayOutputStream out, short[] samples) {
        byte[] bytes = new byte[samples.length * 2];
        Resampler.toBytes(samples, bytes, 0);
        out.writeBytes(bytes);
    }
}

package org.heritageguide.audio;

/**
 * Mono signed 16-bit little-endian samples and their rate.
 *
 * @param samples s16le bytes, two per sample
 */
public record Pcm(byte[] samples, int sampleRate) {

    public double seconds() {
        return samples.length / 2.0 / sampleRate;
    }

    public byte[] toWav() {
        return Wav.wrap(samples, sampleRate);
    }
}

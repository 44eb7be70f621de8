package org.heritageguide.kiosk.audio;

import javax.sound.sampled.AudioFormat;

import org.heritageguide.audio.Resampler;

/**
 * Turns signed 16-bit PCM at any rate and channel count into what the voice WebSocket takes: 16 kHz
 * mono signed 16-bit little-endian. Channels are averaged, then the rate converted by the guide's one
 * {@link Resampler} (low-passed, so no alias folds into the speech band). Keeps its state between
 * calls, so a stream can be fed in chunks of any size; {@link #flush()} ends it.
 */
public final class ToVoiceFormat {

    public static final int RATE = 16_000;

    private final int channels;
    private final boolean bigEndian;
    private final Resampler resampler;

    public ToVoiceFormat(AudioFormat from) {
        if (from.getSampleSizeInBits() != 16 || from.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
            throw new IllegalArgumentException("Needs signed 16-bit PCM, not " + from);
        }
        this.channels = from.getChannels();
        this.bigEndian = from.isBigEndian();
        this.resampler = new Resampler(Math.round(from.getSampleRate()), RATE);
    }

    /** The 16 kHz mono samples that {@code length} more bytes of the source make. */
    public byte[] convert(byte[] pcm, int length) {
        int frameSize = 2 * channels;
        byte[] mono = new byte[length / frameSize * 2];
        for (int frame = 0, at = 0; frame + frameSize <= length; frame += frameSize, at += 2) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                int i = frame + 2 * c;
                sum += bigEndian ? (short) ((pcm[i] << 8) | (pcm[i + 1] & 0xff))
                        : (short) ((pcm[i + 1] << 8) | (pcm[i] & 0xff));
            }
            int sample = Math.round((float) sum / channels);
            mono[at] = (byte) sample;
            mono[at + 1] = (byte) (sample >> 8);
        }
        return bytes(resampler.process(mono, 0, mono.length));
    }

    /** The end of the stream: the last few samples the resampler held back to look ahead. */
    public byte[] flush() {
        return bytes(resampler.flush());
    }

    private static byte[] bytes(short[] samples) {
        byte[] out = new byte[samples.length * 2];
        Resampler.toBytes(samples, out, 0);
        return out;
    }
}

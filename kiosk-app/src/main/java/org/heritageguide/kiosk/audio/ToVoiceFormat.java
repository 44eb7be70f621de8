package org.heritageguide.kiosk.audio;

import java.io.ByteArrayOutputStream;

import javax.sound.sampled.AudioFormat;

/**
 * Turns signed 16-bit PCM at any rate and channel count into what the voice WebSocket takes: 16 kHz
 * mono signed 16-bit little-endian. Channels are averaged; a higher rate is low-passed below 8 kHz
 * (fourth-order Butterworth, so no alias folds into the speech band) and then interpolated. Keeps its
 * state between calls, so a stream can be fed in chunks of any size.
 */
public final class ToVoiceFormat {

    public static final float RATE = 16_000f;
    private static final double CUTOFF_HZ = 7_000;

    private final int channels;
    private final boolean bigEndian;
    private final double step;
    private final Biquad[] lowPass;
    private long consumed;
    private double next;
    private double previous;

    public ToVoiceFormat(AudioFormat from) {
        if (from.getSampleSizeInBits() != 16 || from.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
            throw new IllegalArgumentException("Needs signed 16-bit PCM, not " + from);
        }
        this.channels = from.getChannels();
        this.bigEndian = from.isBigEndian();
        this.step = from.getSampleRate() / RATE;
        this.lowPass = from.getSampleRate() > RATE
                ? new Biquad[] {new Biquad(from.getSampleRate(), 0.5412), new Biquad(from.getSampleRate(), 1.3066)}
                : new Biquad[0];
    }

    /** The 16 kHz mono samples that {@code length} more bytes of the source make. */
    public byte[] convert(byte[] pcm, int length) {
        int frameSize = 2 * channels;
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) (length / frameSize / step) * 2 + 4);
        for (int frame = 0; frame + frameSize <= length; frame += frameSize) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                int i = frame + 2 * c;
                sum += bigEndian ? (short) ((pcm[i] << 8) | (pcm[i + 1] & 0xff))
                        : (short) ((pcm[i + 1] << 8) | (pcm[i] & 0xff));
            }
            double current = sum / channels;
            for (Biquad filter : lowPass) {
                current = filter.apply(current);
            }
            while (next <= consumed) {
                double value = previous + (current - previous) * (next - (consumed - 1));
                int sample = (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
                out.write(sample & 0xff);
                out.write((sample >> 8) & 0xff);
                next += step;
            }
            previous = current;
            consumed++;
        }
        return out.toByteArray();
    }

    /** One second-order low-pass section (RBJ cookbook). */
    private static final class Biquad {
        private final double b0;
        private final double b1;
        private final double b2;
        private final double a1;
        private final double a2;
        private double x1;
        private double x2;
        private double y1;
        private double y2;

        Biquad(double sampleRate, double q) {
            double w0 = 2 * Math.PI * CUTOFF_HZ / sampleRate;
            double alpha = Math.sin(w0) / (2 * q);
            double cos = Math.cos(w0);
            double a0 = 1 + alpha;
            b0 = (1 - cos) / 2 / a0;
            b1 = (1 - cos) / a0;
            b2 = (1 - cos) / 2 / a0;
            a1 = -2 * cos / a0;
            a2 = (1 - alpha) / a0;
        }

        double apply(double x) {
            double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x;
            y2 = y1;
            y1 = y;
            return y;
        }
    }
}

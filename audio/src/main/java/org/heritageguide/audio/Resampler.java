package org.heritageguide.audio;

import java.util.Arrays;

/**
 * Converts a stream of mono 16-bit samples from one rate to another, chunk by chunk, with a
 * windowed-sinc low-pass filter (so that 48 kHz speech does not alias when brought down to 16 kHz).
 * Not thread-safe: one per stream.
 */
public final class Resampler {

    /** Zero crossings of the sinc on each side: quality against cost. */
    private static final int ZERO_CROSSINGS = 8;
    private static final int PHASES = 128;

    private final int inputRate;
    private final int outputRate;
    private final double step;
    private final int halfWidth;
    private final float[][] kernel;
    private float[] buffer;
    private int buffered;
    private double position;

    public Resampler(int inputRate, int outputRate) {
        if (inputRate <= 0 || outputRate <= 0) {
            throw new IllegalArgumentException("Sample rates must be positive");
        }
        this.inputRate = inputRate;
        this.outputRate = outputRate;
        this.step = (double) inputRate / outputRate;
        double cutoff = Math.min(1.0, (double) outputRate / inputRate) * 0.95;
        this.halfWidth = (int) Math.ceil(ZERO_CROSSINGS / cutoff);
        // between equal rates nothing is filtered: no table to compute (a voice question opens a resampler)
        this.kernel = isIdentity() ? null : kernel(halfWidth, cutoff);
        this.buffer = isIdentity() ? new float[0] : new float[4096];
        this.buffered = halfWidth;
        this.position = halfWidth;
    }

    public int inputRate() {
        return inputRate;
    }

    public int outputRate() {
        return outputRate;
    }

    public boolean isIdentity() {
        return inputRate == outputRate;
    }

    /** Resamples s16le bytes; returns the output samples available so far. */
    public short[] process(byte[] s16le, int offset, int length) {
        int samples = length / 2;
        if (isIdentity()) {
            short[] out = new short[samples];
            for (int i = 0; i < samples; i++) {
                out[i] = (short) ((s16le[offset + 2 * i] & 0xff) | (s16le[offset + 2 * i + 1] << 8));
            }
            return out;
        }
        ensureCapacity(buffered + samples);
        for (int i = 0; i < samples; i++) {
            buffer[buffered++] = (short) ((s16le[offset + 2 * i] & 0xff) | (s16le[offset + 2 * i + 1] << 8));
        }
        return drain();
    }

    /** Ends the stream: the samples still held back for the filter's look-ahead. */
    public short[] flush() {
        if (isIdentity()) {
            return new short[0];
        }
        ensureCapacity(buffered + halfWidth);
        Arrays.fill(buffer, buffered, buffered + halfWidth, 0f);
        buffered += halfWidth;
        short[] tail = drain();
        buffered = halfWidth;
        Arrays.fill(buffer, 0, halfWidth, 0f);
        position = halfWidth;
        return tail;
    }

    /** Resamples a whole clip at once. */
    public static Pcm convert(Pcm pcm, int outputRate) {
        if (pcm.sampleRate() == outputRate) {
            return pcm;
        }
        Resampler resampler = new Resampler(pcm.sampleRate(), outputRate);
        short[] body = resampler.process(pcm.samples(), 0, pcm.samples().length);
        short[] tail = resampler.flush();
        byte[] out = new byte[(body.length + tail.length) * 2];
        toBytes(body, out, 0);
        toBytes(tail, out, body.length * 2);
        return new Pcm(out, outputRate);
    }

    public static void toBytes(short[] samples, byte[] target, int offset) {
        for (int i = 0; i < samples.length; i++) {
            target[offset + 2 * i] = (byte) samples[i];
            target[offset + 2 * i + 1] = (byte) (samples[i] >> 8);
        }
    }

    private short[] drain() {
        int capacity = (int) Math.max(0, (buffered - halfWidth - position) / step + 2);
        short[] out = new short[capacity];
        int produced = 0;
        int taps = 2 * halfWidth;
        while (produced < capacity) {
            int base = (int) position;
            if (base + halfWidth >= buffered) {
                break;
            }
            double fraction = position - base;
            float[] weights = kernel[(int) Math.round(fraction * PHASES)];
            int first = base - halfWidth + 1;
            float sum = 0f;
            for (int j = 0; j < taps; j++) {
                sum += buffer[first + j] * weights[j];
            }
            out[produced++] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sum)));
            position += step;
        }
        int keepFrom = Math.max(0, (int) position - halfWidth + 1);
        keepFrom = Math.min(keepFrom, buffered);
        System.arraycopy(buffer, keepFrom, buffer, 0, buffered - keepFrom);
        buffered -= keepFrom;
        position -= keepFrom;
        return produced == out.length ? out : Arrays.copyOf(out, produced);
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }

    private static float[][] kernel(int halfWidth, double cutoff) {
        float[][] table = new float[PHASES + 1][2 * halfWidth];
        for (int phase = 0; phase <= PHASES; phase++) {
            double fraction = (double) phase / PHASES;
            double total = 0;
            double[] row = new double[2 * halfWidth];
            for (int j = 0; j < row.length; j++) {
                double distance = (j - halfWidth + 1) - fraction;
                double x = distance * cutoff;
                double sinc = Math.abs(x) < 1e-9 ? 1.0 : Math.sin(Math.PI * x) / (Math.PI * x);
                double w = distance / halfWidth;
                double window = Math.abs(w) >= 1 ? 0 : 0.42 + 0.5 * Math.cos(Math.PI * w) + 0.08 * Math.cos(2 * Math.PI * w);
                row[j] = sinc * window;
                total += row[j];
            }
            for (int j = 0; j < row.length; j++) {
                table[phase][j] = (float) (row[j] / total);
            }
        }
        return table;
    }
}

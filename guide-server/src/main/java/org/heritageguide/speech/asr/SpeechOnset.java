package org.heritageguide.speech.asr;

/**
 * Tells, 20 ms frame after 20 ms frame of 16-bit audio, when it turns loud enough to be speech: a frame whose
 * level (RMS, in dBFS) is {@code aboveNoise} dB over the noise floor and at least {@code minimum}.
 *
 * <p>The threshold follows a noise floor rather than being one fixed level because visitors' rooms and
 * microphones differ by tens of dB: a level low enough to hear a quiet speaker in a still room is exceeded by
 * a busy gallery's hum, which would then be decoded as if it were words. The floor is the first frame's level,
 * then follows quieter frames at once and louder ones slowly, so that noise growing gradually (a crowd
 * arriving, a microphone's gain turning up in silence) stays noise, while words, which rise by tens of dB
 * within a syllable, do not. The minimum keeps a recording's near-digital silence (whose floor is far down)
 * from opening on a breath.
 */
final class SpeechOnset {

    private static final int FRAMES_PER_SECOND = 50;
    private static final double FLOOR_RISE_DB_PER_SECOND = 10;
    /** A frame of zeros counts as this, rather than minus infinity (one least significant bit is -90 dBFS). */
    private static final double SILENT_DBFS = -96;
    private static final double FULL_SCALE_SQUARED = 32768.0 * 32768.0;

    private final int frameSamples;
    private final double aboveNoise;
    private final double minimum;
    private double floor = Double.POSITIVE_INFINITY;
    private double sumOfSquares;
    private int samples;

    SpeechOnset(int sampleRate, double aboveNoise, double minimum) {
        this.frameSamples = Math.max(1, sampleRate / FRAMES_PER_SECOND);
        this.aboveNoise = aboveNoise;
        this.minimum = minimum;
    }

    /**
     * Adds the s16le samples of {@code [from, end)} (an even number of bytes) one after the other, stopping after
     * the first that ends a frame loud enough to be speech: returns the index just past that sample, or -1 when
     * none does (all were added).
     */
    int addUntilSpeech(byte[] s16le, int from, int end) {
        for (int i = from; i < end; i += 2) {
            double sample = (short) ((s16le[i] & 0xff) | (s16le[i + 1] << 8));
            sumOfSquares += sample * sample;
            if (++samples >= frameSamples && frameIsSpeech()) {
                return i + 2;
            }
        }
        return -1;
    }

    /** A frame is complete: its level, compared with the noise floor, which then follows it. */
    private boolean frameIsSpeech() {
        double level = Math.max(SILENT_DBFS, 10 * Math.log10(sumOfSquares / samples / FULL_SCALE_SQUARED));
        sumOfSquares = 0;
        samples = 0;
        boolean speech = level >= Math.max(floor + aboveNoise, minimum);
        floor = Math.min(level, floor + FLOOR_RISE_DB_PER_SECOND / FRAMES_PER_SECOND);
        return speech;
    }
}

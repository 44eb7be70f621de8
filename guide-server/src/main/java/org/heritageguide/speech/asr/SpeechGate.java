package org.heritageguide.speech.asr;

/**
 * Keeps audio that holds no speech from the recognizer it wraps: decoding silence costs CPU (over half of what
 * words cost, {@code scripts/bench silence}), which clients streaming silence would take from the visitors who
 * talk. Until a frame is loud enough to be speech ({@link SpeechOnset}), nothing is fed and only the last
 * {@code preRoll} of audio is kept; from that frame on, the kept audio and everything after are fed, until the
 * utterance ends. Silence therefore ends no utterance on its own: the caller's no-speech limit (counted on the
 * audio it received) does.
 */
final class SpeechGate implements RecognitionStream {

    private static final Heard NOTHING = new Heard("", false, false);

    private final RecognitionStream recognizer;
    private final int sampleRate;
    private final AsrSettings settings;
    private final byte[] preRoll;
    private int preRollEnd;
    private boolean preRollFull;
    private SpeechOnset onset;
    private boolean speaking;

    SpeechGate(RecognitionStream recognizer, int sampleRate, AsrSettings settings) {
        this.recognizer = recognizer;
        this.sampleRate = sampleRate;
        this.settings = settings;
        this.preRoll = new byte[(int) (settings.preRoll().toMillis() * sampleRate / 1000) * 2];
        this.onset = newOnset();
    }

    @Override
    public String language() {
        return recognizer.language();
    }

    @Override
    public Heard accept(byte[] s16le, int offset, int length) {
        if (speaking) {
            return heard(recognizer.accept(s16le, offset, length));
        }
        int end = offset + (length & ~1);
        for (int i = offset; i < end; i += 2) {
            keep(s16le[i], s16le[i + 1]);
            if (onset.add((short) ((s16le[i] & 0xff) | (s16le[i + 1] << 8)))) {
                speaking = true;
                byte[] fed = withPreRoll(s16le, i + 2, end);
                return heard(recognizer.accept(fed, 0, fed.length));
            }
        }
        return NOTHING;
    }

    @Override
    public String finish() {
        String text = recognizer.finish();
        listenForSpeech();
        return text;
    }

    @Override
    public void close() {
        recognizer.close();
    }

    private Heard heard(Heard heard) {
        if (heard.endOfUtterance()) {
            listenForSpeech();
        }
        return heard;
    }

    /** The next utterance is gated again, its noise floor learned anew. */
    private void listenForSpeech() {
        speaking = false;
        preRollEnd = 0;
        preRollFull = false;
        onset = newOnset();
    }

    private SpeechOnset newOnset() {
        return new SpeechOnset(sampleRate, settings.speechAboveNoise(), settings.speechMinLevel());
    }

    private void keep(byte low, byte high) {
        preRoll[preRollEnd] = low;
        preRoll[preRollEnd + 1] = high;
        preRollEnd += 2;
        if (preRollEnd == preRoll.length) {
            preRollEnd = 0;
            preRollFull = true;
        }
    }

    /** The audio kept, oldest first, then {@code s16le[from, end)}. */
    private byte[] withPreRoll(byte[] s16le, int from, int end) {
        int older = preRollFull ? preRoll.length - preRollEnd : 0;
        byte[] fed = new byte[older + preRollEnd + end - from];
        System.arraycopy(preRoll, preRollEnd, fed, 0, older);
        System.arraycopy(preRoll, 0, fed, older, preRollEnd);
        System.arraycopy(s16le, from, fed, older + preRollEnd, end - from);
        return fed;
    }
}

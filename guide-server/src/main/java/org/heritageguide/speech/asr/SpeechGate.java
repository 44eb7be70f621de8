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

    private static final Heard NOTHING = Heard.soFar("", false);

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
        // a frame of silence, as most are, is looked at once and kept with two array copies
        int end = offset + (length & ~1);
        int speech = onset.addUntilSpeech(s16le, offset, end);
        keep(s16le, offset, speech < 0 ? end : speech);
        if (speech < 0) {
            return NOTHING;
        }
        speaking = true;
        byte[] fed = withPreRoll(s16le, speech, end);
        return heard(recognizer.accept(fed, 0, fed.length));
    }

    @Override
    public Heard finish() {
        Heard heard = recognizer.finish();
        listenForSpeech();
        return heard;
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

    /** Keeps {@code s16le[from, end)} as the newest audio of the pre-roll (only its last {@code preRoll} if longer). */
    private void keep(byte[] s16le, int from, int end) {
        int length = end - from;
        if (length >= preRoll.length) {
            System.arraycopy(s16le, end - preRoll.length, preRoll, 0, preRoll.length);
            preRollEnd = 0;
            preRollFull = true;
            return;
        }
        int first = Math.min(length, preRoll.length - preRollEnd);
        System.arraycopy(s16le, from, preRoll, preRollEnd, first);
        System.arraycopy(s16le, from + first, preRoll, 0, length - first);
        preRollEnd += length;
        if (preRollEnd >= preRoll.length) {
            preRollEnd -= preRoll.length;
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

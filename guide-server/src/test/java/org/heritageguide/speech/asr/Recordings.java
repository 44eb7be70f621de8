package org.heritageguide.speech.asr;

import org.heritageguide.audio.Pcm;

/** Recorded audio fed to a recognizer as a client streams it, for the tests of the recognizer and its gate. */
public final class Recordings {

    private Recordings() {
    }

    /**
     * Feeds the audio in pieces of {@code pieceMillis} milliseconds, as a client sends it, and returns what was heard
     * of its first utterance: ended by a pause, else by {@link RecognitionStream#finish()} at the audio's end (a
     * question asked with push-to-talk).
     */
    public static Heard firstUtterance(RecognitionStream stream, Pcm audio, int pieceMillis) {
        byte[] samples = audio.samples();
        int piece = audio.sampleRate() * pieceMillis / 1000 * 2;
        for (int offset = 0; offset < samples.length; offset += piece) {
            Heard heard = stream.accept(samples, offset, Math.min(piece, samples.length - offset));
            if (heard.endOfUtterance()) {
                return heard;
            }
        }
        return stream.finish();
    }

    /**
     * Feeds the audio in pieces of {@code pieceMillis} milliseconds, as a client sends it, and returns the words
     * heard: each utterance's, then what {@link RecognitionStream#finish()} adds.
     */
    public static String heardInPieces(RecognitionStream stream, Pcm audio, int pieceMillis) {
        byte[] samples = audio.samples();
        int piece = audio.sampleRate() * pieceMillis / 1000 * 2;
        StringBuilder heard = new StringBuilder();
        for (int offset = 0; offset < samples.length; offset += piece) {
            Heard h = stream.accept(samples, offset, Math.min(piece, samples.length - offset));
            if (h.endOfUtterance()) {
                heard.append(h.text()).append(' ');
            }
        }
        return heard.append(stream.finish().text()).toString().trim();
    }
}

package org.heritageguide.speech.asr;

/**
 * One speaker's audio on its way to text, utterance after utterance. Not thread-safe: feed it from
 * one thread at a time. {@link #close()} gives the recognizer back for the next visitor.
 */
public interface RecognitionStream extends AutoCloseable {

    String language();

    /**
     * Feeds s16le mono audio at the stream's sample rate. Returns what has been heard of the current
     * utterance so far, with {@link Heard#endOfUtterance()} set when trailing silence ended it (the
     * stream then starts on the next utterance).
     */
    Heard accept(byte[] s16le, int offset, int length);

    /** Ends the current utterance now (push-to-talk released) and returns what was heard of it. */
    Heard finish();

    @Override
    void close();
}

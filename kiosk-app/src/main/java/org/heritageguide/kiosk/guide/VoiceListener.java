package org.heritageguide.kiosk.guide;

/** What the voice WebSocket tells the kiosk, in order. Called on the WebSocket's thread. */
public interface VoiceListener {

    /** The recognizer's guess so far. */
    void partial(String text);

    /** What the visitor said, final. */
    void transcript(String text);

    void answer(Answer answer);

    /** The answer's audio starts; {@link #audioBytes} follow with the bytes of a WAV stream. */
    void audioStart(String format);

    void audioBytes(byte[] bytes);

    void audioEnd();

    void error(String code, String message);

    /** The connection is gone: a problem to report if {@code failure} is not null. */
    void closed(Throwable failure);
}

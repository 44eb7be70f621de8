package org.heritageguide.kiosk.audio;

import javax.sound.sampled.AudioFormat;

/**
 * Where a visitor's voice comes from: the terminal's microphone, or a WAV file in a test. Delivers
 * signed 16-bit PCM at its own rate and channel count; {@link ToVoiceFormat} makes 16 kHz mono of it.
 */
public interface AudioSource extends AutoCloseable {

    AudioFormat format();

    /** Blocks until some audio is there; the number of bytes read, or -1 when the source has ended. */
    int read(byte[] buffer) throws java.io.IOException;

    @Override
    void close();

    /** Opens a fresh source each time the visitor presses the talk button. */
    @FunctionalInterface
    interface Factory {
        AudioSource open() throws AudioUnavailableException;
    }
}

package org.heritageguide.kiosk.audio;

import javax.sound.sampled.AudioFormat;

/** Where answers are heard: the terminal's speakers, or a recorder in a test. */
public interface AudioOutput {

    /** Opens for one answer in {@code format}. */
    void open(AudioFormat format) throws AudioUnavailableException;

    /** Plays PCM in the opened format; may block at the pace of playback. */
    void write(byte[] pcm, int offset, int length);

    /** The answer is complete: let it play out, then release the device. */
    void finish();

    /** Stop at once (the visitor spoke again, or left). Called from another thread than {@link #write}. */
    void cut();
}

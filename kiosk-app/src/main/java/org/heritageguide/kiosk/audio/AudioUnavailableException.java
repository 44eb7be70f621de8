package org.heritageguide.kiosk.audio;

/** No microphone or no speaker could be opened on this terminal. */
public class AudioUnavailableException extends Exception {

    public AudioUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

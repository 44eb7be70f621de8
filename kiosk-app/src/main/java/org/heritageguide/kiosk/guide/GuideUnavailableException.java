package org.heritageguide.kiosk.guide;

/** The server could not be reached, or answered that it cannot serve right now (5xx). */
public class GuideUnavailableException extends RuntimeException {

    public GuideUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

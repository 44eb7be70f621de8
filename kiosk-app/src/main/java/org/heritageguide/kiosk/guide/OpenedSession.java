package org.heritageguide.kiosk.guide;

/** A conversation the server opened for one visitor, and the guide's first words. */
public record OpenedSession(String id, String language, String greeting, String greetingAudioUrl) {
}

package org.heritageguide.speech.tts;

/**
 * A voice speaking one language.
 *
 * @param engine  {@code marytts} or {@code espeak-ng}
 * @param name    the engine's name for the voice ({@code cmu-slt-hsmm}, {@code vi}, ...)
 * @param version the engine's version: with the name, what makes audio differ
 */
public record Voice(String language, String engine, String name, String version) {

    /** Identifies what the audio of a text depends on, besides the text. */
    public String id() {
        return engine + ":" + name + ":" + version + ":" + SpokenText.VERSION;
    }

    @Override
    public String toString() {
        return engine + " " + name + " (" + version + ")";
    }
}

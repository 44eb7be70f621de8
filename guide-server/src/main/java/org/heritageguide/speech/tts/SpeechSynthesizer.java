package org.heritageguide.speech.tts;

import java.util.Optional;

import org.heritageguide.audio.Pcm;

/** Text to speech, per language. */
public interface SpeechSynthesizer {

    /** The voice that speaks a language here, or empty: that language gets text only. */
    Optional<Voice> voice(String language);

    /** Whether every engine is loaded. */
    boolean isReady();

    /**
     * Speaks {@code text} (one sentence or a few) in the language's voice, after reading numbers, times
     * and prices out as words.
     *
     * @throws IllegalArgumentException if the language has no voice
     */
    Pcm synthesize(String language, String text);
}

package org.heritageguide.speech.asr;

import java.util.Optional;
import java.util.Set;

import org.heritageguide.audio.Pcm;

/** Speech to text, per language, for live streams of audio. */
public interface SpeechRecognizer {

    /** The languages this recognizer has a model for (once loaded). */
    Set<String> languages();

    default boolean recognizes(String language) {
        return languages().contains(language);
    }

    /** Whether every model found at startup is loaded and warmed up. */
    boolean isReady();

    /**
     * A stream for one speaker, taking s16le mono audio at {@code sampleRate} (8 to 48 kHz); empty if
     * there is no model for the language. Close it to give its resources back.
     */
    Optional<RecognitionStream> open(String language, int sampleRate);

    /**
     * Has the configured number of recognizers of the language decode {@code speech} once, so that
     * visitors do not pay for a new recognizer's slow first utterance.
     */
    void warmUp(String language, Pcm speech);

    /** Where the model of a language came from, for the startup report; empty if there is none. */
    Optional<String> describe(String language);
}

package org.heritageguide.speech.tts;

import java.util.Optional;

import org.heritageguide.audio.Pcm;

/** One text-to-speech engine behind the {@link VoiceRouter}. */
interface VoiceEngine {

    /** As written in {@code guide.tts.voices}: {@code marytts}, {@code espeak-ng}. */
    String name();

    boolean isReady();

    /** The engine's voice for a language: the named one, or its best if {@code voiceName} is null. */
    Optional<Voice> voice(String language, String voiceName);

    /** Speaks text already rewritten for speaking ({@link SpokenText}). */
    Pcm speak(Voice voice, String text);
}

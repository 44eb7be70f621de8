package org.heritageguide.speech.asr;

import java.util.List;

/**
 * What a recognizer has heard of an utterance.
 *
 * @param text           the words so far (final when {@code endOfUtterance}), as heard likeliest
 * @param endOfUtterance whether the utterance ended (the speaker paused long enough, or it was finished)
 * @param changed        whether {@code text} differs from what the previous call returned
 * @param hearings       when the utterance ended with words, every way the recognizer heard it, likeliest first
 *                       ({@code text} the first, none repeated; see {@code guide.voice.asr.hearings}); else empty
 */
public record Heard(String text, boolean endOfUtterance, boolean changed, List<String> hearings) {

    public Heard {
        hearings = List.copyOf(hearings);
    }

    /** Words so far, the utterance not ended. */
    public static Heard soFar(String text, boolean changed) {
        return new Heard(text, false, changed, List.of());
    }

    /** The utterance ended, heard in these ways, likeliest first (none: no word heard). */
    public static Heard ended(List<String> hearings) {
        return new Heard(hearings.isEmpty() ? "" : hearings.get(0), true, true, hearings);
    }
}

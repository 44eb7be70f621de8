package org.heritageguide.speech.asr;

/**
 * What a recognizer has heard of an utterance.
 *
 * @param text           the words so far (final when {@code endOfUtterance})
 * @param endOfUtterance whether the speaker paused long enough to end the utterance
 * @param changed        whether {@code text} differs from what the previous call returned
 */
public record Heard(String text, boolean endOfUtterance, boolean changed) {
}

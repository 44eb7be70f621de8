package org.heritageguide.speech.asr;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Speech recognition settings ({@code guide.voice.asr.*}).
 *
 * @param warmRecognizers  recognizers per language warmed up (on speech of the language) before the
 *                         server reports ready: a new recognizer is several times slower on its first
 *                         utterance. Set it to the number of visitors expected to talk at once
 *                         ({@code maxIdleRecognizers} plus {@code spareRecognizers} at most are kept)
 * @param spareRecognizers idle warm recognizers kept ahead of demand: when visitors take them, more are
 *                         warmed up in the background
 * @param maxIdleRecognizers recognizers kept for reuse per language besides the spare ones; more are closed when
 *                         given back. At least {@code guide.voice.max-streams}, so that visitors who all stop at once
 *                         (clients told {@code no-speech} together) close none that their next questions would have
 *                         to create and warm up again
 * @param partialInterval  how often (of audio) a partial transcript is computed
 * @param speechGate       feed the recognizer only from where speech begins ({@link SpeechGate}): silence and
 *                         steady noise before it are not decoded, which would cost the CPU other visitors need
 * @param speechAboveNoise how many dB above the noise heard so far (in 20 ms frames) audio must rise to begin speech
 * @param speechMinLevel   and how loud it must be at least, in dBFS: quieter is silence whatever the noise
 * @param preRoll          the audio before that moment fed with it: a word's quiet beginning, and the lead-in
 *                         Vosk adapts to (with 300 or 500 ms, small-en heard a borderline word differently than
 *                         without the gate in 4 or 1 of 6 recorded questions; with 1 s, in none)
 * @param hearings         how many ways of hearing an utterance the recognizer gives (Vosk's alternatives), likeliest
 *                         first: the guide answers another than the likeliest where it declines that one and answers
 *                         the other surely (docs/benchmarks.md, "Other hearings"). 1: the likeliest only
 */
@Validated
@ConfigurationProperties("guide.voice.asr")
public record AsrSettings(
        @Min(0) @Max(256) @DefaultValue("2") int warmRecognizers,
        @Min(0) @Max(64) @DefaultValue("2") int spareRecognizers,
        @Min(1) @Max(256) @DefaultValue("16") int maxIdleRecognizers,
        @NotNull @DefaultValue("200ms") Duration partialInterval,
        @DefaultValue("true") boolean speechGate,
        @Min(0) @Max(60) @DefaultValue("10") double speechAboveNoise,
        @Min(-96) @Max(0) @DefaultValue("-50") double speechMinLevel,
        @NotNull @DurationMin(millis = 20) @DurationMax(seconds = 5) @DefaultValue("1s") Duration preRoll,
        @Min(1) @Max(20) @DefaultValue("5") int hearings) {
}

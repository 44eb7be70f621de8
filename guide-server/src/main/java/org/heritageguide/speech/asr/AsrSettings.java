package org.heritageguide.speech.asr;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Speech recognition settings ({@code guide.voice.asr.*}).
 *
 * @param warmRecognizers  recognizers per language warmed up (on speech of the language) before the
 *                         server reports ready: a new recognizer is several times slower on its first
 *                         utterance. Set it to the number of visitors expected to talk at once
 *                         ({@code maxIdleRecognizers} at most are kept)
 * @param spareRecognizers idle warm recognizers kept ahead of demand: when visitors take them, more are
 *                         warmed up in the background
 * @param maxIdleRecognizers recognizers kept for reuse per language; more are closed when given back
 * @param partialInterval  how often (of audio) a partial transcript is computed
 */
@Validated
@ConfigurationProperties("guide.voice.asr")
public record AsrSettings(
        @Min(0) @Max(256) @DefaultValue("2") int warmRecognizers,
        @Min(0) @Max(64) @DefaultValue("2") int spareRecognizers,
        @Min(1) @Max(256) @DefaultValue("16") int maxIdleRecognizers,
        @NotNull @DefaultValue("200ms") Duration partialInterval) {
}

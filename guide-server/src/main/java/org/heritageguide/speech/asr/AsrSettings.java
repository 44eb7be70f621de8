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
 * @param warmRecognizers  recognizers created and warmed up per language at startup (a new one is slow
 *                         on its first utterance)
 * @param maxIdleRecognizers recognizers kept for reuse per language; more are closed when given back
 * @param partialInterval  how often (of audio) a partial transcript is computed
 */
@Validated
@ConfigurationProperties("guide.voice.asr")
public record AsrSettings(
        @Min(0) @Max(64) @DefaultValue("2") int warmRecognizers,
        @Min(1) @Max(256) @DefaultValue("16") int maxIdleRecognizers,
        @NotNull @DefaultValue("200ms") Duration partialInterval) {
}

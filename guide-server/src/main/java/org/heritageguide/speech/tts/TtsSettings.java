package org.heritageguide.speech.tts;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Speech synthesis settings ({@code guide.tts.*}).
 *
 * @param voices         per language, {@code engine:voice} ({@code marytts:cmu-slt-hsmm}, {@code espeak-ng:vi})
 *                       or {@code none}; replaces the built-in choice (English by MaryTTS, every other
 *                       language by espeak-ng's voice for it)
 * @param espeakCommand  the espeak-ng program
 * @param espeakSpeed    espeak-ng's speed in words per minute (a guide speaks calmly)
 * @param maxSampleRate  audio above this rate (MaryTTS makes 48 kHz) is brought down to it
 * @param cacheMaxSize   the on-disk audio cache under {@code <data-dir>/audio}; the least recently used
 *                       audio goes first
 * @param prerender      render every published answer's audio ahead of time
 * @param timeout        longest a single synthesis may take
 */
@Validated
@ConfigurationProperties("guide.tts")
public record TtsSettings(
        Map<String, String> voices,
        @NotBlank @DefaultValue("espeak-ng") String espeakCommand,
        @Min(80) @Max(450) @DefaultValue("160") int espeakSpeed,
        @Min(8000) @Max(48000) @DefaultValue("24000") int maxSampleRate,
        @NotNull @DefaultValue("512MB") DataSize cacheMaxSize,
        @DefaultValue("true") boolean prerender,
        @NotNull @DefaultValue("30s") Duration timeout) {

    public TtsSettings {
        voices = voices == null ? Map.of() : Map.copyOf(voices);
    }
}

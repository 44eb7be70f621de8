package org.heritageguide.voice;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The voice WebSocket's limits ({@code guide.voice.*}).
 *
 * @param maxStreams      visitors talking at once on this instance; one more is told {@code busy}
 *                        (rather than everyone getting slower)
 * @param maxFrame        largest binary audio frame a client may send
 * @param maxUtterance    longest utterance; at this length the guide stops listening and answers
 * @param startTimeout    how long a new connection may take to send its {@code start}
 * @param idleTimeout     a connection with no message for this long is closed
 * @param audioFrame      audio sent to the client is cut into WAV frames of at most this much sound
 * @param audioLead       how far ahead of real time audio is sent: enough to play without gaps, little
 *                        enough that an interrupted answer is not sent in full
 */
@Validated
@ConfigurationProperties("guide.voice")
public record VoiceSettings(
        @Min(1) @Max(1024) @DefaultValue("16") int maxStreams,
        @NotNull @DefaultValue("64KB") DataSize maxFrame,
        @NotNull @DefaultValue("15s") Duration maxUtterance,
        @NotNull @DefaultValue("10s") Duration startTimeout,
        @NotNull @DefaultValue("2m") Duration idleTimeout,
        @NotNull @DefaultValue("500ms") Duration audioFrame,
        @NotNull @DefaultValue("1500ms") Duration audioLead) {
}

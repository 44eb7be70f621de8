package org.heritageguide.voice;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The voice WebSocket's limits ({@code guide.voice.*}).
 *
 * @param maxStreams      visitors talking at once on this instance; one more is told {@code busy}
 *                        (rather than everyone getting slower)
 * @param maxStreamsPerClient of those, at most this many from one client address: a school class behind
 *                        one address talks, one client cannot take every stream
 * @param maxFrame        largest binary audio frame a client may send
 * @param maxUtterance    longest question (audio received, or time since it began, whichever is more); at
 *                        this length the guide stops listening ({@code too-long}) and answers what it heard
 * @param noSpeechTimeout a question in which no word is heard in this much audio (or in twice this time, if the
 *                        client sends less audio than that) ends ({@code no-speech}) and gives its stream back
 * @param startTimeout    how long a new connection may take to send its {@code start}
 * @param idleTimeout     a connection with no question begun for this long (after the last answer was sent) is closed
 * @param allowedOrigins  web pages (origins such as {@code https://museum.example}) besides
 *                        {@code guide.public-base-url} and the guide's own address that may open the socket;
 *                        a request without {@code Origin} (not from a browser: a kiosk) is allowed
 * @param baselinePipeline allow {@code "pipeline":"baseline"}, the naive pipeline that costs the server more:
 *                        for {@code scripts/bench voice} only
 * @param audioFrame      audio sent to the client is cut into WAV frames of at most this much sound
 * @param audioLead       how far ahead of real time audio is sent: enough to play without gaps, little
 *                        enough that an interrupted answer is not sent in full
 */
@Validated
@ConfigurationProperties("guide.voice")
public record VoiceSettings(
        @Min(1) @Max(1024) @DefaultValue("16") int maxStreams,
        @Min(1) @Max(1024) @DefaultValue("8") int maxStreamsPerClient,
        @NotNull @DefaultValue("64KB") DataSize maxFrame,
        @NotNull @DefaultValue("15s") Duration maxUtterance,
        @NotNull @DefaultValue("5s") Duration noSpeechTimeout,
        @NotNull @DefaultValue("10s") Duration startTimeout,
        @NotNull @DefaultValue("1m") Duration idleTimeout,
        @NotNull @DefaultValue List<@Pattern(regexp = "https?://[^/\\s]+", message = "must be an origin such as https://museum.example") String> allowedOrigins,
        @DefaultValue("false") boolean baselinePipeline,
        @NotNull @DefaultValue("500ms") Duration audioFrame,
        @NotNull @DefaultValue("1500ms") Duration audioLead) {
}

package org.heritageguide.session;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param ttl        a session ends after this long without a turn (sliding)
 * @param maxHistory turns kept per session
 */
@Validated
@ConfigurationProperties("guide.sessions")
public record SessionSettings(
        @NotNull @DefaultValue("30m") Duration ttl,
        @Min(1) @Max(500) @DefaultValue("50") int maxHistory) {
}

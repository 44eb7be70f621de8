package org.heritageguide.redis;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param url            {@code redis://host:port} (optionally with a password); unset, the guide keeps
 *                       sessions in memory and needs no external service
 * @param commandTimeout how long one command may take before the request that needs it fails (503);
 *                       also the longest wait for a connection
 * @param reconnectDelay the longest pause between attempts to reach a Redis that went away
 */
@Validated
@ConfigurationProperties("guide.redis")
public record RedisSettings(
        URI url,
        @NotNull @DefaultValue("1s") Duration commandTimeout,
        @NotNull @DefaultValue("1s") Duration reconnectDelay) {
}

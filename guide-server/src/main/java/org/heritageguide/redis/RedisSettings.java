package org.heritageguide.redis;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param url {@code redis://host:port} (optionally with a password); unset, the guide keeps sessions in
 *            memory and needs no external service
 */
@ConfigurationProperties("guide.redis")
public record RedisSettings(URI url) {
}

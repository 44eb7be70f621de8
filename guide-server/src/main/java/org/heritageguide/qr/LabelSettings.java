package org.heritageguide.qr;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret the key QR label signatures are made with; unset, one is generated on first start and
 *               kept in the data directory. Changing it invalidates every printed label.
 */
@ConfigurationProperties("guide.labels")
public record LabelSettings(String secret) {
}

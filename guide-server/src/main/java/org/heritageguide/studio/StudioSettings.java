package org.heritageguide.studio;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The curator studio's settings ({@code guide.studio.*}).
 *
 * @param revisionsDir       the Git repository of every content revision; default {@code <data-dir>/revisions}
 * @param diskPollInterval   how often the content directory is checked for files changed by hand
 * @param secureCookies      send the studio's session and CSRF cookies only over HTTPS (browsers accept
 *                           them on {@code http://localhost} too); turn off only behind a trusted plain-HTTP network
 * @param loginAttempts      failed logins allowed per user and address before they must wait
 * @param loginLockout       how long they wait
 */
@ConfigurationProperties("guide.studio")
record StudioSettings(
        Path revisionsDir,
        @DefaultValue("2s") Duration diskPollInterval,
        @DefaultValue("true") boolean secureCookies,
        @DefaultValue("5") int loginAttempts,
        @DefaultValue("5m") Duration loginLockout) {
}

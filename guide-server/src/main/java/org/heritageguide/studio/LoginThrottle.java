package org.heritageguide.studio;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code loginAttempts} failures for one user from one address
 * (or four times as many from one address, whatever the user), further attempts are refused until the
 * lockout has passed. A success clears the user's count.
 */
@Component
class LoginThrottle {

    private record Failures(int count, Instant first) {
    }

    private final int attempts;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    @Autowired
    LoginThrottle(StudioSettings settings) {
        this(settings.loginAttempts(), settings.loginLockout(), Clock.systemUTC());
    }

    LoginThrottle(int attempts, Duration lockout, Clock clock) {
        this.attempts = attempts;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** Seconds to wait before trying again, or 0 when an attempt is allowed now. */
    long waitSeconds(String username, String address) {
        return Math.max(wait(userKey(username, address), attempts), wait(address, attempts * 4));
    }

    void failed(String username, String address) {
        count(userKey(username, address));
        count(address);
        if (failures.size() > 100_000) {
            Instant now = clock.instant();
            failures.values().removeIf(f -> f.first().plus(lockout).isBefore(now));
        }
    }

    void succeeded(String username, String address) {
        failures.remove(userKey(username, address));
    }

    private long wait(String key, int limit) {
        Failures f = failures.get(key);
        if (f == null || f.count() < limit) {
            return 0;
        }
        long seconds = Duration.between(clock.instant(), f.first().plus(lockout)).toSeconds();
        if (seconds <= 0) {
            failures.remove(key, f);
            return 0;
        }
        return seconds;
    }

    private void count(String key) {
        Instant now = clock.instant();
        failures.merge(key, new Failures(1, now), (old, one) -> old.first().plus(lockout).isBefore(now)
                ? one : new Failures(old.count() + 1, old.first()));
    }

    private static String userKey(String username, String address) {
        return (username == null ? "" : username.toLowerCase(java.util.Locale.ROOT)) + "@" + address;
    }
}

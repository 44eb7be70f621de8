package org.heritageguide.studio;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code loginAttempts} failures for one account from one client
 * address (or four times as many from one client address, whatever the accounts), further attempts are
 * refused until the lockout has passed. A success clears the account's count. The address is the
 * client's own (behind a trusted proxy, the one it forwarded), so one client's guesses never lock out
 * the curators of another. Failures and lockouts are logged with the account and the address.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

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
        return Math.max(wait(accountKey(username, address), attempts), wait(address, attempts * 4));
    }

    void failed(String username, String address) {
        String account = printable(username);
        log.warn("Studio login failed: account '{}' from {}", account, address);
        if (count(accountKey(username, address)) == attempts) {
            log.warn("Studio login locked for {}: account '{}' from {} ({} failed attempts)", lockout, account, address, attempts);
        }
        if (count(address) == attempts * 4) {
            log.warn("Studio login locked for {}: every account from {} ({} failed attempts, the last for account '{}')",
                    lockout, address, attempts * 4, account);
        }
        if (failures.size() > 100_000) {
            Instant now = clock.instant();
            failures.values().removeIf(f -> f.first().plus(lockout).isBefore(now));
        }
    }

    void succeeded(String username, String address) {
        failures.remove(accountKey(username, address));
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

    /** Counts a failure; returns how many there are now within the lockout. */
    private int count(String key) {
        Instant now = clock.instant();
        return failures.merge(key, new Failures(1, now), (old, one) -> old.first().plus(lockout).isBefore(now)
                ? one : new Failures(old.count() + 1, old.first())).count();
    }

    private static String accountKey(String username, String address) {
        return (username == null ? "" : username.toLowerCase(Locale.ROOT)) + "@" + address;
    }

    /** An account name as typed, safe for one log line: no control characters, not too long. */
    private static String printable(String username) {
        if (username == null) {
            return "";
        }
        String clean = username.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }
}

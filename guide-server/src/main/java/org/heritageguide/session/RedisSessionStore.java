package org.heritageguide.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

import org.heritageguide.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions in Redis, as JSON under {@code guide:session:<id>} with a sliding expiry, so that any
 * guide-server instance can serve a visitor's next turn. An update is a compare-and-set (a Lua script
 * that writes only if the session is still the one the change was applied to, else the change is applied
 * again to what is there now), so concurrent turns on one session, from any instance, all stay in it.
 */
class RedisSessionStore implements SessionStore {

    private static final Logger log = LoggerFactory.getLogger(RedisSessionStore.class);
    private static final String PREFIX = "guide:session:";
    /** 1: written; 0: the session changed since it was read; -1: it is gone. */
    private static final RedisScript<Long> COMPARE_AND_SET = RedisScript.of("""
            local current = redis.call('GET', KEYS[1])
            if not current then return -1 end
            if redis.sha1hex(current) ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 1
            """, Long.class);
    /** Each retry follows another instance's successful write, so a few dozen cover any real crowd. */
    private static final int MAX_ATTEMPTS = 64;

    private final ReactiveStringRedisTemplate redis;
    private final SessionSettings settings;
    private final JsonMapper json;

    RedisSessionStore(ReactiveStringRedisTemplate redis, SessionSettings settings, JsonMapper json) {
        this.redis = redis;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public Mono<VisitorSession> find(String id) {
        return redis.opsForValue().getAndExpire(PREFIX + id, settings.ttl())
                .map(text -> json.readValue(text, VisitorSession.class))
                .onErrorMap(DataAccessException.class, RedisSessionStore::unavailable);
    }

    @Override
    public Mono<VisitorSession> save(VisitorSession session) {
        return redis.opsForValue().set(PREFIX + session.id(), json.writeValueAsString(session), settings.ttl())
                .thenReturn(session)
                .onErrorMap(DataAccessException.class, RedisSessionStore::unavailable);
    }

    @Override
    public Mono<VisitorSession> update(String id, UnaryOperator<VisitorSession> change) {
        String key = PREFIX + id;
        return redis.opsForValue().get(key)
                .flatMap(stored -> {
                    VisitorSession next = change.apply(json.readValue(stored, VisitorSession.class));
                    return redis.execute(COMPARE_AND_SET, List.of(key),
                                    List.of(sha1(stored), json.writeValueAsString(next), String.valueOf(settings.ttl().toMillis())))
                            .next()
                            .flatMap(result -> result == 1 ? Mono.just(next)
                                    : result == 0 ? Mono.error(new ChangedMeanwhile()) : Mono.empty());
                })
                .retryWhen(Retry.backoff(MAX_ATTEMPTS, Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(20))
                        .filter(ChangedMeanwhile.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> {
                            log.warn("Session {} changed {} times while one update was applied; giving up", id, MAX_ATTEMPTS);
                            return ApiException.unavailable("sessions-busy",
                                    "This conversation is changing too fast to keep up. Try again in a moment.");
                        }))
                .onErrorMap(DataAccessException.class, RedisSessionStore::unavailable);
    }

    @Override
    public Mono<Void> delete(String id) {
        return redis.delete(PREFIX + id).then()
                .onErrorMap(DataAccessException.class, RedisSessionStore::unavailable);
    }

    private static ApiException unavailable(DataAccessException cause) {
        log.warn("Sessions: Redis cannot be reached: {}", cause.getMessage());
        return ApiException.unavailable("sessions-unavailable",
                "The guide cannot keep conversations right now. Please try again in a minute.");
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The session was changed by someone else between reading it and writing it back. */
    private static final class ChangedMeanwhile extends RuntimeException {
        ChangedMeanwhile() {
            super(null, null, false, false);
        }
    }
}

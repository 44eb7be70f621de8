package org.heritageguide.session;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions in Redis, as JSON under {@code guide:session:<id>} with a sliding expiry, so that any
 * guide-server instance can serve a visitor's next turn.
 */
class RedisSessionStore implements SessionStore {

    private static final String PREFIX = "guide:session:";

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
                .map(text -> json.readValue(text, VisitorSession.class));
    }

    @Override
    public Mono<VisitorSession> save(VisitorSession session) {
        return redis.opsForValue().set(PREFIX + session.id(), json.writeValueAsString(session), settings.ttl())
                .thenReturn(session);
    }

    @Override
    public Mono<Void> delete(String id) {
        return redis.delete(PREFIX + id).then();
    }
}

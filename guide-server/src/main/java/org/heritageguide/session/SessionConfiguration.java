package org.heritageguide.session;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/** Picks the session store: Redis when {@code guide.redis.url} is set, else memory. */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

    @Bean
    SessionStore sessionStore(SessionSettings settings, ObjectProvider<ReactiveStringRedisTemplate> redis,
                              ObjectProvider<Clock> clock) {
        ReactiveStringRedisTemplate template = redis.getIfAvailable();
        if (template != null) {
            log.info("Visitor sessions are kept in Redis (time to live {})", settings.ttl());
            return new RedisSessionStore(template, settings, JsonMapper.shared());
        }
        log.info("Visitor sessions are kept in memory (time to live {})", settings.ttl());
        return new InMemorySessionStore(settings, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean(destroyMethod = "dispose")
    Disposable expiredSessionSweeper(SessionStore store) {
        if (store instanceof InMemorySessionStore memory) {
            return Flux.interval(Duration.ofMinutes(1)).subscribe(tick -> memory.evictExpired());
        }
        return () -> { };
    }
}

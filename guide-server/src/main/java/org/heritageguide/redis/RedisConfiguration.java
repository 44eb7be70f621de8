package org.heritageguide.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.health.DataRedisReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Connects to Redis only when {@code guide.redis.url} is set. Redis is a dependency the guide can lose:
 * while it is away every command fails within {@code guide.redis.command-timeout} (commands are refused
 * at once while the connection is down, never queued), the {@code redis} health check says DOWN, and
 * the connection comes back by itself when Redis does.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("guide.redis.url")
class RedisConfiguration {

    @Bean(destroyMethod = "shutdown")
    ClientResources redisClientResources(RedisSettings settings) {
        return ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), settings.reconnectDelay(), 2, TimeUnit.MILLISECONDS))
                .build();
    }

    @Bean
    LettuceConnectionFactory redisConnectionFactory(RedisSettings settings, ClientResources resources) {
        var uri = settings.url();
        var config = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort());
        String userInfo = uri.getUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            config.setPassword(userInfo.contains(":") ? userInfo.substring(userInfo.indexOf(':') + 1) : userInfo);
        }
        var client = LettuceClientConfiguration.builder()
                .clientResources(resources)
                .commandTimeout(settings.commandTimeout())
                .clientOptions(ClientOptions.builder()
                        .autoReconnect(true)
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .socketOptions(SocketOptions.builder().connectTimeout(settings.commandTimeout()).build())
                        .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
                        // what follows a reply (a session's JSON read, changed, written back) runs off the
                        // connection's I/O threads, which then only carry commands and replies
                        .publishOnScheduler(true)
                        .build())
                .build();
        return new LettuceConnectionFactory(config, client);
    }

    @Bean
    ReactiveStringRedisTemplate reactiveStringRedisTemplate(LettuceConnectionFactory factory) {
        return new ReactiveStringRedisTemplate(factory);
    }

    /** {@code redis} in {@code /actuator/health} and in the readiness group. */
    @Bean
    DataRedisReactiveHealthIndicator redisHealthIndicator(LettuceConnectionFactory factory) {
        return new DataRedisReactiveHealthIndicator(factory);
    }
}

package org.heritageguide.redis;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Connects to Redis only when {@code guide.redis.url} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("guide.redis.url")
class RedisConfiguration {

    @Bean
    LettuceConnectionFactory redisConnectionFactory(RedisSettings settings) {
        var uri = settings.url();
        var config = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort());
        String userInfo = uri.getUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            config.setPassword(userInfo.contains(":") ? userInfo.substring(userInfo.indexOf(':') + 1) : userInfo);
        }
        return new LettuceConnectionFactory(config);
    }

    @Bean
    ReactiveStringRedisTemplate reactiveStringRedisTemplate(LettuceConnectionFactory factory) {
        return new ReactiveStringRedisTemplate(factory);
    }
}

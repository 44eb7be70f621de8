package org.heritageguide.redis;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Lets tests of other packages start the (package-private) Redis configuration. */
public final class RedisConnectionTestAccess {

    private RedisConnectionTestAccess() {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RedisSettings.class)
    @Import(RedisConfiguration.class)
    static class WithSettings {
    }

    public static Class<?> configuration() {
        return WithSettings.class;
    }
}

package org.heritageguide.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.heritageguide.redis.RedisConnectionTestAccess;
import org.heritageguide.testing.RedisServerProcess;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** The operator's choice: memory by default, the real Redis when guide.redis.url is set. */
class SessionStoreSelectionTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SessionSettings.class)
    static class Sessions {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Sessions.class, SessionConfiguration.class, RedisConnectionTestAccess.configuration());

    @Test
    void withoutARedisUrlSessionsAreKeptInMemory() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(ReactiveStringRedisTemplate.class);
            assertThat(context.getBean(SessionStore.class)).isInstanceOf(InMemorySessionStore.class);
        });
    }

    @Test
    void withARedisUrlSessionsAreKeptInThatRedis() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start()) {
            runner.withPropertyValues("guide.redis.url=" + redis.url()).run(context -> {
                SessionStore store = context.getBean(SessionStore.class);
                assertThat(store).isInstanceOf(RedisSessionStore.class);
                store.save(VisitorSession.builder("sel-1").site("van-mieu").language("en").openedAt(Instant.now()).build()).block();
                assertThat(context.getBean(ReactiveStringRedisTemplate.class).hasKey("guide:session:sel-1").block()).isTrue();
            });
        }
    }
}

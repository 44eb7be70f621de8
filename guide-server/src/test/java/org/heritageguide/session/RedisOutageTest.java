package org.heritageguide.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.heritageguide.redis.RedisConnectionTestAccess;
import org.heritageguide.testing.RedisServerProcess;
import org.heritageguide.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The Redis connection as configured, against a real redis-server that is killed and started again:
 * every call fails within about a second with a 503, the health check says DOWN, and the same
 * connection serves again once Redis is back, with no restart.
 */
class RedisOutageTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SessionSettings.class)
    static class Sessions {
    }

    @Test
    void aLostRedisFailsFastIsReportedDownAndIsUsedAgainWhenBack() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.startDurable()) {
            new ApplicationContextRunner()
                    .withUserConfiguration(Sessions.class, SessionConfiguration.class, RedisConnectionTestAccess.configuration())
                    .withPropertyValues("guide.redis.url=" + redis.url())
                    .run(context -> {
                        SessionStore store = context.getBean(SessionStore.class);
                        ReactiveHealthIndicator health = context.getBean("redisHealthIndicator", ReactiveHealthIndicator.class);
                        store.save(VisitorSession.builder("out-1").site("van-mieu").language("en").openedAt(Instant.now()).build()).block();
                        assertThat(health.health().block().getStatus()).isEqualTo(Status.UP);

                        redis.kill();

                        for (var call : List.of(store.find("out-1"), store.save(InMemorySessionStoreTest.session("out-2")),
                                store.update("out-1", session -> session.withLanguage("vi")))) {
                            long start = System.nanoTime();
                            Throwable failure = catchThrowable(() -> call.block(Duration.ofSeconds(10)));
                            long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
                            assertThat(failure).isInstanceOf(ApiException.class);
                            assertThat(((ApiException) failure).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                            assertThat(((ApiException) failure).code()).isEqualTo("sessions-unavailable");
                            assertThat(ms).as("failed after %d ms", ms).isLessThan(2000);
                        }
                        assertThat(health.health().block(Duration.ofSeconds(5)).getStatus()).isEqualTo(Status.DOWN);

                        redis.restart();

                        VisitorSession back = null;
                        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                        while (back == null && System.nanoTime() < deadline) {
                            try {
                                back = store.find("out-1").block();
                            } catch (ApiException stillAway) {
                                Thread.sleep(50);
                            }
                        }
                        assertThat(back).as("what was acknowledged before the crash").isNotNull();
                        assertThat(store.update("out-1", session -> session.withLanguage("vi")).block().language()).isEqualTo("vi");
                        assertThat(health.health().block(Duration.ofSeconds(5)).getStatus()).isEqualTo(Status.UP);
                    });
        }
    }
}

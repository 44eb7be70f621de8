package org.heritageguide.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.heritageguide.testing.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/** Against a real redis-server process. */
class RedisSessionStoreTest {

    private static RedisServerProcess redis;
    private static LettuceConnectionFactory connection;
    private static ReactiveStringRedisTemplate template;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServerProcess.start();
        connection = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
        connection.afterPropertiesSet();
        connection.start();
        template = new ReactiveStringRedisTemplate(connection);
    }

    @AfterAll
    static void stopRedis() {
        connection.destroy();
        redis.close();
    }

    @Test
    void aSessionSurvivesTheRoundTripWithItsHistoryAndContext() {
        var store = new RedisSessionStore(template, new SessionSettings(Duration.ofMinutes(30), 50), JsonMapper.shared());
        Instant now = Instant.parse("2026-11-25T08:00:00Z");
        var session = VisitorSession.builder("r1").site("van-mieu").language("vi").openedAt(now).build()
                .withExhibit("khue-van-cac")
                .withTurn(new VisitorSession.Turn("Khuê Văn Các xây năm nào?", "Năm 1805.", "vi", true,
                        List.of("exhibit:khue-van-cac"), "voice", now), 50)
                .withExhibit("thien-quang-tinh");

        store.save(session).block();
        VisitorSession read = store.find("r1").block();

        assertThat(read).isEqualTo(session);
        assertThat(read.exhibitsVisited()).containsExactly("khue-van-cac", "thien-quang-tinh");
        assertThat(read.history()).singleElement().extracting(VisitorSession.Turn::question).isEqualTo("Khuê Văn Các xây năm nào?");
    }

    @Test
    void everyReadStartsTheTimeToLiveAgain() {
        var store = new RedisSessionStore(template, new SessionSettings(Duration.ofMinutes(30), 50), JsonMapper.shared());
        store.save(InMemorySessionStoreTest.session("r2")).block();
        template.expire("guide:session:r2", Duration.ofSeconds(5)).block();

        assertThat(store.find("r2").block()).isNotNull();

        assertThat(template.getExpire("guide:session:r2").block()).isGreaterThan(Duration.ofMinutes(29));
    }

    @Test
    void aSessionEndsWhenItsTimeToLiveRunsOut() throws InterruptedException {
        var store = new RedisSessionStore(template, new SessionSettings(Duration.ofSeconds(1), 50), JsonMapper.shared());
        store.save(InMemorySessionStoreTest.session("r4")).block();
        assertThat(template.getExpire("guide:session:r4").block()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));

        // watched without reading the session, which would start its time again
        Instant deadline = Instant.now().plusSeconds(10);
        while (template.hasKey("guide:session:r4").block() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }

        assertThat(store.find("r4").block()).isNull();
    }

    @Test
    void twentyUpdatesAtOnceFromTwoConnectionsAreAllKept() throws Exception {
        LettuceConnectionFactory other = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
        other.afterPropertiesSet();
        other.start();
        try {
            var settings = new SessionSettings(Duration.ofMinutes(30), 50);
            var one = new RedisSessionStore(template, settings, JsonMapper.shared());
            var two = new RedisSessionStore(new ReactiveStringRedisTemplate(other), settings, JsonMapper.shared());
            one.save(InMemorySessionStoreTest.session("r5")).block();

            var updates = IntStream.range(0, 20)
                    .mapToObj(i -> (i % 2 == 0 ? one : two).update("r5", session -> session.withTurn(turn("question " + i), 50))
                            .subscribeOn(Schedulers.parallel()))
                    .toList();
            Flux.merge(updates).blockLast(Duration.ofSeconds(30));

            assertThat(one.find("r5").block().history()).extracting(VisitorSession.Turn::question)
                    .hasSize(20)
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 20).mapToObj(i -> "question " + i).toList());
        } finally {
            other.destroy();
        }
    }

    @Test
    void anUpdateOfAnUnknownSessionIsEmpty() {
        var store = new RedisSessionStore(template, new SessionSettings(Duration.ofMinutes(30), 50), JsonMapper.shared());
        assertThat(store.update("never-made", session -> session.withTurn(turn("lost?"), 50)).block()).isNull();
        assertThat(template.hasKey("guide:session:never-made").block()).isFalse();
    }

    static VisitorSession.Turn turn(String question) {
        return new VisitorSession.Turn(question, "An answer.", "en", true, List.of(), "text", Instant.parse("2026-11-25T08:00:00Z"));
    }

    @Test
    void anUnknownSessionIsEmptyAndDeleteForgetsOne() {
        var store = new RedisSessionStore(template, new SessionSettings(Duration.ofMinutes(30), 50), JsonMapper.shared());
        assertThat(store.find("never-made").block()).isNull();
        store.save(InMemorySessionStoreTest.session("r3")).block();
        store.delete("r3").block();
        assertThat(store.find("r3").block()).isNull();
    }
}

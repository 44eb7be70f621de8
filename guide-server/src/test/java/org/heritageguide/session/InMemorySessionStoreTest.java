package org.heritageguide.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class InMemorySessionStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
    private final InMemorySessionStore store = new InMemorySessionStore(new SessionSettings(Duration.ofMinutes(30), 50), clock);

    @Test
    void aSessionLivesThirtyMinutesAfterItsLastUse() {
        store.save(session("a")).block();

        clock.advance(Duration.ofMinutes(29));
        assertThat(store.find("a").block()).isNotNull();
        clock.advance(Duration.ofMinutes(29));
        assertThat(store.find("a").block()).as("sliding: the find above started the 30 minutes again").isNotNull();
        clock.advance(Duration.ofMinutes(31));
        assertThat(store.find("a").block()).isNull();
    }

    @Test
    void expiredSessionsAreEvictedFromMemory() {
        store.save(session("a")).block();
        store.save(session("b")).block();
        clock.advance(Duration.ofMinutes(20));
        store.find("b").block();
        clock.advance(Duration.ofMinutes(15));

        assertThat(store.evictExpired()).isEqualTo(1);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void updatesAtOnceAreAllKeptAndAnUnknownSessionIsNotMade() {
        store.save(session("a")).block();

        IntStream.range(0, 20).parallel().forEach(i ->
                store.update("a", s -> s.withTurn(RedisSessionStoreTest.turn("question " + i), 50)).block());

        assertThat(store.find("a").block().history()).hasSize(20);
        assertThat(store.update("b", s -> s.withTurn(RedisSessionStoreTest.turn("lost?"), 50)).block()).isNull();
        assertThat(store.size()).isEqualTo(1);
    }

    static VisitorSession session(String id) {
        Instant now = Instant.parse("2026-11-25T08:00:00Z");
        return VisitorSession.builder(id).site("van-mieu").language("en").openedAt(now).build().withExhibit("khue-van-cac");
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

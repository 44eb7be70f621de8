package org.heritageguide.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import reactor.core.publisher.Mono;

/** Sessions in this process's memory: the default, for one instance with no external service. */
class InMemorySessionStore implements SessionStore {

    private record Entry(VisitorSession session, Instant expiresAt) {
    }

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final SessionSettings settings;
    private final Clock clock;

    InMemorySessionStore(SessionSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Mono<VisitorSession> find(String id) {
        return Mono.fromSupplier(() -> {
            Instant now = clock.instant();
            Entry entry = sessions.computeIfPresent(id, (key, current) -> current.expiresAt.isAfter(now)
                    ? new Entry(current.session, now.plus(settings.ttl()))
                    : null);
            return entry == null ? null : entry.session;
        });
    }

    @Override
    public Mono<VisitorSession> save(VisitorSession session) {
        return Mono.fromSupplier(() -> {
            sessions.put(session.id(), new Entry(session, clock.instant().plus(settings.ttl())));
            return session;
        });
    }

    @Override
    public Mono<VisitorSession> update(String id, UnaryOperator<VisitorSession> change) {
        return Mono.fromSupplier(() -> {
            Instant now = clock.instant();
            Entry entry = sessions.computeIfPresent(id, (key, current) -> current.expiresAt.isAfter(now)
                    ? new Entry(change.apply(current.session), now.plus(settings.ttl()))
                    : null);
            return entry == null ? null : entry.session;
        });
    }

    @Override
    public Mono<Void> delete(String id) {
        return Mono.fromRunnable(() -> sessions.remove(id));
    }

    /** Forgets expired sessions; called periodically so that memory does not grow with past visitors. */
    int evictExpired() {
        Instant now = clock.instant();
        int before = sessions.size();
        sessions.values().removeIf(entry -> !entry.expiresAt.isAfter(now));
        return before - sessions.size();
    }

    int size() {
        return sessions.size();
    }
}

package org.heritageguide.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.function.UnaryOperator;

import org.heritageguide.web.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** Opens, finds and keeps visitor sessions. Ids are random and unguessable. */
@Service
public class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionStore store;
    private final SessionSettings settings;
    private final Clock clock;

    Sessions(SessionStore store, SessionSettings settings, ObjectProvider<Clock> clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public Mono<VisitorSession> open(String site, String exhibit, String language) {
        var session = VisitorSession.builder(newId()).site(site).language(language).openedAt(clock.instant()).build()
                .withExhibit(exhibit);
        return store.save(session);
    }

    /** The session, or a 404 {@code session-not-found} error if it does not exist or has expired. */
    public Mono<VisitorSession> get(String id) {
        return store.find(id).switchIfEmpty(Mono.error(Sessions::notFound));
    }

    /**
     * Changes the session as it is stored now (not as it was read earlier), atomically, so that changes
     * made at the same time (two turns, a turn and a scan) are all kept. {@code change} may run more than
     * once. A 404 {@code session-not-found} error if the session does not exist or has expired.
     */
    public Mono<VisitorSession> update(String id, UnaryOperator<VisitorSession> change) {
        return store.update(id, current -> change.apply(current).seenAt(clock.instant()))
                .switchIfEmpty(Mono.error(Sessions::notFound));
    }

    private static ApiException notFound() {
        return ApiException.notFound("session-not-found", "This conversation has ended or does not exist. Start a new one.");
    }

    public int maxHistory() {
        return settings.maxHistory();
    }

    private static String newId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

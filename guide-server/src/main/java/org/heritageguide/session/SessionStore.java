package org.heritageguide.session;

import java.util.function.UnaryOperator;

import reactor.core.publisher.Mono;

/**
 * Where visitor sessions live between turns. Sessions expire after a sliding time to live: every
 * {@link #find}, {@link #save} and {@link #update} starts it again. A store that cannot be reached fails
 * within about a second with a 503 {@code sessions-unavailable} {@link org.heritageguide.web.ApiException},
 * never a hang.
 */
public interface SessionStore {

    /** The session, or empty if it never existed or has expired. */
    Mono<VisitorSession> find(String id);

    Mono<VisitorSession> save(VisitorSession session);

    /**
     * Applies {@code change} to the session as it is stored now, atomically: two updates of one session
     * at the same time both take effect, neither overwrites the other (the change may run more than once,
     * so it must be a pure function of the session it is given). Empty if the session does not exist.
     */
    Mono<VisitorSession> update(String id, UnaryOperator<VisitorSession> change);

    Mono<Void> delete(String id);
}

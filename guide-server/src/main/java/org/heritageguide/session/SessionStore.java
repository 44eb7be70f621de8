package org.heritageguide.session;

import reactor.core.publisher.Mono;

/**
 * Where visitor sessions live between turns. Sessions expire after a sliding time to live: every
 * {@link #find} and {@link #save} starts it again.
 */
public interface SessionStore {

    /** The session, or empty if it never existed or has expired. */
    Mono<VisitorSession> find(String id);

    Mono<VisitorSession> save(VisitorSession session);

    Mono<Void> delete(String id);
}

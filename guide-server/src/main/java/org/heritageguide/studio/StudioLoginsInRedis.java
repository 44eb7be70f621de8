package org.heritageguide.studio;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.data.redis.config.annotation.web.server.EnableRedisWebSession;

/**
 * With {@code guide.redis.url}, the studio's login sessions are kept in Redis (Spring Session) instead
 * of one instance's memory, so that behind a round-robin balancer every instance knows every curator
 * logged in. The session cookie stays the one {@link StudioSecurity} sets.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("guide.redis.url")
@EnableRedisWebSession(redisNamespace = "guide:studio-sessions")
class StudioLoginsInRedis {
}

package org.heritageguide.studio;

import org.heritageguide.web.ApiException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.session.data.redis.config.annotation.web.server.EnableRedisWebSession;
import org.springframework.web.server.WebFilter;

import io.lettuce.core.RedisException;

/**
 * With {@code guide.redis.url}, the studio's login sessions are kept in Redis (Spring Session) instead
 * of one instance's memory, so that behind a round-robin balancer every instance knows every curator
 * logged in. The session cookie stays the one {@link StudioSecurity} sets.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("guide.redis.url")
@EnableRedisWebSession(redisNamespace = "guide:studio-sessions")
class StudioLoginsInRedis {

    /**
     * While Redis is away a curator's login cannot be read or kept: 503 {@code studio-unavailable}, within the
     * Redis command timeout, rather than a 500. The login is read in the security filters and kept as the
     * answer is written, so this wraps every filter; visitor sessions answer their own 503
     * ({@code sessions-unavailable}) and never fail so.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebFilter studioLoginsUnavailable() {
        // Spring Session's reads come as Spring's DataAccessException, or as the Lettuce driver's own RedisException
        // ("Currently not connected. Commands are rejected.") where it does not translate them
        return (exchange, chain) -> chain.filter(exchange).onErrorMap(
                failure -> failure instanceof DataAccessException || failure instanceof RedisException, failure -> ApiException.unavailable(
                "studio-unavailable", "The studio cannot read logins just now (its store is unreachable); please try again in a moment."));
    }
}

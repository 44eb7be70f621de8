package org.heritageguide.studio;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** The visitor side is public; the studio and its API need a curator's or an admin's login. */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class StudioSecurity {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/studio/**", "/api/v1/studio/**").authenticated()
                        .anyExchange().permitAll())
                .httpBasic(Customizer.withDefaults())
                .formLogin(Customizer.withDefaults())
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(
                        org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers("/studio/**")))
                .build();
    }
}

package org.heritageguide.studio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Predicate;

import org.heritageguide.web.ApiError;
import org.heritageguide.web.ClientAddresses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

import reactor.core.publisher.Mono;

/**
 * The visitor side is public; the studio and its API need a curator's or an admin's login (the metrics
 * at {@code /actuator/prometheus} an admin's, HTTP Basic for scrapers): a form
 * login with a session for the web UI (CSRF-protected), HTTP Basic for operators' scripts. Who may
 * touch a site is decided in ONE place, {@link #siteAccess}, over every path under
 * {@code /api/v1/studio/sites/{site}/} and {@code /studio/sites/{site}/}, against the accounts file as
 * it is now (a curator taken off a site loses it at the next request).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class StudioSecurity {

    static final String LOGIN_PAGE = "/studio/login";
    /**
     * Sent with every answer. The visitor app, the label pages and the studio load scripts, styles and
     * workers from this server only and have no inline script, style or event attribute; audio is
     * played from fetched bytes; the voice socket is same-origin ('self' covers ws: and wss:).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; media-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final String CLIENT_ADDRESS = "studio.client-address";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ReactiveUserDetailsService userDetailsService(Accounts accounts) {
        return username -> Mono.justOrEmpty(accounts.find(username.strip().toLowerCase(java.util.Locale.ROOT)))
                .map(account -> User.withUsername(account.username()).password(account.passwordHash())
                        .roles(account.role().name()).build());
    }

    /** The studio's session cookie: HTTP-only, SameSite=Lax, and Secure unless the operator turned it off. */
    @Bean
    WebSessionIdResolver webSessionIdResolver(StudioSettings settings) {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName("GUIDE_STUDIO_SESSION");
        resolver.addCookieInitializer(cookie -> cookie.httpOnly(true).secure(settings.secureCookies()).sameSite("Lax").path("/"));
        return resolver;
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, Accounts accounts, LoginThrottle throttle,
                                                  ReactiveUserDetailsService users, PasswordEncoder encoder,
                                                  StudioSettings settings, ClientAddresses clients) {
        UserDetailsRepositoryReactiveAuthenticationManager passwords = new UserDetailsRepositoryReactiveAuthenticationManager(users);
        passwords.setPasswordEncoder(encoder);
        ReactiveAuthenticationManager throttled = throttled(passwords, throttle);

        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieName("GUIDE_STUDIO_XSRF");
        csrfTokens.setCookiePath("/");
        csrfTokens.setCookieCustomizer(cookie -> cookie.secure(settings.secureCookies()).sameSite("Strict"));

        return http
                .addFilterAt(rememberClientAddress(clients), SecurityWebFiltersOrder.FIRST)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(LOGIN_PAGE, "/studio/assets/**").permitAll()
                        .pathMatchers("/api/v1/studio/sites/{site}/**", "/studio/sites/{site}/**").access(siteAccess(accounts))
                        .pathMatchers("/api/v1/studio/accounts/**", "/studio/accounts/**").access(adminOnly(accounts))
                        .pathMatchers("/studio/**", "/api/v1/studio/**").access(anyAccount(accounts))
                        .pathMatchers("/actuator/prometheus").access(adminOnly(accounts))
                        .anyExchange().permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .httpBasic(basic -> basic
                        .authenticationManager(throttled)
                        .authenticationEntryPoint(entryPoint())
                        .authenticationFailureHandler(basicFailure()))
                .formLogin(form -> form
                        .loginPage(LOGIN_PAGE)
                        .authenticationManager(throttled)
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/studio"))
                        .authenticationFailureHandler(formFailure()))
                .logout(logout -> logout.logoutUrl("/studio/logout").logoutSuccessHandler(loggedOut()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(entryPoint())
                        .accessDeniedHandler(accessDenied()))
                .csrf(csrf -> csrf
                        .accessDeniedHandler(accessDenied())
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(csrfProtected()))
                .build();
    }

    /** Who may touch {@code {site}}: an admin, or a curator given that site. */
    static ReactiveAuthorizationManager<AuthorizationContext> siteAccess(Accounts accounts) {
        return (authentication, context) -> decide(authentication, accounts,
                account -> account.mayEdit(String.valueOf(context.getVariables().get("site"))));
    }

    private static ReactiveAuthorizationManager<AuthorizationContext> adminOnly(Accounts accounts) {
        return (authentication, context) -> decide(authentication, accounts, Accounts.Account::isAdmin);
    }

    private static ReactiveAuthorizationManager<AuthorizationContext> anyAccount(Accounts accounts) {
        return (authentication, context) -> decide(authentication, accounts, account -> true);
    }

    private static Mono<AuthorizationResult> decide(Mono<Authentication> authentication, Accounts accounts,
                                                    Predicate<Accounts.Account> allowed) {
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(a -> accounts.find(a.getName()).map(allowed::test).orElse(false))
                .defaultIfEmpty(false)
                .map(granted -> (AuthorizationResult) new AuthorizationDecision(granted));
    }

    /**
     * Changes through the studio need the CSRF token, except requests that carry their own credentials
     * (HTTP Basic from a script): a browser never adds that header by itself, since the studio never
     * asks a browser for Basic credentials.
     */
    private static ServerWebExchangeMatcher csrfProtected() {
        return exchange -> {
            var request = exchange.getRequest();
            String path = request.getPath().pathWithinApplication().value();
            boolean studio = path.equals("/studio") || path.startsWith("/studio/") || path.startsWith("/api/v1/studio/");
            boolean scripted = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION) != null;
            return studio && !SAFE.contains(request.getMethod()) && !scripted
                    ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    private static ReactiveAuthenticationManager throttled(ReactiveAuthenticationManager delegate, LoginThrottle throttle) {
        return authentication -> Mono.deferContextual(context -> {
            String address = context.getOrDefault(CLIENT_ADDRESS, ClientAddresses.UNKNOWN);
            String username = authentication.getName();
            long wait = throttle.waitSeconds(username, address);
            if (wait > 0) {
                return Mono.error(new TooManyAttempts(wait));
            }
            return delegate.authenticate(authentication)
                    .doOnNext(done -> throttle.succeeded(username, address))
                    .doOnError(BadCredentialsException.class, failed -> throttle.failed(username, address));
        });
    }

    /** Refused because of too many failed attempts; {@code seconds} to wait. */
    static final class TooManyAttempts extends AuthenticationException {
        final long seconds;

        TooManyAttempts(long seconds) {
            super("Too many failed logins. Try again in " + Math.max(1, (seconds + 59) / 60) + " minute(s).");
            this.seconds = seconds;
        }
    }

    /** The client's address as the login throttle counts it: the visitor's, not the proxy's (see {@link ClientAddresses}). */
    private static WebFilter rememberClientAddress(ClientAddresses clients) {
        return (exchange, chain) -> {
            String address = clients.of(exchange.getRequest());
            return chain.filter(exchange).contextWrite(context -> context.put(CLIENT_ADDRESS, address));
        };
    }

    /** Answered with JSON errors rather than the login page: the API, and the metrics scrapers read. */
    private static boolean isApi(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return path.startsWith("/api/") || path.startsWith("/actuator/");
    }

    private static final RedirectServerAuthenticationEntryPoint toLoginPage = new RedirectServerAuthenticationEntryPoint(LOGIN_PAGE);

    private static ServerAuthenticationEntryPoint entryPoint() {
        return (exchange, failure) -> isApi(exchange)
                ? json(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "unauthenticated",
                        "Log in to the studio first, or send HTTP Basic credentials.")
                : toLoginPage.commence(exchange, failure);
    }

    private static ServerAuthenticationFailureHandler basicFailure() {
        return (filterExchange, failure) -> failure instanceof TooManyAttempts tooMany
                ? tooMany(filterExchange.getExchange().getResponse(), tooMany)
                : json(filterExchange.getExchange().getResponse(), HttpStatus.UNAUTHORIZED, "bad-credentials",
                        "The user name or password is wrong.");
    }

    private static ServerAuthenticationFailureHandler formFailure() {
        return (filterExchange, failure) -> redirect(filterExchange.getExchange(),
                LOGIN_PAGE + (failure instanceof TooManyAttempts ? "?locked" : "?error"));
    }

    private static RedirectServerLogoutSuccessHandler loggedOut() {
        RedirectServerLogoutSuccessHandler handler = new RedirectServerLogoutSuccessHandler();
        handler.setLogoutSuccessUrl(URI.create(LOGIN_PAGE + "?logout"));
        return handler;
    }

    private static ServerAccessDeniedHandler accessDenied() {
        return (exchange, denied) -> {
            ServerHttpResponse response = exchange.getResponse();
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            if (isApi(exchange)) {
                boolean csrf = denied.getClass().getSimpleName().contains("Csrf");
                return json(response, HttpStatus.FORBIDDEN, csrf ? "csrf" : "forbidden", csrf
                        ? "This change was not sent by the studio page (missing or wrong CSRF token). Reload the page and try again."
                        : "Your account may not do this.");
            }
            response.setStatusCode(HttpStatus.FORBIDDEN);
            response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
            java.util.regex.Matcher site = java.util.regex.Pattern.compile("^/studio/sites/([^/]+)").matcher(path);
            String body = StudioPages.forbidden(site.find() ? "the site “" + site.group(1) + "”" : "this page");
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
        };
    }

    private static Mono<Void> tooMany(ServerHttpResponse response, TooManyAttempts failure) {
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, failure.seconds)));
        return json(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", failure.getMessage());
    }

    static Mono<Void> json(ServerHttpResponse response, HttpStatus status, String code, String message) {
        return new ApiError(code, message).writeTo(response, status);
    }

    private static Mono<Void> redirect(ServerWebExchange exchange, String location) {
        exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
        exchange.getResponse().getHeaders().setLocation(URI.create(location));
        return exchange.getResponse().setComplete();
    }
}

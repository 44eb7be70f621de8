package org.heritageguide.studio;

import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The studio's pages: the login form, and one page (plain HTML and ES modules, no build step) for every
 * studio address, which routes in the browser. Each carries the CSRF token for the changes it sends.
 */
@Controller
class StudioPageController {

    static final String SHARED_LANGUAGE_NAMES = "/studio/assets/language-names.js";
    private static final ClassPathResource LANGUAGE_NAMES = new ClassPathResource("visitor/web/language-names.js");
    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);

    @GetMapping(path = StudioSecurity.LOGIN_PAGE, produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> login(ServerWebExchange exchange) {
        var query = exchange.getRequest().getQueryParams();
        String notice = query.containsKey("error") ? "The user name or password is wrong."
                : query.containsKey("locked") ? "Too many failed attempts. Wait a few minutes, then try again."
                : query.containsKey("logout") ? "You are logged out." : "";
        String kind = query.containsKey("logout") ? "info" : "error";
        return csrf(exchange).map(token -> html(StudioPages.login(token, notice, kind)));
    }

    @GetMapping(path = {"/studio", "/studio/", "/studio/sites/**", "/studio/accounts"}, produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> app(ServerWebExchange exchange) {
        return csrf(exchange).map(token -> html(StudioPages.app(token)));
    }

    private static Mono<String> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.just("") : token.map(CsrfToken::getToken);
    }

    private static ResponseEntity<String> html(String body) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).header("X-Frame-Options", "DENY").body(body);
    }

    /**
     * The studio's scripts and stylesheet, and the one module it shares with the visitor app, the names of
     * languages in their own script: the visitor app's own file, served here as well, so that there is one.
     */
    @Bean
    RouterFunction<ServerResponse> studioAssets() {
        return RouterFunctions.route(RequestPredicates.GET(SHARED_LANGUAGE_NAMES),
                        request -> ServerResponse.ok().contentType(JAVASCRIPT).bodyValue(LANGUAGE_NAMES))
                .and(RouterFunctions.resources("/studio/assets/**", new ClassPathResource("studio/assets/")));
    }
}

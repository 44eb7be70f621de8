package org.heritageguide.voice;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.heritageguide.GuideProperties;
import org.heritageguide.web.ApiException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.WebsocketServerSpec;

/** {@code WS /ws/v1/sessions/{id}/voice}. */
@Configuration(proxyBeanMethods = false)
class VoiceWebSocketConfiguration implements WebFluxConfigurer {

    static final String PATH = "/ws/v1/sessions/*/voice";

    private final VoiceSettings settings;
    private final Set<String> allowedOrigins = new LinkedHashSet<>();

    VoiceWebSocketConfiguration(VoiceSettings settings, GuideProperties guide) {
        this.settings = settings;
        allowedOrigins.add(origin(guide.publicBaseUrl()));
        settings.allowedOrigins().forEach(origin -> allowedOrigins.add(origin(URI.create(origin))));
    }

    @Bean
    HandlerMapping voiceWebSocketMapping(VoiceHandler handler) {
        return new SimpleUrlHandlerMapping(Map.of(PATH, handler), -1);
    }

    /**
     * Netty itself accepts frames well past {@code guide.voice.max-frame}, so that a client sending one
     * too large gets a clear {@code error} message from the guide before the connection closes. A page
     * of another site may not open the socket in its visitor's name (403 {@code origin-not-allowed}
     * before the upgrade).
     */
    @Override
    public WebSocketService getWebSocketService() {
        int nettyLimit = (int) Math.min(16L * 1024 * 1024, settings.maxFrame().toBytes() * 4);
        return new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
                () -> WebsocketServerSpec.builder().maxFramePayloadLength(nettyLimit))) {
            @Override
            public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
                if (!originAllowed(exchange)) {
                    return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "origin-not-allowed",
                            "This page may not use the guide's voice connection."));
                }
                return super.handleRequest(exchange, handler);
            }
        };
    }

    /** No {@code Origin} (not a browser), the guide's own address, its public address, or one configured. */
    private boolean originAllowed(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String origin = headers.getOrigin();
        if (origin == null) {
            return true;
        }
        String normalized;
        try {
            normalized = origin(URI.create(origin));
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        String host = headers.getFirst(HttpHeaders.HOST);
        boolean sameOrigin = host != null && normalized.substring(normalized.indexOf("://") + 3).equals(host.toLowerCase(Locale.ROOT));
        return sameOrigin || allowedOrigins.contains(normalized);
    }

    /** {@code scheme://host[:port]}, lower case, the port left out when it is the scheme's own. */
    private static String origin(URI uri) {
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        String host = String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}

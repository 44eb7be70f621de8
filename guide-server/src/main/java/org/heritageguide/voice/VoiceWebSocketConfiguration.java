package org.heritageguide.voice;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;

import reactor.netty.http.server.WebsocketServerSpec;

/** {@code WS /ws/v1/sessions/{id}/voice}. */
@Configuration(proxyBeanMethods = false)
class VoiceWebSocketConfiguration implements WebFluxConfigurer {

    static final String PATH = "/ws/v1/sessions/*/voice";

    private final VoiceSettings settings;

    VoiceWebSocketConfiguration(VoiceSettings settings) {
        this.settings = settings;
    }

    @Bean
    HandlerMapping voiceWebSocketMapping(VoiceHandler handler) {
        return new SimpleUrlHandlerMapping(Map.of(PATH, handler), -1);
    }

    /**
     * Netty itself accepts frames well past {@code guide.voice.max-frame}, so that a client sending one
     * too large gets a clear {@code error} message from the guide before the connection closes.
     */
    @Override
    public WebSocketService getWebSocketService() {
        int nettyLimit = (int) Math.min(16L * 1024 * 1024, settings.maxFrame().toBytes() * 4);
        return new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
                () -> WebsocketServerSpec.builder().maxFramePayloadLength(nettyLimit)));
    }
}

package org.heritageguide.limits;

import org.heritageguide.limits.ClientBudgets.Kind;
import org.heritageguide.web.ClientAddresses;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Charges the requests that cost the guide something to their client's budget before they are served:
 * opening a conversation, a typed question, opening a voice connection (refused before the upgrade).
 * Spoken questions are charged by the voice socket itself.
 */
@Component
class RequestBudgets implements WebFilter, Ordered {

    private static final String SESSIONS = "/api/v1/sessions";

    private final ClientBudgets budgets;
    private final ClientAddresses clients;

    RequestBudgets(ClientBudgets budgets, ClientAddresses clients) {
        this.budgets = budgets;
        this.clients = clients;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // before anything does work for the request
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Kind kind = kind(exchange.getRequest());
        if (kind == null) {
            return chain.filter(exchange);
        }
        return Mono.defer(() -> {
            budgets.spend(kind, clients.of(exchange.getRequest()));
            return chain.filter(exchange);
        });
    }

    private static Kind kind(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        if (request.getMethod() == HttpMethod.POST) {
            if (path.equals(SESSIONS) || path.equals(SESSIONS + "/")) {
                return Kind.SESSIONS;
            }
            if (path.startsWith(SESSIONS + "/") && path.endsWith("/turns")) {
                return Kind.TURNS;
            }
        }
        if (request.getMethod() == HttpMethod.GET && path.startsWith("/ws/v1/sessions/") && path.endsWith("/voice")) {
            return Kind.VOICE_SOCKETS;
        }
        return null;
    }
}

package org.heritageguide.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The body of every error answer. */
public record ApiError(String error, String message) {

    private static final JsonMapper JSON = JsonMapper.shared();

    public byte[] toJson() {
        return JSON.writeValueAsBytes(this);
    }

    /** Answers with this error and {@code status}: the one way every part of the server writes an error. */
    public Mono<Void> writeTo(ServerHttpResponse response, HttpStatusCode status) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(toJson())));
    }
}

package org.heritageguide.web;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/** An error a client caused or must know about, answered as {@code {"error": code, "message": text}}. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Duration retryAfter;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, null);
    }

    private ApiException(HttpStatus status, String code, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(HttpStatus.NOT_FOUND, code, message);
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message);
    }

    /** A service the request needs is away for now (e.g. Redis): 503, the client may try again shortly. */
    public static ApiException unavailable(String code, String message) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, code, message);
    }

    /** 429 {@code too-many-requests}, with {@code Retry-After} saying when to try again. */
    public static ApiException tooManyRequests(String message, Duration retryAfter) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", message, retryAfter);
    }

    /** How long the client should wait before trying again (sent as {@code Retry-After}), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** A wait in whole seconds, rounded up, as {@code Retry-After} says it. */
    public static long wholeSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}

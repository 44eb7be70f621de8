package org.heritageguide.web;

import java.util.Collection;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure into {@code {"error", "message"}} with the right status, for the whole server:
 * never a stack trace, never Spring's default error body.
 */
@Component
@Order(-2)
class ApiErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        Answer answer = answerFor(failure);
        if (failure instanceof ApiException && answer.status.is5xxServerError()) {
            // a failure the guide answers on purpose (Redis away: 503): one line, not a stack trace per request
            log.warn("{} {}: {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), answer.code,
                    answer.message);
        } else if (answer.status.is5xxServerError()) {
            log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
        }
        if (failure instanceof ApiException api && api.retryAfter() != null) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(ApiException.wholeSeconds(api.retryAfter())));
        }
        return new ApiError(answer.code, answer.message).writeTo(response, answer.status);
    }

    private record Answer(HttpStatusCode status, String code, String message) {
    }

    static Answer answerFor(Throwable failure) {
        if (failure instanceof ApiException api) {
            return new Answer(api.status(), api.code(), api.getMessage());
        }
        if (causedBy(failure, DataBufferLimitException.class)) {
            return new Answer(HttpStatus.CONTENT_TOO_LARGE, "too-large", "The request body is too large.");
        }
        if (failure instanceof WebExchangeBindException bind) {
            String message = bind.getFieldErrors().stream()
                    .map(e -> e.getField() + " " + e.getDefaultMessage())
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("The request is not valid.");
            return new Answer(HttpStatus.BAD_REQUEST, "invalid", message);
        }
        if (failure instanceof UnsupportedMediaTypeStatusException) {
            return new Answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Send the request body as application/json.");
        }
        if (failure instanceof ServerWebInputException input) {
            String message = causedBy(failure, DecodingException.class)
                    ? shapeProblem(failure)
                    : "The request is not valid: " + input.getReason();
            if (input.getReason() != null && input.getReason().contains("No request body")) {
                message = "The request needs a JSON body.";
            }
            return new Answer(HttpStatus.BAD_REQUEST, "bad-request", message);
        }
        if (failure instanceof MethodNotAllowedException) {
            return new Answer(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "This address does not accept that method.");
        }
        if (failure instanceof NotAcceptableStatusException) {
            return new Answer(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "This address cannot answer in the requested format.");
        }
        if (failure instanceof ResponseStatusException status) {
            if (status.getStatusCode().value() == 404) {
                return new Answer(status.getStatusCode(), "not-found", "There is nothing at this address.");
            }
            String reason = status.getReason() == null ? "The request could not be served." : status.getReason();
            return new Answer(status.getStatusCode(), "error", reason);
        }
        return new Answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Something went wrong on our side. Please try again.");
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        return cause(failure, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Names the field a client got wrong ("'site' must be text."), when the parser knows it. */
    private static String shapeProblem(Throwable failure) {
        MismatchedInputException mismatch = cause(failure, MismatchedInputException.class);
        if (mismatch == null || mismatch.getPath().isEmpty() || mismatch.getTargetType() == null) {
            return "The request body is not valid JSON of the expected shape.";
        }
        String field = mismatch.getPath().stream()
                .map(step -> step.getPropertyName() != null ? step.getPropertyName() : String.valueOf(step.getIndex()))
                .collect(Collectors.joining("."));
        return "'" + field + "' must be " + expected(mismatch.getTargetType()) + ".";
    }

    private static String expected(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

}

package org.heritageguide.kiosk.guide;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public HTTP API of guide-server, as design.md describes it. Every call is asynchronous; a failure
 * is a {@link GuideUnavailableException} (cannot reach the server, or it answered 5xx) or a
 * {@link GuideErrorException} (it refused this request).
 */
public class GuideClient {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final URI server;
    private final HttpClient http;

    public GuideClient(URI server, Executor executor) {
        this.server = server;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .executor(executor)
                .build();
    }

    public URI server() {
        return server;
    }

    HttpClient http() {
        return http;
    }

    /** The first site the server lists, for a kiosk that was not told its site. */
    public CompletableFuture<String> firstSiteId() {
        return get("/api/v1/sites").thenApply(body -> {
            JsonNode sites = JSON.readTree(body);
            if (!sites.isArray() || sites.isEmpty()) {
                throw new GuideErrorException(404, "no-sites", "The server lists no site.");
            }
            return sites.get(0).get("id").asString();
        });
    }

    /** The site's JSON, exactly as the server sent it (the kiosk keeps it on disk). */
    public CompletableFuture<byte[]> siteJson(String site) {
        return get("/api/v1/sites/" + encode(site));
    }

    public CompletableFuture<byte[]> exhibitJson(String site, String exhibit) {
        return get("/api/v1/sites/" + encode(site) + "/exhibits/" + encode(exhibit));
    }

    public static SiteInfo parseSite(byte[] json) {
        return JSON.readValue(json, SiteInfo.class);
    }

    public static ExhibitDetail parseExhibit(byte[] json) {
        return JSON.readValue(json, ExhibitDetail.class);
    }

    public CompletableFuture<OpenedSession> openSession(String site, String language) {
        return send("POST", "/api/v1/sessions", Map.of("site", site, "language", language)).thenApply(body -> {
            JsonNode node = JSON.readTree(body);
            JsonNode greeting = node.path("greeting");
            return new OpenedSession(node.get("id").asString(), node.path("language").asString(language),
                    textOrNull(greeting.path("text")), absolute(textOrNull(greeting.path("audioUrl"))));
        });
    }

    /** Moves the conversation to an exhibit; the guide's greeting for it (null if it has none). */
    public CompletableFuture<Greeting> moveTo(String session, String exhibit) {
        return send("PATCH", "/api/v1/sessions/" + encode(session), Map.of("exhibit", exhibit)).thenApply(body -> {
            JsonNode greeting = JSON.readTree(body).path("greeting");
            String text = textOrNull(greeting.path("text"));
            return text == null ? null : new Greeting(text, absolute(textOrNull(greeting.path("audioUrl"))));
        });
    }

    public CompletableFuture<Void> changeLanguage(String session, String language) {
        return send("PATCH", "/api/v1/sessions/" + encode(session), Map.of("language", language)).thenApply(body -> null);
    }

    public CompletableFuture<Answer> ask(String session, String question) {
        return send("POST", "/api/v1/sessions/" + encode(session) + "/turns", Map.of("text", question))
                .thenApply(body -> parseAnswer(JSON.readTree(body)));
    }

    /** The answer audio (a WAV file) at an address the server gave. */
    public CompletableFuture<byte[]> audio(String url) {
        return exchange(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).GET().build());
    }

    Answer parseAnswer(JsonNode node) {
        String language = node.path("language").asString("");
        List<String> sources = new ArrayList<>();
        for (JsonNode source : node.path("sources")) {
            JsonNode title = source.path("title");
            String text = title.isObject()
                    ? Texts.pick(JSON.convertValue(title, LinkedHashMap.class), language, List.of())
                    : title.asString("");
            sources.add(text.isBlank() ? source.path("exhibit").asString("") : text);
        }
        return new Answer(node.path("text").asString(""), language, node.path("answered").asBoolean(false),
                List.copyOf(sources), absolute(textOrNull(node.path("audioUrl"))), textOrNull(node.path("notice")));
    }

    private String absolute(String url) {
        if (url == null) {
            return null;
        }
        return server.resolve(url).toString();
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.asString("").isBlank()
                ? null : node.asString();
    }

    private CompletableFuture<byte[]> get(String path) {
        return exchange(HttpRequest.newBuilder(server.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET().build());
    }

    private CompletableFuture<byte[]> send(String method, String path, Map<String, String> body) {
        return exchange(HttpRequest.newBuilder(server.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build());
    }

    private CompletableFuture<byte[]> exchange(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        if (cause instanceof IOException) {
                            throw new GuideUnavailableException(request.method() + " " + request.uri().getPath()
                                    + ": " + cause, cause);
                        }
                        throw new CompletionException(cause);
                    }
                    int status = response.statusCode();
                    if (status >= 500) {
                        throw new GuideUnavailableException(request.method() + " " + request.uri().getPath()
                                + " answered " + status, null);
                    }
                    if (status >= 400) {
                        throw error(status, response.body());
                    }
                    return response.body();
                });
    }

    private static GuideErrorException error(int status, byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return new GuideErrorException(status, node.path("error").asString("error"), node.path("message").asString(""));
        } catch (RuntimeException notJson) {
            return new GuideErrorException(status, "error", "HTTP " + status);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

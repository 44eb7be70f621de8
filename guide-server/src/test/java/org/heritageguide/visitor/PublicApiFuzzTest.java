package org.heritageguide.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.heritageguide.GuideServerTest;
import org.heritageguide.qr.LabelSigner;
import org.heritageguide.testing.Fuzz;
import org.heritageguide.testing.RandomJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public JSON endpoints fed random shapes and random Unicode: whatever comes, the answer is never a
 * 5xx, and a refusal is always the JSON error {@code {error, message}}.
 */
@GuideServerTest
class PublicApiFuzzTest {

    private static final List<String> SESSION_FIELDS = List.of("site", "exhibit", "sig", "language");
    private static final List<MediaType> TYPES = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON,
            MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.parseMediaType("application/json;charset=ISO-8859-1"));

    @LocalServerPort
    int port;

    @Autowired
    LabelSigner signer;

    private WebTestClient client;
    private List<String> rightValues;
    private String session;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
        rightValues = List.of("van-mieu", "ethnology", "khue-van-cac", "thien-quang-tinh", "hmong-house", "en", "vi", "fr", "ko",
                "zh", "en-GB", signer.sign("van-mieu", "khue-van-cac"), "forged123456", "", " ", "When was it built?");
        session = (String) client.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", "van-mieu", "exhibit", "khue-van-cac", "language", "en")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    @Test
    void openingASession() {
        Fuzz.forAll(300, random -> request(random, SESSION_FIELDS),
                request -> expectNoServerErrorAndJson(send(HttpMethod.POST, "/api/v1/sessions", request)));
    }

    @Test
    void changingASession() {
        Fuzz.forAll(300, random -> request(random, List.of("exhibit", "sig", "language")),
                request -> expectNoServerErrorAndJson(send(HttpMethod.PATCH, "/api/v1/sessions/" + session, request)));
    }

    @Test
    void askingAQuestion() {
        // each question is answered by the whole guide: fewer tries, so that the test stays in minutes
        Fuzz.forAll(80, random -> request(random, List.of("text")),
                request -> expectNoServerErrorAndJson(send(HttpMethod.POST, "/api/v1/sessions/" + session + "/turns", request)));
    }

    record Request(MediaType type, byte[] body) {
        @Override
        public String toString() {
            return type + " " + new String(body, StandardCharsets.UTF_8);
        }
    }

    private Request request(Random random, List<String> fields) {
        return new Request(TYPES.get(random.nextInt(TYPES.size())), RandomJson.body(random, fields, rightValues));
    }

    private EntityExchangeResult<byte[]> send(HttpMethod method, String path, Request request) {
        return client.method(method).uri(path).contentType(request.type()).bodyValue(request.body()).exchange()
                .expectBody().returnResult();
    }

    private static void expectNoServerErrorAndJson(EntityExchangeResult<byte[]> result) {
        int status = result.getStatus().value();
        assertThat(status).as("status").isLessThan(500);
        assertThat(result.getResponseHeaders().getContentType()).as("content type of a %d", status)
                .isNotNull().satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue());
        JsonNode body = JsonMapper.shared().readTree(result.getResponseBody());
        if (status >= 400) {
            assertThat(body.path("error").asString()).as("error code").isNotBlank();
            assertThat(body.path("message").asString()).as("message").isNotBlank();
        }
    }
}

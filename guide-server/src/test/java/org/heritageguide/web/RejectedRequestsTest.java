package org.heritageguide.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.heritageguide.GuideServerTest;
import org.heritageguide.testing.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests refused before any controller runs (by Spring Security's firewall, or by Reactor Netty's
 * HTTP decoder) still get the documented {@code {error, message}}: sent byte for byte over a socket.
 */
@GuideServerTest
class RejectedRequestsTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/sites/..%2F..%2Fetc%2Fpasswd",
            "/api/v1/sites/van-mieu%2Fexhibits",
            "/api/v1/sites/van-mieu/../ethnology",
            "/api/v1/sites/%2e%2e/ethnology",
            "/v/van-mieu/khue-van-cac%2F..%2F..",
            "/studio/..;/api/v1/studio/me",
            "/api/v1/sites/van-mieu%00"})
    void aPathTheFirewallRefusesGets400WithTheJsonError(String path) {
        expectJsonError(RawHttp.get(port, path), 400, "invalid-address");
    }

    @Test
    void anAddressOverTheLimitGets414WithTheJsonError() {
        expectJsonError(RawHttp.get(port, "/api/v1/sites/" + "a".repeat(10_000)), 414, "uri-too-long");
    }

    @Test
    void headersOverTheLimitGet431WithTheJsonError() {
        expectJsonError(RawHttp.get(port, "/api/v1/sites", "X-Padding: " + "b".repeat(20_000)), 431, "headers-too-large");
    }

    @Test
    void aRequestThatIsNotHttpGets400WithTheJsonError() {
        expectJsonError(RawHttp.send(port, "GET /api/v1/sites HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
                400, "bad-request");
    }

    @Test
    void theNextRequestOnTheServerIsServedAsUsual() {
        RawHttp.get(port, "/api/v1/sites/" + "a".repeat(10_000));
        RawHttp.Response sites = RawHttp.get(port, "/api/v1/sites");
        assertThat(sites.status()).isEqualTo(200);
        assertThat(sites.body()).contains("van-mieu");
    }

    private static void expectJsonError(RawHttp.Response response, int status, String code) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode body = JsonMapper.shared().readTree(response.body());
        assertThat(body.path("error").asString()).isEqualTo(code);
        assertThat(body.path("message").asString()).isNotBlank();
    }
}

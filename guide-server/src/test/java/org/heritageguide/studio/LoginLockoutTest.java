package org.heritageguide.studio;

import static org.assertj.core.api.Assertions.assertThat;

import org.heritageguide.GuideServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Password guessing behind the deployment's proxy (the tests' own machine, trusted): the guesser's own
 * address is locked out of the account it guessed at, not every curator behind the proxy, and the
 * failures and the lockout are logged with the account and the address, never the password.
 */
@GuideServerTest
@ExtendWith(OutputCaptureExtension.class)
class LoginLockoutTest {

    private static final String GUESSER = "198.51.100.23";
    private static final String CURATOR = "198.51.100.24";

    @Autowired
    WebTestClient http;

    @Test
    void aGuesserBehindTheProxyIsLockedOutAloneAndLogged(CapturedOutput output) {
        for (int i = 0; i < 5; i++) {
            me(GUESSER, "admin", "wrong-password-" + i).expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.error").isEqualTo("bad-credentials");
        }

        me(GUESSER, "admin", GuideServerTest.ADMIN_PASSWORD).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.error").isEqualTo("too-many-attempts");
        me(CURATOR, "admin", GuideServerTest.ADMIN_PASSWORD).expectStatus().isOk()
                .expectBody().jsonPath("$.username").isEqualTo("admin");

        assertThat(output.getAll())
                .contains("Studio login failed: account 'admin' from " + GUESSER)
                .contains("Studio login locked for PT5M: account 'admin' from " + GUESSER)
                .doesNotContain("wrong-password-")
                .doesNotContain("from " + CURATOR);
    }

    private WebTestClient.ResponseSpec me(String client, String user, String password) {
        return http.get().uri("/api/v1/studio/me").header("X-Forwarded-For", client)
                .headers(headers -> headers.setBasicAuth(user, password)).exchange();
    }
}

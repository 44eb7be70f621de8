package org.heritageguide.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.heritageguide.GuideServerTest;
import org.heritageguide.audio.Pcm;
import org.heritageguide.audio.Wav;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Answer audio over HTTP: greetings carry an audio URL, and the URL serves a WAV for good. */
@GuideServerTest
class AnswerAudioApiTest {

    @LocalServerPort
    int port;

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
    }

    @Test
    void aGreetingsAudioIsServedAsAnImmutableWav() {
        for (String language : new String[] {"vi", "en"}) {
            String audioUrl = greetingAudioUrl(language);
            assertThat(audioUrl).as(language).matches("/api/v1/audio/[0-9a-f]{32}");

            byte[] wav = client().get().uri(audioUrl).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentType("audio/wav")
                    .expectHeader().value(HttpHeaders.CACHE_CONTROL, v -> assertThat(v).contains("immutable", "max-age=31536000"))
                    .expectBody(byte[].class).returnResult().getResponseBody();
            Pcm audio = Wav.read(wav);
            assertThat(audio.seconds()).as(language).isGreaterThan(2.0);
        }
    }

    @Test
    void theSameTextGetsTheSameAddress() {
        assertThat(greetingAudioUrl("fr")).isEqualTo(greetingAudioUrl("fr"));
    }

    @Test
    void anUnknownKeyIsNotFound() {
        for (String key : new String[] {"0123456789abcdef0123456789abcdef", "ABC", "..secrets"}) {
            client().get().uri("/api/v1/audio/" + key).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                    .expectBody().jsonPath("$.error").value(code -> assertThat((String) code).isIn("audio-not-found", "not-found"));
        }
    }

    @Test
    void theServerIsReadyOnlyWithItsSpeechEngines() {
        client().get().uri("/actuator/health/readiness").exchange().expectStatus().value(status ->
                assertThat(status).isIn(200, 503));
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        int status;
        do {
            status = client().get().uri("/actuator/health/readiness").exchange().returnResult(String.class).getStatus().value();
        } while (status != 200 && System.nanoTime() < deadline && sleep());
        assertThat(status).isEqualTo(200);
    }

    private String greetingAudioUrl(String language) {
        return client().post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", "van-mieu", "language", language))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody()
                .get("greeting") instanceof Map<?, ?> greeting ? (String) greeting.get("audioUrl") : null;
    }

    private static boolean sleep() {
        try {
            Thread.sleep(200);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

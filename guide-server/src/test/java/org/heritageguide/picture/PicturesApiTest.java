package org.heritageguide.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.heritageguide.GuideServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The exhibit API lists an exhibit's pictures; each is served at the listed widths only, cached for good. */
@GuideServerTest
class PicturesApiTest {

    @Autowired
    WebTestClient client;

    @SuppressWarnings("unchecked")
    private Map<String, Object> firstPicture(String site, String exhibit) {
        Map<String, Object> body = client.get().uri("/api/v1/sites/{site}/exhibits/{exhibit}", site, exhibit).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) body.get("pictures")).get(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theExhibitApiListsThePictureWithItsTextsShapeAndSizes() {
        Map<String, Object> picture = firstPicture("van-mieu", "khue-van-cac");

        assertThat(picture).containsEntry("width", 1600).containsEntry("height", 1200)
                .containsEntry("credit", "Drawing: Heritage Guide project, CC BY 4.0");
        assertThat((Map<String, String>) picture.get("alt")).containsKeys("vi", "en", "fr", "zh", "ko");
        assertThat(((Map<String, String>) picture.get("caption")).get("fr")).contains("Khuê Văn Các");
        List<Map<String, Object>> sizes = (List<Map<String, Object>>) picture.get("sizes");
        assertThat(sizes).extracting(s -> s.get("width")).containsExactly(320, 640, 1280);
        assertThat(sizes).extracting(s -> s.get("height")).containsExactly(240, 480, 960);
        assertThat(sizes).extracting(s -> (String) s.get("url"))
                .allMatch(url -> url.matches("/api/v1/sites/van-mieu/pictures/khue-van-cac\\.png\\?w=\\d+&v=[0-9a-f]{16}"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSizeIsServedScaledWithImmutableCachingAndAnEtagThatAnswers304() throws Exception {
        String url = (String) ((List<Map<String, Object>>) firstPicture("van-mieu", "doctoral-stelae").get("sizes")).get(1).get("url");

        EntityExchangeResult<byte[]> first = client.get().uri(url).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectHeader().cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic().immutable())
                .expectBody(byte[].class).returnResult();
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(first.getResponseBody()));
        assertThat(served.getWidth()).isEqualTo(640);
        assertThat(served.getHeight()).isEqualTo(480);
        String etag = first.getResponseHeaders().getETag();
        assertThat(etag).isNotBlank();

        client.get().uri(url).header(HttpHeaders.IF_NONE_MATCH, etag).exchange().expectStatus().isNotModified();
        client.get().uri(url.replaceFirst("&v=.*", "")).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache");
        try (var cached = Files.walk(Path.of("guide-server/target/test-data/picture-cache/van-mieu"))) {
            assertThat(cached.map(p -> p.getFileName().toString())).anyMatch(name -> name.endsWith("-640.png"));
        }
    }

    @Test
    void onlyTheListedWidthsAndTheSitesOwnPicturesAreServed() {
        client.get().uri("/api/v1/sites/van-mieu/pictures/khue-van-cac.png?w=5000").exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error").isEqualTo("unsupported-width")
                .jsonPath("$.message").isEqualTo("w must be one of 320, 640, 1280.");
        client.get().uri("/api/v1/sites/van-mieu/pictures/bana-rong-house.png?w=320").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.error").isEqualTo("picture-not-found");
        client.get().uri("/api/v1/sites/van-mieu/pictures/..%2F..%2Fethnology%2Fpictures%2Fbana-rong-house.png?w=320").exchange()
                .expectStatus().is4xxClientError();
        client.get().uri("/api/v1/sites/nowhere/pictures/khue-van-cac.png?w=320").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.error").isEqualTo("site-not-found");
    }
}

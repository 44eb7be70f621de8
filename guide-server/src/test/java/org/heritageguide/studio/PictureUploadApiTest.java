package org.heritageguide.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.heritageguide.GuideServerTest;
import org.heritageguide.PublishingServerTest;
import org.heritageguide.picture.TestPictures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Curators upload exhibit pictures through the studio API; every bad upload is refused and leaves nothing behind. */
@PublishingServerTest
class PictureUploadApiTest {

    @LocalServerPort
    int port;

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
    }

    WebTestClient curator() {
        return client().mutate().defaultHeaders(h -> h.setBasicAuth(StudioApiTest.CURATOR, StudioApiTest.CURATOR_PASSWORD))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
    }

    @BeforeEach
    void ethnologyCurator() {
        client().mutate().defaultHeaders(h -> h.setBasicAuth("admin", GuideServerTest.ADMIN_PASSWORD)).build()
                .put().uri("/api/v1/studio/accounts/" + StudioApiTest.CURATOR).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "CURATOR", "sites", List.of("ethnology"), "password", StudioApiTest.CURATOR_PASSWORD))
                .exchange().expectStatus().isOk();
    }

    private static MultipartBodyBuilder form(byte[] file, String fileName, boolean described) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.IMAGE_PNG);
        if (described) {
            form.part("alt.vi", "Hình vẽ một chiếc đèn lồng tròn");
            form.part("alt.en", "Drawing of a round lantern");
            form.part("caption.en", "A paper lantern");
            form.part("credit", "Drawing: a test, CC BY 4.0");
        }
        return form;
    }

    private WebTestClient.ResponseSpec upload(WebTestClient client, String site, String exhibit, MultipartBodyBuilder form) {
        return client.post().uri("/api/v1/studio/sites/{site}/exhibits/{exhibit}/pictures", site, exhibit)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(form.build())).exchange();
    }

    @Test
    void anUploadedPictureIsKeptInTheDraftWithItsDescriptionAndServedInItsSizesOncePublished() throws Exception {
        String exhibit = StudioApiTest.newExhibit(curator(), "lantern");

        Map<?, ?> uploaded = upload(curator(), "ethnology", exhibit, form(TestPictures.image(1600, 1200, "png"), "Lantern Photo.PNG", true))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        String file = (String) uploaded.get("file");
        assertThat(file).matches("lantern-photo(-\\d+)?\\.png");
        assertThat((String) uploaded.get("yaml")).contains("pictures:", "file: " + file, "Drawing of a round lantern",
                "credit: \"Drawing: a test, CC BY 4.0\"");
        Map<?, ?> overview = curator().get().uri("/api/v1/studio/sites/ethnology").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) overview.get("files")).extracting(f -> f.get("path")).contains("pictures/" + file);

        curator().post().uri("/api/v1/studio/sites/ethnology/exhibits/status").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("exhibits", List.of(exhibit), "status", "published", "publish", false)).exchange()
                .expectStatus().is2xxSuccessful();
        curator().post().uri("/api/v1/studio/sites/ethnology/publication").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("paths", List.of())).exchange().expectStatus().isAccepted();
        Map<?, ?> visitorExhibit = null;
        for (Instant deadline = Instant.now().plusSeconds(60); Instant.now().isBefore(deadline); Thread.sleep(300)) {
            var result = client().get().uri("/api/v1/sites/ethnology/exhibits/{id}", exhibit).exchange().returnResult(Map.class);
            if (result.getStatus().is2xxSuccessful()) {
                visitorExhibit = result.getResponseBody().blockFirst();
                if (!((List<?>) visitorExhibit.get("pictures")).isEmpty()) {
                    break;
                }
            }
        }
        assertThat(visitorExhibit).as("the exhibit is published with its picture").isNotNull();
        Map<String, Object> picture = ((List<Map<String, Object>>) visitorExhibit.get("pictures")).get(0);
        assertThat(picture.get("alt")).isEqualTo(Map.of("vi", "Hình vẽ một chiếc đèn lồng tròn", "en", "Drawing of a round lantern"));
        assertThat(picture).containsEntry("width", 1600).containsEntry("height", 1200);
        List<Map<String, Object>> sizes = (List<Map<String, Object>>) picture.get("sizes");
        assertThat(sizes).extracting(s -> s.get("width")).containsExactly(320, 640, 1280);
        byte[] small = client().get().uri((String) sizes.get(0).get("url")).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG).expectBody(byte[].class).returnResult().getResponseBody();
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(small));
        assertThat(served.getWidth()).isEqualTo(320);
        assertThat(served.getHeight()).isEqualTo(240);
    }

    @Test
    void theStudioShowsADraftPictureAtAServedWidthBeforeVisitorsCanGetIt() throws Exception {
        String exhibit = StudioApiTest.newExhibit(curator(), "thumbnail");
        String file = (String) upload(curator(), "ethnology", exhibit, form(TestPictures.image(1200, 900, "png"), "thumb.png", true))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("file");

        var answer = curator().get().uri("/api/v1/studio/sites/ethnology/pictures/{file}?w=320", file).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectHeader().value("Cache-Control", c -> assertThat(c).contains("no-cache", "private"))
                .expectBody(byte[].class).returnResult();
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(answer.getResponseBody()));
        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(240);
        String etag = answer.getResponseHeaders().getETag();
        assertThat(etag).isNotBlank();
        curator().get().uri("/api/v1/studio/sites/ethnology/pictures/{file}?w=320", file).header("If-None-Match", etag)
                .exchange().expectStatus().isNotModified();

        // not published yet: visitors cannot get it; nor can anyone without the studio's login, nor at other widths
        client().get().uri("/api/v1/sites/ethnology/pictures/{file}?w=320", file).exchange().expectStatus().isNotFound();
        client().get().uri("/api/v1/studio/sites/ethnology/pictures/{file}?w=320", file).exchange().expectStatus().isUnauthorized();
        curator().get().uri("/api/v1/studio/sites/ethnology/pictures/{file}?w=321", file).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("unsupported-width");
        curator().get().uri("/api/v1/studio/sites/ethnology/pictures/none.png?w=320").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").isEqualTo("picture-not-found");
        curator().get().uri("/api/v1/studio/sites/van-mieu/pictures/khue-van-cac.png?w=320").exchange().expectStatus().isForbidden();
    }

    /** Uploads a bad file and checks the answer, and that neither the picture nor the exhibit's text changed. */
    private void refused(byte[] file, String fileName, boolean described, HttpStatus status, String error, String inMessage) {
        String exhibit = "hmong-house";
        String etagBefore = etag(exhibit);

        upload(curator(), "ethnology", exhibit, form(file, fileName, described))
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.error").isEqualTo(error)
                .jsonPath("$.message").value(message -> assertThat((String) message).contains(inMessage));

        assertThat(etag(exhibit)).as("the exhibit's text is unchanged").isEqualTo(etagBefore);
        Map<?, ?> overview = curator().get().uri("/api/v1/studio/sites/ethnology").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String base = fileName.replaceFirst("\\..*", "");
        assertThat((List<Map<String, Object>>) overview.get("files")).extracting(f -> (String) f.get("path"))
                .noneMatch(path -> path.startsWith("pictures/" + base));
    }

    private String etag(String exhibit) {
        return (String) curator().get().uri("/api/v1/studio/sites/ethnology/files/exhibits/" + exhibit + ".yaml").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("etag");
    }

    @Test
    void aFileThatIsNotAPictureIsRefused() {
        refused("Just some text, not a picture".getBytes(StandardCharsets.UTF_8), "notes.png", true,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-a-picture", "not a JPEG, PNG or WebP picture");
    }

    @Test
    void anSvgWithAScriptIsRefused() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script><circle r=\"4\"/></svg>"
                .getBytes(StandardCharsets.UTF_8);
        refused(svg, "drawing.svg", true, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-a-picture", "SVG drawings are not taken");
    }

    @Test
    void aFiftyMegabyteFileIsRefused() {
        byte[] huge = new byte[50 * 1024 * 1024];
        byte[] jpeg = TestPictures.image(64, 64, "jpg");
        System.arraycopy(jpeg, 0, huge, 0, jpeg.length);
        refused(huge, "huge.jpg", true, HttpStatus.CONTENT_TOO_LARGE, "too-large", "at most 15 MB");
    }

    @Test
    void aDecompressionBombOfTwentyThousandPixelsSquareIsRefusedBeforeDecoding() {
        byte[] bomb = TestPictures.pngDeclaring(20_000, 20_000);
        assertThat(bomb.length).isLessThan(2_000);
        refused(bomb, "bomb.png", true, HttpStatus.UNPROCESSABLE_CONTENT, "too-many-pixels", "20000 × 20000 pixels");
    }

    @Test
    void aCutShortPictureIsRefused() {
        byte[] png = TestPictures.image(400, 300, "png");
        refused(Arrays.copyOf(png, png.length / 2), "cut.png", true, HttpStatus.UNPROCESSABLE_CONTENT, "broken-picture", "cut short");
    }

    @Test
    void aPictureWithoutItsAltTextAndCreditIsRefusedWithTheProblems() {
        refused(TestPictures.image(400, 300, "png"), "undescribed.png", false, HttpStatus.UNPROCESSABLE_CONTENT, "invalid-content",
                "problem(s); nothing was saved");
    }

    @Test
    void aCuratorOfAnotherSiteCannotUploadToIt() {
        upload(curator(), "van-mieu", "khue-van-cac", form(TestPictures.image(400, 300, "png"), "intruder.png", true))
                .expectStatus().isForbidden().expectBody().jsonPath("$.error").isEqualTo("forbidden");
    }
}

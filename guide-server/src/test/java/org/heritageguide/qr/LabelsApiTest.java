package org.heritageguide.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.heritageguide.GuideProperties;
import org.heritageguide.GuideServerTest;
import org.heritageguide.site.Exhibit;
import org.heritageguide.site.Site;
import org.heritageguide.site.SiteDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The labels as an operator gets them over HTTP, read back by an independent decoder (zbarimg), and
 * followed to the visitor page they must open.
 */
@GuideServerTest
class LabelsApiTest {

    private static final String STUDIO = "/api/v1/studio/sites/van-mieu";

    @LocalServerPort
    int port;
    @Autowired
    LabelSigner signer;
    @Autowired
    GuideProperties properties;
    @Autowired
    SiteDirectory sites;
    @TempDir
    Path work;

    @Autowired
    WebTestClient server;

    /** A sheet takes a fraction of a second, more on a machine busy with a whole test run. */
    private WebTestClient client() {
        return server.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    private WebTestClient admin() {
        return client().mutate()
                .defaultHeaders(h -> h.setBasicAuth("admin", GuideServerTest.ADMIN_PASSWORD)).build();
    }

    @Test
    void theQrPngOpensTheExhibitsVisitorPage() throws Exception {
        EntityExchangeResult<byte[]> png = admin().get().uri(STUDIO + "/exhibits/khue-van-cac/qr.png")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"qr-van-mieu-khue-van-cac.png\"")
                .expectBody(byte[].class).returnResult();
        Path file = Files.write(work.resolve("code.png"), png.getResponseBody());

        List<String> decoded = zbarimg(file);
        assertThat(decoded).containsExactly(signer.labelUrl("van-mieu", "khue-van-cac"));
        assertThat(visitorPage(decoded.get(0))).contains("Khuê Văn Các");
    }

    @Test
    void pageOneOfTheLabelSheetHoldsEightCodesThatEachOpenTheirExhibit() throws Exception {
        EntityExchangeResult<byte[]> pdf = admin().get().uri(STUDIO + "/labels.pdf")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"labels-van-mieu.pdf\"")
                .expectBody(byte[].class).returnResult();
        Path file = Files.write(work.resolve("labels.pdf"), pdf.getResponseBody());
        // rendered as printed: at 150 dpi one code in ten could fail to decode, depending on the secret
        run(List.of("pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1", file.toString(), work.resolve("page").toString()));
        Path page;
        try (var files = Files.list(work)) {
            page = files.filter(p -> p.getFileName().toString().startsWith("page")).findFirst().orElseThrow();
        }

        Site site = sites.site("van-mieu").orElseThrow();
        Set<String> expected = site.publishedExhibits().subList(0, 8).stream()
                .map(e -> signer.labelUrl(site.id(), e.id())).collect(Collectors.toSet());
        List<String> decoded = zbarimg(page);
        assertThat(decoded).hasSize(8);
        assertThat(Set.copyOf(decoded)).isEqualTo(expected);
        for (Exhibit exhibit : site.publishedExhibits().subList(0, 8)) {
            String url = signer.labelUrl(site.id(), exhibit.id());
            assertThat(visitorPage(url)).as(url).contains(htmlTitle(site, exhibit));
        }
    }

    @Test
    void chosenExhibitsAndLanguagesMakeASmallerSheet() {
        byte[] pdf = admin().get().uri(STUDIO + "/labels.pdf?exhibits=khue-van-cac,doctoral-stelae&languages=zh,ko,en")
                .exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aLabelWithAWrongOrMissingSignatureIsNotRecognised() {
        String url = toTestServer(signer.labelUrl("van-mieu", "khue-van-cac"));
        for (String tampered : List.of(url.replaceAll("s=.*", "s=AAAAAAAAAAAA"), url.replaceAll("\\?s=.*", ""))) {
            String page = client().get().uri(tampered).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                    .exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(page).as(tampered).containsIgnoringCase("label not recognised").doesNotContain("Exception");
        }
    }

    @Test
    void theLabelsPageIsToldWhereLabelsPointAndWhetherAPhoneCanOpenIt() {
        admin().get().uri(STUDIO + "/labels").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.address").isEqualTo(properties.baseUrl())
                .jsonPath("$.phonesCanOpenIt").isEqualTo(!properties.publicBaseUrlIsThisMachineOnly());
        expectError("/api/v1/studio/sites/louvre/labels", 404, "site-not-found");
    }

    @Test
    void withoutALoginTheStudioAnswers401() {
        for (String uri : List.of(STUDIO + "/labels.pdf", STUDIO + "/exhibits/khue-van-cac/qr.png")) {
            client().get().uri(uri).exchange().expectStatus().isUnauthorized();
            client().get().uri(uri).headers(h -> h.setBasicAuth("admin", "wrong-password"))
                    .exchange().expectStatus().isUnauthorized();
        }
    }

    @Test
    void badRequestsGetAJsonError() {
        expectError(STUDIO + "/exhibits/no-such-exhibit/qr.png", 404, "exhibit-not-found");
        expectError("/api/v1/studio/sites/louvre/labels.pdf", 404, "site-not-found");
        expectError(STUDIO + "/exhibits/khue-van-cac/qr.png?size=20", 400, "invalid-size");
        expectError(STUDIO + "/exhibits/khue-van-cac/qr.png?size=99999", 400, "invalid-size");
        expectError(STUDIO + "/labels.pdf?exhibits=khue-van-cac,nowhere", 404, "exhibit-not-found");
        expectError(STUDIO + "/labels.pdf?languages=vi,de", 400, "unknown-language");
    }

    private void expectError(String uri, int status, String code) {
        admin().get().uri(uri).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.error").isEqualTo(code).jsonPath("$.message").isNotEmpty();
    }

    /** Follows a label's address on the test server; the public base URL names the deployment, not this test. */
    private String visitorPage(String labelUrl) {
        return client().get().uri(toTestServer(labelUrl)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private String toTestServer(String labelUrl) {
        assertThat(labelUrl).startsWith(properties.baseUrl() + "/v/");
        return "http://localhost:" + port + labelUrl.substring(properties.baseUrl().length());
    }

    private static String htmlTitle(Site site, Exhibit exhibit) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(
                exhibit.title().firstOf(site.fallbackChain(site.defaultLanguage())).orElseThrow().text(), "UTF-8");
    }

    private List<String> zbarimg(Path image) throws IOException, InterruptedException {
        return run(List.of("zbarimg", "--raw", "-q", image.toString())).lines().filter(l -> !l.isBlank()).toList();
    }

    /** The command's standard output; its error output (zbarimg complains there about D-Bus) only if it fails. */
    private String run(List<String> command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(work, "stderr", ".txt");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(command.get(0) + " finished").isTrue();
        assertThat(process.exitValue()).as(command + ": " + Files.readString(errors)).isZero();
        return output;
    }
}

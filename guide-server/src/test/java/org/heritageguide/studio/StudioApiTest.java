package org.heritageguide.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.heritageguide.GuideProperties;
import org.heritageguide.GuideServerTest;
import org.heritageguide.PublishingServerTest;
import org.heritageguide.analytics.VisitorEvent;
import org.heritageguide.analytics.VisitorEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/** The studio API against the running server: access, drafts, conflicts, publishing, inbox, dashboard. */
@PublishingServerTest
class StudioApiTest {

    static final String CURATOR = "ethno-curator";
    static final String CURATOR_PASSWORD = "ethno-curator-password";

    @LocalServerPort
    int port;

    @Autowired
    VisitorEvents events;

    @Autowired
    GuideProperties properties;

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    WebTestClient admin() {
        return client().mutate().defaultHeaders(h -> h.setBasicAuth("admin", GuideServerTest.ADMIN_PASSWORD)).build();
    }

    WebTestClient curator() {
        return client().mutate().defaultHeaders(h -> h.setBasicAuth(CURATOR, CURATOR_PASSWORD)).build();
    }

    @BeforeEach
    void ethnologyCurator() {
        admin().put().uri("/api/v1/studio/accounts/" + CURATOR).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "CURATOR", "sites", List.of("ethnology"), "password", CURATOR_PASSWORD))
                .exchange().expectStatus().isOk();
    }

    /** Creates a new exhibit in the ethnology draft, as a curator; returns its id. */
    static String newExhibit(WebTestClient client, String prefix) {
        String id = prefix + "-" + Long.toString(System.nanoTime(), 36);
        client.post().uri("/api/v1/studio/sites/ethnology/exhibits").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", id, "area", "outdoor-garden",
                        "title", Map.of("vi", "Xưởng đèn lồng", "en", "The lantern workshop"),
                        "summary", Map.of("vi", "Đây là xưởng làm đèn lồng giấy.", "en", "This is the paper lantern workshop.")))
                .exchange().expectStatus().isCreated();
        return id;
    }

    private EntityExchangeResult<Map> file(WebTestClient client, String site, String path) {
        return client.get().uri("/api/v1/studio/sites/{site}/files/" + path, site).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult();
    }

    @Test
    void withoutLoginTheApiAnswers401AndTheUiSendsToTheLoginPage() {
        client().get().uri("/api/v1/studio/sites").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody().jsonPath("$.error").isEqualTo("unauthenticated");
        client().get().uri("/studio/sites/ethnology").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, ".*/studio/login");
        client().get().uri("/api/v1/sites").exchange().expectStatus().isOk();
    }

    @Test
    void aCuratorOfEthnologyCannotReadOrWriteAnythingOfVanMieu() {
        curator().get().uri("/api/v1/studio/sites").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[*].id").isEqualTo(List.of("ethnology"));
        curator().get().uri("/api/v1/studio/me").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.sites").isEqualTo(List.of("ethnology"));
        List<String> reads = List.of("", "/files/site.yaml", "/files/exhibits/khue-van-cac.yaml", "/history?path=faq.yaml",
                "/inbox", "/stats", "/stats.csv", "/charts/sessions.svg", "/search?q=van", "/publication",
                "/exhibits/khue-van-cac/qr.png", "/labels.pdf");
        for (String read : reads) {
            curator().get().uri("/api/v1/studio/sites/van-mieu" + read).exchange()
                    .expectStatus().isForbidden().expectBody().jsonPath("$.error").isEqualTo("forbidden");
        }
        Map<String, Object> body = Map.of("yaml", "status: draft\n", "paths", List.of(), "exhibits", List.of("khue-van-cac"),
                "status", "draft", "questions", Map.of("en", List.of("x")), "answer", Map.of("en", "x"), "key", "x");
        List<Object[]> writes = List.of(
                new Object[] {HttpMethod.PUT, "/files/exhibits/khue-van-cac.yaml"},
                new Object[] {HttpMethod.POST, "/exhibits"},
                new Object[] {HttpMethod.POST, "/publication"},
                new Object[] {HttpMethod.POST, "/exhibits/status"},
                new Object[] {HttpMethod.POST, "/restore"},
                new Object[] {HttpMethod.POST, "/faqs"},
                new Object[] {HttpMethod.POST, "/inbox/handled"},
                new Object[] {HttpMethod.POST, "/validate?path=site.yaml"});
        for (Object[] write : writes) {
            curator().method((HttpMethod) write[0]).uri("/api/v1/studio/sites/van-mieu" + write[1])
                    .header(HttpHeaders.IF_MATCH, "\"anything\"")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isForbidden();
        }
        curator().get().uri("/studio/sites/van-mieu").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isForbidden()
                .expectBody(String.class).value(html -> assertThat(html).contains("You do not have access here"));
        curator().get().uri("/api/v1/studio/accounts").exchange().expectStatus().isForbidden();
        curator().get().uri("/api/v1/studio/sites/ethnology").exchange().expectStatus().isOk();
    }

    @Test
    void onlyAnAdministratorChangesWhetherVisitorsVoicesMayGoToTheirBrowsersOnlineRecognizer() {
        EntityExchangeResult<Map> opened = file(curator(), "ethnology", "site.yaml");
        String yaml = (String) opened.getResponseBody().get("yaml");
        assertThat(yaml).contains("browserSpeech: remote-allowed");
        String onDevice = yaml.replace("browserSpeech: remote-allowed", "browserSpeech: on-device");

        curator().put().uri("/api/v1/studio/sites/ethnology/files/site.yaml").header(HttpHeaders.IF_MATCH, opened.getResponseHeaders().getETag())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("yaml", onDevice)).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.error").isEqualTo("forbidden")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains("administrator", "browserSpeech"));
        assertThat(file(curator(), "ethnology", "site.yaml").getResponseBody().get("yaml")).isEqualTo(yaml);
        // the rest of site.yaml stays the curators' to edit
        String renamed = yaml.replace("en: Kite building", "en: The kite building");
        String etag = curator().put().uri("/api/v1/studio/sites/ethnology/files/site.yaml").header(HttpHeaders.IF_MATCH, opened.getResponseHeaders().getETag())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("yaml", renamed)).exchange()
                .expectStatus().isOk().returnResult(Void.class).getResponseHeaders().getETag();

        admin().put().uri("/api/v1/studio/sites/ethnology/files/site.yaml").header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("yaml", onDevice)).exchange().expectStatus().isOk();
        assertThat(((Map<?, ?>) file(admin(), "ethnology", "site.yaml").getResponseBody().get("data")).get("browserSpeech"))
                .isEqualTo("on-device");

        // the draft back as it was, for the other tests
        admin().put().uri("/api/v1/studio/sites/ethnology/files/site.yaml")
                .header(HttpHeaders.IF_MATCH, file(admin(), "ethnology", "site.yaml").getResponseHeaders().getETag())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("yaml", yaml)).exchange().expectStatus().isOk();
    }

    @Test
    void theEditorIsToldEachFieldOfAnExhibitAndItsShapeInTheDocumentedOrder() {
        curator().get().uri("/api/v1/studio/content-fields").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.exhibit[*].name").isEqualTo(List.of("status", "area", "order", "related", "title", "aliases",
                        "summary", "passages", "facts", "location", "pictures"))
                .jsonPath("$.exhibit[?(@.name == 'aliases')].shape").isEqualTo(List.of("LOCALIZED_NAMES"))
                .jsonPath("$.exhibit[?(@.name == 'pictures')].fields[*].name").isEqualTo(List.of("file", "alt", "caption", "credit"));
    }

    @Test
    void aSaveNeedsTheVersionItEditedAndAStaleOneGets409WithTheCurrentVersion() {
        String id = newExhibit(curator(), "conflict");
        String path = "exhibits/" + id + ".yaml";
        EntityExchangeResult<Map> opened = file(curator(), "ethnology", path);
        String etag = opened.getResponseHeaders().getETag();
        String yaml = (String) opened.getResponseBody().get("yaml");

        curator().put().uri("/api/v1/studio/sites/ethnology/files/" + path).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("yaml", yaml)).exchange()
                .expectStatus().isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
        String first = yaml.replace("paper lantern workshop", "workshop where paper lanterns are made");
        curator().put().uri("/api/v1/studio/sites/ethnology/files/" + path).header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("yaml", first, "message", "First")).exchange()
                .expectStatus().isOk().expectHeader().exists(HttpHeaders.ETAG);

        admin().put().uri("/api/v1/studio/sites/ethnology/files/" + path).header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("yaml", yaml.replace("paper", "silk"))).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.error").isEqualTo("edit-conflict")
                .jsonPath("$.current.yaml").isEqualTo(first)
                .jsonPath("$.current.author").isEqualTo(CURATOR)
                .jsonPath("$.current.data.summary.en").isEqualTo("This is the workshop where paper lanterns are made.");
    }

    @Test
    void aTranslationIsOutdatedOnceTheSourceTextChangesAfterIt() {
        String id = newExhibit(curator(), "outdated");
        String path = "exhibits/" + id + ".yaml";
        EntityExchangeResult<Map> opened = file(curator(), "ethnology", path);
        assertThat((Map<String, Object>) opened.getResponseBody().get("translations"))
                .extractingByKey("en").extracting("state").isEqualTo("ok");
        assertThat((Map<String, Object>) opened.getResponseBody().get("translations"))
                .extractingByKey("fr").extracting("state").isEqualTo("missing");

        String yaml = (String) opened.getResponseBody().get("yaml");
        curator().put().uri("/api/v1/studio/sites/ethnology/files/" + path).header(HttpHeaders.IF_MATCH, opened.getResponseHeaders().getETag())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("yaml", yaml.replace("Đây là xưởng", "Đây là xưởng nhỏ"))).exchange()
                .expectStatus().isOk();
        curator().get().uri("/api/v1/studio/sites/ethnology/files/" + path).exchange().expectBody()
                .jsonPath("$.translations.en.state").isEqualTo("outdated")
                .jsonPath("$.translations.en.fields.summary").isEqualTo("outdated")
                .jsonPath("$.translations.en.fields.title").doesNotExist();

        EntityExchangeResult<Map> again = file(curator(), "ethnology", path);
        curator().put().uri("/api/v1/studio/sites/ethnology/files/" + path).header(HttpHeaders.IF_MATCH, again.getResponseHeaders().getETag())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("yaml", ((String) again.getResponseBody().get("yaml")).replace("the paper lantern", "the small paper lantern")))
                .exchange().expectStatus().isOk();
        curator().get().uri("/api/v1/studio/sites/ethnology/files/" + path).exchange().expectBody()
                .jsonPath("$.translations.en.state").isEqualTo("ok");
    }

    @Test
    void invalidContentIsRefusedWithProblemsByLineAndField() {
        String id = newExhibit(curator(), "invalid");
        String path = "exhibits/" + id + ".yaml";
        EntityExchangeResult<Map> opened = file(curator(), "ethnology", path);
        Map<String, Object> data = new java.util.LinkedHashMap<>((Map<String, Object>) opened.getResponseBody().get("data"));
        data.put("area", "the-moon");
        data.put("summary", Map.of("en", "No Vietnamese"));
        curator().put().uri("/api/v1/studio/sites/ethnology/files/" + path)
                .header(HttpHeaders.IF_MATCH, opened.getResponseHeaders().getETag())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("data", data)).exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.problems[?(@.field == 'area')].line").isEqualTo(List.of(2))
                .jsonPath("$.problems[?(@.field == 'summary')].message")
                .value(messages -> assertThat(messages.toString()).contains("default language (vi) is missing"));
    }

    @Test
    void publishingMakesTheDraftLiveAndARevisionCanBeRestored() throws Exception {
        String id = newExhibit(curator(), "publish");
        String path = "exhibits/" + id + ".yaml";
        client().get().uri("/api/v1/sites/ethnology/exhibits/" + id).exchange().expectStatus().isNotFound();

        curator().post().uri("/api/v1/studio/sites/ethnology/exhibits/status").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("exhibits", List.of(id), "status", "published", "publish", true)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.publication.state").isEqualTo("DONE");
        client().get().uri("/api/v1/sites/ethnology/exhibits/" + id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.summary.en").isEqualTo("This is the paper lantern workshop.");
        assertThat(Files.readString(properties.contentDir().resolve("sites/ethnology/" + path))).contains("status: published");

        EntityExchangeResult<Map> opened = file(curator(), "ethnology", path);
        String edited = ((String) opened.getResponseBody().get("yaml")).replace("paper lantern workshop", "kite workshop");
        curator().put().uri("/api/v1/studio/sites/ethnology/files/" + path)
                .header(HttpHeaders.IF_MATCH, opened.getResponseHeaders().getETag())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("yaml", edited)).exchange().expectStatus().isOk();
        client().get().uri("/api/v1/sites/ethnology/exhibits/" + id).exchange()
                .expectBody().jsonPath("$.summary.en").isEqualTo("This is the paper lantern workshop.");

        List<Map<String, Object>> revisions = (List<Map<String, Object>>) curator().get()
                .uri("/api/v1/studio/sites/ethnology/history?path=" + path).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("revisions");
        assertThat(revisions).hasSize(3);
        assertThat(revisions.get(0)).containsEntry("current", true);
        assertThat(revisions.get(1)).containsEntry("live", true);
        String live = (String) ((Map<String, Object>) revisions.get(1).get("revision")).get("id");

        curator().post().uri("/api/v1/studio/sites/ethnology/restore").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("path", path, "revision", live)).exchange().expectStatus().isOk();
        curator().get().uri("/api/v1/studio/sites/ethnology/files/" + path).exchange()
                .expectBody().jsonPath("$.changed").isEqualTo(false)
                .jsonPath("$.data.summary.en").isEqualTo("This is the paper lantern workshop.");
    }

    /**
     * A publication reported DONE, by the bulk action's answer or by the job the studio polls, is what
     * visitors of this instance get at once: the studio's toast says "live for visitors after N ms".
     */
    @Test
    void aPublishedExhibitIsServedToVisitorsAsSoonAsItsPublicationIsDone() throws InterruptedException {
        for (int round = 0; round < 8; round++) {
            String shownAtOnce = newExhibit(curator(), "bulk");
            curator().post().uri("/api/v1/studio/sites/ethnology/exhibits/status").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("exhibits", List.of(shownAtOnce), "status", "published", "publish", true)).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.publication.state").isEqualTo("DONE")
                    .jsonPath("$.publication.paths").isEqualTo(List.of("exhibits/" + shownAtOnce + ".yaml"))
                    .jsonPath("$.publication.message").value(message ->
                            assertThat((String) message).startsWith("Published 1 file(s); live for visitors after"));
            client().get().uri("/api/v1/sites/ethnology/exhibits/" + shownAtOnce).exchange().expectStatus().isOk();

            String publishedLater = newExhibit(curator(), "job");
            curator().post().uri("/api/v1/studio/sites/ethnology/exhibits/status").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("exhibits", List.of(publishedLater), "status", "published")).exchange()
                    .expectStatus().isOk();
            curator().post().uri("/api/v1/studio/sites/ethnology/publication").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("paths", List.of("exhibits/" + publishedLater + ".yaml"))).exchange()
                    .expectStatus().isAccepted();
            Map<?, ?> job = publicationWhenFinished();
            assertThat(job.get("state")).isEqualTo("DONE");
            assertThat(job.get("paths")).isEqualTo(List.of("exhibits/" + publishedLater + ".yaml"));
            client().get().uri("/api/v1/sites/ethnology/exhibits/" + publishedLater).exchange().expectStatus().isOk();
        }
    }

    /** The ethnology publication as the studio polls it, once it is no longer running. */
    private Map<?, ?> publicationWhenFinished() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            Map<?, ?> job = curator().get().uri("/api/v1/studio/sites/ethnology/publication").exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            if (!"RUNNING".equals(job.get("state")) || Instant.now().isAfter(deadline)) {
                return job;
            }
            Thread.sleep(25);
        }
    }

    @Test
    void settingAStatusChangesOnlyItsLineEvenWithTheCuratorsCommentOnIt() {
        String id = newExhibit(curator(), "commented");
        String path = "exhibits/" + id + ".yaml";
        EntityExchangeResult<Map> opened = file(curator(), "ethnology", path);
        String commented = "# photographs to clear first\n" + ((String) opened.getResponseBody().get("yaml"))
                .replace("status: draft\n", "status: draft  # until the lanterns are lit\n");
        curator().put().uri("/api/v1/studio/sites/ethnology/files/" + path)
                .header(HttpHeaders.IF_MATCH, opened.getResponseHeaders().getETag())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("yaml", commented)).exchange().expectStatus().isOk();

        curator().post().uri("/api/v1/studio/sites/ethnology/exhibits/status").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("exhibits", List.of(id), "status", "published")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.changed[0]").isEqualTo(path);

        Map<?, ?> saved = file(curator(), "ethnology", path).getResponseBody();
        assertThat(saved.get("yaml")).isEqualTo(commented.replace("status: draft  #", "status: published  #"));
        assertThat(((Map<?, ?>) saved.get("data")).get("status")).isEqualTo("published");
    }

    @Test
    void theMetricsAreForAdminsAndHealthIsPublic() {
        client().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.error").isEqualTo("unauthenticated");
        curator().get().uri("/actuator/prometheus").exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.error").isEqualTo("forbidden");
        admin().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics).contains("guide_events_write_failures_total"));
        client().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    /** Every series the operators' Grafana dashboard (docs/grafana) reads is one the guide publishes. */
    @Test
    void theOperatorsDashboardReadsOnlyMetricsTheGuidePublishes() throws Exception {
        String session = (String) client().post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", "ethnology", "language", "en")).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        client().post().uri("/api/v1/sessions/" + session + "/turns").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "What time do you open?")).exchange().expectStatus().isOk();
        String metrics = admin().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Set<String> published = metrics.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());

        String dashboard = Files.readString(Path.of("docs/grafana/heritage-guide.json"));
        Set<String> read = Pattern.compile("\\b(guide_[a-z_]+|jvm_[a-z_]+|process_[a-z_]+)")
                .matcher(dashboard).results().map(m -> m.group(1)).collect(Collectors.toSet());
        assertThat(read).as("series the dashboard reads").hasSizeGreaterThan(10);
        assertThat(published).containsAll(read);
    }

    @Test
    void publishingKeepsTheModeOfTheFilesItReplaces() throws Exception {
        String id = newExhibit(curator(), "mode");
        String path = "exhibits/" + id + ".yaml";
        Path onDisk = properties.contentDir().resolve("sites/ethnology/" + path);
        curator().post().uri("/api/v1/studio/sites/ethnology/exhibits/status").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("exhibits", List.of(id), "status", "published", "publish", true)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.publication.state").isEqualTo("DONE");
        Path madeTheUsualWay = Files.createFile(properties.contentDir().resolve("usual-" + System.nanoTime()));
        assertThat(Files.getPosixFilePermissions(onDisk)).as("a new file's mode")
                .isEqualTo(Files.getPosixFilePermissions(madeTheUsualWay));
        Files.delete(madeTheUsualWay);

        Files.setPosixFilePermissions(onDisk, PosixFilePermissions.fromString("rw-r-----"));
        EntityExchangeResult<Map> opened = file(curator(), "ethnology", path);
        String edited = ((String) opened.getResponseBody().get("yaml")).replace("paper lantern workshop", "kite workshop");
        curator().put().uri("/api/v1/studio/sites/ethnology/files/" + path)
                .header(HttpHeaders.IF_MATCH, opened.getResponseHeaders().getETag())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("yaml", edited)).exchange().expectStatus().isOk();
        curator().post().uri("/api/v1/studio/sites/ethnology/publication").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("paths", List.of(path))).exchange().expectStatus().isAccepted();
        for (Instant deadline = Instant.now().plusSeconds(30); Instant.now().isBefore(deadline)
                && !Files.readString(onDisk).contains("kite workshop"); Thread.sleep(100)) {
            // the publication runs in the background
        }

        assertThat(Files.readString(onDisk)).contains("kite workshop");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(onDisk))).isEqualTo("rw-r-----");
    }

    @Test
    void anExhibitIsDeletedFromTheDraftUnlessAnotherStillNamesIt() {
        String named = newExhibit(curator(), "named");
        String naming = newExhibit(curator(), "naming");
        EntityExchangeResult<Map> opened = file(curator(), "ethnology", "exhibits/" + naming + ".yaml");
        curator().put().uri("/api/v1/studio/sites/ethnology/files/exhibits/" + naming + ".yaml")
                .header(HttpHeaders.IF_MATCH, opened.getResponseHeaders().getETag()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("yaml", opened.getResponseBody().get("yaml") + "related: [" + named + "]\n")).exchange()
                .expectStatus().isOk();
        String namedEtag = file(curator(), "ethnology", "exhibits/" + named + ".yaml").getResponseHeaders().getETag();

        curator().delete().uri("/api/v1/studio/sites/ethnology/files/exhibits/" + named + ".yaml")
                .header(HttpHeaders.IF_MATCH, namedEtag).exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.problems[0].field").isEqualTo("related");

        String namingEtag = file(curator(), "ethnology", "exhibits/" + naming + ".yaml").getResponseHeaders().getETag();
        curator().delete().uri("/api/v1/studio/sites/ethnology/files/exhibits/" + naming + ".yaml")
                .header(HttpHeaders.IF_MATCH, namingEtag).exchange().expectStatus().isNoContent();
        curator().get().uri("/api/v1/studio/sites/ethnology/files/exhibits/" + naming + ".yaml").exchange()
                .expectStatus().isNotFound();
        curator().get().uri("/api/v1/studio/sites/ethnology/history?path=exhibits/" + naming + ".yaml").exchange()
                .expectBody().jsonPath("$.revisions[0].revision.message").isEqualTo("Delete exhibits/" + naming + ".yaml");
    }

    @Test
    void aFileWrittenByHandInTheContentDirectoryIsPickedUp() throws Exception {
        String id = "by-hand-" + Long.toString(System.nanoTime(), 36);
        Path file = properties.contentDir().resolve("sites/ethnology/exhibits/" + id + ".yaml");
        Files.writeString(file, """
                status: published
                area: outdoor-garden
                title: {vi: Cối giã gạo, en: The rice mortar}
                summary: {vi: Đây là cối giã gạo., en: This is a rice mortar.}
                """);
        Instant deadline = Instant.now().plusSeconds(15);
        int status = 0;
        while (Instant.now().isBefore(deadline) && status != 200) {
            status = client().get().uri("/api/v1/sites/ethnology/exhibits/" + id).exchange()
                    .returnResult(String.class).getStatus().value();
            Thread.sleep(200);
        }
        assertThat(status).isEqualTo(200);
        curator().get().uri("/api/v1/studio/sites/ethnology/history?path=exhibits/" + id + ".yaml").exchange()
                .expectBody().jsonPath("$.revisions[0].revision.author").isEqualTo("disk");
    }

    @Test
    void unansweredQuestionsAreGroupedInTheInboxAndOneBecomesAFaq() {
        String question = "Where can I buy a lantern " + Long.toString(System.nanoTime(), 36) + "?";
        Instant now = Instant.now();
        events.record(VisitorEvent.turn(now, "ethnology", "hmong-house", "s1", "en", "text", question, false, 40, List.of()));
        events.record(VisitorEvent.turn(now, "ethnology", null, "s2", "en", "voice", question.toLowerCase().replace("?", ""), false, 60, List.of()));
        events.record(VisitorEvent.turn(now, "ethnology", null, "s3", "fr", "text", question.toUpperCase(), false, 50, List.of()));
        events.record(VisitorEvent.turn(now, "van-mieu", null, "s4", "en", "text", question, false, 50, List.of()));

        List<Map<String, Object>> inbox = (List<Map<String, Object>>) (List<?>) curator().get().uri("/api/v1/studio/sites/ethnology/inbox")
                .exchange().expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody();
        Map<String, Object> group = inbox.stream().filter(g -> g.get("key").equals(VisitorInsights.normalise(question))).findFirst().orElseThrow();
        assertThat(group).containsEntry("count", 3).containsEntry("languages", Map.of("en", 2, "fr", 1));

        curator().post().uri("/api/v1/studio/sites/ethnology/faqs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("questions", Map.of("en", List.of(question)), "answer", Map.of("en", "At the museum shop."),
                        "inboxKey", group.get("key"))).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.yaml").value(yaml -> assertThat((String) yaml).contains("At the museum shop."));
        curator().get().uri("/api/v1/studio/sites/ethnology/inbox").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain((String) group.get("key")));
        curator().get().uri("/api/v1/studio/sites/ethnology/stats").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.stats.questions").value(n -> assertThat((Integer) n).isGreaterThanOrEqualTo(3));
        curator().get().uri("/api/v1/studio/sites/ethnology/stats.csv").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).value(csv -> assertThat(csv).startsWith("day,sessions,exhibit_scans,questions"));
        curator().get().uri("/api/v1/studio/sites/ethnology/charts/questions.svg").exchange().expectStatus().isOk()
                .expectBody(String.class).value(svg -> assertThat(svg).startsWith("<svg").contains("not answered"));
    }

    @Test
    void theInboxSuggestsNoFaqAboutAnotherExhibitThanTheQuestion() {
        // asked at the Hmong house, "who built this?" is about that house: the closest FAQ by its words is the
        // Ba Na rông house's ("Who built the rông house here?"), and one click would make its answer this one's
        String question = "Who built this?";
        Map<String, Object> reply = ask(Map.of("site", "ethnology", "exhibit", "hmong-house", "language", "en"), question);
        assertThat(reply.get("answered")).isEqualTo(false);

        assertThat(inboxGroup("ethnology", question).get("closestFaq")).isNull();
    }

    @Test
    void aQuestionTheGuideHadTheAnswerForButNotTheWordsJoinsTheClosestFaqAndIsAnsweredOncePublished() throws Exception {
        // "where does the Bronze Drum building's shape come from?" in a visitor's Korean, not the FAQ's
        String question = "청동북관 모양의 유래가 뭐예요?";
        assertThat(ask("ethnology", "ko", question).get("answered")).isEqualTo(false);

        Map<String, Object> group = inboxGroup("ethnology", question);
        assertThat(group.get("closestFaq")).isEqualTo(Map.of("id", "why-the-bronze-drum-shape", "question", "왜 건물이 북 모양인가요?"));

        curator().post().uri("/api/v1/studio/sites/ethnology/faqs/why-the-bronze-drum-shape/questions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("language", "ko", "question", question, "inboxKey", group.get("key"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.yaml").value(yaml -> assertThat((String) yaml).contains("- \"" + question + "\""));
        curator().get().uri("/api/v1/studio/sites/ethnology/inbox").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain((String) group.get("key")));

        curator().post().uri("/api/v1/studio/sites/ethnology/faqs/no-such-faq/questions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("language", "ko", "question", question)).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.error").isEqualTo("faq-not-found");
        curator().post().uri("/api/v1/studio/sites/ethnology/faqs/why-the-bronze-drum-shape/questions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("language", "de", "question", "Wer hat das entworfen?")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("unsupported-language");
        curator().post().uri("/api/v1/studio/sites/ethnology/faqs/why-the-bronze-drum-shape/questions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("question", question)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid");
        curator().post().uri("/api/v1/studio/sites/van-mieu/faqs/who-founded-the-temple/questions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("language", "en", "question", "who set it up?")).exchange()
                .expectStatus().isForbidden();

        curator().post().uri("/api/v1/studio/sites/ethnology/publication").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("paths", List.of("faq.yaml"))).exchange().expectStatus().isAccepted();
        Map<String, Object> answer = Map.of();
        for (Instant deadline = Instant.now().plusSeconds(60); Instant.now().isBefore(deadline)
                && !Boolean.TRUE.equals(answer.get("answered")); Thread.sleep(500)) {
            answer = ask("ethnology", "ko", question);
        }
        assertThat(answer.get("answered")).as("answered once published: %s", answer).isEqualTo(true);
        assertThat((List<Map<String, Object>>) answer.get("sources")).extracting(source -> source.get("exhibit"))
                .containsExactly("bronze-drum-building");
        assertThat((String) answer.get("text")).as("the FAQ's answer").contains("동선 문화");
    }

    /** What the guide replies to a question typed by a new visitor of the site. */
    private Map<String, Object> ask(String site, String language, String question) {
        return ask(Map.of("site", site, "language", language), question);
    }

    private Map<String, Object> ask(Map<String, String> session, String question) {
        String id = (String) client().post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(session).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        return client().post().uri("/api/v1/sessions/" + id + "/turns").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", question)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private Map<String, Object> inboxGroup(String site, String question) {
        List<Map<String, Object>> inbox = (List<Map<String, Object>>) (List<?>) curator().get()
                .uri("/api/v1/studio/sites/" + site + "/inbox").exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody();
        return inbox.stream().filter(g -> g.get("key").equals(VisitorInsights.normalise(question))).findFirst().orElseThrow();
    }

    @Test
    void theWebUiNeedsItsCsrfTokenForChangesAndLogsInWithAForm() {
        EntityExchangeResult<String> page = client().get().uri("/studio/login").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getResponseBody());
        assertThat(token.find()).isTrue();
        ResponseCookie csrfCookie = page.getResponseCookies().getFirst("GUIDE_STUDIO_XSRF");
        assertThat(csrfCookie.isSecure()).isTrue();

        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", CURATOR);
        form.add("password", CURATOR_PASSWORD);
        form.add("_csrf", token.group(1));
        EntityExchangeResult<Void> login = client().post().uri("/studio/login").cookie(csrfCookie.getName(), csrfCookie.getValue())
                .body(BodyInserters.fromFormData(form)).exchange()
                .expectStatus().is3xxRedirection().expectBody().isEmpty();
        ResponseCookie session = login.getResponseCookies().getFirst("GUIDE_STUDIO_SESSION");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.isSecure()).isTrue();

        WebTestClient browser = client().mutate().defaultCookie(session.getName(), session.getValue())
                .defaultCookie(csrfCookie.getName(), csrfCookie.getValue()).build();
        browser.get().uri("/api/v1/studio/me").exchange().expectStatus().isOk().expectBody().jsonPath("$.username").isEqualTo(CURATOR);
        Map<String, Object> body = Map.of("id", "csrf-check", "title", Map.of("vi", "x"), "summary", Map.of("vi", "x"));
        browser.post().uri("/api/v1/studio/sites/ethnology/exhibits").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.error").isEqualTo("csrf");
        browser.post().uri("/api/v1/studio/sites/ethnology/validate?path=site.yaml").header("X-XSRF-TOKEN", csrfCookie.getValue())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("yaml", "name: {en: x}\n")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.problems[0].field").isNotEmpty();
    }

    @Test
    void repeatedWrongPasswordsAreRefusedFor429() {
        String user = "guess-target";
        admin().put().uri("/api/v1/studio/accounts/" + user).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "CURATOR", "sites", List.of(), "password", "the-right-password")).exchange()
                .expectStatus().isOk();
        for (int i = 0; i < 5; i++) {
            client().get().uri("/api/v1/studio/me").headers(h -> h.setBasicAuth(user, "wrong-guess")).exchange()
                    .expectStatus().isUnauthorized();
        }
        client().get().uri("/api/v1/studio/me").headers(h -> h.setBasicAuth(user, "the-right-password")).exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);
    }

    @Test
    void aCuratorAsksTheDraftWhatVisitorsWouldHearBeforePublishing() {
        String id = newExhibit(curator(), "try");
        Map<?, ?> answer = curator().post().uri("/api/v1/studio/sites/ethnology/preview/ask")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("exhibit", id, "language", "en", "question", "What is this?"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(answer.get("answered")).isEqualTo(true);
        assertThat((String) answer.get("text")).contains("paper lantern workshop");
        assertThat((List<Map<String, Object>>) answer.get("sources")).extracting(source -> source.get("exhibit")).contains(id);
        assertThat((String) answer.get("audioUrl")).startsWith("/api/v1/audio/");

        // the editor's unsaved text is what is tried
        Map<String, Object> edited = Map.of("status", "draft", "area", "outdoor-garden",
                "title", Map.of("vi", "Xưởng đèn lồng", "en", "The lantern workshop"),
                "summary", Map.of("vi", "Đây là xưởng làm đèn lồng giấy.",
                        "en", "Lanterns of bamboo and silk are made here for the Mid-Autumn festival."));
        Map<?, ?> unsaved = curator().post().uri("/api/v1/studio/sites/ethnology/preview/ask")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("exhibit", id, "language", "en", "question", "What is this?", "data", edited))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((String) unsaved.get("text")).contains("bamboo and silk");

        // visitors know nothing of it until it is published
        client().get().uri("/api/v1/sites/ethnology/exhibits/" + id).exchange().expectStatus().isNotFound();

        Map<?, ?> unknown = curator().post().uri("/api/v1/studio/sites/ethnology/preview/ask")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("language", "en", "question", "Who won the world cup in 1998?"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(unknown.get("answered")).isEqualTo(false);

        curator().post().uri("/api/v1/studio/sites/ethnology/preview/ask").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("exhibit", id, "question", "What is this?"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid");
        curator().post().uri("/api/v1/studio/sites/van-mieu/preview/ask").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("language", "en", "question", "What is this?"))
                .exchange().expectStatus().isForbidden();
    }
}

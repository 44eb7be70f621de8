package org.heritageguide.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.heritageguide.GuideServerTest;
import org.heritageguide.qr.LabelSigner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The public sites and sessions API, against the running server with the sample sites. */
@GuideServerTest
@SuppressWarnings("unchecked")
class SessionsApiTest {

    @Autowired
    LabelSigner signer;

    @Autowired
    WebTestClient client;

    @Test
    void listsTheSampleSitesWithTheirLanguages() {
        client.get().uri("/api/v1/sites").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id == 'van-mieu')].defaultLanguage").isEqualTo("vi")
                .jsonPath("$[?(@.id == 'van-mieu')].name.en").isEqualTo("The Temple of Literature")
                .jsonPath("$[?(@.id == 'ethnology')].languages[0]").isEqualTo("vi");
    }

    @Test
    void aSiteListsItsPublishedExhibitsInTourOrderAndItsVisitorInformation() {
        client.get().uri("/api/v1/sites/van-mieu").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.exhibits[?(@.id == 'khue-van-cac')].title.vi").isEqualTo("Khuê Văn Các")
                .jsonPath("$.exhibits.length()").value(n -> assertThat((Integer) n).isGreaterThanOrEqualTo(10))
                .jsonPath("$.visitorInfo.hours.en").value(text -> assertThat((String) text).contains("08:00"));
    }

    @Test
    void aSiteSaysWhichOfItsLanguagesTheGuideCanHearAndSuggestsQuestionsAboutItInEach() {
        // the sample server has a speech model for English only (models/README.md tells how to add one)
        client.get().uri("/api/v1/sites/van-mieu").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.heardLanguages").isEqualTo(java.util.List.of("en"))
                .jsonPath("$.suggestions.en[0]").isEqualTo("Who built the Temple of Literature?")
                .jsonPath("$.suggestions.ko[0]").isEqualTo("문묘는 누가 세웠나요?")
                .jsonPath("$.suggestions.zh.length()").value(n -> assertThat((Integer) n).isBetween(1, 3))
                .jsonPath("$.suggestions.vi").value(questions -> assertThat(questions.toString())
                        .as("questions about the site as a whole, not about one exhibit")
                        .doesNotContain("Đây có phải là trường đại học không?"));
    }

    @Test
    void theLanguageComesFromAcceptLanguageAmongTheSitesLanguages() {
        client.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE,fr;q=0.8,en;q=0.5")
                .bodyValue(Map.of("site", "van-mieu", "exhibit", "khue-van-cac",
                        "sig", signer.sign("van-mieu", "khue-van-cac")))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.language").isEqualTo("fr")
                .jsonPath("$.exhibit").isEqualTo("khue-van-cac")
                .jsonPath("$.id").value(id -> assertThat((String) id).hasSizeGreaterThanOrEqualTo(20))
                .jsonPath("$.greeting.text").value(text -> assertThat((String) text).contains("Khuê Văn Các"));
    }

    @Test
    void withNoUsableLanguageTheSiteDefaultIsUsedAndAnExplicitLanguageWins() {
        client.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ja-JP")
                .bodyValue(Map.of("site", "ethnology")).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.language").isEqualTo("vi");
        client.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "fr")
                .bodyValue(Map.of("site", "ethnology", "language", "ko")).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.language").isEqualTo("ko");
    }

    @Test
    void theNextScanAndALanguageSwitchKeepTheConversation() {
        String id = open("van-mieu", "khue-van-cac", "en");

        client.patch().uri("/api/v1/sessions/" + id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("exhibit", "thien-quang-tinh", "sig", signer.sign("van-mieu", "thien-quang-tinh"),
                        "language", "vi"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.exhibit").isEqualTo("thien-quang-tinh")
                .jsonPath("$.language").isEqualTo("vi")
                .jsonPath("$.exhibitsVisited[0]").isEqualTo("khue-van-cac")
                .jsonPath("$.exhibitsVisited[1]").isEqualTo("thien-quang-tinh");
        client.get().uri("/api/v1/sessions/" + id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.language").isEqualTo("vi");
    }

    @Test
    void onlyASignedLabelCountsAsAScanOnTheDashboard() {
        int scans = scansOf("thien-quang-tinh");
        int sessions = sessionsOfVanMieu();

        // a visitor who typed the address: the conversation opens at the exhibit, but it is no scan
        String typed = open("van-mieu", "thien-quang-tinh", "en");
        assertThat(scansOf("thien-quang-tinh")).isEqualTo(scans);
        assertThat(sessionsOfVanMieu()).isEqualTo(sessions + 1);

        client.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", "van-mieu", "exhibit", "thien-quang-tinh", "sig", signer.sign("van-mieu", "thien-quang-tinh")))
                .exchange().expectStatus().isCreated();
        assertThat(scansOf("thien-quang-tinh")).isEqualTo(scans + 1);

        // moving on without a label (chosen in the app) is no scan either; the next label is
        String moving = open("van-mieu", "khue-van-cac", "en");
        client.patch().uri("/api/v1/sessions/" + moving).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("exhibit", "thien-quang-tinh")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.exhibit").isEqualTo("thien-quang-tinh");
        assertThat(scansOf("thien-quang-tinh")).isEqualTo(scans + 1);
        client.patch().uri("/api/v1/sessions/" + typed).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("exhibit", "khue-van-cac", "sig", signer.sign("van-mieu", "khue-van-cac"))).exchange()
                .expectStatus().isOk();
        client.patch().uri("/api/v1/sessions/" + typed).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("exhibit", "thien-quang-tinh", "sig", signer.sign("van-mieu", "thien-quang-tinh"))).exchange()
                .expectStatus().isOk();
        assertThat(scansOf("thien-quang-tinh")).isEqualTo(scans + 2);
    }

    /** The scans of an exhibit of the Temple of Literature on the studio's dashboard, today. */
    private int scansOf(String exhibit) {
        Map<String, Integer> scans = (Map<String, Integer>) dashboard().get("exhibitScans");
        return scans.getOrDefault(exhibit, 0);
    }

    private int sessionsOfVanMieu() {
        return (Integer) dashboard().get("sessions");
    }

    private Map<String, Object> dashboard() {
        return (Map<String, Object>) client.get().uri("/api/v1/studio/sites/van-mieu/stats")
                .headers(h -> h.setBasicAuth("admin", GuideServerTest.ADMIN_PASSWORD)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("stats");
    }

    @Test
    void unknownThingsAre404WithAJsonError() {
        expectError(client.get().uri("/api/v1/sites/louvre").exchange(), HttpStatus.NOT_FOUND, "site-not-found");
        expectError(client.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", "van-mieu", "exhibit", "mona-lisa")).exchange(), HttpStatus.NOT_FOUND, "exhibit-not-found");
        expectError(client.get().uri("/api/v1/sessions/no-such-session").exchange(), HttpStatus.NOT_FOUND, "session-not-found");
        expectError(client.patch().uri("/api/v1/sessions/no-such-session").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("language", "en")).exchange(), HttpStatus.NOT_FOUND, "session-not-found");
        expectError(client.get().uri("/api/v1/nothing-here").exchange(), HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void badInputIsA4xxWithAJsonErrorThatSaysWhatIsWrong() {
        expectError(post("{\"site\": ", MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST, "bad-request");
        expectError(post("{\"site\": [1, 2]}", MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST, "bad-request");
        expectError(post("{\"exhibit\": \"khue-van-cac\"}", MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST, "invalid");
        // a wrong type is named, never read as text: {"site": 42} is not a site called "42"
        post("{\"site\": 42}", MediaType.APPLICATION_JSON).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("bad-request")
                .jsonPath("$.message").isEqualTo("'site' must be text.");
        post("{\"site\": \"van-mieu\", \"language\": true}", MediaType.APPLICATION_JSON).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").isEqualTo("'language' must be text.");
        expectError(post("{\"site\": \"van-mieu\", \"language\": \"tlh\"}", MediaType.APPLICATION_JSON),
                HttpStatus.BAD_REQUEST, "unsupported-language");
        expectError(post("{\"site\": \"van-mieu\", \"exhibit\": \"khue-van-cac\", \"sig\": \"forged123456\"}",
                MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST, "label-not-recognised");
        expectError(post("site=van-mieu", MediaType.APPLICATION_FORM_URLENCODED), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type");
        String huge = "{\"site\": \"van-mieu\", \"exhibit\": \"" + "x".repeat(200_000) + "\"}";
        expectError(post(huge, MediaType.APPLICATION_JSON), HttpStatus.CONTENT_TOO_LARGE, "too-large");
    }

    private WebTestClient.ResponseSpec post(String body, MediaType type) {
        return client.post().uri("/api/v1/sessions").contentType(type).bodyValue(body).exchange();
    }

    private static void expectError(WebTestClient.ResponseSpec response, HttpStatus status, String code) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.error").isEqualTo(code)
                .jsonPath("$.message").value(m -> assertThat((String) m).isNotBlank());
    }

    private String open(String site, String exhibit, String language) {
        return client.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", site, "exhibit", exhibit, "language", language))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }
}

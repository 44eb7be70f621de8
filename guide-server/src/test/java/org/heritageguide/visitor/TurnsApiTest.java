package org.heritageguide.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.heritageguide.GuideServerTest;
import org.heritageguide.analytics.VisitorEvent;
import org.heritageguide.analytics.VisitorEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Asking the guide questions over HTTP, against the running server with the sample sites. */
@GuideServerTest
@SuppressWarnings("unchecked")
class TurnsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    VisitorEvents events;

    private WebTestClient client() {
        // answers take a few milliseconds, but the CI machine may be busy
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void answersFromTheCuratorsTextWithItsSourceAndRecordsTheTurn() {
        String id = open("van-mieu", "khue-van-cac", "en");
        ask(id, "When was this built?").expectStatus().isOk().expectBody()
                .jsonPath("$.answered").isEqualTo(true)
                .jsonPath("$.language").isEqualTo("en")
                .jsonPath("$.text").value(text -> assertThat((String) text).contains("1805"))
                .jsonPath("$.sources[0].exhibit").isEqualTo("khue-van-cac")
                .jsonPath("$.sources[0].title").value(title -> assertThat((String) title).startsWith("Khuê Văn Các"))
                .jsonPath("$.audioUrl").value(url -> assertThat((String) url).matches("/api/v1/audio/[0-9a-f]{32}"))
                .jsonPath("$.notice").doesNotExist()
                // asked at the pavilion, "this" is the pavilion: its own text answers, whichever rule found it
                .jsonPath("$.decidedBy").value(rule -> assertThat(rule).isIn("content-answers", "pointing-answered-on-its-exhibit"))
                .jsonPath("$.sources[0].id").isEqualTo("exhibit:khue-van-cac");

        List<VisitorEvent> turns = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        events.read(today.minusDays(1), today.plusDays(1), event -> {
            if (id.equals(event.session()) && VisitorEvent.TURN.equals(event.type())) {
                turns.add(event);
            }
        });
        assertThat(turns).singleElement().satisfies(turn -> {
            assertThat(turn.question()).isEqualTo("When was this built?");
            assertThat(turn.answered()).isTrue();
            assertThat(turn.channel()).isEqualTo("text");
            assertThat(turn.sources()).isNotEmpty().allMatch(s -> s.contains("khue-van-cac") || s.startsWith("faq:"));
            assertThat(turn.latencyMs()).isNotNull();
        });
    }

    @Test
    void aQuestionTheBrowserHeardIsAVoiceQuestionInTheRecordsAndTheDashboard() {
        int voiceBefore = voiceQuestions("ethnology");
        String id = open("ethnology", "viet-house", "vi");

        client().post().uri("/api/v1/sessions/{id}/turns", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "Nhà này của người nào?", "spoken", true)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.language").isEqualTo("vi");
        ask(id, "Nhà này làm bằng gì?").expectStatus().isOk();

        List<VisitorEvent> turns = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        events.read(today.minusDays(1), today.plusDays(1), event -> {
            if (id.equals(event.session()) && VisitorEvent.TURN.equals(event.type())) {
                turns.add(event);
            }
        });
        assertThat(turns).extracting(VisitorEvent::channel).containsExactly("voice", "text");
        assertThat(voiceQuestions("ethnology")).isEqualTo(voiceBefore + 1);

        client().post().uri("/api/v1/sessions/{id}/turns", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\": \"hello\", \"spoken\": \"yes\"}").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("bad-request")
                .jsonPath("$.message").isEqualTo("'spoken' must be true or false.");
    }

    private int voiceQuestions(String site) {
        Map<?, ?> stats = client().get().uri("/api/v1/studio/sites/{site}/stats", site)
                .headers(h -> h.setBasicAuth("admin", GuideServerTest.ADMIN_PASSWORD)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) ((Map<?, ?>) stats.get("stats")).get("voice")).intValue();
    }

    @Test
    void saysPlainlyWhenItDoesNotKnowAndRecordsTheQuestionForTheCurators() {
        String id = open("van-mieu", "khue-van-cac", "vi");
        ask(id, "Ai vô địch World Cup năm ngoái?").expectStatus().isOk().expectBody()
                .jsonPath("$.answered").isEqualTo(false)
                .jsonPath("$.language").isEqualTo("vi")
                .jsonPath("$.decidedBy").isEqualTo("nothing-sure-enough")
                .jsonPath("$.sources.length()").isEqualTo(0)
                .jsonPath("$.text").value(text -> assertThat((String) text).contains("Xin lỗi").contains("Khuê Văn Các"));
        List<VisitorEvent> unanswered = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        events.read(today.minusDays(1), today.plusDays(1), event -> {
            if (id.equals(event.session()) && Boolean.FALSE.equals(event.answered())) {
                unanswered.add(event);
            }
        });
        assertThat(unanswered).extracting(VisitorEvent::question).containsExactly("Ai vô địch World Cup năm ngoái?");
    }

    @Test
    void followsUpOnTheTopicAndSwitchesLanguageWhenAsked() {
        String id = open("van-mieu", "khue-van-cac", "en");
        ask(id, "and the well next to it?").expectStatus().isOk().expectBody()
                .jsonPath("$.sources[0].exhibit").isEqualTo("thien-quang-tinh");
        ask(id, "tell me more").expectStatus().isOk().expectBody()
                .jsonPath("$.sources[0].exhibit").isEqualTo("thien-quang-tinh");
        ask(id, "Can you speak French?").expectStatus().isOk().expectBody()
                .jsonPath("$.language").isEqualTo("fr")
                .jsonPath("$.text").value(text -> assertThat((String) text).contains("français"));
        client().get().uri("/api/v1/sessions/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.language").isEqualTo("fr")
                .jsonPath("$.turns").isEqualTo(3);
    }

    @Test
    void answersInTheSitesFallbackLanguageWithANoticeWhenTheVisitorsIsMissing() {
        String id = open("ethnology", "hmong-house", "ko");
        ask(id, "이건 뭐예요?").expectStatus().isOk().expectBody()
                .jsonPath("$.answered").isEqualTo(true)
                .jsonPath("$.language").isEqualTo("en")
                .jsonPath("$.sources[0].exhibit").isEqualTo("hmong-house")
                .jsonPath("$.notice").value(notice -> assertThat((String) notice).contains("영어"));
    }

    @Test
    void rejectsAnEmptyOrTooLongQuestionAndAnUnknownSession() {
        String id = open("van-mieu", null, "en");
        ask(id, "").expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid")
                .jsonPath("$.message").isEqualTo("text must not be empty");
        ask(id, "a".repeat(501)).expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid")
                .jsonPath("$.message").isEqualTo("text must be at most 500 characters");
        client().post().uri("/api/v1/sessions/{id}/turns", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\": 5}").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.message").isEqualTo("'text' must be text.");
        client().post().uri("/api/v1/sessions/{id}/turns", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":").exchange().expectStatus().isBadRequest();
        ask("no-such-session", "hello").expectStatus().isNotFound().expectBody()
                .jsonPath("$.error").isEqualTo("session-not-found");
    }

    @Test
    void aLoneSurrogateInAQuestionLosesNeitherItNorTheNextVisitorsQuestion() {
        String nonce = Long.toString(System.nanoTime(), 36);
        Map<String, Object> before = dashboard();
        String first = open("van-mieu", null, "en");
        String second = open("van-mieu", null, "en");

        // half of a surrogate pair, as a broken client or an attacker sends it (JSON allows the escape)
        client().post().uri("/api/v1/sessions/{id}/turns", first).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\": \"\\ud800 blorf wibble " + nonce + "a\"}").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.answered").isEqualTo(false);
        ask(second, "blorf wibble " + nonce + "b").expectStatus().isOk().expectBody().jsonPath("$.answered").isEqualTo(false);

        assertThat((Integer) dashboard().get("questions")).isEqualTo((Integer) before.get("questions") + 2);
        List<Map<String, Object>> inbox = (List<Map<String, Object>>) (List<?>) client().get().uri("/api/v1/studio/sites/van-mieu/inbox")
                .headers(h -> h.setBasicAuth("admin", GuideServerTest.ADMIN_PASSWORD)).exchange()
                .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody();
        assertThat(inbox).extracting(group -> (String) group.get("question")).filteredOn(q -> q.contains(nonce))
                .containsExactlyInAnyOrder("\ufffd blorf wibble " + nonce + "a", "blorf wibble " + nonce + "b");
    }

    private Map<String, Object> dashboard() {
        return (Map<String, Object>) client().get().uri("/api/v1/studio/sites/van-mieu/stats")
                .headers(h -> h.setBasicAuth("admin", GuideServerTest.ADMIN_PASSWORD)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("stats");
    }

    private WebTestClient.ResponseSpec ask(String session, String text) {
        return client().post().uri("/api/v1/sessions/{id}/turns", session).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", text)).exchange();
    }

    private String open(String site, String exhibit, String language) {
        Map<String, String> body = exhibit == null ? Map.of("site", site, "language", language)
                : Map.of("site", site, "exhibit", exhibit, "language", language);
        return (String) client().post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }
}

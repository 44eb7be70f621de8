package org.heritageguide.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.heritageguide.GuideServerTest;
import org.heritageguide.session.SessionStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The visitor web app in a real browser (headless Chromium at phone size) against the running server:
 * a fake microphone asks "Who built the Temple of Literature?" from a 48 kHz WAV.
 */
@GuideServerTest
class VisitorAppBrowserTest extends PhoneBrowserTestSupport {

    @Autowired
    SessionStore store;

    @Autowired
    WebTestClient client;

    @BeforeAll
    static void startBrowser() {
        phone = PhoneBrowser.start("en-GB,en", PhoneBrowser.Microphone.FAKE,
                PhoneBrowser.microphoneInput("/audio/who-built-rms-48k.wav", 0.4, 2.5));
    }

    @Test
    void aLabelOpensItsExhibitInThePhonesLanguageWithQuestionsToAsk() {
        phone.open(label("van-mieu", "khue-van-cac"));

        assertThat(phone.find("html").getDomAttribute("lang")).isEqualTo("en");
        assertThat(phone.find("h1").getText()).startsWith("Khuê Văn Các");
        assertThat(phone.find("#site-name").getText()).isEqualToIgnoringCase("Temple of Literature");
        assertThat(phone.conversation()).singleElement().asString().contains("Welcome to Temple of Literature");
        assertThat(phone.all("#suggestion-list button")).hasSize(3)
                .first().extracting(b -> b.getText()).isEqualTo("What does Khuê Văn Các mean?");
        assertThat(phone.find("#ask").getText()).isEqualTo("Hold to ask");
        assertThat(phone.all("#languages button")).extracting(b -> b.getText())
                .containsExactly("Tiếng Việt", "English", "Français", "中文", "한국어");
        assertThat(phone.seriousAccessibilityViolations()).isEmpty();

        // browsers keep sound off until a gesture: the first tap says the welcome aloud
        assertThat(phone.audioStarted()).isZero();
        phone.find("h1").click();
        phone.waitUntil(d -> phone.audioStarted() == 1, Duration.ofSeconds(10));
        assertThat(phone.find("#stop").isDisplayed()).isTrue();
        phone.find("#stop").click();
        assertThat(phone.body().getDomAttribute("data-state")).isEqualTo("idle");
    }

    @Test
    void askingByVoiceShowsTheQuestionThenTheAnswerAndSpeaksIt() {
        phone.open(label("van-mieu", "van-mieu-gate"));

        holdToAsk(Duration.ofMillis(4300));

        phone.waitUntil(d -> phone.all("#log > li.answer").size() == 1, Duration.ofSeconds(15));
        List<String> conversation = phone.conversation();
        assertThat(conversation.get(1)).containsIgnoringCase("temple of literature");
        assertThat(conversation.get(2)).as("the answer to %s", conversation.get(1)).contains("1070");
        phone.waitUntil(d -> "speaking".equals(phone.body().getDomAttribute("data-state")), Duration.ofSeconds(10));

        // asking again while the answer is being spoken cuts it off and answers the new question
        int cutBefore = phone.audioCut();
        holdToAsk(Duration.ofMillis(4300));
        // the answer being spoken is cut (a late piece of it may be cut again as it arrives)
        assertThat(phone.audioCut()).isGreaterThan(cutBefore);
        // (the new answer may already be speaking: the guide ends the question on trailing silence)
        phone.waitUntil(d -> phone.all("#log > li.answer").size() == 2, Duration.ofSeconds(15));
        assertThat(phone.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void askingByTypingShowsTheAnswerWithItsSourceAndSpeaksIt() {
        phone.open(label("van-mieu", "khue-van-cac"));

        ask("When was Khue Van Cac built?");

        String answer = phone.waitUntil(d -> phone.all("#log > li.answer .text").stream()
                .map(e -> e.getText()).filter(t -> !t.isBlank()).findFirst().orElse(null), Duration.ofSeconds(15));
        assertThat(answer).contains("1805");
        assertThat(phone.find("#log > li.answer .meta").getText()).startsWith("Source: ").contains("Khuê Văn Các");
        phone.waitUntil(d -> phone.audioStarted() >= 1, Duration.ofSeconds(10));
        assertThat(phone.find("#suggestion-list button").getText()).isEqualTo("Tell me more");
        assertThat(phone.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void theNextLabelContinuesTheConversationWhereItWas() {
        phone.open(label("van-mieu", "khue-van-cac"));
        String session = storedSession("van-mieu");
        ask("When was Khue Van Cac built?");
        phone.waitUntil(d -> phone.all("#log > li.answer").size() == 1, Duration.ofSeconds(15));

        phone.open(label("van-mieu", "doctoral-stelae"));

        assertThat(storedSession("van-mieu")).isEqualTo(session);
        assertThat(phone.find("h1").getText()).isEqualTo("The doctoral stelae");
        assertThat(phone.conversation()).anyMatch(text -> text.equals("When was Khue Van Cac built?"));
        assertThat(phone.all("#log > li.place")).singleElement().extracting(e -> e.getText())
                .isEqualTo("Now at: The doctoral stelae");
        client.get().uri("/api/v1/sessions/" + session).exchange().expectBody()
                .jsonPath("$.exhibit").isEqualTo("doctoral-stelae");
    }

    @Test
    void anExpiredConversationIsReplacedWithoutTheVisitorNoticing() {
        phone.open(label("van-mieu", "khue-van-cac"));
        String expired = storedSession("van-mieu");
        store.delete(expired).block();

        ask("When was Khue Van Cac built?");

        phone.waitUntil(d -> phone.all("#log > li.answer").size() == 1, Duration.ofSeconds(15));
        assertThat(phone.find("#log > li.answer .text").getText()).contains("1805");
        assertThat(phone.find("#notice").isDisplayed()).isFalse();
        String renewed = storedSession("van-mieu");
        assertThat(renewed).isNotEqualTo(expired);
        client.get().uri("/api/v1/sessions/" + renewed).exchange().expectBody()
                .jsonPath("$.exhibit").isEqualTo("khue-van-cac")
                .jsonPath("$.language").isEqualTo("en");

        // the same when the phone comes back to the site long after its conversation has ended
        phone.script("localStorage.setItem('hg.session.van-mieu', JSON.stringify('AAAAAAAAAAAAAAAAAAAAAAAA'))");
        phone.open(label("van-mieu", "thien-quang-tinh"));
        assertThat(storedSession("van-mieu")).isNotEqualTo("AAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(phone.find("#notice").isDisplayed()).isFalse();
    }

    @Test
    void aQuestionTypedWhileOfflineIsSentWhenTheConnectionComesBack() {
        phone.open(label("van-mieu", "khue-van-cac"));
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        phone.driver.setNetworkConditions(offline);
        try {
            ask("When was Khue Van Cac built?");
            phone.waitUntil(d -> phone.find("#status").getText().startsWith("No connection"), Duration.ofSeconds(5));
            assertThat(phone.find("#log > li.question .meta").getText()).isEqualTo("Sending…");
        } finally {
            phone.driver.deleteNetworkConditions();
        }
        phone.waitUntil(d -> phone.all("#log > li.answer").size() == 1, Duration.ofSeconds(20));
        assertThat(phone.find("#log > li.answer .text").getText()).contains("1805");
        assertThat(phone.all("#log > li.question .meta")).isEmpty();
    }

    @Test
    @org.junit.jupiter.api.Disabled("issue #16: streams are now held only while a question is under way and at most 8 per "
            + "client address, so these silent 'other visitors', all from 127.0.0.1, no longer fill the instance; and "
            + "over the instance's cap the busy message is not delivered (VoiceWebSocketTest). To be rebuilt with other "
            + "visitors from forwarded addresses who keep asking")
    void aGuideWithEveryVoiceStreamTakenSaysItIsBusyAndTypingStillWorks() throws Exception {
        List<WebSocket> otherVisitors = takeEveryVoiceStream();
        try {
            phone.open(label("van-mieu", "khue-van-cac"));

            holdToAsk(Duration.ofMillis(800));

            phone.waitUntil(d -> phone.find("#notice").isDisplayed(), Duration.ofSeconds(10));
            assertThat(phone.find("#notice-text").getText())
                    .isEqualTo("The guide is very busy right now. Please try again in a moment, or type your question.");
            assertThat(phone.find("#ask").getDomAttribute("aria-pressed")).isEqualTo("false");
            ask("When was Khue Van Cac built?");
            String answer = phone.waitUntil(d -> phone.all("#log > li.answer .text").stream()
                    .map(e -> e.getText()).filter(t -> !t.isBlank()).findFirst().orElse(null), Duration.ofSeconds(15));
            assertThat(answer).contains("1805");
        } finally {
            otherVisitors.forEach(WebSocket::abort);
        }
    }

    /** Other visitors start talking until the server says it is busy; their connections are returned. */
    private List<WebSocket> takeEveryVoiceStream() throws Exception {
        List<WebSocket> talking = new java.util.ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 256; i++) {
            Map<?, ?> session = client.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("site", "van-mieu", "language", "en")).exchange()
                    .expectBody(Map.class).returnResult().getResponseBody();
            java.util.concurrent.CompletableFuture<String> first = new java.util.concurrent.CompletableFuture<>();
            WebSocket socket = http.newWebSocketBuilder().buildAsync(
                    java.net.URI.create("ws://localhost:" + port + "/ws/v1/sessions/" + session.get("id") + "/voice"),
                    new WebSocket.Listener() {
                        @Override
                        public java.util.concurrent.CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            first.complete(data.toString());
                            webSocket.request(1);
                            return null;
                        }
                    }).get(10, java.util.concurrent.TimeUnit.SECONDS);
            socket.sendText("{\"type\":\"start\",\"sampleRate\":16000}", true).get(10, java.util.concurrent.TimeUnit.SECONDS);
            String reply = first.get(30, java.util.concurrent.TimeUnit.SECONDS);
            if (reply.contains("\"busy\"")) {
                socket.abort();
                return talking;
            }
            assertThat(reply).contains("\"ready\"");
            talking.add(socket);
        }
        throw new AssertionError("The server never said it was busy");
    }

    @Test
    void everythingWorksFromTheKeyboard() {
        phone.open(label("van-mieu", "khue-van-cac"));

        phone.find("body").sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(phone.script("return document.activeElement.className")).isEqualTo("skip-link");
        phone.driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(phone.script("return document.activeElement.id")).isEqualTo("question");
        phone.driver.switchTo().activeElement().sendKeys("When was Khue Van Cac built?", org.openqa.selenium.Keys.ENTER);

        phone.waitUntil(d -> phone.all("#log > li.answer").size() == 1, Duration.ofSeconds(15));
        assertThat(phone.find("#log > li.answer .text").getText()).contains("1805");
        phone.find("#open-exhibits").sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(phone.find("#exhibits-dialog").getDomAttribute("open")).isNotNull();
        phone.driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
        assertThat(phone.find("#exhibits-dialog").getDomAttribute("open")).isNull();
    }

    @Test
    void oneTapSwitchesTheWholePageAndTheConversationToAnotherLanguage() {
        phone.open(label("van-mieu", "khue-van-cac"));
        String session = storedSession("van-mieu");

        phone.find("#languages button[lang='fr']").click();

        phone.waitUntil(d -> "fr".equals(phone.find("html").getDomAttribute("lang")), Duration.ofSeconds(5));
        assertThat(phone.find("#ask").getText()).isEqualTo("Maintenir pour parler");
        assertThat(phone.find("h1").getText()).isEqualTo("Khuê Văn Các, le pavillon de la Constellation de la Littérature");
        assertThat(phone.find("#languages button[lang='fr']").getDomAttribute("aria-pressed")).isEqualTo("true");
        phone.waitUntil(d -> "fr".equals(sessionLanguage(session)), Duration.ofSeconds(5));

        // the next label opens in French straight from the server, and continues the same conversation
        phone.open(label("van-mieu", "thien-quang-tinh"));
        assertThat(phone.find("html").getDomAttribute("lang")).isEqualTo("fr");
        assertThat(phone.find("#question").getDomAttribute("placeholder")).isEqualTo("Écrivez une question…");
        assertThat(storedSession("van-mieu")).isEqualTo(session);
    }

    @Test
    void aKioskHandsItsConversationOverToThePhone() {
        String handoff = client.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", "ethnology", "exhibit", "viet-house", "language", "ko"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("handoffUrl").toString();
        String id = handoff.substring(handoff.lastIndexOf('/') + 1);

        phone.open(origin() + "/c/" + id);

        assertThat(phone.find("html").getDomAttribute("lang")).isEqualTo("ko");
        assertThat(phone.find("#ask").getText()).isEqualTo("누르고 말하기");
        assertThat(storedSession("ethnology")).isEqualTo(id);
        assertThat(phone.find("#dock").isDisplayed()).isTrue();

        phone.driver.get(origin() + "/c/no-such-conversation");
        assertThat(phone.find("h1").getText()).isEqualTo("This conversation has ended");
    }

    @Test
    void theExhibitListAndVisitorInformationAreOneTapAway() {
        phone.open(label("van-mieu", "khue-van-cac"));

        phone.find("#open-info").click();
        assertThat(phone.find("#info-body").getText()).contains("Opening hours", "08:00", "Tickets");
        assertThat(phone.seriousAccessibilityViolations()).isEmpty();
        phone.find("#info-dialog [data-close]").click();

        phone.find("#open-exhibits").click();
        assertThat(phone.find("#exhibits-body button[aria-current]").getText()).contains("Khuê Văn Các", "You are here");
        assertThat(phone.seriousAccessibilityViolations()).isEmpty();
        phone.all("#exhibits-body button").stream().filter(b -> b.getText().startsWith("The doctoral stelae"))
                .findFirst().orElseThrow().click();
        phone.waitUntil(d -> phone.find("h1").getText().equals("The doctoral stelae"), Duration.ofSeconds(5));
        client.get().uri("/api/v1/sessions/" + storedSession("van-mieu")).exchange().expectBody()
                .jsonPath("$.exhibit").isEqualTo("doctoral-stelae");
    }

    @Test
    void theNextLabelOpensFromWhatThePhoneKeptEvenOffline() {
        phone.open(label("van-mieu", "khue-van-cac"));
        phone.waitUntil(d -> "true".equals(phone.body().getDomAttribute("data-kept"))
                && Boolean.TRUE.equals(phone.script("return !!navigator.serviceWorker.controller")), Duration.ofSeconds(15));
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        phone.driver.setNetworkConditions(offline);
        try {
            phone.driver.get(label("van-mieu", "thien-quang-tinh"));
            phone.waitUntil(d -> phone.find("h1").getText().startsWith("Thiên Quang Tỉnh"), Duration.ofSeconds(5));
            assertThat(phone.find("#exhibit-summary").getText()).contains("Well of Heavenly Clarity");
            phone.waitUntil(d -> phone.find("#status").getText().startsWith("No connection"), Duration.ofSeconds(5));
        } finally {
            phone.driver.deleteNetworkConditions();
        }
        // back online, the conversation opens (continued) at the new label without a reload
        phone.waitUntil(d -> "true".equals(phone.body().getDomAttribute("data-ready")), Duration.ofSeconds(20));
        assertThat(phone.conversation()).last().asString().contains("Thiên Quang Tỉnh");
    }

    @Test
    void theAppIsAccessibleInTheDarkToo() {
        phone.driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            phone.open(label("ethnology", "viet-house"));
            assertThat(phone.seriousAccessibilityViolations()).isEmpty();
        } finally {
            phone.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    private void holdToAsk(Duration howLong) {
        new Actions(phone.driver).clickAndHold(phone.find("#ask")).pause(howLong).release().perform();
    }


    private String sessionLanguage(String session) {
        Map<?, ?> view = client.get().uri("/api/v1/sessions/" + session).exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
        return view == null ? null : (String) view.get("language");
    }
}

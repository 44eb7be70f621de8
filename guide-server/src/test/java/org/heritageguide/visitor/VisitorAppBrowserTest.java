package org.heritageguide.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.heritageguide.GuideServerTest;
import org.heritageguide.session.SessionStore;
import org.heritageguide.voice.TalkingVisitors;
import org.heritageguide.voice.VoiceSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.MeterRegistry;

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

    @Autowired
    VoiceSettings voice;

    @Autowired
    MeterRegistry meters;

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
        assertThat(phone.find("#site-name").getText()).isEqualToIgnoringCase("The Temple of Literature");
        assertThat(phone.conversation()).singleElement().asString().contains("Welcome to the Temple of Literature");
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
    void aGuideWithEveryVoiceStreamTakenSaysItIsBusyAndTypingStillWorks() {
        // every voice stream of the instance held by other visitors talking, each from an address of their
        // own (forwarded by the tests' trusted proxy): the phone's address holds none, so it is the instance's
        // cap that refuses it, not its own share
        phone.open(label("van-mieu", "khue-van-cac"));
        awaitVoiceStreamsTaken(0);
        try (TalkingVisitors others = TalkingVisitors.start(origin(), this::sessionOpenedFrom, voice.maxStreams())) {
            awaitVoiceStreamsTaken(voice.maxStreams());

            holdToAsk(Duration.ofMillis(800));

            phone.waitUntil(d -> phone.find("#notice").isDisplayed(), Duration.ofSeconds(10));
            assertThat(phone.find("#notice-text").getText())
                    .isEqualTo("The guide is very busy right now. Please try again in a moment, or type your question.");
            assertThat(phone.all("#notice-actions button")).extracting(b -> b.getText())
                    .containsExactly("Try again", "Type instead", "Dismiss");
            assertThat(phone.find("#ask").getDomAttribute("aria-pressed")).isEqualTo("false");
            assertThat(phone.body().getDomAttribute("data-state")).isEqualTo("idle");
            assertThat(phone.seriousAccessibilityViolations()).isEmpty();

            // the visitor takes the notice's way out: typing, while every stream is still taken
            phone.all("#notice-actions button").get(1).click();
            assertThat(phone.script("return document.activeElement.id")).isEqualTo("question");
            ask("When was Khue Van Cac built?");
            String answer = phone.waitUntil(d -> phone.all("#log > li.answer .text").stream()
                    .map(e -> e.getText()).filter(t -> !t.isBlank()).findFirst().orElse(null), Duration.ofSeconds(15));
            assertThat(answer).contains("1805");
            assertThat(meters.get("guide.voice.streams").gauge().value()).isEqualTo(voice.maxStreams());
        }
        awaitVoiceStreamsTaken(0);
    }

    /** A conversation a visitor at {@code address} opened from their own phone. */
    private String sessionOpenedFrom(String address) {
        Map<?, ?> session = client.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", address)
                .bodyValue(Map.of("site", "van-mieu", "language", "en")).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) session.get("id");
    }

    private void awaitVoiceStreamsTaken(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (meters.get("guide.voice.streams").gauge().value() != count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(meters.get("guide.voice.streams").gauge().value()).isEqualTo(count);
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

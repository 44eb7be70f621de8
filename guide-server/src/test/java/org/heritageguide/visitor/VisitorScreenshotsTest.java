package org.heritageguide.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.heritageguide.GuideServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.interactions.Actions;

/**
 * The screenshots of docs/screenshots/visitor-*.png, on a 412×915 phone. English (the guide hears it
 * itself): the page a label opens, a conversation, the microphone refused, the site's practical
 * information. Vietnamese, French, Chinese and Korean (heard by the phone's own recognizer, here the scripted stand-in of
 * {@code /speech/stand-in-speech-recognition.js}): the label, listening with the words so far, the
 * answer, nothing heard, an exhibit not translated, the notice before the browser's online recognizer, a
 * phone with no recognizer, a wrong label. Run on purpose by {@code scripts/screenshots}, which has them
 * written under guide-server/target/screenshots and copies them to docs/screenshots.
 */
@GuideServerTest
@EnabledIfSystemProperty(named = "visitor.screenshots", matches = ".+")
class VisitorScreenshotsTest extends PhoneBrowserTestSupport {

    private static final int MAX_BYTES = 400 * 1024;
    /** A question about Khuê Văn Các in each language, and a first part of it heard before the rest. */
    private static final Map<String, List<String>> QUESTIONS = Map.of(
            "vi", List.of("Khuê Văn Các", "Khuê Văn Các được xây năm nào?"),
            "fr", List.of("Quand Khuê Văn Các", "Quand Khuê Văn Các a-t-il été construit ?"),
            "zh", List.of("奎文阁", "奎文阁是哪一年建的？"),
            "ko", List.of("규문각은", "규문각은 언제 지어졌나요?"));
    @BeforeAll
    static void startBrowser() {
        phone = PhoneBrowser.start("en", PhoneBrowser.Microphone.REFUSED, null, 412, 915, 1.5);
        // still pictures: no smooth scrolling or pulsing caught half-way
        phone.driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
    }

    @Test
    void englishHeardByTheGuide() throws IOException {
        phone.withoutSpeechStandIn();
        open("en", "van-mieu", "khue-van-cac");
        save("visitor-en-idle.png");

        askSuggestion();
        save("visitor-en-conversation.png");

        phone.script("window.scrollTo(0, 0)");
        phone.find("#ask").click();
        phone.waitUntil(d -> phone.find("#notice").isDisplayed(), Duration.ofSeconds(5));
        phone.script("document.activeElement.blur()");
        save("visitor-en-error.png");

        // the site's practical information: the Temple of Literature has a shop, no café
        phone.script("arguments[0].click()", phone.find("#open-info"));
        phone.waitUntil(d -> phone.find("#info-dialog").isDisplayed(), Duration.ofSeconds(5));
        phone.script("document.activeElement.blur(); document.querySelector('#info-body p:last-of-type').scrollIntoView({block: 'end'})");
        save("visitor-en-info.png");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vi", "fr", "zh", "ko"})
    void heardByThePhonesOwnRecognizer(String language) throws IOException {
        List<String> question = QUESTIONS.get(language);
        phone.standInSpeech("{onDevice: 'available', remote: 'available', installs: true}");
        open(language, "van-mieu", "khue-van-cac");
        save("visitor-" + language + "-idle.png");

        new Actions(phone.driver).clickAndHold(phone.find("#ask")).perform();
        phone.waitUntil(d -> "listening".equals(phone.body().getDomAttribute("data-state")), Duration.ofSeconds(10));
        phone.script("window.__standInSpeech.say(arguments[0])", question.get(0));
        phone.waitUntil(d -> phone.find("#partial").getText().equals(question.get(0)), Duration.ofSeconds(5));
        save("visitor-" + language + "-listening.png");
        phone.script("window.__standInSpeech.say(arguments[0])", question.get(1));
        new Actions(phone.driver).release().perform();
        phone.waitUntil(d -> phone.all("#log > li.answer").size() == 1, Duration.ofSeconds(60));
        // the answer is being spoken: silenced, for a picture of the page at rest
        phone.waitUntil(d -> phone.audioStarted() >= 1, Duration.ofSeconds(60));
        if (phone.find("#stop").isDisplayed()) {
            phone.find("#stop").click();
        }
        phone.script("document.querySelector('#log > li.question').scrollIntoView({block: 'start'}); window.scrollBy(0, -24)");
        save("visitor-" + language + "-conversation.png");

        phone.script("window.scrollTo(0, 0)");
        phone.find("#ask").click();
        phone.waitUntil(d -> "listening".equals(phone.body().getDomAttribute("data-state")), Duration.ofSeconds(10));
        phone.script("window.__standInSpeech.fail('no-speech')");
        phone.waitUntil(d -> phone.find("#notice").isDisplayed(), Duration.ofSeconds(5));
        phone.script("document.activeElement.blur()");
        save("visitor-" + language + "-error.png");

        if (!language.equals("vi")) {
            open(language, "ethnology", "hmong-house");
            save("visitor-" + language + "-untranslated.png");
            // opened from script, not by a tap: a tap leaves the phone's tap highlight over the panel for a moment,
            phone.script("arguments[0].click()", phone.find("#open-exhibits"));
            phone.waitUntil(d -> phone.find("#exhibits-dialog").isDisplayed(), Duration.ofSeconds(5));
            // and without the focus ring a script's click leaves on its close button, where a tap leaves none
            phone.script("document.activeElement.blur()");
            save("visitor-" + language + "-exhibits.png");
        }

        phone.standInSpeech("{onDevice: 'unavailable', remote: 'available', installs: false}");
        open(language, "ethnology", "viet-house");
        phone.find("#ask").click();
        phone.waitUntil(d -> phone.find("#notice").isDisplayed(), Duration.ofSeconds(5));
        phone.script("document.activeElement.blur()");
        save("visitor-" + language + "-remote-notice.png");

        phone.standInSpeech("null");
        open(language, "van-mieu", "khue-van-cac");
        save("visitor-" + language + "-no-recognizer.png");

        // a phone new to the guide, so that the page is the server's (not the shell a service worker kept)
        phone.forget(origin());
        phone.driver.manage().addCookie(new Cookie("hg-lang", language));
        phone.driver.get(origin() + "/v/van-mieu/khue-van-cac?s=AAAAAAAAAAAA");
        phone.waitUntil(d -> phone.find(".more a").isDisplayed(), Duration.ofSeconds(10));
        save("visitor-" + language + "-wrong-label.png");
    }

    private void open(String language, String site, String exhibit) {
        phone.forget(origin());
        phone.driver.manage().addCookie(new Cookie("hg-lang", language));
        phone.open(label(site, exhibit));
        phone.waitUntil(d -> phone.body().getDomAttribute("data-voice") != null, Duration.ofSeconds(5));
    }

    private void askSuggestion() {
        phone.script("arguments[0].scrollIntoView({block: 'center'})", phone.find("#suggestion-list button"));
        phone.find("#suggestion-list button").click();
        phone.waitUntil(d -> phone.all("#log > li.answer").size() == 1, Duration.ofSeconds(20));
        // the answer is being spoken, or soon will be: silenced, for a picture of the page at rest whenever it is taken
        phone.waitUntil(d -> phone.audioStarted() >= 1, Duration.ofSeconds(60));
        if (phone.find("#stop").isDisplayed()) {
            phone.script("arguments[0].click()", phone.find("#stop"));
            phone.waitUntil(d -> !phone.find("#stop").isDisplayed(), Duration.ofSeconds(5));
        }
        phone.script("document.querySelector('#log > li.question').scrollIntoView({block: 'start'}); window.scrollBy(0, -24)");
    }

    private static void save(String name) throws IOException {
        byte[] png = phone.screenshot();
        assertThat(png.length).as(name).isLessThan(MAX_BYTES);
        Path folder = Path.of(System.getProperty("visitor.screenshots"));
        Files.createDirectories(folder);
        Files.write(folder.resolve(name), png);
    }
}

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The visitor app on a 412×915 phone, for visitors whose language the guide cannot hear itself (it has
 * a speech model for English only): they talk through the phone browser's own recognizer. No recognizer
 * service can be reached from the test machines, so the browser's SpeechRecognition is a scripted
 * STAND-IN ({@code /speech/stand-in-speech-recognition.js}): the test says what it "heard" and checks
 * how the app used it. Everything else is real: the server, its dialogue, its speech out, Chromium.
 */
@GuideServerTest
class VisitorPhoneBrowserTest extends PhoneBrowserTestSupport {

    /** A deadline, not a speed: the first question in a language may wait for the machine's other work. */
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(60);
    @Autowired
    VisitorEvents events;

    @BeforeAll
    static void startBrowser() {
        // the microphone is refused: only the stand-in may hear anything here
        phone = PhoneBrowser.start("en", PhoneBrowser.Microphone.REFUSED, null, 412, 915, 1.0);
    }

    @BeforeEach
    void withTheBrowsersOwnRecognizer() {
        phone.withoutSpeechStandIn();
    }

    @ParameterizedTest(name = "{0}, on-device recognition {1}")
    @CsvSource(delimiter = '|', value = {
            "vi | available    | vi-VN | Khuê Văn Các       | Khuê Văn Các được xây năm nào?",
            "fr | downloadable | fr-FR | Quand Khuê Văn Các | Quand Khuê Văn Các a-t-il été construit ?",
            "zh | available    | zh-CN | 奎文阁              | 奎文阁是哪一年建的？",
            "ko | downloadable | ko-KR | 규문각은            | 규문각은 언제 지어졌나요?"})
    void aVisitorAsksAloudThroughThePhonesOwnRecognizerOnTheDevice(String language, String onDevice, String tag,
                                                                  String partial, String question) {
        phone.standInSpeech("{onDevice: '" + onDevice + "', remote: 'available', installs: true}");
        openAs(language, "van-mieu", "khue-van-cac");
        assertThat(phone.find("#ask").isDisplayed()).isTrue();
        assertThat(phone.body().getDomAttribute("data-voice")).isEqualTo("on-device");

        new Actions(phone.driver).clickAndHold(phone.find("#ask")).perform();
        phone.waitUntil(d -> "listening".equals(phone.body().getDomAttribute("data-state")), Duration.ofSeconds(10));
        phone.script("window.__standInSpeech.say(arguments[0])", partial);
        phone.waitUntil(d -> phone.find("#partial").getText().equals(partial), Duration.ofSeconds(5));
        phone.script("window.__standInSpeech.say(arguments[0])", question);
        phone.waitUntil(d -> phone.find("#partial").getText().equals(question), Duration.ofSeconds(5));
        new Actions(phone.driver).release().perform();

        phone.waitUntil(d -> phone.all("#log > li.answer").size() == 1, ANSWER_WAIT);
        assertThat(phone.conversation()).contains(question);
        assertThat(phone.find("#log > li.answer .text").getText()).contains("1805");
        // the answer is spoken at once: its audio is fetched and starts playing
        phone.waitUntil(d -> phone.audioStarted() >= 1, Duration.ofSeconds(15));
        // recognized on the phone, never by the browser's remote service
        assertThat(standIn("starts")).singleElement()
                .isEqualTo(Map.of("lang", tag, "processLocally", true, "interimResults", true));
        assertThat(standIn("installs")).hasSize("downloadable".equals(onDevice) ? 1 : 0);
        assertThat(turnChannels(storedSession("van-mieu"))).containsExactly("voice");
        assertThat(phone.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void theRemoteRecognizerIsNeverStartedOnASiteThatDoesNotAllowItAndOnlyAfterTheVisitorIsToldWhereItAllows() {
        phone.standInSpeech("{onDevice: 'unavailable', remote: 'available', installs: false}");
        // the Temple of Literature keeps the default: on the device only
        openAs("fr", "van-mieu", "khue-van-cac");
        assertThat(phone.find("#ask-row").isDisplayed()).isFalse();
        assertThat(phone.find("#ask-hint").getText()).startsWith("Ce téléphone ne sait pas encore écouter en français.");
        ask("Quand Khuê Văn Các a-t-il été construit ?");
        phone.waitUntil(d -> phone.all("#log > li.answer").size() == 1, ANSWER_WAIT);
        assertThat(standIn("starts")).isEmpty();

        // the Museum of Ethnology allows the browser's remote service: the visitor is told first, once
        phone.open(label("ethnology", "viet-house"));
        assertThat(phone.body().getDomAttribute("data-voice")).isEqualTo("remote");
        phone.find("#ask").click();
        phone.waitUntil(d -> phone.find("#notice").isDisplayed(), Duration.ofSeconds(5));
        assertThat(phone.find("#notice-text").getText()).startsWith("Pour comprendre le français, ce navigateur envoie ce que vous dites");
        assertThat(standIn("starts")).isEmpty();
        phone.all("#notice-actions button").get(0).click();
        phone.waitUntil(d -> "listening".equals(phone.body().getDomAttribute("data-state")), Duration.ofSeconds(10));
        assertThat(standIn("starts")).singleElement()
                .isEqualTo(Map.of("lang", "fr-FR", "processLocally", false, "interimResults", true));
        phone.script("window.__standInSpeech.say(arguments[0])", "C'est la maison de qui ?");
        phone.find("#ask").click();
        phone.waitUntil(d -> phone.all("#log > li.answer").size() == 1, ANSWER_WAIT);

        phone.find("#ask").click();
        phone.waitUntil(d -> "listening".equals(phone.body().getDomAttribute("data-state")), Duration.ofSeconds(10));
        assertThat(phone.find("#notice").isDisplayed()).isFalse();
        phone.script("window.__standInSpeech.fail('network')");
        phone.waitUntil(d -> phone.find("#notice").isDisplayed(), Duration.ofSeconds(5));
        assertThat(phone.find("#notice-text").getText()).startsWith("Le service vocal de votre navigateur est injoignable.");
    }

    @Test
    void aPhoneWithNoRecognizerGetsTheTextFieldFirstExceptInTheLanguagesTheGuideHearsItself() {
        phone.standInSpeech("null");
        openAs("ko", "van-mieu", "khue-van-cac");

        assertThat(phone.body().getDomAttribute("data-voice")).isEqualTo("none");
        assertThat(phone.find("#ask-row").isDisplayed()).isFalse();
        assertThat(phone.find("#ask-hint").getText()).isEqualTo("이 휴대폰은 아직 한국어 음성을 알아듣지 못합니다. 아래에 질문을 입력하세요. 가이드가 소리 내어 답합니다.");
        assertThat(phone.find("#question").isDisplayed()).isTrue();
        assertThat(phone.seriousAccessibilityViolations()).isEmpty();
        ask("규문각은 언제 지어졌나요?");
        phone.waitUntil(d -> phone.all("#log > li.answer").size() == 1, ANSWER_WAIT);
        assertThat(phone.find("#log > li.answer .text").getText()).contains("1805");

        // English: the guide hears it itself, whatever the phone's browser can do
        phone.find("#languages button[lang='en']").click();
        phone.waitUntil(d -> "server".equals(phone.body().getDomAttribute("data-voice")), Duration.ofSeconds(5));
        assertThat(phone.find("#ask").isDisplayed()).isTrue();
        assertThat(phone.find("#ask-hint").getDomProperty("textContent")).startsWith("Hold while you speak");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fr | Pas encore traduit en français : affiché en anglais.",
            "zh | 尚未翻译成中文，以下以英语显示。",
            "ko | 아직 한국어로 번역되지 않아 영어로 보여 드립니다."})
    void anExhibitNotInTheVisitorsLanguageSaysSoAtTheTopAndTheListMarksTitlesInAnotherLanguage(String language, String notice) {
        openAs(language, "ethnology", "hmong-house");

        assertThat(phone.find("#exhibit-untranslated").getText()).isEqualTo(notice);
        assertThat(phone.find("#exhibit-untranslated").getRect().getY()).isLessThan(phone.find("h1").getRect().getY());
        assertThat(phone.find("#exhibit-summary").getDomAttribute("lang")).isEqualTo("en");

        phone.find("#open-exhibits").click();
        String hmong = phone.all("#exhibits-body button").stream().map(b -> b.getText())
                .filter(text -> text.startsWith("Hmong house")).findFirst().orElseThrow();
        assertThat(hmong).as("the title in English says so").contains((String) phone.script(
                "return new Intl.DisplayNames([arguments[0]], {type: 'language'}).of('en')", language));
        phone.find("#exhibits-dialog [data-close]").click();

        // an exhibit in the visitor's language says nothing of the kind
        openAs(language, "van-mieu", "khue-van-cac");
        assertThat(phone.find("#exhibit-untranslated").isDisplayed()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"vi", "fr", "zh", "ko"})
    void theBottomBarIsSmallAndHidesNothingAndKoreanIsNeverBrokenInsideAWord(String language) {
        phone.standInSpeech("{onDevice: 'available', remote: 'available', installs: true}");
        openAs(language, "van-mieu", "khue-van-cac");

        long dockHeight = ((Number) phone.script("return document.getElementById('dock').getBoundingClientRect().height")).longValue();
        assertThat(dockHeight).as("dock height on a 915 px screen").isLessThanOrEqualTo(915 / 5);
        // the welcome's "Listen" is never hidden behind the bar: scrolled to the end of the page (an exhibit's
        // picture may push it below the first screen), it shows above it
        phone.script("window.scrollTo(0, document.documentElement.scrollHeight)");
        Number listenBottom = (Number) phone.script("return document.querySelector('#log .replay').getBoundingClientRect().bottom");
        Number dockTop = (Number) phone.script("return document.getElementById('dock').getBoundingClientRect().top");
        assertThat(listenBottom.doubleValue()).isLessThanOrEqualTo(dockTop.doubleValue());
        if (language.equals("ko")) {
            assertThat(wordsBrokenAcrossLines("#exhibit-summary")).isEmpty();
            assertThat(wordsBrokenAcrossLines("#log .text")).isEmpty();
        }
    }

    @Test
    void aWrongLabelOffersTheSitesExhibits() {
        phone.driver.manage().addCookie(new Cookie("hg-lang", "vi"));
        phone.driver.get(origin() + "/v/van-mieu/khue-van-cac?s=AAAAAAAAAAAA");

        assertThat(phone.find("h1").getText()).isNotBlank();
        phone.find(".more a").click();

        phone.waitUntil(d -> "true".equals(phone.body().getDomAttribute("data-ready")), Duration.ofSeconds(15));
        assertThat(phone.find("#exhibits-dialog").getDomAttribute("open")).isNotNull();
        assertThat(phone.all("#exhibits-body button")).extracting(b -> b.getText()).anyMatch(t -> t.startsWith("Khuê Văn Các"));
        assertThat(phone.seriousAccessibilityViolations()).isEmpty();
    }

    /** The words of the element's text that the browser laid out over two lines. */
    @SuppressWarnings("unchecked")
    private List<String> wordsBrokenAcrossLines(String css) {
        return (List<String>) phone.script("""
                const broken = [];
                for (const element of document.querySelectorAll(arguments[0])) {
                  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
                  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const pattern = /\\S+/g;
                    for (let match = pattern.exec(node.data); match; match = pattern.exec(node.data)) {
                      const range = document.createRange();
                      range.setStart(node, match.index);
                      range.setEnd(node, match.index + match[0].length);
                      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                      if (tops.size > 1) broken.push(match[0]);
                    }
                  }
                }
                return broken;""", css);
    }

    @SuppressWarnings("unchecked")
    private List<Object> standIn(String what) {
        return (List<Object>) phone.script("return window.__standInSpeech[arguments[0]]", what);
    }

    private List<String> turnChannels(String session) {
        List<String> channels = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        events.read(today.minusDays(1), today.plusDays(1), event -> {
            if (session.equals(event.session()) && VisitorEvent.TURN.equals(event.type())) {
                channels.add(event.channel());
            }
        });
        return channels;
    }

    private void openAs(String language, String site, String exhibit) {
        phone.driver.manage().addCookie(new Cookie("hg-lang", language));
        phone.open(label(site, exhibit));
        assertThat(phone.find("html").getDomAttribute("lang")).isEqualTo(language);
        phone.waitUntil(d -> phone.body().getDomAttribute("data-voice") != null, Duration.ofSeconds(5));
    }
}

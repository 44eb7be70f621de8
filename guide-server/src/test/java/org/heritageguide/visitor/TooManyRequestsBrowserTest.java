package org.heritageguide.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.heritageguide.GuideServerTest;
import org.heritageguide.i18n.TextBundle;
import org.heritageguide.limits.LimitSettings;
import org.heritageguide.qr.LabelSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A phone whose network has asked too much (its client address, forwarded by the tests' machine as a
 * trusted proxy, has spent its questions): the app says so in the visitor's language, and the question is
 * kept to try again. Screenshots in {@code guide-server/target/screenshots/visitor-<lang>-too-many.png}.
 */
@GuideServerTest
class TooManyRequestsBrowserTest {

    private static PhoneBrowser phone;
    private static int clients = 40;

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient http;

    @Autowired
    LabelSigner signer;

    @Autowired
    LimitSettings limits;

    @BeforeAll
    static void startBrowser() {
        phone = PhoneBrowser.start("en", PhoneBrowser.Microphone.REFUSED, null);
        phone.driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        phone.driver.executeCdpCommand("Network.enable", Map.of());
    }

    @AfterAll
    static void closeBrowser() {
        if (phone != null) {
            phone.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "vi", "fr", "zh", "ko"})
    void aNetworkThatAskedTooMuchIsToldSoInTheVisitorsLanguage(String language) throws IOException {
        String client = "198.51.100." + clients++;
        phone.driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", client)));
        String origin = "http://localhost:" + port;
        phone.forget(origin);
        phone.driver.manage().addCookie(new Cookie("hg-lang", language));
        phone.open(origin + "/v/van-mieu/khue-van-cac?s=" + signer.sign("van-mieu", "khue-van-cac"));
        // the rest of the class asks as fast as the budget refills (a slow machine refills while one spends)
        AtomicBoolean spent = new AtomicBoolean();
        Thread classmates = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                int status = http.post().uri("/api/v1/sessions/no-such-session/turns").header("X-Forwarded-For", client)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "hello")).exchange()
                        .expectBody(byte[].class).returnResult().getStatus().value();
                spent.compareAndSet(false, status == 429);
            }
        }, "test-classmates");
        classmates.setDaemon(true);
        classmates.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!spent.get() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            // the classmates and the phone race for each question the budget gives back (two a second): now and
            // then the phone's wins one and is answered, and the visitor asks again
            for (int asked = 0; asked < 3 && !phone.find("#notice").isDisplayed(); asked++) {
                // sent with the keyboard's Enter: a tap on Send would leave the phone's tap highlight in the screenshot
                phone.find("#question").sendKeys("Who built it?" + Keys.ENTER);
                try {
                    phone.waitUntil(d -> phone.find("#notice").isDisplayed(), Duration.ofSeconds(10));
                } catch (TimeoutException answeredInstead) {
                    // asked again
                }
            }
        } finally {
            classmates.interrupt();
        }
        assertThat(phone.find("#notice-text").getText()).isEqualTo(appString(language, "error.too-many"));
        assertThat(phone.all("#notice-actions button")).isNotEmpty();
        phone.script("document.activeElement.blur()");
        Path folder = Path.of("guide-server/target/screenshots");
        Files.createDirectories(folder);
        Files.write(folder.resolve("visitor-" + language + "-too-many.png"), phone.screenshot());
    }

    private static String appString(String language, String key) {
        return TextBundle.load(TextBundle.VISITOR, language).getProperty(key);
    }
}

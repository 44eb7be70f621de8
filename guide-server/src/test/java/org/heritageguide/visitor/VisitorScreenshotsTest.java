package org.heritageguide.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.heritageguide.GuideServerTest;
import org.heritageguide.qr.LabelSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The screenshots of docs/screenshots/visitor-*.png, at phone size, in English, Vietnamese and French:
 * the page a label opens, a conversation, and a problem (the microphone refused). Run on purpose:
 * {@code mvn -pl guide-server test -Dtest=VisitorScreenshotsTest -Dvisitor.screenshots=docs/screenshots}.
 */
@GuideServerTest
@EnabledIfSystemProperty(named = "visitor.screenshots", matches = ".+")
class VisitorScreenshotsTest {

    private static final int MAX_BYTES = 400 * 1024;
    private static PhoneBrowser phone;

    @LocalServerPort
    int port;

    @Autowired
    LabelSigner signer;

    @BeforeAll
    static void startBrowser() {
        phone = PhoneBrowser.start("en", PhoneBrowser.Microphone.REFUSED, null);
        // still pictures: no smooth scrolling or pulsing caught half-way
        phone.driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
    }

    @AfterAll
    static void closeBrowser() {
        if (phone != null) {
            phone.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "vi", "fr"})
    void idleConversationAndProblem(String language) throws IOException {
        String origin = "http://localhost:" + port;
        phone.forget(origin);
        phone.driver.manage().addCookie(new Cookie("hg-lang", language));
        phone.open(origin + "/v/van-mieu/khue-van-cac?s=" + signer.sign("van-mieu", "khue-van-cac"));
        save("visitor-" + language + "-idle.png");

        phone.script("arguments[0].scrollIntoView({block: 'center'})", phone.find("#suggestion-list button"));
        phone.find("#suggestion-list button").click();
        phone.waitUntil(d -> phone.all("#log > li.answer").size() == 1, Duration.ofSeconds(20));
        phone.script("document.querySelector('#log > li.question').scrollIntoView({block: 'start'}); window.scrollBy(0, -24)");
        save("visitor-" + language + "-conversation.png");

        phone.script("window.scrollTo(0, 0)");
        phone.find("#ask").click();
        phone.waitUntil(d -> phone.find("#notice").isDisplayed(), Duration.ofSeconds(5));
        phone.script("document.activeElement.blur()");
        save("visitor-" + language + "-error.png");
    }

    private static void save(String name) throws IOException {
        byte[] png = phone.screenshot();
        assertThat(png.length).as(name).isLessThan(MAX_BYTES);
        Path folder = Path.of(System.getProperty("visitor.screenshots"));
        Files.createDirectories(folder);
        Files.write(folder.resolve(name), png);
    }
}

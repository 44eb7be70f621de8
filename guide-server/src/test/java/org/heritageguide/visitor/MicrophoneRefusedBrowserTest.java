package org.heritageguide.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.heritageguide.GuideServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A visitor who refuses the microphone is told so in their language, and can still type. (English: the
 * language the guide hears itself, so the app asks for the microphone; in the others the browser's own
 * recognizer does, see VisitorPhoneBrowserTest.)
 */
@GuideServerTest
class MicrophoneRefusedBrowserTest extends PhoneBrowserTestSupport {

    @BeforeAll
    static void startBrowser() {
        phone = PhoneBrowser.start("en-GB,en", PhoneBrowser.Microphone.REFUSED, null);
    }

    @Test
    void aRefusedMicrophoneIsExplainedAndTypingStillWorks() {
        phone.open(label("van-mieu", "khue-van-cac"));
        // a first visit (this browser is new): the page and the app's own files, compressed, stay small
        // (50.2 KB since app.js was split into a module per concern, issue #17; 39 KB before: each module
        // costs its headers and is compressed on its own)
        Number appBytes = (Number) phone.script("""
                return [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
                  .filter(e => e.entryType === 'navigation' || new URL(e.name).pathname.startsWith('/visitor/'))
                  .reduce((sum, e) => sum + e.transferSize, 0)""");
        assertThat(appBytes.intValue()).isBetween(10_000, 56_000);

        phone.find("#ask").click();

        phone.waitUntil(d -> phone.find("#notice").isDisplayed(), Duration.ofSeconds(5));
        assertThat(phone.find("#notice-text").getText()).startsWith("The microphone is blocked");
        assertThat(phone.script("return document.activeElement.id")).isEqualTo("question");
        assertThat(phone.find("#ask").getDomAttribute("aria-pressed")).isEqualTo("false");
        assertThat(phone.seriousAccessibilityViolations()).isEmpty();

        phone.find("#question").sendKeys("When was Khue Van Cac built?");
        phone.find("#send").click();
        phone.waitUntil(d -> phone.all("#log > li.answer").size() == 1, Duration.ofSeconds(15));
        assertThat(phone.find("#log > li.answer .text").getText()).contains("1805");
        assertThat(phone.find("#notice").isDisplayed()).isFalse();
    }
}

package org.heritageguide.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.heritageguide.GuideServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * An exhibit's picture on a 412×915 phone: at the top of its page, the size the screen needs, described
 * in the visitor's language, its caption and credit under it. With {@code -Dvisitor.screenshots=docs/screenshots}
 * it also saves {@code visitor-fr-picture.png}.
 */
@GuideServerTest
class VisitorPictureBrowserTest extends PhoneBrowserTestSupport {

    @BeforeAll
    static void startBrowser() {
        phone = PhoneBrowser.start("fr", PhoneBrowser.Microphone.REFUSED, null, 412, 915, 1.0);
    }

    @Test
    void theExhibitsPictureIsShownAtTheTopInTheVisitorsLanguageWithItsCaptionAndCredit() throws Exception {
        open("fr", "van-mieu", "khue-van-cac");

        WebElement figure = phone.find("#exhibit-picture");
        assertThat(figure.isDisplayed()).isTrue();
        WebElement img = phone.find("#exhibit-picture-img");
        assertThat(img.getDomAttribute("alt")).startsWith("Dessin au trait de Khuê Văn Các vu de face");
        assertThat(img.getDomAttribute("lang")).isNull();
        assertThat(img.getDomAttribute("loading")).isEqualTo("lazy");
        assertThat(img.getDomAttribute("width")).isEqualTo("1600");
        assertThat(img.getDomAttribute("height")).isEqualTo("1200");
        assertThat(img.getDomAttribute("sizes")).isNotBlank();
        assertThat(img.getDomAttribute("srcset")).contains(" 320w", " 640w", " 1280w");
        // above the title, and loaded at a width the 412 px screen needs, not the largest
        assertThat(figure.getRect().getY()).isLessThan(phone.find("#exhibit-title").getRect().getY());
        phone.waitUntil(d -> Boolean.TRUE.equals(phone.script("const i = arguments[0]; return i.complete && i.naturalWidth > 0", img)),
                Duration.ofSeconds(15));
        assertThat((String) phone.script("return arguments[0].currentSrc", img)).contains("w=640");
        assertThat(img.getRect().getHeight()).isGreaterThan(200);
        assertThat(phone.find("#exhibit-picture-caption").getText()).contains("pavillon carré à deux niveaux");
        assertThat(phone.find("#exhibit-picture-credit").getText()).isEqualTo("Drawing: Heritage Guide project, CC BY 4.0");
        assertThat(phone.seriousAccessibilityViolations()).isEmpty();

        String folder = System.getProperty("visitor.screenshots");
        if (folder != null && !folder.isBlank()) {
            Files.createDirectories(Path.of(folder));
            Files.write(Path.of(folder, "visitor-fr-picture.png"), phone.screenshot());
        }
    }

    @Test
    void aKoreanVisitorReadsTheDescriptionInKoreanAndAnExhibitWithoutPictureShowsNone() {
        open("ko", "van-mieu", "doctoral-stelae");
        assertThat(phone.find("#exhibit-picture-img").getDomAttribute("alt")).contains("진사비");
        assertThat(phone.find("#exhibit-picture-caption").getText()).contains("돌거북");

        open("ko", "van-mieu", "thien-quang-tinh");
        assertThat(phone.find("#exhibit-picture").isDisplayed()).isFalse();
        assertThat(phone.find("#exhibit-picture-img").getDomAttribute("src")).isNull();
    }

    private void open(String language, String site, String exhibit) {
        phone.driver.manage().addCookie(new Cookie("hg-lang", language));
        phone.open(label(site, exhibit));
        assertThat(phone.find("html").getDomAttribute("lang")).isEqualTo(language);
    }
}

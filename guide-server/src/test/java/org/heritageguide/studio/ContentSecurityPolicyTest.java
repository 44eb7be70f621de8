package org.heritageguide.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.heritageguide.GuideServerTest;
import org.heritageguide.qr.LabelSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every page is sent with the Content-Security-Policy, and still works under it in a real browser
 * (headless Chromium): the visitor app answers a typed question, the label and hand-off pages show,
 * every studio page renders, and the browser reports no violation of the policy on any of them.
 */
@GuideServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentSecurityPolicyTest {

    @LocalServerPort
    int port;

    @Autowired
    LabelSigner signer;

    private ChromeDriver browser;

    @BeforeAll
    void start() {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900", "--lang=en-GB",
                "--autoplay-policy=no-user-gesture-required");
        // the console is where Chromium reports every blocked script, style or connection
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        browser = new ChromeDriver(options);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void everyPageAndAnswerCarriesThePolicy() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl(base()).responseTimeout(Duration.ofSeconds(30)).build();
        String session = (String) client.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", "van-mieu", "language", "en")).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        for (String page : List.of(label("van-mieu", "khue-van-cac"), "/v/", "/v/van-mieu/khue-van-cac?s=wrong", "/c/" + session,
                "/c/no-such-session", "/studio/login", "/studio", "/api/v1/sites")) {
            client.get().uri(page).exchange().expectHeader()
                    .valueEquals("Content-Security-Policy", StudioSecurity.CONTENT_SECURITY_POLICY);
        }
        client.get().uri("/studio").headers(h -> h.setBasicAuth("admin", GuideServerTest.ADMIN_PASSWORD)).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("Content-Security-Policy", StudioSecurity.CONTENT_SECURITY_POLICY);
    }

    @Test
    void theBrowserReportsAViolationWhenThereIsOne() {
        browser.get(base() + "/v/");
        violations();
        ((JavascriptExecutor) browser).executeScript("document.body.setAttribute('style', 'color: red')");
        assertThat(violations()).as("an inline style attribute is refused, and said so").isNotEmpty();
    }

    @Test
    void theVisitorPagesWorkUnderThePolicy() throws Exception {
        browser.get(label("van-mieu", "khue-van-cac"));
        await().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        browser.findElement(By.id("question")).sendKeys("When was Khue Van Cac built?");
        browser.findElement(By.id("send")).click();
        String answer = await().until(d -> d.findElements(By.cssSelector("#log > li.answer .text")).stream()
                .map(WebElement::getText).filter(text -> !text.isBlank()).findFirst().orElse(null));
        assertThat(answer).contains("1805");
        assertThat(style("#ask", "background-color")).as("the app's stylesheet applies").isNotEqualTo("rgba(0, 0, 0, 0)");
        screenshot("visitor");
        String session = (String) ((JavascriptExecutor) browser).executeScript("return document.body.dataset.session || "
                + "JSON.parse(localStorage.getItem('hg.session.van-mieu'))");
        Object socket = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const socket = new WebSocket(`ws://${location.host}/ws/v1/sessions/${arguments[0]}/voice`);
                socket.onopen = () => { socket.close(); done('open'); };
                socket.onerror = () => done('refused');
                """, session);
        assertThat(socket).as("the voice socket opens under the policy").isEqualTo("open");
        assertThat(violations()).as("the visitor app").isEmpty();

        browser.get(base() + "/v/van-mieu/khue-van-cac?s=wrong");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
        assertThat(style("h1", "font-size")).as("the message page's stylesheet applies").isEqualTo("24px");
        screenshot("label-not-recognised");
        assertThat(violations()).as("the label-not-recognised page").isEmpty();
    }

    @Test
    void everyStudioPageWorksUnderThePolicy() throws Exception {
        browser.get(base() + "/studio/login");
        assertThat(style("body", "display")).as("the studio's stylesheet applies").isEqualTo("grid");
        browser.findElement(By.name("username")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys(GuideServerTest.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "admin"));
        assertThat(violations()).as("logging in").isEmpty();

        for (String page : List.of("/studio", "/studio/sites/van-mieu", "/studio/sites/van-mieu/exhibits/khue-van-cac",
                "/studio/sites/van-mieu/files/faq.yaml", "/studio/sites/van-mieu/inbox", "/studio/sites/van-mieu/dashboard",
                "/studio/sites/van-mieu/labels", "/studio/accounts")) {
            browser.get(base() + page);
            await().until(d -> !d.findElements(By.cssSelector("#main h1")).isEmpty());
            await().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "return [...document.images].every(image => image.complete)"));
            assertThat(((JavascriptExecutor) browser).executeScript(
                    "return [...document.images].filter(image => image.naturalWidth === 0).map(image => image.src)"))
                    .as("images that did not load on %s", page).asList().isEmpty();
            if (page.equals("/studio/accounts")) {
                screenshot("studio-accounts");
            }
            assertThat(violations()).as(page).isEmpty();
        }
    }

    private String label(String site, String exhibit) {
        return base() + "/v/" + site + "/" + exhibit + "?s=" + signer.sign(site, exhibit);
    }

    /** What the browser said about the policy since the last call. */
    private List<String> violations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
    }

    private String style(String css, String property) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]]", css, property);
    }

    private WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(50));
    }

    private void screenshot(String name) throws Exception {
        Path file = Path.of("guide-server/target/screenshots/csp-" + name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }
}

package org.heritageguide.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.heritageguide.GuideServerTest;
import org.heritageguide.PublishingServerTest;
import org.heritageguide.analytics.VisitorEvent;
import org.heritageguide.analytics.VisitorEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The studio in a real browser (headless Chromium): a curator edits two languages, publishes and a
 * visitor gets the new text; two curators collide; a revision is restored; a curator of one site is
 * kept out of another; the inbox turns a question into a FAQ, or into another wording of the FAQ that
 * answers it. Saves a screenshot of each page to guide-server/target/screenshots/studio-*.png (1440×900);
 * scripts/screenshots copies them to docs/screenshots.
 */
@PublishingServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudioBrowserTest {

    private static final Logger log = LoggerFactory.getLogger(StudioBrowserTest.class);
    private static final Path SCREENSHOTS = Path.of("guide-server/target/screenshots");

    @LocalServerPort
    int port;

    @Autowired
    VisitorEvents events;

    private WebDriver curator;

    @BeforeAll
    void start() {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        api("admin", GuideServerTest.ADMIN_PASSWORD).put().uri("/api/v1/studio/accounts/" + StudioApiTest.CURATOR)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "CURATOR", "sites", List.of("ethnology"), "password", StudioApiTest.CURATOR_PASSWORD))
                .exchange().expectStatus().isOk();
        curator = browser();
        logIn(curator, StudioApiTest.CURATOR, StudioApiTest.CURATOR_PASSWORD);
    }

    @AfterAll
    void stop() {
        if (curator != null) {
            curator.quit();
        }
    }

    static WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1440,900", "--lang=en-GB");
        ChromeDriver driver = new ChromeDriver(options);
        // the window includes no toolbar when headless, but make sure the page itself is 1440×900
        Object inner = driver.executeScript("return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]");
        List<Number> extra = (List<Number>) inner;
        driver.manage().window().setSize(new Dimension(1440 + extra.get(0).intValue(), 900 + extra.get(1).intValue()));
        return driver;
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void logIn(WebDriver driver, String user, String password) {
        driver.get(base() + "/studio");
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        await(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), user));
    }

    /** Waits until the page is still: fonts and the images in view loaded, no transition running. */
    private static void settled(WebDriver driver) {
        await(driver).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("""
                return document.readyState === 'complete' && document.fonts.status === 'loaded'
                    && [...document.images].filter(i => i.getBoundingClientRect().top < innerHeight).every(i => i.complete)
                    && document.getAnimations().every(a => a.playState !== 'running'
                        || a.effect.getComputedTiming().iterations === Infinity);"""));
    }

    private static WebDriverWait await(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private WebTestClient api(String user, String password) {
        return WebTestClient.bindToServer().baseUrl(base()).responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(h -> h.setBasicAuth(user, password)).build();
    }

    private WebTestClient curatorApi() {
        return api(StudioApiTest.CURATOR, StudioApiTest.CURATOR_PASSWORD);
    }

    private void open(WebDriver driver, String path, By ready) {
        driver.get(base() + path);
        await(driver).until(ExpectedConditions.presenceOfElementLocated(ready));
    }

    private static void type(WebElement field, String text) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    static void screenshot(WebDriver driver, String name) throws Exception {
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0); document.activeElement?.blur();");
        screenshotWhereItIs(driver, name);
    }

    /** A screenshot of the page scrolled as it is, once it is still. */
    private static void screenshotWhereItIs(WebDriver driver, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        settled(driver);
        Files.write(SCREENSHOTS.resolve("studio-" + name + ".png"), ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
    }

    private String visitorSummary(String exhibit) {
        return WebTestClient.bindToServer().baseUrl(base()).build().get().uri("/api/v1/sites/ethnology/exhibits/" + exhibit)
                .exchange().returnResult(Map.class).getResponseBody().blockFirst().get("summary").toString();
    }

    @Test
    void aCuratorEditsTwoLanguagesPublishesAndVisitorsGetTheNewText() throws Exception {
        String id = StudioApiTest.newExhibit(curatorApi(), "lanterns");
        open(curator, "/studio/sites/ethnology/exhibits/" + id, By.name("summary.en"));
        // the top bar names the site as a curator knows it, not by its id in addresses
        new WebDriverWait(curator, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.cssSelector("#site-nav .site-name"),
                "The Vietnam Museum of Ethnology"));
        // the grid names its rows as a curator would, never by the server's names for their shapes
        assertThat(curator.findElements(By.cssSelector("td.field"))).extracting(org.openqa.selenium.WebElement::getText)
                .contains("Title").allSatisfy(text -> assertThat(text).doesNotContainPattern("[A-Z]{2,}_[A-Z]{2,}"));
        // and heads each language's column with its name in its own script, as the visitor app names them (the
        // one module language-names.js, which the studio serves as the visitor app's)
        assertThat(((List<?>) ((JavascriptExecutor) curator).executeScript(
                "return [...document.querySelectorAll('th.lang .lang-head')].map(head => head.firstChild.textContent)"))
                .stream().map(String::valueOf).toList()).containsExactly("Tiếng Việt", "English", "Français", "中文", "한국어");

        new org.openqa.selenium.support.ui.Select(curator.findElement(By.name("status"))).selectByValue("published");
        type(curator.findElement(By.name("summary.vi")), "Xưởng đèn lồng giấy dó, làm bằng tay từ năm 1990.");
        type(curator.findElement(By.name("summary.en")), "The paper lantern workshop, making lanterns by hand since 1990.");
        // other names visitors use: one line per language, comma-separated
        type(curator.findElement(By.name("aliases.en")), "paper lantern atelier, Hoi An lantern house");
        type(curator.findElement(By.name("message")), "Say since when");
        curator.findElement(By.cssSelector("[data-action=save]")).click();
        await(curator).until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "Draft saved"));
        assertThat(curatorApi().get().uri("/api/v1/studio/sites/ethnology/files/exhibits/" + id + ".yaml").exchange()
                .expectStatus().isOk().returnResult(Map.class).getResponseBody().blockFirst().get("data").toString())
                .contains("aliases={en=[paper lantern atelier, Hoi An lantern house]}");
        assertThat(curatorApi().get().uri("/api/v1/sites/ethnology/exhibits/" + id).exchange()
                .returnResult(String.class).getStatus().value()).isEqualTo(404);

        Instant clicked = Instant.now();
        curator.findElement(By.cssSelector("[data-action=publish]")).click();
        String summary = "";
        while (!summary.contains("since 1990") && Duration.between(clicked, Instant.now()).toSeconds() < 20) {
            Thread.sleep(20);
            try {
                summary = visitorSummary(id);
            } catch (RuntimeException notYetLive) {
                summary = "";
            }
        }
        log.info("Studio: publish clicked -> visible to visitors in {} ms", Duration.between(clicked, Instant.now()).toMillis());
        assertThat(summary).contains("The paper lantern workshop, making lanterns by hand since 1990.")
                .contains("Xưởng đèn lồng giấy dó, làm bằng tay từ năm 1990.");
        await(curator).until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "Published"));
        screenshot(curator, "exhibit-editor");
        waitForTheSearchIndex();
        log.info("Studio: publish clicked -> the search index serves it after {} ms", Duration.between(clicked, Instant.now()).toMillis());
        assertThat(askVisitorGuide(id, "en", "What is this?", "since 1990", clicked))
                .contains("The paper lantern workshop, making lanterns by hand since 1990.");
        assertThat(askVisitorGuide(id, "vi", "Đây là gì?", "năm 1990", clicked))
                .contains("Xưởng đèn lồng giấy dó, làm bằng tay từ năm 1990.");
        // asked by one of its other names, at another exhibit: the guide knows what is meant
        assertThat(askVisitorGuide("bronze-drum-building", "en", "Since when does the paper lantern atelier make lanterns?",
                "since 1990", clicked)).contains("since 1990");

        await(curator).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-tab=try]"))).click();
        await(curator).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-preview=en]"))).click();
        WebElement heard = await(curator).until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[@data-field='summary'][contains(., 'since 1990')]")));
        String audioUrl = heard.findElement(By.tagName("audio")).getAttribute("src");
        byte[] wav = WebTestClient.bindToServer().baseUrl(base()).responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri(java.net.URI.create(audioUrl).getPath()).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(wav, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");

        WebElement question = curator.findElement(By.id("try-question"));
        question.sendKeys("What do they make in the lantern workshop?");
        question.submit();
        WebElement answer = await(curator).until(ExpectedConditions.visibilityOfElementLocated(By.id("try-answer")));
        assertThat(answer.getDomAttribute("data-answered")).isEqualTo("true");
        assertThat(answer.getText()).contains("since 1990").contains("from The lantern workshop");
        screenshot(curator, "try-it");
    }

    /** Follows the publication's progress in the studio API until the guide answers from the new content. */
    private void waitForTheSearchIndex() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Map<?, ?> job = curatorApi().get().uri("/api/v1/studio/sites/ethnology/publication").exchange()
                    .returnResult(Map.class).getResponseBody().blockFirst();
            boolean indexed = ((List<Map<?, ?>>) job.get("steps")).stream()
                    .anyMatch(step -> "search index rebuilt".equals(step.get("name")) && step.get("done").equals(1));
            if (indexed) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The search index was not rebuilt within 60 s of publishing");
    }

    /**
     * Asks the guide as a visitor at the exhibit (a new session, one turn) until the answer has the
     * expected words: the site's index is rebuilt in the background after a publication.
     */
    private String askVisitorGuide(String exhibit, String language, String question, String expected, Instant published)
            throws InterruptedException {
        WebTestClient visitor = WebTestClient.bindToServer().baseUrl(base()).responseTimeout(Duration.ofSeconds(60)).build();
        String answer = "";
        Instant deadline = Instant.now().plusSeconds(60);
        while (!answer.contains(expected) && Instant.now().isBefore(deadline)) {
            String session = (String) visitor.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("site", "ethnology", "exhibit", exhibit, "language", language)).exchange()
                    .expectStatus().isCreated().returnResult(Map.class).getResponseBody().blockFirst().get("id");
            Map<?, ?> turn = visitor.post().uri("/api/v1/sessions/{id}/turns", session).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("text", question)).exchange()
                    .expectStatus().isOk().returnResult(Map.class).getResponseBody().blockFirst();
            answer = String.valueOf(turn.get("text"));
            if (!answer.contains(expected)) {
                Thread.sleep(200);
            }
        }
        log.info("Studio: publish clicked -> the guide answers with the new {} text in {} ms", language,
                Duration.between(published, Instant.now()).toMillis());
        return answer;
    }

    @Test
    void twoCuratorsSavingTheSameExhibitSeeBothVersions() throws Exception {
        String id = StudioApiTest.newExhibit(curatorApi(), "conflict");
        WebDriver admin = browser();
        try {
            logIn(admin, "admin", GuideServerTest.ADMIN_PASSWORD);
            open(admin, "/studio/sites/ethnology/exhibits/" + id, By.name("summary.en"));
            open(curator, "/studio/sites/ethnology/exhibits/" + id, By.name("summary.en"));

            type(admin.findElement(By.name("summary.en")), "Admin's words about the lantern workshop.");
            admin.findElement(By.cssSelector("[data-action=save]")).click();
            await(admin).until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "Draft saved"));

            type(curator.findElement(By.name("summary.en")), "The curator's words about the lantern workshop.");
            curator.findElement(By.cssSelector("[data-action=save]")).click();
            WebElement dialog = await(curator).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[data-dialog=conflict]")));
            assertThat(dialog.getText()).contains("Someone else saved", "Admin's words about the lantern workshop.",
                    "The curator's words about the lantern workshop.", "admin");
            screenshot(curator, "conflict");

            dialog.findElement(By.xpath(".//button[text()='Keep my version']")).click();
            await(curator).until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "Draft saved"));
            curatorApi().get().uri("/api/v1/studio/sites/ethnology/files/exhibits/" + id + ".yaml").exchange()
                    .expectBody().jsonPath("$.data.summary.en").isEqualTo("The curator's words about the lantern workshop.");
            List<Map<String, Object>> revisions = (List<Map<String, Object>>) curatorApi().get()
                    .uri("/api/v1/studio/sites/ethnology/history?path=exhibits/" + id + ".yaml").exchange()
                    .returnResult(Map.class).getResponseBody().blockFirst().get("revisions");
            Map<String, Object> adminsSave = (Map<String, Object>) revisions.get(1).get("revision");
            assertThat(adminsSave).containsEntry("author", "admin");
            curatorApi().get().uri("/api/v1/studio/sites/ethnology/revisions/" + adminsSave.get("id") + "?path=exhibits/" + id + ".yaml")
                    .exchange().expectBody().jsonPath("$.data.summary.en").isEqualTo("Admin's words about the lantern workshop.");
        } finally {
            admin.quit();
        }
    }

    @Test
    void anEarlierRevisionIsRestoredFromTheHistory() throws Exception {
        String id = StudioApiTest.newExhibit(curatorApi(), "rollback");
        open(curator, "/studio/sites/ethnology/exhibits/" + id, By.name("summary.en"));
        type(curator.findElement(By.name("summary.en")), "A wrong text that must be undone.");
        curator.findElement(By.cssSelector("[data-action=save]")).click();
        await(curator).until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "Draft saved"));

        curator.findElement(By.cssSelector("[data-tab=history]")).click();
        WebElement oldest = await(curator).until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tr[td[contains(., 'New exhibit')]]//button[@data-action='restore']")));
        screenshot(curator, "history");
        oldest.click();
        await(curator).until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "Restored"));
        curatorApi().get().uri("/api/v1/studio/sites/ethnology/files/exhibits/" + id + ".yaml").exchange()
                .expectBody().jsonPath("$.data.summary.en").isEqualTo("This is the paper lantern workshop.");
        assertThat(curator.findElement(By.name("summary.en")).getAttribute("value")).isEqualTo("This is the paper lantern workshop.");
    }

    @Test
    void aCuratorAddsAPictureInTheEditorAndThenTranslatesItsAltText() throws Exception {
        String id = StudioApiTest.newExhibit(curatorApi(), "picture");
        Path notAPicture = Files.createTempFile("notes", ".png");
        Files.writeString(notAPicture, "only text");
        Path picture = Files.createTempFile("lantern", ".png");
        Files.write(picture, org.heritageguide.picture.TestPictures.image(1200, 900, "png"));
        open(curator, "/studio/sites/ethnology/exhibits/" + id, By.name("summary.en"));

        curator.findElement(By.cssSelector(".picture-form input[name=file]")).sendKeys(notAPicture.toString());
        curator.findElement(By.cssSelector(".picture-form input[name=alt]")).sendKeys("Đèn lồng giấy tròn");
        curator.findElement(By.cssSelector(".picture-form input[name=credit]")).sendKeys("Photo: a test, CC BY 4.0");
        ((JavascriptExecutor) curator).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
                curator.findElement(By.cssSelector("[data-action=upload-picture]")));
        await(curator).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".picture-form .problems"),
                "not a JPEG, PNG or WebP picture"));

        curator.findElement(By.cssSelector(".picture-form input[name=file]")).sendKeys(picture.toString());
        ((JavascriptExecutor) curator).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
                curator.findElement(By.cssSelector("[data-action=upload-picture]")));
        await(curator).until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "Picture added to the draft"));
        WebElement englishAlt = await(curator).until(ExpectedConditions.presenceOfElementLocated(By.name("pictures[0].alt.en")));
        assertThat(curator.findElement(By.name("pictures[0].alt.vi")).getAttribute("value")).isEqualTo("Đèn lồng giấy tròn");
        type(englishAlt, "A round paper lantern");
        curator.findElement(By.cssSelector("[data-action=save]")).click();
        await(curator).until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "Draft saved"));
        curatorApi().get().uri("/api/v1/studio/sites/ethnology/files/exhibits/" + id + ".yaml").exchange()
                .expectBody().jsonPath("$.data.pictures[0].alt.en").isEqualTo("A round paper lantern")
                .jsonPath("$.data.pictures[0].credit").isEqualTo("Photo: a test, CC BY 4.0");

        ((JavascriptExecutor) curator).executeScript("document.querySelector('[data-field=\"pictures[0].alt\"]').scrollIntoView({block: 'center'});"
                + " document.activeElement?.blur();");
        // beside its alt text, the picture itself at the small size (not published yet: from the draft), and its credit
        String thumbnail = "[data-field=\"pictures[0].alt\"] img.picture-thumb";
        await(curator).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const img = document.querySelector(arguments[0]); return !!img && img.complete && img.naturalWidth > 0;", thumbnail));
        assertThat(((Number) ((JavascriptExecutor) curator).executeScript(
                "return document.querySelector(arguments[0]).naturalWidth;", thumbnail)).intValue()).isEqualTo(320);
        assertThat(curator.findElement(By.cssSelector(thumbnail)).getAttribute("src")).contains("/api/v1/studio/sites/ethnology/pictures/", "?w=320");
        assertThat(curator.findElement(By.cssSelector("[data-field=\"pictures[0].alt\"] figcaption")).getText())
                .isEqualTo("Photo: a test, CC BY 4.0");
        screenshotWhereItIs(curator, "picture");
    }

    @Test
    void aCuratorOfEthnologySeesOnlyEthnologyAndIsDeniedVanMieu() throws Exception {
        open(curator, "/studio", By.cssSelector("[data-site]"));
        assertThat(curator.findElements(By.cssSelector("[data-site]"))).extracting(e -> e.getAttribute("data-site"))
                .containsExactly("ethnology");
        curator.get(base() + "/studio/sites/van-mieu");
        assertThat(curator.findElement(By.cssSelector("[data-forbidden]")).getText()).contains("You do not have access here");
        curator.get(base() + "/studio/sites/van-mieu/exhibits/khue-van-cac");
        assertThat(curator.findElement(By.cssSelector("[data-forbidden]")).getText()).contains("You do not have access here");
        screenshot(curator, "forbidden");
    }

    @Test
    void theInboxTurnsAnUnansweredQuestionIntoAFaq() throws Exception {
        Instant now = Instant.now();
        for (int i = 0; i < 4; i++) {
            events.record(VisitorEvent.turn(now.minusMillis(i), "ethnology", "kite-building", "inbox-" + i,
                    i < 3 ? "en" : "fr", i % 2 == 0 ? "voice" : "text",
                    i < 3 ? "Is there a kite festival?" : "Y a-t-il un festival de cerfs-volants ?", false, 80, List.of()));
        }
        events.record(VisitorEvent.turn(now, "ethnology", null, "inbox-5", "vi", "text", "Có chỗ gửi xe máy không?", false, 80, List.of()));
        String wording = "Who did the interior of the Bronze Drum building?";
        events.record(VisitorEvent.turn(now, "ethnology", null, "inbox-6", "en", "text", wording, false, 80, List.of()));
        open(curator, "/studio/sites/ethnology/inbox", By.cssSelector("tr[data-question='is there a kite festival']"));
        WebElement row = curator.findElement(By.cssSelector("tr[data-question='is there a kite festival']"));
        assertThat(row.getText()).contains("Is there a kite festival?", "3 times", "EN 3");
        String wordingKey = "who did the interior of the bronze drum building";
        WebElement answerable = curator.findElement(By.cssSelector("tr[data-question='" + wordingKey + "']"));
        assertThat(answerable.getText()).contains("Does the FAQ “Who designed the museum?” answer it?");
        screenshot(curator, "inbox");

        // the guide had the answer but not the visitor's words: they join the FAQ
        answerable.findElement(By.cssSelector("[data-action=add-wording]")).click();
        await(curator).until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "Added to the FAQ “Who designed the museum?”"));
        await(curator).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-question='" + wordingKey + "']"), 0));
        curatorApi().get().uri("/api/v1/studio/sites/ethnology/files/faq.yaml").exchange()
                .expectBody().jsonPath("$.yaml").value(yaml -> assertThat((String) yaml).contains("- \"" + wording + "\""));
        row = curator.findElement(By.cssSelector("tr[data-question='is there a kite festival']"));

        row.findElement(By.cssSelector("[data-action=make-faq]")).click();
        WebElement dialog = await(curator).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[data-dialog=faq]")));
        assertThat(dialog.findElement(By.name("questions.en")).getAttribute("value")).contains("Is there a kite festival?");
        dialog.findElement(By.name("answer.en")).sendKeys("Yes: every spring, the museum holds a kite festival in the garden.");
        dialog.findElement(By.name("answer.vi")).sendKeys("Có: mỗi mùa xuân bảo tàng tổ chức hội thả diều trong vườn.");
        dialog.findElement(By.name("questions.vi")).sendKeys("Có lễ hội thả diều không?");
        screenshot(curator, "new-faq");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        await(curator).until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "FAQ saved"));
        assertThat(curator.findElements(By.cssSelector("tr[data-question='is there a kite festival']"))).isEmpty();
        curatorApi().get().uri("/api/v1/studio/sites/ethnology/files/faq.yaml").exchange()
                .expectBody().jsonPath("$.yaml").value(yaml -> assertThat((String) yaml)
                        .contains("Is there a kite festival?", "every spring, the museum holds a kite festival"));
    }

    @Test
    void everyStudioPageLooksRight() throws Exception {
        recordTwoWeeksOfVisitors();
        WebDriver admin = browser();
        try {
            admin.get(base() + "/studio/login");
            screenshot(admin, "login");
            logIn(admin, "admin", GuideServerTest.ADMIN_PASSWORD);
            open(admin, "/studio", By.cssSelector("[data-site]"));
            screenshot(admin, "sites");
            // however many questions wait in a site's inbox, no link of its card breaks inside itself: the row wraps
            // between links ("Inbox (107 unanswered)" once broke "QR labels" over two lines)
            ((JavascriptExecutor) admin).executeScript(
                    "document.querySelectorAll('.card-links a[href$=\"/inbox\"]').forEach(a => a.textContent = 'Inbox (12345 unanswered)')");
            assertThat((List<?>) ((JavascriptExecutor) admin).executeScript("""
                    return [...document.querySelectorAll('.card-links a')].map(a => {
                      const text = document.createRange();
                      text.selectNodeContents(a);
                      return a.textContent + ': ' + new Set([...text.getClientRects()].map(r => Math.round(r.top))).size + ' line(s)';
                    })""")).isNotEmpty().allSatisfy(link -> assertThat((String) link).endsWith(": 1 line(s)"));
            reviseTheVietnameseSummaryOfKhueVanCac();
            open(admin, "/studio/sites/van-mieu", By.cssSelector("tr[data-exhibit]"));
            screenshot(admin, "site");
            open(admin, "/studio/sites/van-mieu/exhibits/khue-van-cac", By.name("summary.en"));
            assertThat(admin.findElement(By.name("summary.en")).getAttribute("class")).contains("outdated");
            screenshot(admin, "exhibit");
            open(admin, "/studio/sites/ethnology/dashboard", By.cssSelector(".kpis"));
            screenshot(admin, "dashboard");
            open(admin, "/studio/accounts", By.cssSelector("form[data-account=admin]"));
            screenshot(admin, "accounts");
            open(admin, "/studio/sites/van-mieu/labels", By.cssSelector("[data-exhibit]"));
            assertThat(admin.findElement(By.cssSelector("[data-label-address]")).getText())
                    .as("the test server's labels point at localhost: the page says so before anyone prints them")
                    .contains("a visitor’s phone could not", "GUIDE_PUBLIC_BASE_URL");
            screenshot(admin, "labels");
            admin.findElement(By.cssSelector("[data-exhibit=khue-van-cac] input")).click();
            String sheet = admin.findElement(By.cssSelector("[data-action=labels-pdf]")).getAttribute("href");
            assertThat(sheet).contains("exhibits=").doesNotContain("khue-van-cac");
            int chosen = sheet.replaceAll(".*exhibits=([^&]*).*", "$1").split(",").length;
            assertThat(decodedLabels(sheet)).hasSize(chosen)
                    .allSatisfy(url -> assertThat(url).contains("/v/van-mieu/").doesNotContain("khue-van-cac"));
        } finally {
            admin.quit();
        }
    }

    /** A draft (never published) where the source text moved on: its translations show as out of date. */
    private void reviseTheVietnameseSummaryOfKhueVanCac() {
        WebTestClient admin = api("admin", GuideServerTest.ADMIN_PASSWORD);
        var opened = admin.get().uri("/api/v1/studio/sites/van-mieu/files/exhibits/khue-van-cac.yaml").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult();
        String yaml = (String) opened.getResponseBody().get("yaml");
        String revised = yaml.replace("đang\n    tỏa sáng.", "đang\n    tỏa sáng. Gác cao gần 9 mét.");
        assertThat(revised).isNotEqualTo(yaml);
        admin.put().uri("/api/v1/studio/sites/van-mieu/files/exhibits/khue-van-cac.yaml")
                .header(org.springframework.http.HttpHeaders.IF_MATCH, opened.getResponseHeaders().getETag())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("yaml", revised, "message", "Add the height of the pavilion")).exchange().expectStatus().isOk();
    }

    /**
     * The label sheet the labels page links to, fetched as the admin, each QR code read back with zbarimg
     * from the sheet rendered at 300 dpi, as printed (at 150 dpi one code in ten of a sheet could fail to
     * decode, depending on the deployment's secret).
     */
    private List<String> decodedLabels(String sheetUrl) throws Exception {
        byte[] pdf = api("admin", GuideServerTest.ADMIN_PASSWORD).get().uri(java.net.URI.create(sheetUrl).getRawPath() + "?"
                        + java.net.URI.create(sheetUrl).getRawQuery()).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        Path dir = Files.createTempDirectory("labels");
        Files.write(dir.resolve("sheet.pdf"), pdf);
        assertThat(new ProcessBuilder("pdftoppm", "-r", "300", "-png", "sheet.pdf", "page").directory(dir.toFile())
                .inheritIO().start().waitFor()).isZero();
        List<String> codes = new java.util.ArrayList<>();
        try (var pages = Files.list(dir)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".png")).sorted().toList()) {
                Process zbar = new ProcessBuilder("zbarimg", "--quiet", "--raw", page.toString()).start();
                String out = new String(zbar.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                zbar.waitFor();
                out.lines().filter(line -> !line.isBlank()).forEach(codes::add);
            }
        }
        return codes;
    }

    /** Sample visits for the dashboard's screenshot, once per data directory (the event log is kept between runs). */
    private void recordTwoWeeksOfVisitors() {
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
        String firstDay = today.minus(13, ChronoUnit.DAYS).toString().substring(0, 10);
        Integer sessionsThatDay = curatorApi().get().uri("/api/v1/studio/sites/ethnology/stats?from=" + firstDay + "&to=" + firstDay)
                .exchange().returnResult(Map.class).getResponseBody().map(body -> (Integer) ((Map<?, ?>) body.get("stats")).get("sessions"))
                .blockFirst(Duration.ofSeconds(10));
        if (sessionsThatDay != null && sessionsThatDay > 0) {
            return;
        }
        Random random = new Random(7);
        List<String> languages = List.of("vi", "vi", "en", "en", "en", "fr", "zh", "ko");
        List<String> unanswered = List.of("Where is the nearest ATM?", "Can I bring my dog?",
                "Do you sell copies of the bronze drums?", "Is there a guided tour in German?", "Can I bring my dog?");
        List<String> exhibits = List.of("bronze-drum-building", "ede-long-house", "bana-rong-house", "water-puppet-theatre", "kite-building");
        for (int day = 13; day >= 1; day--) {
            int sessions = 6 + random.nextInt(10) + (day % 7 < 2 ? 8 : 0);
            for (int s = 0; s < sessions; s++) {
                Instant at = today.minus(day, ChronoUnit.DAYS).plusSeconds(random.nextInt(8 * 3600));
                String session = "demo-" + day + "-" + s;
                String language = languages.get(random.nextInt(languages.size()));
                String exhibit = exhibits.get(random.nextInt(exhibits.size()));
                // opened by scanning a label, as the server records it: the session, and the scan
                events.record(VisitorEvent.of(VisitorEvent.SESSION_OPENED, at, "ethnology", exhibit, session, language));
                events.record(VisitorEvent.of(VisitorEvent.EXHIBIT_SCANNED, at, "ethnology", exhibit, session, language));
                for (int q = 0; q < 1 + random.nextInt(4); q++) {
                    boolean answered = random.nextInt(10) < 8;
                    events.record(VisitorEvent.turn(at.plusSeconds(30L * q), "ethnology", exhibit, session, language,
                            random.nextBoolean() ? "voice" : "text",
                            answered ? "Tell me more" : unanswered.get(random.nextInt(unanswered.size())), answered, 60 + random.nextInt(400), List.of()));
                }
            }
        }
    }
}

package org.heritageguide.visitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.heritageguide.audio.Pcm;
import org.heritageguide.audio.Wav;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium the size of a phone (390×844), driven through Selenium, for the visitor app's
 * browser tests: one per test class, reused by its tests. Optionally with a fake microphone that
 * plays a WAV file, or with every permission prompt refused.
 */
final class PhoneBrowser implements AutoCloseable {

    enum Microphone { FAKE, REFUSED }

    private static final String AXE = "/axe/axe.min.js";

    final ChromeDriver driver;
    private final Path profile;

    private PhoneBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * @param microphoneInput the WAV the fake microphone plays (looped), for {@link Microphone#FAKE}; null: a beep
     */
    static PhoneBrowser start(String acceptLanguage, Microphone microphone, Path microphoneInput) {
        return start(acceptLanguage, microphone, microphoneInput, 390, 844, 2.0);
    }

    /** The same, on a screen of {@code width}×{@code height} CSS pixels at {@code pixelRatio}. */
    static PhoneBrowser start(String acceptLanguage, Microphone microphone, Path microphoneInput, int width, int height,
                              double pixelRatio) {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        try {
            Path profile = Files.createTempDirectory("phone-browser");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--lang=" + acceptLanguage);
            if (microphone == Microphone.FAKE) {
                options.addArguments("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream");
                if (microphoneInput != null) {
                    options.addArguments("--use-file-for-fake-audio-capture=" + microphoneInput);
                }
            } else {
                options.addArguments("--use-fake-device-for-media-stream", "--deny-permission-prompts");
            }
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", height, "pixelRatio", pixelRatio)));
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
            ChromeDriverService service = new ChromeDriverService.Builder().withLogOutput(java.io.OutputStream.nullOutputStream()).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new PhoneBrowser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String speechStandIn;

    /**
     * From the next page on, the browser's SpeechRecognition is the scripted stand-in of
     * {@code /speech/stand-in-speech-recognition.js} with these settings (a JSON object, see that file), or
     * with {@code null}, absent: a phone whose browser has no recognizer. No recognizer service can be
     * reached from the test machines, so the real one is never used.
     */
    void standInSpeech(String settings) {
        withoutSpeechStandIn();
        Map<String, Object> added = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__standInSpeechSettings = " + settings + ";\n" + resource("/speech/stand-in-speech-recognition.js")));
        speechStandIn = (String) added.get("identifier");
    }

    /** Back to the browser's own SpeechRecognition from the next page on. */
    void withoutSpeechStandIn() {
        if (speechStandIn != null) {
            driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", speechStandIn));
            speechStandIn = null;
        }
    }

    /**
     * Forgets everything the app remembered (conversation, language, the service worker and what it kept),
     * as a new visitor's phone would: a kept shell must not open the next page in the last visitor's language.
     */
    void forget(String origin) {
        driver.get(origin + "/actuator/health");
        driver.manage().deleteAllCookies();
        script("localStorage.clear(); sessionStorage.clear();");
        ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([
                  navigator.serviceWorker.getRegistrations().then(all => Promise.all(all.map(r => r.unregister()))),
                  caches.keys().then(keys => Promise.all(keys.map(key => caches.delete(key))))
                ]).then(() => done(), () => done());""");
    }

    /** Opens a page of the app and waits until it is ready (its session open, its texts in place). */
    void open(String url) {
        driver.get(url);
        waitUntil(d -> "true".equals(body().getDomAttribute("data-ready")), Duration.ofSeconds(15));
    }

    WebElement body() {
        return driver.findElement(By.tagName("body"));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    <T> T waitUntil(Function<WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).until(condition);
    }

    /** How many answers' audio has started playing on this page (the app counts them in body[data-played]). */
    int audioStarted() {
        String played = body().getDomAttribute("data-played");
        return played == null ? 0 : Integer.parseInt(played);
    }

    /** How many times audio that was playing has been cut off (barge-in, Stop): body[data-cut]. */
    int audioCut() {
        String cut = body().getDomAttribute("data-cut");
        return cut == null ? 0 : Integer.parseInt(cut);
    }

    /** The texts of the conversation's items, in order. */
    List<String> conversation() {
        List<String> texts = new ArrayList<>();
        for (WebElement item : all("#log > li .text")) {
            texts.add(item.getText());
        }
        return texts;
    }

    /**
     * Runs axe-core in the page against WCAG 2.0, 2.1 and 2.2 A and AA, and returns the violations that
     * are serious or critical, as "rule: help (targets)".
     */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations() {
        if (!Boolean.TRUE.equals(script("return typeof window.axe !== 'undefined'"))) {
            script(resource(AXE));
        }
        List<Map<String, Object>> violations = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
                  .then(result => done(result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      targets: v.nodes.map(n => n.target.join(' ')).join(', ')}))))
                  .catch(error => done([{id: 'axe-failed', impact: 'critical', help: String(error), targets: ''}]));
                """);
        return violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("id") + ": " + v.get("help") + " (" + v.get("targets") + ")")
                .toList();
    }

    byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    private static String resource(String name) {
        try (InputStream in = PhoneBrowser.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A question WAV from the test resources with silence around it, for the fake microphone (which
     * plays it in a loop): quiet before the question, and long enough after it for the server to hear
     * that the visitor has finished.
     */
    static Path microphoneInput(String resource, double silenceBefore, double silenceAfter) {
        try (InputStream in = PhoneBrowser.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            Pcm question = Wav.read(in.readAllBytes());
            int before = (int) (silenceBefore * question.sampleRate()) * 2;
            byte[] padded = new byte[before + question.samples().length + (int) (silenceAfter * question.sampleRate()) * 2];
            System.arraycopy(question.samples(), 0, padded, before, question.samples().length);
            Path file = Files.createTempFile("microphone", ".wav");
            file.toFile().deleteOnExit();
            Files.write(file, Wav.wrap(padded, question.sampleRate()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}

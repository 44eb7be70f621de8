package org.heritageguide.visitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.heritageguide.GuideServerTest;
import org.heritageguide.qr.LabelSigner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The visitor app in a real Firefox (headless Firefox ESR at phone size) against the running server,
 * driven by {@code guide-server/src/test/firefox/visitor.mjs}: puppeteer-core over WebDriver BiDi, so no
 * geckodriver is needed. A visitor with an English phone opens a label, hears the welcome after the
 * first tap, types a question and hears the answer, then holds the button with Firefox's fake
 * microphone (a tone): the audio is streamed over the voice socket and the visitor is told they were
 * not heard. Any JavaScript error on the page fails the test.
 *
 * <p>Needs {@code node}/{@code npm}, {@code firefox-esr} and {@code pulseaudio} (Firefox runs Web Audio
 * only with an audio output: the script gives it a PulseAudio null sink of its own);
 * {@code scripts/system-packages test} installs them. Without them it fails rather than skips. The screenshot goes to
 * {@code guide-server/target/screenshots/visitor-firefox.png} ({@code scripts/screenshots --copy} copies it to
 * docs/screenshots).
 */
@GuideServerTest
class VisitorAppFirefoxTest {

    private static final Path PROJECT = Path.of("guide-server/src/test/firefox");
    private static final Path FIREFOX = Path.of(System.getProperty("visitor.firefox", "/usr/bin/firefox-esr"));

    @LocalServerPort
    int port;

    @Autowired
    LabelSigner signer;

    @Test
    void aVisitorUsesTheAppInFirefox() throws Exception {
        String node = executable("node");
        String npm = executable("npm");
        executable("pulseaudio");
        if (!Files.isExecutable(FIREFOX)) {
            fail(FIREFOX + " is missing: install the Debian package firefox-esr (scripts/system-packages test does)");
        }
        if (!Files.isDirectory(PROJECT.resolve("node_modules/puppeteer-core"))) {
            Run install = run(List.of(npm, "ci", "--no-audit", "--no-fund"), 180);
            assertThat(install.exit).as("npm ci in %s:%n%s", PROJECT, install.output).isZero();
        }
        Path screenshots = Path.of(System.getProperty("visitor.screenshots", "guide-server/target/screenshots"));
        Files.createDirectories(screenshots);
        String origin = "http://localhost:" + port;
        String label = origin + "/v/van-mieu/khue-van-cac?s=" + signer.sign("van-mieu", "khue-van-cac");

        Run visitor = run(List.of(node, "visitor.mjs", origin, label,
                screenshots.resolve("visitor-firefox.png").toAbsolutePath().toString()), 90);

        System.out.println(visitor.output);
        assertThat(visitor.exit).as("visitor.mjs in Firefox:%n%s", visitor.output).isZero();
        assertThat(visitor.output).contains("ok  no JavaScript error on the page");
    }

    private record Run(int exit, String output) {
    }

    /** Runs a command in the node project, stdout and stderr together; kills it past the timeout. */
    private static Run run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true);
        // puppeteer-core never downloads a browser, but npm ci must not try to either
        builder.environment().put("PUPPETEER_SKIP_DOWNLOAD", "1");
        builder.environment().put("FIREFOX", FIREFOX.toString());
        Path log = Files.createTempFile("firefox-visitor", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                return new Run(-1, "timed out after " + timeoutSeconds + " s: " + String.join(" ", command) + "\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The full path of a command on the PATH; fails (not skips) when it is missing. */
    private static String executable(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("'" + name + "' is not on the PATH: install the Debian package "
                + (name.equals("pulseaudio") ? "pulseaudio" : "nodejs and npm") + " (scripts/system-packages test does)");
    }
}

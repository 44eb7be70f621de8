package org.heritageguide.kiosk;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real guide-server, started once per test run from its built jar
 * ({@code guide-server/target/guide-server.jar}, so run {@code mvn package} or {@code install}, not
 * just {@code test}) on a free port with a temporary data directory, from the repository root so that
 * it serves the sample sites in {@code content/}. Stopped when the test JVM exits. While working on the
 * kiosk, {@code -Dkiosk.test.server=http://127.0.0.1:PORT} uses a server that is already running instead
 * (started with the voice settings below, or the busy and idle tests take minutes or fail).
 */
final class GuideServerProcess {

    /** The studio's admin password on the test server (metrics need it); a running server given instead must use it too. */
    static final String ADMIN_PASSWORD = "kiosk-test-admin-password";

    private static GuideServerProcess running;

    private final Process process;
    private final int port;
    private final Path log;

    private GuideServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static synchronized GuideServerProcess get() {
        if (running == null) {
            String given = System.getProperty("kiosk.test.server", "");
            running = given.isBlank() ? start() : new GuideServerProcess(null, URI.create(given).getPort(), null);
        }
        return running;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    int port() {
        return port;
    }

    private static GuideServerProcess start() {
        Path jar = Path.of(System.getProperty("guide-server.jar", "guide-server/target/guide-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The kiosk tests talk to the real server, started from " + jar
                    + ", which is not built: run `mvn install` (or package) so that guide-server is packaged before kiosk-app's tests.");
        }
        try {
            int port = freePort();
            Path data = Files.createTempDirectory("kiosk-test-server");
            // the log outlives the run, in the build folder; the server's data does not
            Path log = Path.of("kiosk-app/target/guide-server-test.log");
            Files.createDirectories(log.getParent());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(java, "-Xmx768m", "-Dai.djl.offline=true", "-jar", jar.toString(),
                    "--server.port=" + port, "--guide.data-dir=" + data, "--guide.public-base-url=http://127.0.0.1:" + port,
                    // the metrics the tests read are behind the studio's admin login
                    "--GUIDE_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                    // two other visitors talking make the guide busy (KioskFlowTest); a kiosk test needs one
                    "--guide.voice.max-streams=2",
                    // a voice connection with no question begun this long after its answer is let go: a visitor
                    // reading an answer outlasts that (KioskFlowTest)
                    "--guide.voice.idle-timeout=20s",
                    // every visit of a test comes from this machine, many more than one kiosk's: no per-client budgets
                    "--guide.limits.sessions-burst=100000", "--guide.limits.turns-burst=100000",
                    "--guide.limits.voice-sockets-burst=100000"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            GuideServerProcess server = new GuideServerProcess(process, port, log);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndForget(process, data)));
            // the whole guide (speech, indexes of every site) starts in ~1 min, but takes 3-4 on a shared, loaded machine
            server.awaitReady(Duration.ofMinutes(6));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start guide-server", e);
        }
    }

    private static void stopAndForget(Process process, Path data) {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            try (Stream<Path> paths = Files.walk(data)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (IOException | InterruptedException e) {
            // leaving a temporary folder behind is all that can go wrong at exit
        }
    }

    private void awaitReady(Duration patience) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("guide-server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri().resolve("/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroy();
        throw new IllegalStateException("guide-server was not ready within " + patience + "; see " + log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

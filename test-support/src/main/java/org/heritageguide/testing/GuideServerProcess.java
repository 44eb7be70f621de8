package org.heritageguide.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A whole guide-server in a process of its own, from the repository root, with the real engines, on a free
 * port; stopped by {@link #close()}. Started from the test run's class path (the server's own tests: the code
 * under test, not a jar built earlier) or from the built jar (the kiosk's tests), or one already running.
 */
public final class GuideServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private GuideServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts one from this test run's class path and waits until its readiness check is UP.
     *
     * @param name     names its log, {@code guide-server/target/<name>.log}
     * @param settings {@code name=value} settings given as {@code --name=value}
     */
    public static GuideServerProcess start(String name, Duration patience, List<String> settings) throws IOException {
        return start(List.of("-Xmx768m", "-Xss2m", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                "org.heritageguide.GuideApplication"), Path.of("guide-server/target", name + ".log"), patience, settings);
    }

    /** Starts one from its built jar, its output in {@code log}, and waits until its readiness check is UP. */
    public static GuideServerProcess startJar(Path jar, Path log, Duration patience, List<String> settings) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The real server is started from " + jar + ", which is not built: run `mvn install`"
                    + " (or package) so that guide-server is packaged before these tests.");
        }
        return start(List.of("-Xmx768m", "-Dai.djl.offline=true", "-jar", jar.toString()), log, patience, settings);
    }

    /** A server started by someone else at {@code uri}; {@link #close()} leaves it running. */
    public static GuideServerProcess running(URI uri) {
        return new GuideServerProcess(null, uri.getPort(), null);
    }

    private static GuideServerProcess start(List<String> launch, Path log, Duration patience, List<String> settings)
            throws IOException {
        int port = freePort();
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch);
        command.add("--server.port=" + port);
        command.add("--guide.public-base-url=http://127.0.0.1:" + port);
        settings.forEach(setting -> command.add("--" + setting));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        GuideServerProcess server = new GuideServerProcess(process, port, log);
        server.awaitReady(patience);
        return server;
    }

    public int port() {
        return port;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public Path log() {
        return log;
    }

    private void awaitReady(Duration patience) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("guide-server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
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
        close();
        throw new IllegalStateException("guide-server was not ready within " + patience + "; see " + log);
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

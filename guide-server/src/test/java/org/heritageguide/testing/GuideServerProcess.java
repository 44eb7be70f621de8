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
 * A whole guide-server in a process of its own, started from this test run's class path (so it is the
 * code under test, not a jar built earlier), from the repository root, with the real engines. For tests
 * of several instances; stopped by {@link #close()}.
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
     * Starts one and waits until its readiness check is UP.
     *
     * @param name     names its log, {@code guide-server/target/<name>.log}
     * @param settings {@code name=value} settings given as {@code --name=value}
     */
    public static GuideServerProcess start(String name, Duration patience, List<String> settings) throws IOException {
        int port = freePort();
        Path log = Path.of("guide-server/target", name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Xss2m", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                "org.heritageguide.GuideApplication", "--server.port=" + port,
                "--guide.public-base-url=http://127.0.0.1:" + port));
        settings.forEach(setting -> command.add("--" + setting));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        GuideServerProcess server = new GuideServerProcess(process, port, log);
        server.awaitReady(patience);
        return server;
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
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

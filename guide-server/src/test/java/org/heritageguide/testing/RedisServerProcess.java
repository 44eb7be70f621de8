package org.heritageguide.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A real {@code redis-server} on a free loopback port, for one test class: with no persistence, or
 * {@link #startDurable() durable} (every write appended and fsynced before it is acknowledged, as a
 * deployment's Redis with AOF), which can be {@link #kill() killed} and {@link #restart() restarted} on
 * the same port with what it had acknowledged.
 */
public final class RedisServerProcess implements AutoCloseable {

    private final int port;
    private final Path dir;
    private final boolean durable;
    private Process process;

    private RedisServerProcess(int port, Path dir, boolean durable) {
        this.port = port;
        this.dir = dir;
        this.durable = durable;
    }

    public static RedisServerProcess start() throws IOException, InterruptedException {
        return start(false);
    }

    public static RedisServerProcess startDurable() throws IOException, InterruptedException {
        return start(true);
    }

    private static RedisServerProcess start(boolean durable) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RedisServerProcess redis = new RedisServerProcess(port, Files.createTempDirectory("redis-test"), durable);
        redis.launch();
        return redis;
    }

    private void launch() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--dir", dir.toString()));
        command.addAll(durable ? List.of("--appendonly", "yes", "--appendfsync", "always") : List.of("--appendonly", "no"));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("redis-server exited: " + Files.readString(dir.resolve("redis.log")));
                }
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("redis-server did not listen on " + port + " within 10 s");
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Kills the server at once (SIGKILL), as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts it again on the same port, from what it had written to disk. */
    public void restart() throws IOException, InterruptedException {
        launch();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.heritageguide.analytics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.heritageguide.GuideProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Events as JSON lines, one file per UTC day under {@code <data-dir>/events/}, appended by one
 * background writer: a turn only puts its event in a bounded queue. A line cut short by a crash is
 * skipped when read back; the lines before it are kept.
 */
@Component
class JsonLinesEventLog implements VisitorEvents, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JsonLinesEventLog.class);
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final int QUEUE_CAPACITY = 10_000;

    private final Path dir;
    private final BlockingQueue<VisitorEvent> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread writer;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private volatile boolean running = true;

    JsonLinesEventLog(GuideProperties properties) {
        this.dir = properties.dataDir().resolve("events");
        this.writer = new Thread(this::writeLoop, "event-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void record(VisitorEvent event) {
        if (queue.offer(event)) {
            accepted.incrementAndGet();
        } else {
            log.warn("Event log queue full; dropped a {} event", event.type());
        }
    }

    @Override
    public void read(LocalDate from, LocalDate to, Consumer<VisitorEvent> reader) {
        flush();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Path file = fileOf(day);
            if (!Files.exists(file)) {
                continue;
            }
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        reader.accept(JSON.readValue(line, VisitorEvent.class));
                    } catch (RuntimeException torn) {
                        log.debug("Skipped an unreadable line in {}", file);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Waits (up to 5 s) until every event recorded so far has been written. */
    void flush() {
        long target = accepted.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (done.get() < target && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void writeLoop() {
        List<VisitorEvent> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                VisitorEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | IOException e) {
                log.error("Could not write {} visitor events", batch.size(), e);
            } finally {
                done.addAndGet(batch.size());
                batch.clear();
            }
        }
    }

    private void write(List<VisitorEvent> batch) throws IOException {
        Files.createDirectories(dir);
        LocalDate day = null;
        Writer out = null;
        try {
            for (VisitorEvent event : batch) {
                LocalDate eventDay = LocalDate.ofInstant(event.at(), ZoneOffset.UTC);
                if (!eventDay.equals(day)) {
                    if (out != null) {
                        out.close();
                    }
                    day = eventDay;
                    out = Files.newBufferedWriter(fileOf(day), StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                out.write(JSON.writeValueAsString(event));
                out.write('\n');
            }
        } finally {
            if (out != null) {
                out.close();
            }
        }
    }

    private Path fileOf(LocalDate day) {
        return dir.resolve(day + ".jsonl");
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(5));
    }
}

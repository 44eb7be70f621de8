package org.heritageguide.analytics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
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

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events as JSON lines, one file per UTC day under {@code <data-dir>/events/}, appended by one
 * background writer: a turn only puts its event in a bounded queue. Each event is written as one whole
 * line or not at all, its text made well-formed first, so that one event cannot take others with it; one
 * that cannot be written is counted ({@code guide.events.write.failures}). A line cut short by a crash is
 * skipped (and counted) when read back; the lines around it are kept.
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
    private final Counter writeFailures;
    private final Counter unreadableLines;
    private volatile boolean running = true;

    JsonLinesEventLog(GuideProperties properties, MeterRegistry meters) {
        this.dir = properties.dataDir().resolve("events");
        this.writeFailures = Counter.builder("guide.events.write.failures")
                .description("visitor events that could not be written to the event log").register(meters);
        this.unreadableLines = Counter.builder("guide.events.unreadable.lines")
                .description("lines of the event log skipped when read back because they are not an event").register(meters);
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
            // bytes that are not UTF-8 are read as U+FFFD: the line they are in is then skipped, not the file
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        reader.accept(JSON.readValue(line, VisitorEvent.class));
                    } catch (RuntimeException torn) {
                        unreadableLines.increment();
                        log.warn("Skipped an unreadable line in {}", file);
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
                Files.createDirectories(dir);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | IOException e) {
                writeFailures.increment(batch.size());
                log.error("Could not write {} visitor events", batch.size(), e);
            } finally {
                done.addAndGet(batch.size());
                batch.clear();
            }
        }
    }

    private void write(List<VisitorEvent> batch) {
        LocalDate day = null;
        FileChannel out = null;
        try {
            for (VisitorEvent event : batch) {
                byte[] line = lineOf(event);
                if (line == null) {
                    continue;
                }
                LocalDate eventDay = LocalDate.ofInstant(event.at(), ZoneOffset.UTC);
                try {
                    if (out == null || !eventDay.equals(day)) {
                        closeQuietly(out);
                        out = openForAppending(fileOf(eventDay));
                        day = eventDay;
                    }
                    appendWholeLine(out, line);
                } catch (IOException e) {
                    failed(event, e);
                    closeQuietly(out);
                    out = null;
                }
            }
        } finally {
            closeQuietly(out);
        }
    }

    /** The event as one JSON line in UTF-8, its text made well-formed first; null (and counted) if it cannot be. */
    private byte[] lineOf(VisitorEvent event) {
        try {
            byte[] json = JSON.writeValueAsBytes(event.wellFormed());
            byte[] line = Arrays.copyOf(json, json.length + 1);
            line[json.length] = '\n';
            return line;
        } catch (RuntimeException e) {
            failed(event, e);
            return null;
        }
    }

    private void failed(VisitorEvent event, Exception e) {
        writeFailures.increment();
        log.error("Could not write a {} event of session {} to the event log", event.type(), event.session(), e);
    }

    /**
     * Opens a day's file for appending. A file left ending mid-line (by a crash, or a full disk) gets its
     * line ended first, so that the next event starts a line of its own instead of being glued to it.
     */
    private static FileChannel openForAppending(Path file) throws IOException {
        boolean endsMidLine = endsMidLine(file);
        FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (endsMidLine) {
            writeFully(out, ByteBuffer.wrap(new byte[] {'\n'}));
        }
        return out;
    }

    private static boolean endsMidLine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            return in.size() > 0 && in.read(last, in.size() - 1) == 1 && last.get(0) != '\n';
        }
    }

    /** Appends one whole line, or nothing: a line that could not be written whole is cut off again. */
    private static void appendWholeLine(FileChannel out, byte[] line) throws IOException {
        long before = out.size();
        try {
            writeFully(out, ByteBuffer.wrap(line));
        } catch (IOException e) {
            out.truncate(before);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("Could not close the event log file", e);
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            out.write(bytes);
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

package org.heritageguide.speech.tts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.heritageguide.files.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rendered answers on disk: {@code <dir>/<k0k1>/<key>.wav}, with {@code <key>.txt} beside it saying
 * which language and text the key stands for (so that any instance sharing the directory, or this one
 * after a restart, can render a key it handed out). Least recently used audio goes first when the
 * directory grows past its cap.
 */
final class AudioCache {

    private static final Logger log = LoggerFactory.getLogger(AudioCache.class);

    private final Path dir;
    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();

    /** What a key stands for. */
    record Entry(String language, String text) {
    }

    AudioCache(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.walk(dir)) {
                bytes.set(files.filter(Files::isRegularFile).mapToLong(AudioCache::size).sum());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the audio cache at " + dir, e);
        }
    }

    long bytes() {
        return bytes.get();
    }

    Path dir() {
        return dir;
    }

    /** The audio of a key, if rendered; marks it as recently used. */
    Optional<byte[]> wav(String key) {
        Path wav = file(key, ".wav");
        try {
            byte[] audio = Files.readAllBytes(wav);
            Files.setLastModifiedTime(wav, FileTime.from(Instant.now()));
            return Optional.of(audio);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean has(String key) {
        return Files.isRegularFile(file(key, ".wav"));
    }

    /** Remembers what a key stands for (once). */
    void remember(String key, Entry entry) {
        Path text = file(key, ".txt");
        if (Files.exists(text)) {
            return;
        }
        write(text, (entry.language() + "\n" + entry.text()).getBytes(StandardCharsets.UTF_8));
    }

    Optional<Entry> entry(String key) {
        try {
            String content = Files.readString(file(key, ".txt"), StandardCharsets.UTF_8);
            int newline = content.indexOf('\n');
            return newline < 0 ? Optional.empty()
                    : Optional.of(new Entry(content.substring(0, newline), content.substring(newline + 1)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void put(String key, byte[] wav) {
        write(file(key, ".wav"), wav);
        if (bytes.get() > maxBytes) {
            evict();
        }
    }

    private void write(Path target, byte[] content) {
        try {
            long replaced = Files.exists(target) ? size(target) : 0;
            AtomicFiles.write(target, content);
            bytes.addAndGet(content.length - replaced);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    /**
     * Deletes the least recently used audio (and the oldest notes of what keys stand for) until the
     * cache is at 90% of its cap.
     */
    private synchronized void evict() {
        if (bytes.get() <= maxBytes) {
            return;
        }
        record Aged(Path path, FileTime used, long size) {
        }
        List<Aged> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(p -> p.toString().endsWith(".wav") || p.toString().endsWith(".txt")).forEach(p -> {
                try {
                    files.add(new Aged(p, Files.getLastModifiedTime(p), Files.size(p)));
                } catch (IOException gone) {
                    // deleted meanwhile by another instance
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(Comparator.comparing(Aged::used));
        long target = maxBytes * 9 / 10;
        int deleted = 0;
        for (Aged file : files) {
            if (bytes.get() <= target) {
                break;
            }
            try {
                if (Files.deleteIfExists(file.path())) {
                    bytes.addAndGet(-file.size());
                    deleted++;
                }
            } catch (IOException e) {
                log.warn("Cannot delete {} from the audio cache: {}", file.path(), e.getMessage());
            }
        }
        log.info("Audio cache over {} bytes: removed the {} least recently used answers", maxBytes, deleted);
    }

    private Path file(String key, String extension) {
        return dir.resolve(key.substring(0, 2)).resolve(key + extension);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}

package org.heritageguide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * Gives the full-stack tests a copy of the sample content, made once per test run before the shared
 * application context starts ({@code guide-server/target/test-content}), so that nothing they do writes
 * into the project's {@code content/}. The studio's revisions of an earlier run are dropped with it. Tests
 * that publish have a copy of their own ({@link PublishingServerTest}).
 */
public final class TestContent implements BeforeAllCallback, TestInstancePreConstructCallback {

    public static final Path DIR = Path.of("guide-server/target/test-content");
    static final Path SOURCE = Path.of("content");
    private static final Path REVISIONS = Path.of("guide-server/target/test-data/revisions");
    private static boolean copied;

    @Override
    public void beforeAll(ExtensionContext context) {
        copyOnce();
    }

    /** A test class with one instance for all its tests gets its context before {@code beforeAll}. */
    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        copyOnce();
    }

    /** Copies a directory tree (the sample content, for a test that changes its copy). */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static synchronized void copyOnce() {
        if (copied) {
            return;
        }
        try {
            delete(DIR);
            delete(REVISIONS);
            copyTree(SOURCE, DIR);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the sample content for the tests", e);
        }
        copied = true;
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

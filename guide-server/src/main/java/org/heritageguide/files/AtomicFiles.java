package org.heritageguide.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * Writing a file so that readers, and a crash, see its old content or its new, never half of it: the new
 * content goes to a temporary file beside it, which is then moved over it. The file keeps its permissions:
 * a file replaced keeps the mode it had, a new file gets the mode new files get (the process's umask), and
 * a private one (secrets, accounts) is readable by its owner only from the first byte.
 */
public final class AtomicFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {
    }

    /** Replaces (or creates) {@code target}, keeping the mode of the file it replaces. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, false);
    }

    /** Replaces (or creates) {@code target} as a file only its owner may read or write. */
    public static void writePrivate(Path target, byte[] content) throws IOException {
        write(target, content, true);
    }

    private static void write(Path target, byte[] content, boolean ownerOnly) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temporary = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            create(temporary, ownerOnly);
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE)) {
                out.write(content);
            }
            if (!ownerOnly && Files.exists(target)) {
                copyPermissions(target, temporary);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void create(Path file, boolean ownerOnly) throws IOException {
        if (ownerOnly && isPosix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        if (isPosix(from)) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
    }

    /** Not every file system has POSIX modes; on the others the directory's own permissions apply. */
    private static boolean isPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}

package org.heritageguide.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On the real file system: content replaced whole, and the file's mode kept. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aReplacedFileKeepsItsModeAndGetsItsNewContent() throws IOException {
        for (String mode : new String[] {"rw-r--r--", "rw-r-----", "rw-------", "rw-rw-r--"}) {
            Path file = dir.resolve("site-" + mode + ".yaml");
            Files.writeString(file, "old");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));

            AtomicFiles.write(file, "new".getBytes(StandardCharsets.UTF_8));

            assertThat(file).hasContent("new");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo(mode);
        }
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aNewFileGetsTheModeNewFilesGetHere() throws IOException {
        Path reference = Files.createFile(dir.resolve("made-the-usual-way"));
        Path file = dir.resolve("exhibits/new.yaml");

        AtomicFiles.write(file, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(file).hasContent("new");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(reference));
    }

    @Test
    void aPrivateFileIsTheOwnersOnlyWhateverItWasBefore() throws IOException {
        Path file = dir.resolve("label-secret");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        AtomicFiles.writePrivate(file, "secret".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.writePrivate(dir.resolve("accounts.yaml"), "accounts".getBytes(StandardCharsets.UTF_8));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("accounts.yaml")))).isEqualTo("rw-------");
    }
}

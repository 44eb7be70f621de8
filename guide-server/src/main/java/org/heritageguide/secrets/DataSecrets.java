package org.heritageguide.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.heritageguide.GuideProperties;
import org.heritageguide.files.AtomicFiles;
import org.springframework.stereotype.Component;

/**
 * Per-deployment secrets kept in {@code <data-dir>/secrets/}: generated once, on first use, and kept,
 * so that they survive restarts and are never a default written in code.
 */
@Component
public class DataSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;

    public DataSecrets(GuideProperties properties) {
        this.dir = properties.dataDir().resolve("secrets");
    }

    /** The secret of that name; generated (32 random bytes, base64url) if it does not exist yet. */
    public synchronized String getOrCreate(String name) {
        Path file = dir.resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            String secret = randomToken(32);
            write(file, secret);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the secret " + file, e);
        }
    }

    /** {@code bytes} random bytes, base64url without padding. */
    public static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Whether the secret exists already (so a caller can tell a first start). */
    public boolean exists(String name) {
        return Files.exists(dir.resolve(name));
    }

    /** Writes a secret file readable by the owner only, atomically. */
    public synchronized void write(String name, String value) {
        try {
            write(dir.resolve(name), value);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the secret " + name, e);
        }
    }

    private void write(Path file, String value) throws IOException {
        AtomicFiles.writePrivate(file, (value + "\n").getBytes(StandardCharsets.UTF_8));
    }
}

package org.heritageguide.kiosk.guide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The kiosk's last good copy of its site and of each exhibit, as JSON files on disk, so that it can
 * show them while the server is down, also right after a restart.
 */
public class SiteCache {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Path dir;

    public SiteCache(Path dir) {
        this.dir = dir;
    }

    public Optional<byte[]> site(String site) {
        return read(dir.resolve("site-" + safe(site) + ".json"));
    }

    public void saveSite(String site, byte[] json) {
        write(dir.resolve("site-" + safe(site) + ".json"), json);
    }

    public Optional<byte[]> exhibit(String site, String exhibit) {
        return read(dir.resolve("exhibits-" + safe(site)).resolve(safe(exhibit) + ".json"));
    }

    public void saveExhibit(String site, String exhibit, byte[] json) {
        write(dir.resolve("exhibits-" + safe(site)).resolve(safe(exhibit) + ".json"), json);
    }

    /** The one site this kiosk has a copy of, for a kiosk started offline without being told its site. */
    public Optional<String> onlySite() {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            var sites = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("site-") && n.endsWith(".json"))
                    .map(n -> n.substring(5, n.length() - 5))
                    .toList();
            return sites.size() == 1 ? Optional.of(sites.get(0)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void write(Path file, byte[] json) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(temp, json);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep a copy in " + file, e);
        }
    }

    private static String safe(String id) {
        if (!SAFE.matcher(id).matches()) {
            throw new IllegalArgumentException("Not a usable id: " + id);
        }
        return id;
    }
}

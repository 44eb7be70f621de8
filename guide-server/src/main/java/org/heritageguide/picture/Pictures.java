package org.heritageguide.picture;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import net.coobird.thumbnailator.Thumbnails;

import org.heritageguide.GuideProperties;
import org.heritageguide.site.ContentLoader;
import org.heritageguide.site.Picture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The published pictures of every site, served at a few fixed widths: each size is made once (scaled by
 * Thumbnailator, read by TwelveMonkeys for WebP and CMYK JPEG) and kept under
 * {@code <data-dir>/picture-cache}, named after the original's content, so a replaced picture never
 * serves an old size.
 */
@Component
public class Pictures {

    private final Path contentDir;
    private final Path cacheDir;
    private final PictureSettings settings;
    private final Map<Path, Original> originals = new ConcurrentHashMap<>();

    @Autowired
    Pictures(GuideProperties properties, PictureSettings settings) {
        this(properties.contentDir(), properties.dataDir().resolve("picture-cache"), settings);
    }

    Pictures(Path contentDir, Path cacheDir, PictureSettings settings) {
        this.contentDir = contentDir;
        this.cacheDir = cacheDir;
        this.settings = settings;
    }

    /** A published original: its content's hash (its version) and its size in pixels. */
    public record Original(String version, int width, int height, long modified, long length) {
    }

    /** One served size of a picture. */
    public record Sized(Path file, String mediaType, String etag) {
    }

    /** One size as the visitor app asks for it. */
    public record Size(int width, int height, String url) {
    }

    public List<Integer> widths() {
        return settings.widths();
    }

    /** The original of a site's picture, if it is published and readable. */
    public Optional<Original> original(String site, String file) {
        if (!Picture.isFileName(file)) {
            return Optional.empty();
        }
        Path path = contentDir.resolve("sites").resolve(site).resolve(ContentLoader.PICTURES).resolve(file);
        try {
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            long modified = Files.getLastModifiedTime(path).toMillis();
            long length = Files.size(path);
            Original known = originals.get(path);
            if (known != null && known.modified() == modified && known.length() == length) {
                return Optional.of(known);
            }
            byte[] bytes = Files.readAllBytes(path);
            PictureCheck.Dimensions size = PictureCheck.dimensions(bytes);
            Original original = new Original(hash(bytes), size.width(), size.height(), modified, length);
            originals.put(path, original);
            return Optional.of(original);
        } catch (IOException | PictureCheck.Refused e) {
            return Optional.empty();
        }
    }

    /** The sizes a picture is served at, as URLs carrying its version (so they may be cached for ever). */
    public List<Size> sizes(String site, String file, Original original) {
        return settings.widths().stream()
                .map(w -> Math.min(w, original.width()))
                .distinct()
                .map(w -> new Size(w, Math.max(1, Math.round((float) original.height() * w / original.width())),
                        "/api/v1/sites/" + site + "/pictures/" + file + "?w=" + w + "&v=" + original.version()))
                .toList();
    }

    /**
     * The picture at {@code width} (one of the served widths; a picture narrower than that is served at its
     * own width, never enlarged), made now if it is not on disk yet.
     */
    public Optional<Sized> sized(String site, String file, int width) {
        Optional<Original> found = original(site, file);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Original original = found.get();
        Path source = contentDir.resolve("sites").resolve(site).resolve(ContentLoader.PICTURES).resolve(file);
        try {
            return sized(site, Files.readAllBytes(source), original.version(), original.width(), width);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a " + width + " px version of " + source, e);
        }
    }

    /**
     * A picture given as its bytes (a curator's draft, not published yet) at {@code width}, made once and
     * kept as the published sizes are (the same file, named after its content, once it is published).
     */
    public Optional<Sized> sized(String site, byte[] bytes, int width) {
        try {
            PictureCheck.Dimensions size = PictureCheck.dimensions(bytes);
            if ((long) size.width() * size.height() > settings.maxPixels()) {
                return Optional.empty();
            }
            return sized(site, bytes, hash(bytes), size.width(), width);
        } catch (PictureCheck.Refused e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a " + width + " px version of a picture of " + site, e);
        }
    }

    private Optional<Sized> sized(String site, byte[] bytes, String version, int originalWidth, int width) throws IOException {
        int target = Math.min(width, originalWidth);
        Optional<PictureCheck.Format> format = PictureCheck.Format.sniff(bytes);
        if (format.isEmpty()) {
            return Optional.empty();
        }
        // a PNG keeps its transparency and its crisp lines; photographs become JPEG
        String outputFormat = format.get() == PictureCheck.Format.PNG ? "png" : "jpg";
        String etag = version + "-" + target;
        Path cached = cacheDir.resolve(site).resolve(etag + "." + outputFormat);
        if (!Files.exists(cached)) {
            try {
                BufferedImage image = PictureCheck.check(bytes, Long.MAX_VALUE).image();
                write(image, target, outputFormat, cached);
            } catch (PictureCheck.Refused e) {
                return Optional.empty();
            }
        }
        return Optional.of(new Sized(cached, outputFormat.equals("png") ? "image/png" : "image/jpeg", etag));
    }

    private static void write(BufferedImage image, int width, String format, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".sizing", "." + format);
        try {
            var builder = Thumbnails.of(image).width(width).outputFormat(format);
            if (format.equals("jpg")) {
                builder.imageType(BufferedImage.TYPE_INT_RGB).outputQuality(0.82);
            }
            builder.toFile(temp.toFile());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.heritageguide.picture;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What the guide accepts as a picture: JPEG, PNG or WebP, known by its first bytes (never by its name or
 * the type a client claims), with at most so many pixels, counted from the header before anything is
 * decoded, and then decoding whole.
 */
public final class PictureCheck {

    /** A picture format the guide takes, with the extension its files get. */
    public enum Format {
        JPEG("jpeg", "jpg", "image/jpeg"), PNG("png", "png", "image/png"), WEBP("webp", "webp", "image/webp");

        final String readerName;
        public final String extension;
        public final String mediaType;

        Format(String readerName, String extension, String mediaType) {
            this.readerName = readerName;
            this.extension = extension;
            this.mediaType = mediaType;
        }

        /** The format of a file by its first bytes, if it is one the guide takes. */
        public static Optional<Format> sniff(byte[] bytes) {
            if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
                return Optional.of(JPEG);
            }
            if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
                return Optional.of(PNG);
            }
            if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
                return Optional.of(WEBP);
            }
            return Optional.empty();
        }

        private static boolean startsWith(byte[] bytes, int offset, int... expected) {
            if (bytes.length < offset + expected.length) {
                return false;
            }
            for (int i = 0; i < expected.length; i++) {
                if ((bytes[offset + i] & 0xFF) != expected[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Why a file is not taken: {@code code} for programs, {@code message} for the curator. */
    public static final class Refused extends Exception {
        public final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    /** A picture that passed: its format and size in pixels, and the decoded image. */
    public record Checked(Format format, int width, int height, BufferedImage image) {
    }

    private PictureCheck() {
    }

    public static Checked check(byte[] bytes, long maxPixels) throws Refused {
        Format format = Format.sniff(bytes).orElseThrow(() -> new Refused("not-a-picture",
                "This file is not a JPEG, PNG or WebP picture" + (looksLikeSvg(bytes) ? " (SVG drawings are not taken: they can carry scripts)" : "")
                        + ". Save it as one of those and upload it again."));
        ImageReader reader = readerFor(format);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if ((long) width * height > maxPixels) {
                throw new Refused("too-many-pixels", "This picture is " + width + " × " + height + " pixels; at most "
                        + maxPixels / 1_000_000 + " million pixels are taken. Make it smaller and upload it again.");
            }
            BufferedImage image = reader.read(0);
            return new Checked(format, width, height, image);
        } catch (IOException | RuntimeException e) {
            throw new Refused("broken-picture", "This " + format + " file cannot be read as a picture (" + e.getMessage()
                    + "). It may be cut short or damaged.");
        } finally {
            reader.dispose();
        }
    }

    /** A picture's size in pixels, from its header only. */
    public static Dimensions dimensions(byte[] bytes) throws Refused {
        Format format = Format.sniff(bytes).orElseThrow(() -> new Refused("not-a-picture", "not a JPEG, PNG or WebP picture"));
        ImageReader reader = readerFor(format);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            return new Dimensions(reader.getWidth(0), reader.getHeight(0));
        } catch (IOException | RuntimeException e) {
            throw new Refused("broken-picture", e.getMessage());
        } finally {
            reader.dispose();
        }
    }

    public record Dimensions(int width, int height) {
    }

    private static ImageReader readerFor(Format format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName);
        if (!readers.hasNext()) {
            ImageIO.scanForPlugins();
            readers = ImageIO.getImageReadersByFormatName(format.readerName);
        }
        if (!readers.hasNext()) {
            throw new IllegalStateException("No image reader for " + format + " (TwelveMonkeys missing from the class path?)");
        }
        return readers.next();
    }

    private static boolean looksLikeSvg(byte[] bytes) {
        String start = new String(Arrays.copyOf(bytes, Math.min(bytes.length, 1024)), java.nio.charset.StandardCharsets.UTF_8);
        return start.contains("<svg");
    }
}

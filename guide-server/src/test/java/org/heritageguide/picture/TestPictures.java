package org.heritageguide.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Pictures made for the tests: real images, and files that only claim to be one. */
public final class TestPictures {

    private TestPictures() {
    }

    /** A real picture of that size in that ImageIO format ("png", "jpg"). */
    public static byte[] image(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xfbf7ef));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x3a2e25));
        g.setStroke(new BasicStroke(Math.max(2, width / 100f)));
        g.drawOval(width / 4, height / 4, width / 2, height / 2);
        g.drawLine(0, height - 10, width, height - 10);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A small PNG whose header declares {@code width} × {@code height} pixels (a decompression bomb: a few
     * hundred bytes that would take gigabytes once decoded).
     */
    public static byte[] pngDeclaring(int width, int height) {
        byte[] png = image(8, 8, "png");
        // IHDR is the first chunk: 8-byte signature, 4-byte length, "IHDR", then width and height
        ByteBuffer buffer = ByteBuffer.wrap(png);
        buffer.putInt(16, width);
        buffer.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 4 + 13);
        buffer.putInt(12 + 4 + 13, (int) crc.getValue());
        return png;
    }
}

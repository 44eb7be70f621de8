package org.heritageguide.qr;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * The modules of one QR symbol. Error correction Q (25% of the symbol can be lost): labels hang in
 * courtyards and get dirty, scratched and sun-bleached.
 */
final class QrCode {

    /** The white border the QR standard asks for, in modules, on every side. */
    static final int QUIET_ZONE = 4;

    private final ByteMatrix matrix;

    private QrCode(ByteMatrix matrix) {
        this.matrix = matrix;
    }

    static QrCode encode(String text) {
        try {
            return new QrCode(Encoder.encode(text, ErrorCorrectionLevel.Q).getMatrix());
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode " + text.length() + " characters in a QR code", e);
        }
    }

    /** The symbol's side in modules, without the quiet zone. */
    int modules() {
        return matrix.getWidth();
    }

    boolean isDark(int x, int y) {
        return matrix.get(x, y) == 1;
    }

    /**
     * A black-and-white PNG exactly {@code pixels} wide and high. Every module is the same whole number
     * of pixels (no blurred edges); what does not divide evenly becomes extra white around the quiet zone.
     */
    byte[] png(int pixels) {
        int withQuietZone = modules() + 2 * QUIET_ZONE;
        int scale = pixels / withQuietZone;
        if (scale < 1) {
            throw new IllegalArgumentException("A " + pixels + " px image cannot hold " + withQuietZone + " modules");
        }
        int offset = (pixels - scale * withQuietZone) / 2 + QUIET_ZONE * scale;
        BufferedImage image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = image.getRaster();
        int[] white = new int[pixels];
        java.util.Arrays.fill(white, 1);
        for (int row = 0; row < pixels; row++) {
            raster.setSamples(0, row, pixels, 1, 0, white);
        }
        int[] dark = new int[scale * scale];
        for (int y = 0; y < modules(); y++) {
            for (int x = 0; x < modules(); x++) {
                if (isDark(x, y)) {
                    raster.setSamples(offset + x * scale, offset + y * scale, scale, scale, 0, dark);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

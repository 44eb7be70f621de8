package org.heritageguide.kiosk.ui;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** QR codes as JavaFX images, drawn with whole pixels per module so that cameras read them easily. */
final class QrCodes {

    private QrCodes() {
    }

    static WritableImage image(String text, int approximateSize) {
        BitMatrix modules;
        try {
            modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot make a QR code of " + text, e);
        }
        int scale = Math.max(2, approximateSize / modules.getWidth());
        WritableImage image = new WritableImage(modules.getWidth() * scale, modules.getHeight() * scale);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                Color color = modules.get(x, y) ? Color.BLACK : Color.WHITE;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        pixels.setColor(x * scale + dx, y * scale + dy, color);
                    }
                }
            }
        }
        return image;
    }
}

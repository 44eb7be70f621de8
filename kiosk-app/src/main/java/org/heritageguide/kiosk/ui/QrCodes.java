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

/**
 * QR codes as small JavaFX images, one pixel per module: the screen scales them up without smoothing,
 * so every module stays a sharp square, and a kiosk that shows thousands of them keeps no large images.
 */
final class QrCodes {

    private QrCodes() {
    }

    static WritableImage image(String text) {
        BitMatrix modules;
        try {
            modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot make a QR code of " + text, e);
        }
        int scale = 1;
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

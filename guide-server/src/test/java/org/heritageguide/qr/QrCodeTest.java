package org.heritageguide.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

class QrCodeTest {

    private static final String URL = "https://guide.example.org/v/van-mieu/khue-van-cac?s=AbCdEf012345";

    @Test
    void thePngIsExactlyTheAskedSizeAndReadsBackAsTheAddress() throws Exception {
        for (int pixels : new int[] {100, 400, 1234}) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCode.encode(URL).png(pixels)));
            assertThat(image.getWidth()).isEqualTo(pixels);
            assertThat(image.getHeight()).isEqualTo(pixels);
            assertThat(decode(image)).as(pixels + " px").isEqualTo(URL);
        }
    }

    @Test
    void modulesAreWholePixelsAndTheQuietZoneIsAtLeastFourModules() throws IOException {
        QrCode code = QrCode.encode(URL);
        int pixels = 400;
        int scale = pixels / (code.modules() + 2 * QrCode.QUIET_ZONE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(code.png(pixels)));

        int first = pixels;
        int last = -1;
        for (int y = 0; y < pixels; y++) {
            for (int x = 0; x < pixels; x++) {
                boolean dark = (image.getRGB(x, y) & 0xFF) < 128;
                int gray = image.getRGB(x, y) & 0xFF;
                assertThat(gray).as("pure black or white").isIn(0, 255);
                if (dark) {
                    first = Math.min(first, Math.min(x, y));
                    last = Math.max(last, Math.max(x, y));
                }
            }
        }
        assertThat(first).isGreaterThanOrEqualTo(QrCode.QUIET_ZONE * scale);
        assertThat(pixels - 1 - last).isGreaterThanOrEqualTo(QrCode.QUIET_ZONE * scale);
        assertThat(last - first + 1).isEqualTo(code.modules() * scale);
    }

    @Test
    void anImageTooSmallForTheModulesIsRefused() {
        QrCode code = QrCode.encode(URL);
        assertThatThrownBy(() -> code.png(code.modules() + 2 * QrCode.QUIET_ZONE - 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String decode(BufferedImage image) throws NotFoundException, ChecksumException, FormatException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap).getText();
    }
}

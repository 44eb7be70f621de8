package org.heritageguide.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.heritageguide.site.ContentLoader;
import org.heritageguide.site.Exhibit;
import org.heritageguide.site.Site;
import org.heritageguide.site.SiteCatalog;
import org.junit.jupiter.api.Test;

/** The label sheet as a printer would get it: real content, real fonts, codes read back from the rendered page. */
class LabelSheetTest {

    private static final SiteCatalog CONTENT = new ContentLoader(Path.of("content")).load(1);
    private static final List<String> SYSTEM_CJK_FONTS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");
    private static final LabelFonts FONTS = new LabelFonts(new LabelSettings(null, SYSTEM_CJK_FONTS));

    @Test
    void aSheetHasEveryLabelWithItsTitlesInVietnameseEnglishAndFrench() throws IOException {
        Site site = CONTENT.site("van-mieu").orElseThrow();
        List<String> languages = List.of("vi", "en", "fr");
        byte[] pdf = new LabelSheet(FONTS).render(sheet(site, site.publishedExhibits(), languages));
        write("labels-van-mieu.pdf", pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo((site.publishedExhibits().size() + 7) / 8);
            String text = new PDFTextStripper().getText(document);
            for (Exhibit exhibit : site.publishedExhibits()) {
                for (String language : languages) {
                    String title = exhibit.title().in(language).orElseThrow();
                    assertThat(squash(text)).as(exhibit.id() + " in " + language).contains(squash(title));
                }
            }
            assertThat(squash(text)).contains("Quét để hỏi hướng dẫn viên", "Scan to ask the guide",
                    squash("Văn Miếu – Quốc Tử Giám"), "localhost:8080/v/van-mieu/khue-van-cac?s=");
            for (PDFont font : fonts(document)) {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).as("embedded as a subset").matches("[A-Z]{6}\\+.*");
            }
        }
    }

    @Test
    void everyCodeOnAPageIsReadBackAsItsExhibitsAddress() throws IOException {
        Site site = CONTENT.site("van-mieu").orElseThrow();
        List<Exhibit> firstPage = site.publishedExhibits().subList(0, 8);
        byte[] pdf = new LabelSheet(FONTS).render(sheet(site, firstPage, List.of("vi", "en", "fr")));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.GRAY);
            Set<String> decoded = decodeAll(page);
            Set<String> expected = firstPage.stream().map(e -> url(site, e)).collect(Collectors.toSet());
            assertThat(decoded).isEqualTo(expected);
        }
    }

    @Test
    void textStaysInsideItsLabelClearOfTheCutLines() throws IOException {
        Site site = CONTENT.site("van-mieu").orElseThrow();
        byte[] pdf = new LabelSheet(FONTS).render(sheet(site, site.publishedExhibits(), List.of("vi", "en", "fr")));
        float mm = 72f / 25.4f;
        float margin = 10 * mm;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<TextPosition> glyphs = glyphs(document);
            assertThat(glyphs).isNotEmpty();
            for (TextPosition glyph : glyphs) {
                float x = glyph.getXDirAdj() - margin;
                float y = glyph.getYDirAdj() - margin;
                float inCellX = x - (float) Math.floor(x / LabelSheet.CELL_WIDTH) * LabelSheet.CELL_WIDTH;
                float inCellY = y - (float) Math.floor(y / LabelSheet.CELL_HEIGHT) * LabelSheet.CELL_HEIGHT;
                String where = "'" + glyph.getUnicode() + "' at " + glyph.getXDirAdj() + "," + glyph.getYDirAdj();
                assertThat(inCellX).as(where).isBetween(3 * mm, LabelSheet.CELL_WIDTH - 3 * mm - glyph.getWidthDirAdj());
                assertThat(inCellY).as(where).isBetween(3 * mm + glyph.getHeightDir(), LabelSheet.CELL_HEIGHT - 3 * mm);
            }
        }
    }

    @Test
    void chineseAndKoreanTitlesAreSetInACjkFontWhenTheMachineHasOne() throws IOException {
        Site site = CONTENT.site("van-mieu").orElseThrow();
        Exhibit pavilion = site.publishedExhibit("khue-van-cac").orElseThrow();
        byte[] pdf = new LabelSheet(FONTS).render(sheet(site, List.of(pavilion), List.of("zh", "ko", "vi")));
        write("labels-van-mieu-zh-ko.pdf", pdf);

        boolean hangul = FONTS.canDraw("규문각");
        boolean han = FONTS.canDraw("奎文阁");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = squash(new PDFTextStripper().getText(document));
            assertThat(text.contains("奎文阁")).isEqualTo(han);
            assertThat(text.contains("규문각")).isEqualTo(hangul);
            assertThat(text).contains("Khuê Văn Các");
        }
    }

    @Test
    void withoutAnyCjkFontTheCjkTitlesAreLeftOutAndTheRestIsPrinted() throws IOException {
        LabelFonts latinOnly = new LabelFonts(new LabelSettings(null, List.of("/nonexistent/font.ttf")));
        assertThat(latinOnly.canDraw("奎文阁")).isFalse();
        Site site = CONTENT.site("van-mieu").orElseThrow();
        Exhibit pavilion = site.publishedExhibit("khue-van-cac").orElseThrow();
        byte[] pdf = new LabelSheet(latinOnly).render(sheet(site, List.of(pavilion), List.of("zh", "ko", "en")));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = squash(new PDFTextStripper().getText(document));
            assertThat(text).doesNotContain("奎文阁", "규문각")
                    .contains("Khuê Văn Các, the Constellation", "Scan to ask the guide", "Temple of Literature");
        }
    }

    private static LabelSheet.Sheet sheet(Site site, List<Exhibit> exhibits, List<String> languages) {
        List<LabelSheet.Label> labels = new ArrayList<>();
        for (Exhibit exhibit : exhibits) {
            List<String> titles = languages.stream().flatMap(l -> exhibit.title().in(l).stream()).toList();
            labels.add(new LabelSheet.Label(exhibit.id(), url(site, exhibit), titles));
        }
        Map<String, String> invitations = Map.of("vi", "Quét để hỏi hướng dẫn viên", "en", "Scan to ask the guide",
                "fr", "Scannez pour interroger le guide", "zh", "扫码向导览员提问", "ko", "스캔하여 가이드에게 물어보세요");
        List<String> names = new ArrayList<>(languages.stream().flatMap(l -> site.name().in(l).stream()).toList());
        return new LabelSheet.Sheet("QR labels", names, languages.stream().map(invitations::get).toList(), labels);
    }

    private static String url(Site site, Exhibit exhibit) {
        return "http://localhost:8080/v/" + site.id() + "/" + exhibit.id() + "?s=AbCdEf012345";
    }

    /** Text as extracted from a PDF, with line breaks and runs of spaces made single spaces. */
    private static String squash(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static Set<String> decodeAll(BufferedImage page) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page)));
        Map<DecodeHintType, Object> hints = new HashMap<>();
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        try {
            return Arrays.stream(new QRCodeMultiReader().decodeMultiple(bitmap, hints))
                    .map(Result::getText).collect(Collectors.toSet());
        } catch (NotFoundException e) {
            return Set.of();
        }
    }

    private static List<PDFont> fonts(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (var page : document.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }

    private static List<TextPosition> glyphs(PDDocument document) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                glyphs.add(text);
            }
        };
        stripper.getText(document);
        return glyphs;
    }

    private static void write(String name, byte[] pdf) throws IOException {
        Path dir = Path.of("guide-server/target/labels");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), pdf);
    }
}

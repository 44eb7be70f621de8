package org.heritageguide.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Label lines broken with the label's real fonts. */
class TextLinesTest {

    private static final float SIZE = 12;
    private static final PDDocument DOCUMENT = new PDDocument();
    private static final LabelFonts.DocumentFonts FONTS = new LabelFonts(new LabelSettings(null, List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")))
            .embedInto(DOCUMENT);

    @AfterAll
    static void close() throws Exception {
        FONTS.close();
        DOCUMENT.close();
    }

    @Test
    void wordsStayWholeAndEveryLineFits() {
        String title = "Bia Tiến sĩ: 82 tấm bia đá trên lưng rùa ghi tên những người đỗ đạt";
        float width = FONTS.regular().width("Bia Tiến sĩ: 82 tấm bia", SIZE);
        List<String> lines = TextLines.wrap(title, FONTS.regular(), SIZE, width);

        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join(" ", lines)).isEqualTo(title);
        assertThat(lines).allSatisfy(line -> assertThat(FONTS.regular().width(line, SIZE)).isLessThanOrEqualTo(width));
    }

    @Test
    void aFrenchClosingQuoteNeverStartsALine() {
        String title = "Le « Pavillon de la Constellation » du temple";
        float width = FONTS.regular().width("Le « Pavillon de la Constellation", SIZE);
        assertThat(TextLines.wrap(title, FONTS.regular(), SIZE, width)).noneMatch(line -> line.startsWith("»"));
    }

    @Test
    void chineseBreaksBetweenCharactersAndKoreanBetweenWords() {
        String chinese = "文庙国子监奎文阁";
        List<String> chineseLines = TextLines.wrap(chinese, FONTS.regular(), SIZE, FONTS.regular().width("文庙国子监", SIZE));
        assertThat(chineseLines).containsExactly("文庙国子监", "奎文阁");

        String korean = "문묘 국자감 규문각";
        List<String> koreanLines = TextLines.wrap(korean, FONTS.regular(), SIZE, FONTS.regular().width("문묘 국자감 규", SIZE));
        assertThat(koreanLines).containsExactly("문묘 국자감", "규문각");
    }

    @Test
    void anAddressBreaksAfterASlashAndAWordWiderThanTheLineIsCut() {
        String address = "localhost:8080/v/van-mieu/khue-van-cac";
        List<String> lines = TextLines.wrap(address, FONTS.mono(), SIZE, FONTS.mono().width("localhost:8080/v/va", SIZE));
        assertThat(String.join("", lines)).isEqualTo(address);
        assertThat(lines.get(0)).isEqualTo("localhost:8080/v/");

        List<String> cut = TextLines.wrap("Quốc", FONTS.regular(), SIZE, FONTS.regular().width("Quố", SIZE));
        assertThat(cut).containsExactly("Quố", "c");
    }
}

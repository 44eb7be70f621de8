package org.heritageguide.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.heritageguide.site.ContentLoader;
import org.heritageguide.site.Exhibit;
import org.heritageguide.site.Site;
import org.heritageguide.web.ApiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

/** Which exhibits and languages a sheet gets, on a copy of the sample content with one exhibit made a draft. */
class LabelPrinterTest {

    @TempDir
    Path content;
    Site site;

    @BeforeEach
    void loadContentWithADraft() throws IOException {
        Path source = Path.of("content");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = content.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path drum = content.resolve("sites/van-mieu/exhibits/drum-and-bell.yaml");
        Files.writeString(drum, Files.readString(drum).replace("status: published", "status: draft"));
        site = new ContentLoader(content).load(1).site("van-mieu").orElseThrow();
        assertThat(site.exhibit("drum-and-bell").orElseThrow().isPublished()).isFalse();
    }

    @Test
    void byDefaultEveryPublishedExhibitInTourOrder() {
        assertThat(LabelPrinter.exhibits(site, null)).extracting(Exhibit::id)
                .containsExactlyElementsOf(site.publishedExhibits().stream().map(Exhibit::id).toList())
                .doesNotContain("drum-and-bell")
                .startsWith("van-mieu-gate");
    }

    @Test
    void chosenExhibitsComeInTheGivenOrder() {
        assertThat(LabelPrinter.exhibits(site, " khue-van-cac,van-mieu-gate ,khue-van-cac"))
                .extracting(Exhibit::id).containsExactly("khue-van-cac", "van-mieu-gate", "khue-van-cac");
    }

    @Test
    void aDraftIsAConflictAndAnUnknownExhibitIsNotFound() {
        assertThatThrownBy(() -> LabelPrinter.exhibits(site, "khue-van-cac,drum-and-bell"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.code()).isEqualTo("exhibit-not-published");
                    assertThat(e.getMessage()).contains("drum-and-bell", "draft");
                });
        assertThatThrownBy(() -> LabelPrinter.exhibits(site, "no-such-thing"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThatThrownBy(() -> LabelPrinter.exhibits(site, " , "))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }

    @Test
    void languagesDefaultToTheSiteLanguageThenEnglishAndFrench() {
        assertThat(LabelPrinter.languages(site, null)).containsExactly("vi", "en", "fr");
        assertThat(LabelPrinter.languages(site, "zh,ko,zh")).containsExactly("zh", "ko");
    }

    @Test
    void moreThanThreeOrUnspokenLanguagesAreRefused() {
        assertThatThrownBy(() -> LabelPrinter.languages(site, "vi,en,fr,zh"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
        assertThatThrownBy(() -> LabelPrinter.languages(site, "vi,de"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("unknown-language");
                    assertThat(e.getMessage()).contains("'de'");
                });
    }
}

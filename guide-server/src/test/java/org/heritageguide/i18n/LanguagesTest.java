package org.heritageguide.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The supported languages are the folders of texts, and each folder has every kind of text. */
class LanguagesTest {

    private static final Path I18N = Path.of("guide-server/src/main/resources/i18n");

    @Test
    void theSupportedLanguagesAreTheFoldersOfTextsEnglishFirst() throws IOException {
        List<String> folders;
        try (Stream<Path> found = Files.list(I18N)) {
            folders = found.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).toList();
        }
        assertThat(Languages.supported()).containsExactlyInAnyOrderElementsOf(folders)
                .contains("en", "vi", "fr", "zh", "ko").startsWith("en");
    }

    @Test
    void everyFolderHasEveryKindOfText() {
        for (String language : Languages.supported()) {
            for (String kind : List.of("guide", "spoken", "visitor", "kiosk")) {
                assertThat(I18N.resolve(language).resolve(kind + ".properties")).as(language + " " + kind).isRegularFile();
            }
            assertThat(TextBundle.load(TextBundle.GUIDE, language)).as(language).isNotEmpty();
            assertThat(TextBundle.load(TextBundle.VISITOR, language)).as(language).isNotEmpty();
        }
    }

    @Test
    void aVisitorsLanguageIsItsSupportedOneElseEnglish() {
        assertThat(Languages.supportedOrFallback("fr-CA")).isEqualTo("fr");
        assertThat(Languages.supportedOrFallback("ZH_hant")).isEqualTo("zh");
        assertThat(Languages.supportedOrFallback("ja")).isEqualTo("en");
        assertThat(Languages.supportedOrFallback(null)).isEqualTo("en");
        assertThat(Languages.firstSupported(List.of("ja", "de-DE", "vi-VN", "fr"))).isEqualTo("vi");
        assertThat(Languages.firstSupported(List.of())).isEqualTo("en");
    }

    @Test
    void aLanguageWithoutTextsOrAPathForOneHasAnEmptyBundle() {
        assertThat(TextBundle.load(TextBundle.GUIDE, "ja")).isEmpty();
        assertThat(TextBundle.load(TextBundle.GUIDE, "../i18n/en")).isEmpty();
    }
}

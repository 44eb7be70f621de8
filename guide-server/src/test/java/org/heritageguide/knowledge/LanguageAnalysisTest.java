package org.heritageguide.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LanguageAnalysisTest {

    @Test
    void aVisitorsWordForWhatTheCuratorsCallOtherwiseGivesTheCuratorsTerm() {
        LanguageAnalysis.Profile korean = LanguageAnalysis.profile("ko");
        LanguageAnalysis.View morphemes = korean.views().get(0);

        // "창문" (window) is what a visitor says; the text about Khuê Văn Các says "둥근 창"
        assertThat(korean.terms(morphemes, "왜 창문이 둥근가요?")).contains("창").doesNotContain("창문");
        assertThat(korean.terms(morphemes, "네 면의 둥근 창은")).contains("창");
        // a loan word for "house" reads as the native one the content uses ("공동 가옥" too)
        assertThat(korean.terms(morphemes, "롱하우스는 무엇에 쓰였나요?")).contains("롱", "집");
        assertThat(korean.terms(morphemes, "마을 전체의 공동 가옥입니다")).contains("집");
    }

    @Test
    void anEnglishVerbsIrregularFormsAreOneTermButItsNounIsNot() {
        LanguageAnalysis.Profile english = LanguageAnalysis.profile("en");
        LanguageAnalysis.View words = english.views().get(0);

        assertThat(english.terms(words, "you build the temple")).contains("built");
        assertThat(english.terms(words, "Who built the Temple of Literature?")).contains("built");
        assertThat(english.terms(words, "the Bronze Drum building")).contains("build").doesNotContain("built");
    }

    @Test
    void koreanVerbsAreMatchedOnTheirStemWhateverTheEnding() {
        LanguageAnalysis.Profile korean = LanguageAnalysis.profile("ko");
        LanguageAnalysis.View morphemes = korean.views().get(0);

        assertThat(korean.terms(morphemes, "누가 세웠어요?")).contains("세우");
        assertThat(korean.terms(morphemes, "1805년에 세워졌습니다")).contains("세우");
    }

    @Test
    void vietnameseWithoutDiacriticsFindsTheWrittenName() {
        LanguageAnalysis.Profile vietnamese = LanguageAnalysis.profile("vi");
        LanguageAnalysis.View folded = vietnamese.views().stream().filter(v -> v.name().equals("folded")).findFirst().orElseThrow();

        assertThat(vietnamese.terms(folded, "khue van cac xay nam nao"))
                .containsAll(vietnamese.terms(folded, "Khuê Văn Các"));
    }

    @Test
    void everyLanguagesWordListsLoad() {
        for (String language : List.of("en", "fr", "vi", "zh", "ko")) {
            assertThat(LanguageAnalysis.profile(language).views()).as(language).isNotEmpty();
        }
    }
}

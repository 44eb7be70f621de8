package org.heritageguide.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.heritageguide.i18n.Languages;
import org.junit.jupiter.api.Test;

class LanguageAnalysisTest {

    @Test
    void aQuestionIsReadUpToItsFirstDistinctWords() {
        assertThat(LanguageAnalysis.firstWords("When was the pavilion built?", 5)).isEqualTo("When was the pavilion built?");
        assertThat(LanguageAnalysis.firstWords("When was the pavilion built? And who built it?", 5))
                .isEqualTo("When was the pavilion built?");
        // a word said again is not another word, whatever its case and diacritics
        assertThat(LanguageAnalysis.firstWords("the well, The Well, thé wéll and the lake", 2)).isEqualTo("the well, The Well, thé wéll");
        // Chinese by ICU's dictionary: 什么时候 (when) is one word, a name it does not know a word a character
        assertThat(LanguageAnalysis.firstWords("文庙是什么时候建的", 4)).isEqualTo("文庙是什么时候");
    }

    @Test
    void aVisitorsWordForWhatTheCuratorsCallOtherwiseGivesTheCuratorsTerm() {
        // "창문" (window) is what a visitor says; the text about Khuê Văn Các says "둥근 창"
        assertThat(terms("ko", "morphemes", "왜 창문이 둥근가요?")).contains("창").doesNotContain("창문");
        assertThat(terms("ko", "morphemes", "네 면의 둥근 창은")).contains("창");
        // a loan word for "house" reads as the native one the content uses ("공동 가옥" too)
        assertThat(terms("ko", "morphemes", "롱하우스는 무엇에 쓰였나요?")).contains("롱", "집");
        assertThat(terms("ko", "morphemes", "마을 전체의 공동 가옥입니다")).contains("집");
    }

    @Test
    void eachLanguagesEverydayWordsFindTheWordsTheCuratorsWrote() {
        // the content's sentence first, then what a visitor says instead: they must share the content's term
        assertThat(shared("en", "words", "Please do not strike the bell or the drum yourself.", "can I ring the bell?"))
                .contains("strike");
        assertThat(shared("en", "words", "The first stelae were erected in 1484", "when were they put up?")).contains("built");
        assertThat(shared("fr", "words", "Merci de ne pas frapper vous-même la cloche", "je peux taper sur le tambour ?"))
                .isNotEmpty();
        assertThat(shared("zh", "characters", "博物馆里的rông屋是谁建的？", "谁盖的？")).contains("建");
        assertThat(shared("vi", "folded", "Năm xây dựng: 1805", "ai xay len cai nay")).isNotEmpty();
        assertThat(shared("ko", "morphemes", "1805년에 건립되었습니다", "이거 누가 지었어요?")).contains("세우");
    }

    @Test
    void theWordsAnyQuestionMayUseAreLeftOutInEveryLanguage() {
        // "tell me about", "can I", "is there": what is asked about is left, in Korean as in the others
        assertThat(terms("en", "words", "Can you tell me about the stelae?")).containsExactly("stela");
        assertThat(terms("ko", "morphemes", "진사비에 대해 알려 주세요")).containsExactly("진사", "비");
        assertThat(terms("ko", "morphemes", "북 한번 쳐 봐도 돼요?")).doesNotContain("되", "보");
        assertThat(terms("ko", "morphemes", "수상인형극 몇 시에 해요?")).doesNotContain("하");
        assertThat(terms("ko", "morphemes", "정원에 있는 집들 모형이에요?")).doesNotContain("있").contains("정원", "모형");
    }

    @Test
    void anEnglishVerbsIrregularFormsAreOneTermButItsNounIsNot() {
        assertThat(terms("en", "words", "you build the temple")).contains("built");
        assertThat(terms("en", "words", "Who built the Temple of Literature?")).contains("built");
        assertThat(terms("en", "words", "the Bronze Drum building")).contains("build").doesNotContain("built");
    }

    @Test
    void koreanVerbsAreMatchedOnTheirStemWhateverTheEnding() {
        assertThat(terms("ko", "morphemes", "누가 세웠어요?")).contains("세우");
        assertThat(terms("ko", "morphemes", "1805년에 세워졌습니다")).contains("세우");
        assertThat(terms("ko", "morphemes", "이 건물은 언제 지어졌나요?")).as("짓다 is 세우다: to build").contains("세우");
        assertThat(terms("ko", "morphemes", "1805년에 건립되었습니다")).contains("세우");
    }

    @Test
    void vietnameseWithoutDiacriticsFindsTheWrittenName() {
        assertThat(terms("vi", "folded", "khue van cac xay nam nao")).containsAll(terms("vi", "folded", "Khuê Văn Các"));
    }

    @Test
    void everyLanguagesWordListsLoad() {
        for (String language : Languages.supported()) {
            assertThat(LanguageAnalysis.profile(language).views()).as(language).isNotEmpty();
        }
    }

    /** The terms one view of a language's search profile makes of both texts. */
    private static List<String> shared(String language, String view, String content, String question) {
        List<String> asked = terms(language, view, question);
        return terms(language, view, content).stream().filter(asked::contains).toList();
    }

    /** The terms one view of a language's search profile makes of a text. */
    private static List<String> terms(String language, String view, String text) {
        LanguageAnalysis.Profile profile = LanguageAnalysis.profile(language);
        return profile.terms(profile.views().stream().filter(v -> v.name().equals(view)).findFirst().orElseThrow(), text);
    }
}

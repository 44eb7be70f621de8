package org.heritageguide.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void vietnameseSentencesEndAtTheirMarks() {
        assertThat(Sentences.split("Khuê Văn Các được xây năm 1805. Nó ở đâu? Ở giữa sân thứ ba!", "vi"))
                .containsExactly("Khuê Văn Các được xây năm 1805.", "Nó ở đâu?", "Ở giữa sân thứ ba!");
    }

    @Test
    void chineseSentencesEndAtFullWidthMarksWithoutSpaces() {
        List<String> sentences = Sentences.split("奎文阁建于1805年。它在哪里？在第三进院落！", "zh");
        assertThat(sentences).containsExactly("奎文阁建于1805年。", "它在哪里？", "在第三进院落！");
        assertThat(Sentences.join(sentences, "zh")).isEqualTo("奎文阁建于1805年。它在哪里？在第三进院落！");
    }

    @Test
    void koreanSentences() {
        List<String> sentences = Sentences.split("규문각은 1805년에 지어졌습니다. 어디에 있나요? 세 번째 마당에 있습니다.", "ko");
        assertThat(sentences).containsExactly("규문각은 1805년에 지어졌습니다.", "어디에 있나요?", "세 번째 마당에 있습니다.");
        assertThat(Sentences.join(sentences, "ko")).isEqualTo("규문각은 1805년에 지어졌습니다. 어디에 있나요? 세 번째 마당에 있습니다.");
    }

    @Test
    void anInitialEndsNoSentence() {
        assertThat(Sentences.split("M. Dupont a fondé le musée. Il l'a ouvert en 1997.", "fr"))
                .containsExactly("M. Dupont a fondé le musée.", "Il l'a ouvert en 1997.");
        assertThat(Sentences.split("Chữ Quốc ngữ gắn với A. de Rhodes. Ông đến năm 1624.", "vi"))
                .containsExactly("Chữ Quốc ngữ gắn với A. de Rhodes.", "Ông đến năm 1624.");
        assertThat(Sentences.split("Tòa nhà giới thiệu văn hóa Đông Nam Á. Bảo tàng mở cửa từ năm 1997.", "vi"))
                .containsExactly("Tòa nhà giới thiệu văn hóa Đông Nam Á.", "Bảo tàng mở cửa từ năm 1997.");
    }

    @Test
    void wordsEndingInWhatIcuKnowsAsAbbreviationsEndTheirSentences() {
        assertThat(Sentences.split("Elles montrent des enfants et des animaux. On dit qu'elles tiennent compagnie au défunt.", "fr"))
                .containsExactly("Elles montrent des enfants et des animaux.", "On dit qu'elles tiennent compagnie au défunt.");
        assertThat(Sentences.split("It was rebuilt for the 990th anniversary of Thăng Long. Upstairs, three kings are honoured.", "en"))
                .containsExactly("It was rebuilt for the 990th anniversary of Thăng Long.", "Upstairs, three kings are honoured.");
    }

    @Test
    void aFrenchQuoteClosesTheSentenceItEnds() {
        assertThat(Sentences.split("Le roi écrivit « Honorez les lettrés. » Puis il fonda l'école.", "fr"))
                .containsExactly("Le roi écrivit « Honorez les lettrés. »", "Puis il fonda l'école.");
        assertThat(Sentences.split("Le roi écrivit\u00a0«\u00a0Honorez les lettrés.\u00a0» Puis il fonda l'école.", "fr"))
                .containsExactly("Le roi écrivit\u00a0«\u00a0Honorez les lettrés.\u00a0»", "Puis il fonda l'école.");
        assertThat(Sentences.split("Son nom signifie « Pavillon de la Constellation ». Il date de 1805.", "fr"))
                .containsExactly("Son nom signifie « Pavillon de la Constellation ».", "Il date de 1805.");
    }

    @Test
    void blankTextHasNoSentence() {
        assertThat(Sentences.split("  \n ", "en")).isEmpty();
    }
}

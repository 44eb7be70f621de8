package org.heritageguide.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import javafx.scene.control.TextField;

/**
 * Visitors whose language the guide cannot hear (the sample server has a speech model for English
 * only), against the real guide-server: a Vietnamese visitor types with Telex on the kiosk's keyboard,
 * a Korean visitor, whom the keyboard cannot type for, asks by touching a suggested question.
 */
class KioskLanguagesTest extends KioskTestSupport {

    @Test
    void aVietnameseQuestionTypedWithTelexIsAnsweredInVietnamese() {
        launch(settings(server.uri(), data));
        assertThat(texts("#language-vi .language-invite")).containsExactly("Gõ hoặc chọn câu hỏi");
        tap("#language-vi");
        waitUntil(() -> sessionId().isPresent(), 20);
        assertThat(shown("#talk-button")).as("the guide cannot hear Vietnamese: no button invites to talk").isFalse();

        tap("#question-field");
        assertThat(texts("#keyboard-types")).singleElement().asString()
                .contains("Tiếng Việt", "English", "Français").doesNotContain("中文", "한국어");
        assertThat(texts("#key-telex")).as("Telex is on for a Vietnamese visitor").containsExactly("Telex: bật");
        typeKeys("khuee vawn cac");
        tap("#key-tone-acute");
        typeKeys(" xaay nawm naof?");
        assertThat(questionField()).isEqualTo("khuê văn các xây năm nào?");
        tap("#key-ask");

        waitUntil(() -> texts(".bubble-guide").size() >= 2, 60);
        assertThat(texts(".bubble-visitor")).containsExactly("khuê văn các xây năm nào?");
        assertThat(texts(".bubble-guide").get(1)).contains("1805").contains("năm");
        assertThat(String.join(" ", texts(".bubble-sources"))).contains("Về", "Khuê Văn Các");
        assertThat(shown(".bubble-notice")).as("answered in Vietnamese, not in another language").isFalse();
        assertThat(kiosk.health().errors()).isZero();
    }

    @Test
    void withTelexOffTheKeysTypeAsTheyAreAndTheToneRowStillMarksTheWord() {
        launch(settings(server.uri(), data));
        tap("#language-vi");
        tap("#question-field");
        tap("#key-telex");
        assertThat(texts("#key-telex")).containsExactly("Telex: tắt");
        typeKeys("chu vawn an");
        assertThat(questionField()).isEqualTo("chu vawn an");
        for (int i = 0; i < "awn an".length(); i++) {
            tap("#key-back");
        }
        tap("#key-a-breve");
        typeKeys("n");
        tap("#key-tone-dot");
        assertThat(questionField()).isEqualTo("chu vặn");
    }

    @Test
    void aKoreanVisitorIsInvitedToPickAQuestionAndBrowsesTheExhibitsInKorean() {
        launch(settings(server.uri(), data));
        assertThat(texts("#language-ko .language-invite")).containsExactly("질문을 고르세요");
        assertThat(texts("#language-en .language-invite")).containsExactly("Touch to talk");
        tap("#language-ko");
        waitUntil(() -> sessionId().isPresent(), 20);
        assertThat(shown("#talk-button")).isFalse();
        assertThat(texts(".suggestions-title")).containsExactly("이렇게 물어보세요:");
        assertThat(texts(".suggestion")).contains("문묘는 누가 세웠나요?").hasSizeBetween(1, 3);

        tap("#suggestion-0");
        waitUntil(() -> texts(".bubble-guide").size() >= 2, 60);
        assertThat(texts(".bubble-visitor")).containsExactly("문묘는 누가 세웠나요?");
        assertThat(texts(".bubble-guide").get(1)).contains("1070", "황제");

        tap("#exhibits-button");
        assertThat(texts("#exhibit-khue-van-cac .exhibit-title")).containsExactly("규문각");
        tap("#ask-about-khue-van-cac");
        waitUntil(() -> texts(".bubble-guide").size() >= 3, 60);
        // now the questions are about the exhibit in focus
        assertThat(texts(".suggestion")).isNotEmpty().noneMatch("문묘는 누가 세웠나요?"::equals);
        assertThat(kiosk.health().errors()).isZero();
    }

    private void typeKeys(String keys) {
        for (String key : keys.split("")) {
            tap("#key-" + switch (key) {
                case " " -> "space";
                case "?" -> "question";
                default -> key;
            });
        }
    }

    private String questionField() {
        return fx(() -> ((TextField) shownNodes("#question-field").get(0)).getText());
    }
}

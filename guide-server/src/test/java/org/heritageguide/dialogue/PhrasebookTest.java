package org.heritageguide.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.heritageguide.site.VisitorTopic;
import org.junit.jupiter.api.Test;

/** The phrasebooks a translator extends (dialogue/intents_<language>.yaml) stay complete in every language. */
class PhrasebookTest {

    private static final List<String> LANGUAGES = List.of("en", "fr", "vi", "zh", "ko");

    @Test
    void everyLanguageHasExamplesOfEveryIntentAndTopicAndWordsForEveryTopic() {
        for (String language : LANGUAGES) {
            Phrasebook book = Phrasebook.load(language).orElseThrow();
            assertThat(book.intents().keySet()).as("intents in %s", language)
                    .containsAll(List.of(Intent.values()).stream().filter(i -> i != Intent.VISITOR_INFO).toList());
            assertThat(book.visitorInfo().keySet()).as("visitor topics with examples in %s", language)
                    .containsExactlyInAnyOrder(VisitorTopic.values());
            assertThat(book.visitorWords().keySet()).as("visitor topics with words of their own in %s", language)
                    .containsAll(List.of(VisitorTopic.values()).stream().filter(t -> t != VisitorTopic.CONTACT).toList());
        }
    }

    @Test
    void aWordOfItsOwnNamesOnePracticalTopic() {
        assertThat(Phrasebook.load("en").orElseThrow().topicNamed("sorry, where's the loo")).contains(VisitorTopic.TOILETS);
        assertThat(Phrasebook.load("fr").orElseThrow().topicNamed("c'est ouvert le lundi de Pâques ?")).contains(VisitorTopic.HOURS);
        assertThat(Phrasebook.load("vi").orElseThrow().topicNamed("có được mang xe đẩy em bé vào không"))
                .contains(VisitorTopic.ACCESSIBILITY);
        assertThat(Phrasebook.load("zh").orElseThrow().topicNamed("轮椅能进去吗")).contains(VisitorTopic.ACCESSIBILITY);
        assertThat(Phrasebook.load("ko").orElseThrow().topicNamed("유모차 가지고 들어가도 돼요?")).contains(VisitorTopic.ACCESSIBILITY);
    }

    @Test
    void aQuestionNamingTwoTopicsNamesNone() {
        assertThat(Phrasebook.load("en").orElseThrow().topicNamed("can I take photos in shorts?")).isEmpty();
    }

    @Test
    void everyLanguageSaysHowEachKindOfAnswerIsAsked() {
        for (String language : LANGUAGES) {
            Phrasebook book = Phrasebook.load(language).orElseThrow();
            assertThat(book.answerTypes().keySet()).as("answer types in %s", language)
                    .containsExactlyInAnyOrder(AnswerType.values());
            book.answerTypes().forEach((type, cues) -> assertThat(cues.asked()).as("%s asked in %s", type, language)
                    .isNotEmpty());
        }
    }

    @Test
    void theKindOfAnswerIsReadFromTheAskingWordsTheLongestDeciding() {
        assertAsks("en", "When was this built?", AnswerType.DATE);
        assertAsks("en", "wen was it bilt", AnswerType.DATE);
        assertAsks("en", "how many stelae are there", AnswerType.COUNT);
        assertAsks("en", "How tall is the rông house?", AnswerType.MEASURE);
        assertAsks("en", "how much is a ticket", AnswerType.PRICE);
        assertAsks("en", "what time do you close", AnswerType.TIME);
        // "were" is a word as written, not a misspelt "where"
        assertAsks("en", "who were chu van an's students", AnswerType.PERSON);
        assertAsks("fr", "Combien de stèles y a-t-il ?", AnswerType.COUNT);
        assertAsks("fr", "c'est sous quel roi que ça a été construit ?", AnswerType.PERSON);
        assertAsks("fr", "ça s'inspire de quoi ?", AnswerType.DESCRIPTION);
        assertAsks("vi", "Mấy giờ đóng cửa?", AnswerType.TIME);
        assertAsks("vi", "Có bao nhiêu tấm bia?", AnswerType.COUNT);
        assertAsks("vi", "khue van cac xay nam nao", AnswerType.DATE);
        assertAsks("vi", "Ai làm ra cái này?", AnswerType.PERSON);
        assertAsks("zh", "这座楼是哪一年建的？", AnswerType.DATE);
        assertAsks("zh", "门票多少钱？", AnswerType.PRICE);
        assertAsks("zh", "有几块石碑？", AnswerType.COUNT);
        assertAsks("ko", "몇 시에 닫아요?", AnswerType.TIME);
        assertAsks("ko", "이거 언제 지었어요?", AnswerType.DATE);
        assertAsks("ko", "입장료 얼마예요?", AnswerType.PRICE);
        assertThat(Phrasebook.load("en").orElseThrow().asks("Can I take photos?")).isEmpty();
    }

    @Test
    void aTextHoldsAValueOnlyWhenItStatesOne() {
        Phrasebook en = Phrasebook.load("en").orElseThrow();
        assertThat(en.holds(AnswerType.DATE, "The pavilion was built in 1805.")).isTrue();
        assertThat(en.holds(AnswerType.DATE, "Scholars gathered here to read poems.")).isFalse();
        assertThat(en.holds(AnswerType.DATE, "Shows at 10:00 and 15:00.")).as("when is the show?").isTrue();
        assertThat(en.holds(AnswerType.MEASURE, "It is nearly nineteen metres high.")).isTrue();
        assertThat(en.holds(AnswerType.MEASURE, "It was built in 2003.")).isFalse();
        assertThat(en.holds(AnswerType.PRICE, "An adult ticket costs 70,000 dong.")).isTrue();
        assertThat(en.holds(AnswerType.PRICE, "Children under 15 enter free.")).isTrue();
        assertThat(en.holds(AnswerType.COUNT, "There are 82 stelae.")).isTrue();
        assertThat(en.holds(AnswerType.TIME, "Open every day, from 08:00 to 17:00.")).isTrue();
        assertThat(en.holds(AnswerType.PERSON, "It was built on the orders of Nguyễn Văn Thành.")).isTrue();
        assertThat(Phrasebook.load("vi").orElseThrow().holds(AnswerType.TIME, "Mở cửa từ 8 giờ đến 17 giờ.")).isTrue();
        assertThat(Phrasebook.load("zh").orElseThrow().holds(AnswerType.MEASURE, "高约十九米。")).isTrue();
        assertThat(Phrasebook.load("ko").orElseThrow().holds(AnswerType.PRICE, "성인 입장료는 70,000동입니다.")).isTrue();
        assertThat(Phrasebook.load("fr").orElseThrow().holds(AnswerType.DATE, "Elle date du XVe siècle.")).isTrue();
    }

    @Test
    void aCountIsANumberOfWhatTheQuestionCounts() {
        Phrasebook en = Phrasebook.load("en").orElseThrow();
        assertThat(en.counted("How many names are on the stelae?")).isEqualTo("names");
        assertThat(en.counted("how many of the stelae survive")).isEqualTo("stelae");
        assertThat(en.counted("How many are there?")).isNull();
        assertThat(en.counts("stelae", "There are 82 stelae.")).isTrue();
        assertThat(en.counts("steles", "There are 82 stelae.")).as("another plural").isTrue();
        assertThat(en.counts("names", "There are 82 stelae. They record the names of 1,307 laureates.")).isFalse();
        assertThat(en.counts("groups", "Vietnam recognises 54 ethnic groups.")).as("words describing it between").isTrue();
        assertThat(en.counts("pillars", "2")).as("a fact's bare value").isTrue();
        assertThat(en.holds(AnswerType.MEASURE, "The lower storey is four square brick pillars.")).as("how tall?").isFalse();

        Phrasebook vi = Phrasebook.load("vi").orElseThrow();
        assertThat(vi.counted("Có tổng cộng bao nhiêu vị tiến sĩ được khắc tên trên bia?")).isEqualTo("tiến");
        assertThat(vi.counted("Có tất cả bao nhiêu cái?")).as("nothing but a classifier").isNull();
        assertThat(vi.counts("tiến", "Hiện còn 82 tấm bia tiến sĩ.")).as("the noun comes first: stelae").isFalse();
        assertThat(vi.counts("bia", "Hiện còn 82 tấm bia tiến sĩ.")).isTrue();
        assertThat(vi.counts("tầng", "Bên trong, trên hai tầng, bạn sẽ làm quen với 54 dân tộc.")).isTrue();
        assertThat(vi.counts("kg", "Một lầu treo quả chuông đồng lớn, một lầu đặt hai chiếc trống.")).isFalse();

        Phrasebook fr = Phrasebook.load("fr").orElseThrow();
        assertThat(fr.counted("Il y a combien de familles ?")).isEqualTo("familles");
        assertThat(fr.counted("Combien y a-t-il d'ethnies au Vietnam ?")).as("past the elided article").isEqualTo("ethnies");
        assertThat(fr.counts("ethnies", "Le Vietnam reconnaît officiellement 54 groupes ethniques.")).isTrue();
        assertThat(fr.counts("familles", "La maison abritait trois familles.")).isTrue();
        assertThat(fr.counts("noms", "On compte 82 stèles.")).isFalse();
        assertThat(Phrasebook.load("zh").orElseThrow().counted("有几块石碑？")).as("not told apart").isNull();
    }

    private static void assertAsks(String language, String question, AnswerType type) {
        assertThat(Phrasebook.load(language).orElseThrow().asks(question)).as("%s: %s", language, question).contains(type);
    }
}

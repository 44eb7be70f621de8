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
}

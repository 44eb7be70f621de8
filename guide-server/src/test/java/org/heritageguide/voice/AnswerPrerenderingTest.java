package org.heritageguide.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.heritageguide.GuideServerTest;
import org.heritageguide.dialogue.Dialogue;
import org.heritageguide.dialogue.TurnResult;
import org.heritageguide.session.Sessions;
import org.heritageguide.site.Faq;
import org.heritageguide.site.Site;
import org.heritageguide.site.SiteDirectory;
import org.heritageguide.speech.tts.AnswerAudio.Spoken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What is rendered ahead of time is what the guide says: the answers the dialogue gives to the sample
 * sites' FAQ questions and to "tell me more", word for word, are among the pre-rendered texts.
 */
@GuideServerTest
class AnswerPrerenderingTest {

    @Autowired
    AnswerPrerendering prerendering;

    @Autowired
    SiteDirectory sites;

    @Autowired
    Sessions sessions;

    @Autowired
    Dialogue dialogue;

    @Test
    void theDialoguesAnswersAreAmongThePrerenderedTexts() {
        Set<Spoken> prerendered = Set.copyOf(prerendering.texts(sites.catalog()));
        Site site = sites.site("van-mieu").orElseThrow();
        int asked = 0;
        int fromFaq = 0;
        for (String language : List.of("en", "vi", "zh")) {
            for (Faq faq : site.faqs()) {
                for (String question : faq.questionsIn(language).stream().limit(1).toList()) {
                    TurnResult answer = ask(site.id(), null, language, question);
                    asked++;
                    String faqAnswer = faq.answer().firstOf(site.fallbackChain(language)).orElseThrow().text();
                    // a "what"/"who" question may get the exhibit's passage that says it rather than a
                    // yes/no FAQ reply: that answer depends on the question and is synthesized live
                    if (faqAnswer.startsWith(answer.text().substring(0, Math.min(12, answer.text().length())))) {
                        fromFaq++;
                        assertThat(prerendered).as(language + ": " + question).contains(new Spoken(answer.language(), answer.text()));
                    }
                }
            }
        }
        assertThat(fromFaq).as("FAQ questions answered from their FAQ").isGreaterThanOrEqualTo(asked * 8 / 10);
        String session = sessions.open(site.id(), "khue-van-cac", "en").block().id();
        for (String question : List.of("Tell me about this", "Tell me more", "Tell me more")) {
            TurnResult answer = dialogue.turn(session, "127.0.0.1", question, "voice").block();
            assertThat(prerendered).as(question).contains(new Spoken(answer.language(), answer.text()));
        }
    }

    @Test
    void greetingsComeFirstInEveryLanguageOfEverySite() {
        List<Spoken> texts = prerendering.texts(sites.catalog());
        int greetings = 0;
        for (Site site : sites.catalog().all()) {
            greetings += site.languages().size() * (1 + site.publishedExhibits().size());
        }
        for (Spoken greeting : texts.subList(0, greetings)) {
            assertThat(greeting.text()).containsAnyOf("Welcome", "Chào mừng", "bienvenue", "欢迎", "환영");
        }
        assertThat(texts.stream().map(Spoken::language).distinct()).contains("vi", "en", "fr", "zh", "ko");
    }

    private TurnResult ask(String site, String exhibit, String language, String question) {
        String session = sessions.open(site, exhibit, language).block().id();
        return dialogue.turn(session, "127.0.0.1", question, "text").block();
    }
}

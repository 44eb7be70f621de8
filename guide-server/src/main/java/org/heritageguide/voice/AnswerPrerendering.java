package org.heritageguide.voice;

import java.util.ArrayList;
import java.util.List;

import org.heritageguide.dialogue.GuidePhrases;
import org.heritageguide.dialogue.SpokenAnswers;
import org.heritageguide.knowledge.KnowledgeIndexed;
import org.heritageguide.site.Exhibit;
import org.heritageguide.site.Localized;
import org.heritageguide.site.Site;
import org.heritageguide.site.SiteCatalog;
import org.heritageguide.site.SitesChanged;
import org.heritageguide.speech.tts.AnswerAudio;
import org.heritageguide.speech.tts.AnswerAudio.Spoken;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When content is published, has the audio of what the guide will say rendered in the background:
 * the greetings, then every answer the dialogue gives from curator text ({@link SpokenAnswers}). The
 * rendering stops when content changes and starts again once the guide answers from the new content,
 * so that it never slows the indexing (on a loaded machine, by seconds): an answer asked meanwhile is
 * spoken live.
 */
@Component
class AnswerPrerendering {

    private final AnswerAudio audio;
    private final GuidePhrases phrases;
    private final SpeechEngines engines;

    AnswerPrerendering(AnswerAudio audio, GuidePhrases phrases, SpeechEngines engines) {
        this.audio = audio;
        this.phrases = phrases;
        this.engines = engines;
    }

    @EventListener
    void onSitesChanged(SitesChanged event) {
        audio.stopPrerendering();
    }

    /** Starts once the engines are warmed up, so as not to slow the server's way to readiness. */
    @EventListener
    void onKnowledgeIndexed(KnowledgeIndexed event) {
        List<Spoken> texts = texts(event.catalog());
        engines.warmedUp().thenRun(() -> audio.prerender(texts));
    }

    /** Greetings first (every visitor hears one), then the answers the dialogue gives from curator text. */
    List<Spoken> texts(SiteCatalog catalog) {
        List<Spoken> greetings = new ArrayList<>();
        List<Spoken> answers = new ArrayList<>();
        for (Site site : catalog.all()) {
            for (String language : site.languages()) {
                greetings.add(new Spoken(language, phrases.greeting(site, null, language)));
                for (Exhibit exhibit : site.publishedExhibits()) {
                    greetings.add(new Spoken(language, phrases.greeting(site, exhibit.id(), language)));
                }
                for (Localized.Translation answer : SpokenAnswers.of(site, language)) {
                    answers.add(new Spoken(answer.language(), answer.text()));
                }
            }
        }
        List<Spoken> all = new ArrayList<>(greetings);
        all.addAll(answers);
        return all;
    }
}

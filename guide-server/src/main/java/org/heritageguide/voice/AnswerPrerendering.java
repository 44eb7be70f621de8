package org.heritageguide.voice;

import java.util.ArrayList;
import java.util.List;

import org.heritageguide.dialogue.GuidePhrases;
import org.heritageguide.site.Exhibit;
import org.heritageguide.site.Faq;
import org.heritageguide.site.Localized;
import org.heritageguide.site.Site;
import org.heritageguide.site.SiteCatalog;
import org.heritageguide.site.SitesChanged;
import org.heritageguide.speech.tts.AnswerAudio;
import org.heritageguide.speech.tts.AnswerAudio.Spoken;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When content is published, has the audio of everything the guide may say rendered in the
 * background: greetings first, then the FAQ answers and visitor information, then the exhibits.
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

    /** Starts once the engines are warmed up, so as not to slow the server's way to readiness. */
    @EventListener
    void onSitesChanged(SitesChanged event) {
        List<Spoken> texts = texts(event.catalog());
        engines.warmedUp().thenRun(() -> audio.prerender(texts));
    }

    List<Spoken> texts(SiteCatalog catalog) {
        List<Spoken> greetings = new ArrayList<>();
        List<Spoken> answers = new ArrayList<>();
        List<Spoken> exhibits = new ArrayList<>();
        for (Site site : catalog.all()) {
            for (String language : site.languages()) {
                greetings.add(new Spoken(language, phrases.greeting(site, null, language)));
                add(greetings, language, site.intro());
                for (Faq faq : site.faqs()) {
                    add(answers, language, faq.answer());
                }
                site.visitorInfo().values().forEach(text -> add(answers, language, text));
                for (Exhibit exhibit : site.publishedExhibits()) {
                    greetings.add(new Spoken(language, phrases.greeting(site, exhibit.id(), language)));
                    add(exhibits, language, exhibit.summary());
                    add(exhibits, language, exhibit.location());
                    exhibit.passages().forEach(passage -> add(exhibits, language, passage));
                }
            }
        }
        List<Spoken> all = new ArrayList<>(greetings);
        all.addAll(answers);
        all.addAll(exhibits);
        return all;
    }

    private static void add(List<Spoken> texts, String language, Localized text) {
        text.in(language).ifPresent(t -> texts.add(new Spoken(language, t)));
    }
}

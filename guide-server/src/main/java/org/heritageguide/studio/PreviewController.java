package org.heritageguide.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heritageguide.dialogue.Dialogue;
import org.heritageguide.dialogue.TurnResult;
import org.heritageguide.knowledge.KnowledgeBase;
import org.heritageguide.site.ContentYaml;
import org.heritageguide.site.Localized;
import org.heritageguide.site.Site;
import org.heritageguide.speech.tts.AnswerAudio;
import org.heritageguide.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * What a visitor would hear from an exhibit's draft, before it is published: each spoken text in a
 * language (the one asked for, or the one the guide would fall back to, as it does for visitors), with
 * its audio in that language's voice, rendered on demand and never shown to visitors.
 */
@RestController
@RequestMapping(path = "/api/v1/studio/sites/{site}/preview", produces = MediaType.APPLICATION_JSON_VALUE)
class PreviewController {

    private final StudioContent content;
    private final AnswerAudio audio;
    private final KnowledgeBase knowledge;
    private final Dialogue dialogue;

    PreviewController(StudioContent content, AnswerAudio audio, KnowledgeBase knowledge, Dialogue dialogue) {
        this.content = content;
        this.audio = audio;
        this.knowledge = knowledge;
        this.dialogue = dialogue;
    }

    /** {@code data}: the exhibit as in the editor (unsaved changes included); absent: its saved draft. */
    record PreviewRequest(String exhibit, String language, Map<String, Object> data) {
    }

    record Line(String field, String label, String language, String text, String audioUrl, boolean fallback) {
    }

    record Preview(String language, boolean voice, List<Line> lines) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Preview> preview(@PathVariable String site, @RequestBody PreviewRequest request) {
        if (request.exhibit() == null || request.language() == null) {
            throw ApiException.badRequest("invalid", "Say which exhibit and which language to preview.");
        }
        return StudioContentController.blocking(() -> {
            Site draft = content.draftSite(site).orElseThrow(() -> ApiException.notFound("site-not-found", "There is no site '" + site + "'."));
            if (!draft.speaks(request.language())) {
                throw ApiException.badRequest("unsupported-language", "The site does not speak '" + request.language() + "'.");
            }
            Object data = request.data() != null ? request.data()
                    : ContentYaml.parse(content.draft(site, StudioContent.exhibitFile(request.exhibit())).text());
            Map<String, Map<String, String>> fields = ContentYaml.localizedFields(data, draft.languages());
            List<String> chain = draft.fallbackChain(request.language());
            List<Line> lines = new ArrayList<>();
            add(lines, fields, "summary", "What the guide says first", chain);
            for (int i = 0; fields.containsKey("passages[" + i + "]"); i++) {
                add(lines, fields, "passages[" + i + "]", "Tell me more (" + (i + 1) + ")", chain);
            }
            add(lines, fields, "location", "Where is it?", chain);
            return new Preview(request.language(), audio.speaks(request.language()), lines);
        });
    }

    /**
     * A question to the draft, as a visitor at {@code exhibit} (optional) would ask it; {@code data}: that
     * exhibit as in the editor (unsaved changes included). The exhibit is tried as if it were published.
     */
    record Question(String exhibit, String language, String question, Map<String, Object> data) {
    }

    record Answer(String text, String language, boolean answered, List<TurnResult.Source> sources, String notice,
                  String audioUrl, String decidedBy) {
    }

    @PostMapping(path = "/ask", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Answer> ask(@PathVariable String site, @RequestBody Question request) {
        if (request.language() == null || request.question() == null || request.question().isBlank()) {
            throw ApiException.badRequest("invalid", "Say which language the question is in, and ask something.");
        }
        return StudioContentController.blocking(() -> {
            Site draft = draftToTry(site, request).orElseThrow(() -> ApiException.notFound("site-not-found",
                    "There is no site '" + site + "'."));
            if (!draft.speaks(request.language())) {
                throw ApiException.badRequest("unsupported-language", "The site does not speak '" + request.language() + "'.");
            }
            if (request.exhibit() != null && draft.exhibit(request.exhibit()).isEmpty()) {
                throw ApiException.notFound("exhibit-not-found", "The draft has no valid exhibit '" + request.exhibit() + "'.");
            }
            TurnResult answer = dialogue.tryOut(knowledge.draft(draft), request.exhibit(), request.language(),
                    request.question());
            return new Answer(answer.text(), answer.language(), answer.answered(), answer.sources(), answer.notice(),
                    audio.url(answer.language(), answer.text()).orElse(null), answer.decidedBy());
        });
    }

    /** The site's draft, the exhibit being tried counted as published (with the editor's data if given). */
    private Optional<Site> draftToTry(String site, Question request) {
        if (request.exhibit() == null) {
            return content.draftSite(site);
        }
        String file = StudioContent.exhibitFile(request.exhibit());
        Object data = request.data() != null ? request.data() : ContentYaml.parse(content.draft(site, file).text());
        if (!(data instanceof Map<?, ?> fields)) {
            return content.draftSite(site);
        }
        Map<Object, Object> published = new LinkedHashMap<>(fields);
        published.put("status", "published");
        return content.draftSiteWith(site, file, ContentYaml.render(file, published));
    }

    private void add(List<Line> lines, Map<String, Map<String, String>> fields, String field, String label, List<String> chain) {
        Map<String, String> texts = fields.get(field);
        if (texts == null) {
            return;
        }
        new Localized(texts).firstOf(chain).ifPresent(said -> lines.add(new Line(field, label, said.language(), said.text(),
                audio.url(said.language(), said.text()).orElse(null), !said.language().equals(chain.get(0)))));
    }
}

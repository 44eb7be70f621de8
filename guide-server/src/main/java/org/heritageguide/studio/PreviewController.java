package org.heritageguide.studio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.heritageguide.site.Site;
import org.heritageguide.site.Localized;
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

    PreviewController(StudioContent content, AnswerAudio audio) {
        this.content = content;
        this.audio = audio;
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
                    : StudioYaml.parse(content.draft(site, StudioContent.exhibitFile(request.exhibit())).text());
            Map<String, Map<String, String>> fields = StudioYaml.localizedFields(data, draft.languages());
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

    private void add(List<Line> lines, Map<String, Map<String, String>> fields, String field, String label, List<String> chain) {
        Map<String, String> texts = fields.get(field);
        if (texts == null) {
            return;
        }
        new Localized(texts).firstOf(chain).ifPresent(said -> lines.add(new Line(field, label, said.language(), said.text(),
                audio.url(said.language(), said.text()).orElse(null), !said.language().equals(chain.get(0)))));
    }
}

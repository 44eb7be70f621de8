package org.heritageguide.visitor;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.heritageguide.dialogue.Dialogue;
import org.heritageguide.dialogue.TurnResult;
import org.heritageguide.speech.tts.AnswerAudio;
import org.heritageguide.web.ClientAddresses;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** A typed question and the guide's answer. */
@RestController
@RequestMapping(path = "/api/v1/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
class TurnsController {

    private final Dialogue dialogue;
    private final AnswerAudio audio;
    private final ClientAddresses clients;

    TurnsController(Dialogue dialogue, AnswerAudio audio, ClientAddresses clients) {
        this.dialogue = dialogue;
        this.audio = audio;
        this.clients = clients;
    }

    /** @param spoken the text is what the browser's own recognizer heard: a voice question, answered aloud at once */
    record TurnRequest(@NotBlank @Size(max = Dialogue.MAX_QUESTION_LENGTH) String text, Boolean spoken) {
    }

    record SourceView(String id, String exhibit, String title) {
    }

    record TurnView(String text, String language, boolean answered, List<SourceView> sources, String audioUrl,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String notice, String decidedBy) {
    }

    @PostMapping(path = "/{id}/turns", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<TurnView> turn(@PathVariable String id, @Valid @RequestBody TurnRequest request, ServerHttpRequest http) {
        return dialogue.turn(id, clients.of(http), request.text(), Boolean.TRUE.equals(request.spoken()) ? "voice" : "text").map(this::view);
    }

    private TurnView view(TurnResult result) {
        return new TurnView(result.text(), result.language(), result.answered(),
                result.sources().stream().map(s -> new SourceView(s.id(), s.exhibit(), s.title())).toList(),
                audio.url(result.language(), result.text()).orElse(null), result.notice(), result.decidedBy());
    }
}

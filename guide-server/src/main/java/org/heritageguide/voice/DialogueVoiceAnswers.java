package org.heritageguide.voice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heritageguide.dialogue.Dialogue;
import org.heritageguide.dialogue.TurnResult;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Spoken questions go to the dialogue like typed ones, on the {@code voice} channel. */
@Component
class DialogueVoiceAnswers implements VoiceAnswers {

    private final Dialogue dialogue;

    DialogueVoiceAnswers(Dialogue dialogue) {
        this.dialogue = dialogue;
    }

    @Override
    public Mono<SpokenAnswer> answer(String sessionId, String client, String transcript) {
        return dialogue.turn(sessionId, client, transcript, "voice").map(DialogueVoiceAnswers::spoken);
    }

    /** The same fields as the turns API answers with (its {@code audioUrl} is added by the pipeline). */
    private static SpokenAnswer spoken(TurnResult result) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("text", result.text());
        fields.put("language", result.language());
        fields.put("answered", result.answered());
        List<Map<String, String>> sources = result.sources().stream()
                .map(s -> {
                    Map<String, String> source = new LinkedHashMap<>();
                    source.put("id", s.id());
                    source.put("exhibit", s.exhibit());
                    source.put("title", s.title());
                    return source;
                }).toList();
        fields.put("sources", sources);
        if (result.notice() != null) {
            fields.put("notice", result.notice());
        }
        fields.put("decidedBy", result.decidedBy());
        return new SpokenAnswer(result.text(), result.language(), fields);
    }
}

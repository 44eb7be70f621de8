package org.heritageguide.voice;

import java.util.List;

import org.heritageguide.dialogue.AnsweredTurn;
import org.heritageguide.dialogue.Dialogue;
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
    public Mono<AnsweredTurn> answer(String sessionId, String client, List<String> hearings) {
        return dialogue.spokenTurn(sessionId, client, hearings);
    }
}

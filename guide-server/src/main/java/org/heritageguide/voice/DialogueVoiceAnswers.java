package org.heritageguide.voice;

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
    public Mono<TurnResult> answer(String sessionId, String client, String transcript) {
        return dialogue.turn(sessionId, client, transcript, "voice");
    }
}

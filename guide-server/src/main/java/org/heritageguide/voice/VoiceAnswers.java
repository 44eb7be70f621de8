package org.heritageguide.voice;

import java.util.List;

import org.heritageguide.dialogue.AnsweredTurn;

import reactor.core.publisher.Mono;

/** Answers what a visitor said: the dialogue, seen from the voice pipeline. */
interface VoiceAnswers {

    /**
     * The guide's answer to what a visitor said in a session, heard in these ways (likeliest first), asked by
     * {@code client} (its address).
     *
     * @return the hearing answered and its answer; fails with an {@code ApiException} 404 if the session is gone
     */
    Mono<AnsweredTurn> answer(String sessionId, String client, List<String> hearings);
}

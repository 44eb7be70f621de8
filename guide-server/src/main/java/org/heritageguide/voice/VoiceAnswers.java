package org.heritageguide.voice;

import org.heritageguide.dialogue.TurnResult;

import reactor.core.publisher.Mono;

/** Answers what a visitor said: the dialogue, seen from the voice pipeline. */
interface VoiceAnswers {

    /**
     * The guide's answer to a transcript in a session, asked by {@code client} (its address).
     *
     * @return the answer; fails with an {@code ApiException} 404 if the session is gone
     */
    Mono<TurnResult> answer(String sessionId, String client, String transcript);
}

package org.heritageguide.voice;

import java.util.Map;

import reactor.core.publisher.Mono;

/** Answers what a visitor said: the dialogue, seen from the voice pipeline. */
interface VoiceAnswers {

    /**
     * The guide's answer to a transcript in a session, asked by {@code client} (its address).
     *
     * @return the answer; fails with an {@code ApiException} 404 if the session is gone
     */
    Mono<SpokenAnswer> answer(String sessionId, String client, String transcript);

    /**
     * An answer to speak.
     *
     * @param text     what to say
     * @param language the language of {@code text}
     * @param fields   the answer as a turn gives it (text, language, answered, sources, notice...), sent to the
     *                 client as the {@code answer} message
     */
    record SpokenAnswer(String text, String language, Map<String, Object> fields) {
    }
}

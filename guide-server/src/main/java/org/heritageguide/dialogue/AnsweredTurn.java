package org.heritageguide.dialogue;

/**
 * A turn as the guide took it and its answer.
 *
 * @param question the question answered: as typed, or the hearing of a spoken one the guide answered
 * @param result   the answer
 */
public record AnsweredTurn(String question, TurnResult result) {
}

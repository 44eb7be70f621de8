package org.heritageguide.dialogue;

import java.util.Locale;
import java.util.Optional;

/**
 * What kind of answer a question asks for (after Li and Roth's question classes, with what a museum's
 * visitors ask). A question asking for a date, a time, a count, a measure or a price is answered only
 * from a text that holds one: its text must be able to hold the answer, not merely share words with it.
 */
enum AnswerType {
    PERSON, DATE, TIME, COUNT, MEASURE, PRICE, PLACE, REASON, MANNER, DESCRIPTION;

    /** Whether an answer of this kind is a value a text either states or not (a year, a number, a price). */
    boolean isValue() {
        return this == DATE || this == TIME || this == COUNT || this == MEASURE || this == PRICE;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<AnswerType> fromKey(String key) {
        for (AnswerType type : values()) {
            if (type.key().equals(key)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

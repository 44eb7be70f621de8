package org.heritageguide.dialogue;

/**
 * What a question asks for: the kind of answer, and for "how many", what is counted ("how many names are on
 * the stelae?": "names"), which a number in an answer must be a number of.
 *
 * @param language the question's language (what is counted is a word of it)
 * @param counted  the word naming what is counted, or null when the question does not say (or asks no count)
 */
record Asked(AnswerType type, String language, String counted) {

    static Asked of(AnswerType type, String language, Phrasebook book, String question) {
        return new Asked(type, language, type == AnswerType.COUNT ? book.counted(question) : null);
    }

    boolean isValue() {
        return type.isValue();
    }

    boolean is(AnswerType kind) {
        return type == kind;
    }

    @Override
    public String toString() {
        return type.key() + (counted == null ? "" : "(" + counted + ")");
    }
}

package org.heritageguide.dialogue.decision;

/** What the guide does with a question. */
public enum Verdict {
    /** Answers what the visitor wants besides content (a greeting, "where is", hours, another language…). */
    INTENT,
    /** Answers from the content that matched best. */
    CONTENT,
    /** Tells about the exhibit in front of the visitor, in another language if need be. */
    DESCRIBE_FOCUS,
    /** Tells where the exhibit the question names or points at is. */
    LOCATE,
    /** Answers from the sentence or fact of the exhibit in focus that holds what is asked. */
    FOCUS_ANSWER,
    /** Gives the site's information on the practical topic the question names. */
    VISITOR_TOPIC,
    /** Says that what the question names is at another site. */
    ELSEWHERE,
    /** Says it does not know; the question goes to the curators. */
    DECLINE
}

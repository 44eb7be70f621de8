package org.heritageguide.dialogue;

import java.util.Arrays;
import java.util.Optional;

/** What a visitor may want besides an answer from the site's content. Keys as in {@code intents_<language>.yaml}. */
enum Intent {
    GREETING("greeting"),
    THANKS("thanks"),
    GOODBYE("goodbye"),
    HELP("help"),
    REPEAT("repeat"),
    MORE("more"),
    DESCRIBE("describe"),
    WHERE("where"),
    NEAR("near"),
    NEXT("next"),
    SWITCH_LANGUAGE("switch-language"),
    VISITOR_INFO("visitor-info");

    private final String key;

    Intent(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    /** Greetings, thanks and goodbyes: what a visitor may say before or after a real question. */
    boolean isCourtesy() {
        return this == GREETING || this == THANKS || this == GOODBYE;
    }

    /** Describing, locating or telling more about something the visitor may name. */
    boolean isAbout() {
        return this == MORE || this == DESCRIBE || this == WHERE || this == NEAR;
    }

    static Optional<Intent> fromKey(String key) {
        return Arrays.stream(values()).filter(i -> i.key.equals(key)).findFirst();
    }
}

package org.heritageguide.site;

import java.util.Arrays;
import java.util.Optional;

/** The practical questions every site answers, each a key of {@code visitorInfo} in site.yaml. */
public enum VisitorTopic {
    HOURS("hours"),
    TICKETS("tickets"),
    TOILETS("toilets"),
    ACCESSIBILITY("accessibility"),
    PHOTOGRAPHY("photography"),
    DRESS_CODE("dressCode"),
    CAFE("cafe"),
    SHOP("shop"),
    CONTACT("contact");

    private final String key;

    VisitorTopic(String key) {
        this.key = key;
    }

    /** The key used in content files and in the API. */
    public String key() {
        return key;
    }

    public static Optional<VisitorTopic> fromKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}

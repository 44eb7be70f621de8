package org.heritageguide.site;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Drafts are edited in the studio and never shown to visitors. */
public enum ExhibitStatus {
    DRAFT, PUBLISHED;

    /** The status as content files and the studio's API write it: {@code draft}, {@code published}. */
    public String written() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status written as {@code text} (in any case), if it is one. */
    public static Optional<ExhibitStatus> fromWritten(String text) {
        return Arrays.stream(values()).filter(status -> status.written().equalsIgnoreCase(text)).findFirst();
    }
}

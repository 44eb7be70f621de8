package org.heritageguide.analytics;

import java.time.Instant;
import java.util.List;

/**
 * Something a visitor did, kept durably for the curators' inbox and dashboard.
 *
 * @param type      {@code session-opened}, {@code exhibit-scanned} (a label's signature checked: only these
 *                  count as scans), {@code language-changed} or {@code turn}
 * @param channel   {@code text} or {@code voice} (turns only)
 * @param question  what the visitor asked (turns only)
 * @param answered  whether the guide found an answer in the site's content (turns only)
 * @param latencyMs server-side time to answer (turns only)
 * @param sources   what the answer came from (turns only)
 */
public record VisitorEvent(
        String type,
        Instant at,
        String site,
        String exhibit,
        String session,
        String language,
        String channel,
        String question,
        Boolean answered,
        Long latencyMs,
        List<String> sources) {

    public static final String SESSION_OPENED = "session-opened";
    public static final String EXHIBIT_SCANNED = "exhibit-scanned";
    public static final String LANGUAGE_CHANGED = "language-changed";
    public static final String TURN = "turn";

    public static VisitorEvent of(String type, Instant at, String site, String exhibit, String session, String language) {
        return new VisitorEvent(type, at, site, exhibit, session, language, null, null, null, null, null);
    }

    /**
     * This event with every text well-formed: a lone UTF-16 surrogate (half of a character, which no
     * encoding can write) becomes U+FFFD, the replacement character.
     */
    public VisitorEvent wellFormed() {
        return new VisitorEvent(type, at, WellFormedText.of(site), WellFormedText.of(exhibit), WellFormedText.of(session),
                WellFormedText.of(language), WellFormedText.of(channel), WellFormedText.of(question), answered, latencyMs,
                sources == null ? null : sources.stream().map(WellFormedText::of).toList());
    }

    public static VisitorEvent turn(Instant at, String site, String exhibit, String session, String language,
                                    String channel, String question, boolean answered, long latencyMs,
                                    List<String> sources) {
        return new VisitorEvent(TURN, at, site, exhibit, session, language, channel, question, answered, latencyMs,
                sources == null ? List.of() : List.copyOf(sources));
    }
}

package org.heritageguide.site;

import java.util.Objects;

/**
 * What an answer came from: an exhibit, a FAQ, a visitor-information topic or the site's introduction.
 * Its text form ({@link #toString()}: {@code exhibit:<id>}, {@code faq:<id>}, {@code info:<topic>},
 * {@code site:intro}) is what sessions, the event log and the JSON API store, and {@link #parse(String)}
 * reads it back.
 */
public sealed interface SourceRef {

    /** An exhibit's own texts. */
    record ExhibitSource(String exhibit) implements SourceRef {
        public ExhibitSource {
            Objects.requireNonNull(exhibit, "exhibit");
        }

        @Override
        public String toString() {
            return "exhibit:" + exhibit;
        }
    }

    /** A FAQ, by its id. */
    record FaqSource(String faq) implements SourceRef {
        public FaqSource {
            Objects.requireNonNull(faq, "faq");
        }

        @Override
        public String toString() {
            return "faq:" + faq;
        }
    }

    /** A visitor-information topic, by its key ({@link VisitorTopic#key()}). */
    record InfoSource(String topic) implements SourceRef {
        public InfoSource {
            Objects.requireNonNull(topic, "topic");
        }

        @Override
        public String toString() {
            return "info:" + topic;
        }
    }

    /** The site's introduction. */
    record SiteIntro() implements SourceRef {
        @Override
        public String toString() {
            return "site:intro";
        }
    }

    static SourceRef exhibit(String id) {
        return new ExhibitSource(id);
    }

    static SourceRef faq(String id) {
        return new FaqSource(id);
    }

    static SourceRef info(String topic) {
        return new InfoSource(topic);
    }

    static SourceRef info(VisitorTopic topic) {
        return new InfoSource(topic.key());
    }

    static SourceRef siteIntro() {
        return new SiteIntro();
    }

    /**
     * Reads the text form back.
     *
     * @throws IllegalArgumentException when {@code text} is none of the four forms
     */
    static SourceRef parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.equals("site:intro")) {
            return siteIntro();
        }
        int colon = text.indexOf(':');
        if (colon > 0 && colon < text.length() - 1) {
            String id = text.substring(colon + 1);
            switch (text.substring(0, colon)) {
                case "exhibit":
                    return exhibit(id);
                case "faq":
                    return faq(id);
                case "info":
                    return info(id);
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("Not a source: " + text);
    }

    /** Whether {@code text} is this source's text form. */
    default boolean is(String text) {
        return toString().equals(text);
    }
}

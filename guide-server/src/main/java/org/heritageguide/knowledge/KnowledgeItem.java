package org.heritageguide.knowledge;

import org.heritageguide.site.SourceRef;
import org.heritageguide.site.VisitorTopic;

/**
 * One piece of a site's knowledge that can answer a question: an exhibit's summary, one of its
 * passages, facts or location, a FAQ, a visitor-information topic, or the site's introduction.
 *
 * @param exhibit the exhibit it is about, or null for the site as a whole
 * @param faq     the FAQ id, for {@link Kind#FAQ}
 * @param topic   the visitor topic, for {@link Kind#INFO}
 * @param ordinal which passage or fact of the exhibit (0-based), else 0
 */
public record KnowledgeItem(String key, Kind kind, String exhibit, String faq, VisitorTopic topic, int ordinal) {

    public enum Kind { INTRO, SUMMARY, PASSAGE, FACT, LOCATION, FAQ, INFO }

    static KnowledgeItem intro() {
        return new KnowledgeItem("site/intro", Kind.INTRO, null, null, null, 0);
    }

    static KnowledgeItem summary(String exhibit) {
        return new KnowledgeItem("exhibit/" + exhibit + "/summary", Kind.SUMMARY, exhibit, null, null, 0);
    }

    static KnowledgeItem passage(String exhibit, int index) {
        return new KnowledgeItem("exhibit/" + exhibit + "/passage/" + index, Kind.PASSAGE, exhibit, null, null, index);
    }

    static KnowledgeItem fact(String exhibit, int index) {
        return new KnowledgeItem("exhibit/" + exhibit + "/fact/" + index, Kind.FACT, exhibit, null, null, index);
    }

    static KnowledgeItem location(String exhibit) {
        return new KnowledgeItem("exhibit/" + exhibit + "/location", Kind.LOCATION, exhibit, null, null, 0);
    }

    static KnowledgeItem faq(String faq, String exhibit) {
        return new KnowledgeItem("faq/" + faq, Kind.FAQ, exhibit, faq, null, 0);
    }

    static KnowledgeItem info(VisitorTopic topic) {
        return new KnowledgeItem("info/" + topic.key(), Kind.INFO, null, null, topic, 0);
    }

    /**
     * The source as sessions and analytics name it: {@code exhibit:<id>}, {@code faq:<id>},
     * {@code info:<topic>} or {@code site:intro}.
     */
    public SourceRef source() {
        return switch (kind) {
            case FAQ -> SourceRef.faq(faq);
            case INFO -> SourceRef.info(topic);
            case INTRO -> SourceRef.siteIntro();
            default -> SourceRef.exhibit(exhibit);
        };
    }
}

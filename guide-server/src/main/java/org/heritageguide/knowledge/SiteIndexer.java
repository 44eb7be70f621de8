package org.heritageguide.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heritageguide.site.Exhibit;
import org.heritageguide.site.Fact;
import org.heritageguide.site.Faq;
import org.heritageguide.site.Localized;
import org.heritageguide.site.Site;
import org.heritageguide.site.VisitorTopic;

/**
 * Turns a site into one {@link TextIndex} per language. An item goes into a language's index when
 * something of it is written in that language (its text, its title, a FAQ's question); the answer
 * itself may then come from another language (see {@code Site.fallbackChain}).
 */
final class SiteIndexer {

    private final TextEmbedders embedders;

    SiteIndexer(TextEmbedders embedders) {
        this.embedders = embedders;
    }

    SiteKnowledge index(Site site) {
        return index(site, null);
    }

    /**
     * Indexes the site; with its {@code previous} knowledge, the embeddings of text that did not change are
     * taken from there rather than computed again.
     */
    SiteKnowledge index(Site site, SiteKnowledge previous) {
        Map<String, KnowledgeItem> items = new LinkedHashMap<>();
        Map<String, TextIndex> indexes = new LinkedHashMap<>();
        for (String language : site.languages()) {
            List<TextIndex.Entry> entries = new ArrayList<>();
            addSite(site, language, entries, items);
            for (Exhibit exhibit : site.publishedExhibits()) {
                addExhibit(exhibit, language, entries, items);
            }
            for (Faq faq : site.faqs()) {
                if (faq.exhibitId().map(id -> site.publishedExhibit(id).isPresent()).orElse(true)) {
                    addFaq(site, faq, language, entries, items);
                }
            }
            site.visitorInfo().forEach((topic, text) -> addInfo(topic, text, language, entries, items));
            TextEmbedder embedder = embedders.forLanguage(language).orElse(null);
            TextIndex earlier = previous == null ? null : previous.index(language).orElse(null);
            indexes.put(language, earlier != null && earlier.embedder() == embedder
                    ? TextIndex.rebuild(earlier, entries)
                    : TextIndex.build(LanguageAnalysis.profile(language), entries, embedder));
        }
        return new SiteKnowledge(site, items, indexes);
    }

    private static void addSite(Site site, String language, List<TextIndex.Entry> entries, Map<String, KnowledgeItem> items) {
        Optional<String> intro = site.intro().in(language);
        if (intro.isPresent()) {
            add(KnowledgeItem.intro(), text(site.name(), language), List.of(), intro.get(), entries, items);
        }
    }

    private static void addExhibit(Exhibit exhibit, String language, List<TextIndex.Entry> entries,
                                   Map<String, KnowledgeItem> items) {
        String title = text(exhibit.title(), language);
        String id = exhibit.id();
        if (!title.isEmpty() || exhibit.summary().has(language)) {
            add(KnowledgeItem.summary(id), title, List.of(), text(exhibit.summary(), language), entries, items);
        }
        for (int i = 0; i < exhibit.passages().size(); i++) {
            Optional<String> passage = exhibit.passages().get(i).in(language);
            if (passage.isPresent()) {
                add(KnowledgeItem.passage(id, i), title, List.of(), passage.get(), entries, items);
            }
        }
        for (int i = 0; i < exhibit.facts().size(); i++) {
            Fact fact = exhibit.facts().get(i);
            if (fact.label().has(language) && fact.value().has(language)) {
                addWithoutMeaning(KnowledgeItem.fact(id, i), title,
                        text(fact.label(), language) + ": " + text(fact.value(), language), entries, items);
            }
        }
        exhibit.location().in(language).ifPresent(location ->
                addWithoutMeaning(KnowledgeItem.location(id), title, location, entries, items));
    }

    private static void addFaq(Site site, Faq faq, String language, List<TextIndex.Entry> entries,
                               Map<String, KnowledgeItem> items) {
        List<String> questions = faq.questionsIn(language);
        Optional<String> answer = faq.answer().in(language);
        if (questions.isEmpty() && answer.isEmpty()) {
            return;
        }
        String title = faq.exhibitId().flatMap(site::exhibit).map(e -> text(e.title(), language))
                .orElseGet(() -> text(site.name(), language));
        TextIndex.Entry entry = new TextIndex.Entry(KnowledgeItem.faq(faq.id(), faq.exhibit()).key(), title, questions,
                answer.orElse(""), questions.isEmpty() ? List.of(answer.get()) : questions);
        entries.add(entry);
        items.putIfAbsent(entry.key(), KnowledgeItem.faq(faq.id(), faq.exhibit()));
    }

    private static void addInfo(VisitorTopic topic, Localized text, String language, List<TextIndex.Entry> entries,
                                Map<String, KnowledgeItem> items) {
        text.in(language).ifPresent(info -> add(KnowledgeItem.info(topic), "", List.of(), info, entries, items));
    }

    private static void add(KnowledgeItem item, String title, List<String> questions, String body,
                            List<TextIndex.Entry> entries, Map<String, KnowledgeItem> items) {
        String meaning = title.isEmpty() ? body : body.isEmpty() ? title : title + ". " + body;
        entries.add(new TextIndex.Entry(item.key(), title, questions, body, List.of(meaning)));
        items.putIfAbsent(item.key(), item);
    }

    /** Short items (a fact, a location) are found by their words; embedding them would add little. */
    private static void addWithoutMeaning(KnowledgeItem item, String title, String body, List<TextIndex.Entry> entries,
                                          Map<String, KnowledgeItem> items) {
        entries.add(new TextIndex.Entry(item.key(), title, List.of(), body, List.of()));
        items.putIfAbsent(item.key(), item);
    }

    private static String text(Localized localized, String language) {
        return localized.in(language).orElse("");
    }
}

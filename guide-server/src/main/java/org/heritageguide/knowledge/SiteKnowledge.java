package org.heritageguide.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heritageguide.site.Site;

/**
 * Everything one site knows, indexed per language. Searching it never looks at another site.
 * Immutable: a content change builds a new one.
 */
public final class SiteKnowledge {

    /**
     * What the conversation is about when the question is asked.
     *
     * @param exhibit   the exhibit in context (scanned last, or talked about last), or null
     * @param pointedAt whether the question points at it ("it", "this", "here")
     */
    public record Focus(String exhibit, boolean pointedAt) {
        public static final Focus NONE = new Focus(null, false);
    }

    /**
     * An item that may answer the question.
     *
     * @param score      what ranks the candidates
     * @param confidence how sure the match is, comparable across questions (0..1)
     */
    public record Candidate(KnowledgeItem item, double score, double confidence, TextIndex.Match match) {
    }

    /**
     * The candidates for a question, best first.
     *
     * @param namedExhibit the exhibit the question names by its title, or null
     */
    public record Answers(String language, List<Candidate> candidates, String namedExhibit, TextIndex.Result result) {

        public Optional<Candidate> best() {
            return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
        }
    }

    private final Site site;
    private final Map<String, KnowledgeItem> items;
    private final Map<String, TextIndex> indexes;
    private final Ranking ranking;

    SiteKnowledge(Site site, Map<String, KnowledgeItem> items, Map<String, TextIndex> indexes) {
        this(site, items, indexes, Ranking.DEFAULT);
    }

    private SiteKnowledge(Site site, Map<String, KnowledgeItem> items, Map<String, TextIndex> indexes, Ranking ranking) {
        this.site = site;
        this.items = Map.copyOf(items);
        this.indexes = Map.copyOf(indexes);
        this.ranking = ranking;
    }

    /** The same knowledge ranked with other weights (for tuning them on data). */
    public SiteKnowledge withRanking(Ranking other) {
        return new SiteKnowledge(site, items, indexes, other);
    }

    public Site site() {
        return site;
    }

    public Optional<TextIndex> index(String language) {
        return Optional.ofNullable(indexes.get(language));
    }

    /** The candidates for a question asked in {@code language}; none if the site has no index in it. */
    public Answers search(String question, String language, Focus focus) {
        TextIndex index = indexes.get(language);
        if (index == null) {
            return new Answers(language, List.of(), null, null);
        }
        TextIndex.Result result = index.search(question);
        String named = namedExhibit(result);
        double maxBm25 = result.matches().stream().mapToDouble(TextIndex.Match::bm25).max().orElse(0);
        List<Candidate> candidates = new ArrayList<>();
        for (TextIndex.Match match : result.matches()) {
            KnowledgeItem item = items.get(match.key());
            double score = ranking.score(match, maxBm25, item.exhibit(), named, focus, result.dense());
            candidates.add(new Candidate(item, score, ranking.confidence(match, result.dense()), match));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return new Answers(language, candidates, named, result);
    }

    /**
     * The exhibit whose title the question names most clearly, if clearly enough; the site itself (its
     * name on site-wide items) does not count as an exhibit.
     */
    private String namedExhibit(TextIndex.Result result) {
        Map<String, Double> byExhibit = new HashMap<>();
        for (TextIndex.Match match : result.matches()) {
            KnowledgeItem item = items.get(match.key());
            if (item.exhibit() != null && item.kind() != KnowledgeItem.Kind.FAQ) {
                byExhibit.merge(item.exhibit(), match.titleWeight(), Math::max);
            }
        }
        return byExhibit.entrySet().stream()
                .filter(e -> e.getValue() >= ranking.nameThreshold())
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
    }
}

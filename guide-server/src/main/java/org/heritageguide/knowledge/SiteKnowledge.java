package org.heritageguide.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
     * @param nameTerms    the question's terms that name it
     * @param namesTheSite whether the question names the site itself
     */
    public record Answers(String language, List<Candidate> candidates, String namedExhibit, Set<String> nameTerms,
                         boolean namesTheSite, TextIndex.Result result) {

        public Answers withCandidates(List<Candidate> ranked) {
            return new Answers(language, ranked, namedExhibit, nameTerms, namesTheSite, result);
        }

        /** Whether the question names one of the site's exhibits or the site itself. */
        public boolean namesSomething() {
            return namedExhibit != null || namesTheSite;
        }

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

    /**
     * The candidates for a question asked in {@code language}; none if the site has no index in it.
     *
     * @param realWords words of the language that must not be taken for typos (see {@link TextIndex#search})
     */
    public Answers search(String question, String language, Focus focus, Set<String> realWords) {
        TextIndex index = indexes.get(language);
        if (index == null) {
            return new Answers(language, List.of(), null, Set.of(), false, null);
        }
        TextIndex.Result result = index.search(question, Set.of(), realWords);
        TextIndex.Match naming = naming(result);
        boolean namesTheSite = naming != null && items.get(naming.key()).kind() == KnowledgeItem.Kind.INTRO;
        String named = naming == null || namesTheSite ? null : items.get(naming.key()).exhibit();
        // what is asked about a named exhibit (or the site) must be in a text, not only the name: "how tall
        // is Khuê Văn Các?" is not answered from a passage that names the pavilion but says nothing of height
        Map<String, Double> beyondTheName = naming == null || !asksMoreThanTheName(result, naming.titleHits())
                ? null : index.coverageAside(result, naming.titleHits());
        double maxBm25 = result.matches().stream().mapToDouble(TextIndex.Match::bm25).max().orElse(0);
        // a question pointing at the exhibit in front of the visitor and naming nothing is about that exhibit:
        // another exhibit's text does not answer it (unless that exhibit has no text in this language, which
        // the dialogue deals with), nor does a FAQ about the whole site by name
        boolean pointsAtFocus = focus.pointedAt() && focus.exhibit() != null && naming == null;
        boolean focusSpeaks = focus.exhibit() != null
                && site.publishedExhibit(focus.exhibit()).map(e -> e.speaks(language)).orElse(false);
        List<Candidate> candidates = new ArrayList<>();
        for (TextIndex.Match match : result.matches()) {
            KnowledgeItem item = items.get(match.key());
            double score = ranking.score(match, maxBm25, item.exhibit(), named, focus, result.dense());
            boolean pointedAt = focus.pointedAt() && item.exhibit() != null && item.exhibit().equals(focus.exhibit());
            boolean onlyTheName = beyondTheName != null && beyondTheName.get(match.key()) == 0;
            boolean aboutSomethingElse = pointsAtFocus
                    && (focusSpeaks && item.exhibit() != null && !item.exhibit().equals(focus.exhibit())
                        || asksOfTheSiteByName(item, result, language));
            double confidence = onlyTheName || aboutSomethingElse ? 0 : ranking.confidence(match, result.dense(), pointedAt);
            candidates.add(new Candidate(item, score, confidence, match));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        if (candidates.size() > 1) {
            candidates.set(0, exhibitWide(candidates));
        }
        return new Answers(language, candidates, named, named == null ? Set.of() : naming.titleHits(), namesTheSite,
                result);
    }

    /**
     * Whether a site-wide FAQ matches the question only through ways of asking that name the site: "How old
     * is this?" at Khuê Văn Các shares "old" with "How old is the Temple of Literature?", which asks about
     * the whole site (1070), not about the pavilion the visitor points at (1805).
     */
    private boolean asksOfTheSiteByName(KnowledgeItem item, TextIndex.Result result, String language) {
        if (item.kind() != KnowledgeItem.Kind.FAQ || item.exhibit() != null) {
            return false;
        }
        LanguageAnalysis.Profile profile = LanguageAnalysis.profile(language);
        LanguageAnalysis.View view = profile.coverageViews().get(0);
        Set<String> asked = new HashSet<>(result.terms().getOrDefault(view.name(), List.of()));
        Set<String> siteName = new HashSet<>(profile.terms(view, site.name().in(language).orElse("")));
        List<String> paraphrases = site.faq(item.faq()).map(faq -> faq.questions().getOrDefault(language, List.of()))
                .orElse(List.of());
        boolean sharedWithAny = false;
        for (String paraphrase : paraphrases) {
            List<String> terms = profile.terms(view, paraphrase);
            if (terms.stream().anyMatch(asked::contains)) {
                sharedWithAny = true;
                if (terms.stream().noneMatch(siteName::contains)) {
                    return false;
                }
            }
        }
        return sharedWithAny;
    }

    private static boolean asksMoreThanTheName(TextIndex.Result result, Set<String> name) {
        return result.terms().values().stream().flatMap(List::stream).anyMatch(term -> !name.contains(term));
    }

    /**
     * The best candidate, as sure as the surest candidate about the same exhibit: "why are the stone
     * tablets on the backs of turtles?" is surely about the stelae even if the FAQ that answers it best
     * says "stones" and "tortoises".
     */
    private static Candidate exhibitWide(List<Candidate> ranked) {
        Candidate best = ranked.get(0);
        if (best.item().exhibit() == null) {
            return best;
        }
        double confidence = best.confidence();
        for (Candidate other : ranked) {
            if (best.item().exhibit().equals(other.item().exhibit())) {
                confidence = Math.max(confidence, other.confidence());
            }
        }
        return new Candidate(best.item(), best.score(), confidence, best.match());
    }

    /**
     * The summary of the exhibit whose title the question names most clearly, if clearly enough, or the
     * site's introduction if it names the site at least as clearly.
     */
    private TextIndex.Match naming(TextIndex.Result result) {
        TextIndex.Match best = null;
        for (TextIndex.Match match : result.matches()) {
            KnowledgeItem.Kind kind = items.get(match.key()).kind();
            if (kind != KnowledgeItem.Kind.SUMMARY && kind != KnowledgeItem.Kind.INTRO
                    || match.titleWeight() < ranking.nameThreshold()) {
                continue;
            }
            // the words that name the site ("Văn Miếu") name no exhibit, even one whose title has them too
            boolean intro = kind == KnowledgeItem.Kind.INTRO;
            double margin = best == null ? Double.MAX_VALUE : match.titleWeight() - best.titleWeight();
            if (margin > 1e-9 || intro && margin > -1e-9) {
                best = match;
            }
        }
        return best;
    }
}

package org.heritageguide.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

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
     * @param onlyTheName the question names an exhibit (or the site) and asks more, and this item covers
     *                   none of the rest: "how tall is Khuê Văn Các?" and a text naming the pavilion
     * @param offPointed the question points at the exhibit in front of the visitor and names nothing, and
     *                   this item is about something else (another exhibit that speaks the language, or the
     *                   whole site through a FAQ asked by the site's name)
     */
    public record Candidate(KnowledgeItem item, double score, double confidence, TextIndex.Match match,
                            boolean onlyTheName, boolean offPointed) {

        /** Whether something speaks against answering the question with this item. */
        public boolean objected() {
            return onlyTheName || offPointed;
        }

        public Candidate rankedAs(Candidate other) {
            return new Candidate(item, other.score, other.confidence, match, onlyTheName, offPointed);
        }
    }

    /**
     * The candidates for a question, best first.
     *
     * @param namedExhibit the exhibit the question names by its title, or null
     * @param nameTerms    the question's terms that name it
     * @param namesTheSite whether the question names the site itself
     * @param namedUntranslated the exhibit with no text in the question's language that the question names (by one
     *                     of its names in that language, or its title in another: "风筝馆是哪一年开的？"), or null;
     *                     the candidates, all in that language, are then about something else
     */
    public record Answers(String language, List<Candidate> candidates, String namedExhibit, Set<String> nameTerms,
                         boolean namesTheSite, String namedUntranslated, TextIndex.Result result) {

        public Answers withCandidates(List<Candidate> ranked) {
            return new Answers(language, ranked, namedExhibit, nameTerms, namesTheSite, namedUntranslated, result);
        }

        /** Whether the question names one of the site's exhibits or the site itself. */
        public boolean namesSomething() {
            return namedExhibit != null || namesTheSite || namedUntranslated != null;
        }

        public Optional<Candidate> best() {
            return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
        }
    }

    /**
     * A name visitors use for an exhibit or the site (its {@code aliases}), folded, and the title its
     * content uses for it in the same language, or null for an exhibit with no text in that language.
     *
     * @param exhibit the exhibit it names, or null for the site
     */
    private record Alias(String folded, String title, String exhibit, String unspaced, OneTypo typo) {

        /** A name this long may be typed with one letter wrong, missing, added or swapped ("Khue Van Cax"). */
        private static final int TYPO_TOLERANT_LENGTH = 10;

        /** {@code spaced}: whether the language writes words apart (only there is a typo told from another word). */
        static Alias of(String name, String title, String exhibit, boolean spaced) {
            String folded = foldEach(name);
            return new Alias(folded, title, exhibit, folded.replaceAll("\\s+", ""),
                    spaced && folded.length() >= TYPO_TOLERANT_LENGTH ? OneTypo.of(folded) : null);
        }

        boolean ofTheSite() {
            return exhibit == null;
        }
    }

    private final Site site;
    private final Map<String, List<Alias>> aliases;
    private final Map<String, KnowledgeItem> items;
    private final Map<String, TextIndex> indexes;
    private final Ranking ranking;

    SiteKnowledge(Site site, Map<String, KnowledgeItem> items, Map<String, TextIndex> indexes) {
        this(site, items, indexes, Ranking.DEFAULT);
    }

    private SiteKnowledge(Site site, Map<String, KnowledgeItem> items, Map<String, TextIndex> indexes, Ranking ranking) {
        this.site = site;
        this.aliases = aliases(site);
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
            return new Answers(language, List.of(), null, Set.of(), false, null, null);
        }
        Named names = names(question, language);
        TextIndex.Result result = index.search(names.withTitles(), Set.of(), realWords);
        // an exhibit named as a whole is what the question is about, whatever title words it shares with the texts
        // of this language ("Chu Van An是哪年去世的？" shares "Văn" with the site's name)
        String untranslated = names.untranslated();
        TextIndex.Match naming = untranslated == null ? naming(result) : null;
        boolean namesTheSite = naming != null && items.get(naming.key()).kind() == KnowledgeItem.Kind.INTRO;
        String named = naming == null || namesTheSite ? null : items.get(naming.key()).exhibit();
        // what is asked about a named exhibit (or the site) must be in a text, not only the name: "how tall
        // is Khuê Văn Các?" is not answered from a passage that names the pavilion but says nothing of height
        Map<String, Double> beyondTheName = naming == null || !index.asksMoreThan(result, naming.titleHits())
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
                        || asksOfTheSiteByName(item, result, language))
                    || untranslated != null && !untranslated.equals(item.exhibit());
            candidates.add(new Candidate(item, score, ranking.confidence(match, result.dense(), pointedAt), match,
                    onlyTheName, aboutSomethingElse));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        if (candidates.size() > 1) {
            exhibitWide(candidates);
        }
        return new Answers(language, candidates, named, named == null ? Set.of() : naming.titleHits(), namesTheSite,
                untranslated, result);
    }

    /**
     * The question with the other names of the site's exhibits (and of the site) replaced by the titles its
     * content uses: "Tell me about the Rhade long house" is searched as "Tell me about the Ê Đê long house".
     * A name matches as a whole, ignoring case and diacritics ("khue van cac"), a long one with one typo too
     * ("Khue Van Cax"), longest names first.
     */
    String withTitles(String question, String language) {
        return names(question, language).withTitles();
    }

    /**
     * The names a question holds, found as {@link #withTitles} finds them.
     *
     * @param withTitles   the question with the names that have a title in its language replaced by that title
     * @param untranslated the exhibit with no text in the question's language it names (the longest such name), if
     *                     it names no exhibit that has one, else null
     */
    private record Named(String withTitles, String untranslated) {
    }

    private Named names(String question, String language) {
        List<Alias> known = aliases.getOrDefault(language, List.of());
        if (known.isEmpty()) {
            return new Named(question, null);
        }
        FoldedText folded = new FoldedText(question, LanguageAnalysis.writesWordsApart(language));
        boolean[] taken = new boolean[question.length()];
        java.util.TreeMap<Integer, int[]> found = new java.util.TreeMap<>();
        List<String> titles = new ArrayList<>();
        String untranslated = null;
        boolean namesTranslated = false;
        // every name as written first, then typos: "rong house" is the rông house, not a misspelt "Mong house"
        for (boolean typos : new boolean[] {false, true}) {
            for (Alias alias : known) {
                for (int[] at : typos ? folded.nearly(alias) : folded.occurrences(alias)) {
                    boolean free = true;
                    for (int i = at[0]; i < at[1] && free; i++) {
                        free = !taken[i];
                    }
                    if (free) {
                        java.util.Arrays.fill(taken, at[0], at[1], true);
                        if (alias.title() == null) {
                            untranslated = untranslated == null ? alias.exhibit() : untranslated;
                        } else {
                            found.put(at[0], new int[] {at[1], titles.size()});
                            titles.add(alias.title());
                            namesTranslated |= !alias.ofTheSite();
                        }
                    }
                }
            }
        }
        String named = namesTranslated ? null : untranslated;
        if (found.isEmpty()) {
            return new Named(question, named);
        }
        StringBuilder replaced = new StringBuilder();
        int from = 0;
        for (Map.Entry<Integer, int[]> match : found.entrySet()) {
            replaced.append(question, from, match.getKey()).append(titles.get(match.getValue()[1]));
            from = match.getValue()[0];
        }
        return new Named(replaced.append(question.substring(from)).toString(), named);
    }

    /**
     * Whether the question names the site itself, by its name or one of its other names, as a whole (as
     * {@link #withTitles} finds names): "when does the Museum of Ethnology open?" names that museum; "is this
     * the first university in Vietnam?" shares a word with its name and names nothing.
     */
    public boolean namesTheSite(String question, String language) {
        FoldedText folded = new FoldedText(question, LanguageAnalysis.writesWordsApart(language));
        return aliases.getOrDefault(language, List.of()).stream().filter(Alias::ofTheSite)
                .anyMatch(name -> !folded.occurrences(name).isEmpty() || !folded.nearly(name).isEmpty());
    }

    /** Whether a text in a language names an exhibit by one of its names there, found as {@link #withTitles} finds them. */
    public boolean namesExhibit(String text, String language, String exhibit) {
        FoldedText folded = new FoldedText(text, LanguageAnalysis.writesWordsApart(language));
        return aliases.getOrDefault(language, List.of()).stream().filter(alias -> exhibit.equals(alias.exhibit()))
                .anyMatch(alias -> !folded.occurrences(alias).isEmpty());
    }

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}\\p{N}'’]+");

    /**
     * A question folded as names are ({@link #foldEach}), with what finding names in it needs worked out once:
     * its letters without spaces and where each stands, and its words.
     */
    private static final class FoldedText {

        private final String folded;
        /** Whether its language writes words apart: a name is then found only as whole words. */
        private final boolean spaced;
        private final String unspaced;
        private final int[] position;
        private final List<int[]> words = new ArrayList<>();

        FoldedText(String text, boolean spaced) {
            this.folded = foldEach(text);
            this.spaced = spaced;
            // spacing does not matter ("수상 인형극" is "수상인형극이"'s name): compared without spaces, each letter
            // remembering where it stands in the text
            StringBuilder letters = new StringBuilder(folded.length());
            this.position = new int[folded.length()];
            for (int i = 0; i < folded.length(); i++) {
                if (!Character.isWhitespace(folded.charAt(i))) {
                    position[letters.length()] = i;
                    letters.append(folded.charAt(i));
                }
            }
            this.unspaced = letters.toString();
            java.util.regex.Matcher word = WORD.matcher(folded);
            while (word.find()) {
                words.add(new int[] {word.start(), word.end()});
            }
        }

        /** Where a name stands in the text as a whole, as {start, end} (whole words where the language writes spaces). */
        List<int[]> occurrences(Alias name) {
            List<int[]> found = new ArrayList<>();
            String wanted = name.unspaced();
            if (wanted.isEmpty()) {
                return found;
            }
            for (int at = unspaced.indexOf(wanted); at >= 0; at = unspaced.indexOf(wanted, at + 1)) {
                int start = position[at];
                int end = position[at + wanted.length() - 1] + 1;
                if (!spaced || (start == 0 || !Character.isLetterOrDigit(folded.charAt(start - 1)))
                        && (end == folded.length() || !Character.isLetterOrDigit(folded.charAt(end)))) {
                    found.add(new int[] {start, end});
                }
            }
            return found;
        }

        /** Where words one typo away from a name long enough to be forgiven one stand in the text. */
        List<int[]> nearly(Alias name) {
            List<int[]> found = new ArrayList<>();
            if (name.typo() == null) {
                return found;
            }
            int count = name.folded().split(" ").length;
            for (int first = 0; first + count <= words.size(); first++) {
                int start = words.get(first)[0];
                int end = words.get(first + count - 1)[1];
                if (name.typo().matches(folded.substring(start, end))) {
                    found.add(new int[] {start, end});
                }
            }
            return found;
        }
    }

    /** Lower case without diacritics, letter for letter, so that positions stay those of the text. */
    private static String foldEach(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String one = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D').toLowerCase(java.util.Locale.ROOT);
            folded.append(one.length() == 1 ? one.charAt(0) : Character.toLowerCase(c));
        }
        return folded.toString();
    }

    private static Map<String, List<Alias>> aliases(Site site) {
        Map<String, List<Alias>> byLanguage = new java.util.HashMap<>();
        for (String language : site.languages()) {
            boolean spaced = LanguageAnalysis.writesWordsApart(language);
            List<Alias> aliases = new ArrayList<>();
            site.name().in(language).ifPresent(name -> Stream.concat(Stream.of(name), site.aliases().in(language).stream())
                    .forEach(alias -> aliases.add(Alias.of(alias, name, null, spaced))));
            for (var exhibit : site.publishedExhibits()) {
                Optional<String> title = exhibit.title().in(language);
                // the title itself too: typed without diacritics or with one typo, it is read as written; an exhibit
                // with no text in the language is named by its names there or by its names in another language
                Stream<String> names = title.isPresent()
                        ? Stream.concat(Stream.of(title.get()), exhibit.aliases().in(language).stream())
                        : Stream.concat(exhibit.title().texts().values().stream(),
                                exhibit.aliases().byLanguage().values().stream().flatMap(List::stream));
                names.distinct().forEach(name -> aliases.add(Alias.of(name, title.orElse(null), exhibit.id(), spaced)));
            }
            aliases.removeIf(alias -> alias.folded().isBlank());
            aliases.sort(Comparator.comparingInt((Alias alias) -> alias.folded().length()).reversed());
            byLanguage.put(language, List.copyOf(aliases));
        }
        return Map.copyOf(byLanguage);
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


    /**
     * Makes the best candidate as sure as the surest candidate about the same exhibit: "why are the stone
     * tablets on the backs of turtles?" is surely about the stelae even if the FAQ that answers it best
     * says "stones" and "tortoises". When something speaks against the best one, the next of the same
     * exhibit that nothing speaks against takes its place.
     */
    private static void exhibitWide(List<Candidate> ranked) {
        Candidate best = ranked.get(0);
        String exhibit = best.item().exhibit();
        if (exhibit == null) {
            return;
        }
        if (best.objected()) {
            for (int i = 1; i < ranked.size(); i++) {
                Candidate other = ranked.get(i);
                if (exhibit.equals(other.item().exhibit()) && !other.objected()) {
                    ranked.remove(i);
                    ranked.add(0, other.rankedAs(best));
                    best = ranked.get(0);
                    break;
                }
            }
        }
        double confidence = best.objected() ? best.confidence() : 0;
        for (Candidate other : ranked) {
            if (exhibit.equals(other.item().exhibit()) && !other.objected()) {
                confidence = Math.max(confidence, other.confidence());
            }
        }
        ranked.set(0, new Candidate(best.item(), best.score(), confidence, best.match(), best.onlyTheName(),
                best.offPointed()));
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

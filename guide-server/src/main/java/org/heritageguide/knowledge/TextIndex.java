package org.heritageguide.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * A small full-text index of one language's texts, held in memory: Lucene BM25 over each
 * {@link LanguageAnalysis.View} of a title, question and body field, typo correction against the
 * index's own vocabulary, and, when an embedder is given, dense vectors compared by cosine.
 *
 * <p>Besides BM25, every match says how much of the question it covers: the IDF-weighted share of the
 * question's terms found in the entry. A term the index has never seen weighs the most, so "who won the
 * world cup?" covers next to nothing of a temple's texts. Immutable and safe for concurrent searches.
 */
public final class TextIndex {

    /**
     * One thing to find.
     *
     * @param key       what a match returns
     * @param title     the name of what the entry is about (an exhibit's title); also used to tell which
     *                  exhibit a question names
     * @param questions ways visitors ask for it (FAQ paraphrases, intent examples)
     * @param body      its text
     * @param meanings  texts whose embeddings stand for the entry (when an embedder exists)
     */
    public record Entry(String key, String title, List<String> questions, String body, List<String> meanings) {
        public Entry {
            title = title == null ? "" : title;
            body = body == null ? "" : body;
            questions = List.copyOf(questions);
            meanings = List.copyOf(meanings);
        }
    }

    /**
     * How one entry matches a question.
     *
     * @param bm25          Lucene's BM25 score, summed over the fields and views
     * @param coverage      the IDF-weighted share of the question's terms found in the entry (0..1)
     * @param entryCoverage the IDF-weighted share of the entry's terms found in the question (0..1)
     * @param titleWeight   the IDF (among titles) of the question's terms found in the entry's title
     * @param titleCoverage the share of the entry's title named by the question (0..1)
     * @param dense         the cosine between the question's and the entry's embeddings (0 without an embedder)
     * @param titleHits     the question's terms found in the entry's title (coverage views)
     * @param guessed       whether every term found in the entry was reached only by typo correction
     */
    public record Match(String key, double bm25, double coverage, double entryCoverage, double titleWeight,
                        double titleCoverage, double dense, Set<String> titleHits, boolean guessed) {
    }

    /**
     * A question as the index understood it, with every entry that matches it in any way.
     *
     * @param terms       per view, the question's terms after typo correction
     * @param corrections unknown terms replaced by a close known one
     * @param dense       whether dense vectors took part
     */
    public record Result(Map<String, List<String>> terms, Map<String, String> corrections, boolean dense,
                         List<Match> matches) {

        /** Whether the question has any term to search for (not only stop words). */
        public boolean hasTerms() {
            return terms.values().stream().anyMatch(t -> !t.isEmpty());
        }
    }

    private static final String[] FIELDS = {"title", "questions", "body"};
    private static final float[] FIELD_BOOSTS = {1.0f, 1.2f, 1.0f};
    private static final int MAX_TERMS_PER_VIEW = 48;
    /**
     * What one question may cost, however long: at most this many typo lookups per view (each walks the
     * vocabulary within two edits), none for a word longer than a word is ({@link #MAX_CORRECTED_LENGTH}:
     * the automaton of a 400-letter "word" alone takes seconds), and this many characters embedded. A
     * question asked in earnest is searched as it was (the evaluation sets' figures do not move); a
     * 500-character junk one would otherwise cost seconds.
     */
    private static final int MAX_CORRECTIONS_PER_VIEW = 8;
    private static final int MAX_CORRECTED_LENGTH = 24;
    private static final int MAX_EMBEDDED_CHARACTERS = 128;
    /** A term reached only by typo correction counts for this much of a term found as written. */
    private static final double CORRECTED_WEIGHT = 0.75;

    private final LanguageAnalysis.Profile profile;
    private final TextEmbedder embedder;
    private final IndexSearcher searcher;
    /**
     * Per field (each of {@code FIELDS}, {@code all.<view>}, {@code distinctTitle.<view>}), how many entries hold
     * each term, read from the index once: every term of every question is asked about in each index a turn
     * searches, and a term seek in Lucene's dictionary cost a quarter of a long question's time.
     */
    private final Map<String, Map<String, Integer>> documentFrequencies;
    private final String[] keys;
    private final List<Entry> entries;
    private final int[] entryOfDocument;
    private final List<Map<String, Set<String>>> entryTerms = new ArrayList<>();
    private final List<Map<String, Set<String>>> titleTerms = new ArrayList<>();
    private final int distinctTitles;
    /** Per view, the summed IDF of each entry's terms and of its title's terms (the whole a match is measured against). */
    private final Map<String, double[]> entryWeight = new HashMap<>();
    private final Map<String, double[]> titleWeight = new HashMap<>();
    private final float[][][] vectors;
    /** The vector of each meaning text, for the next build of the same content to reuse. */
    private final Map<String, float[]> meaningVectors;
    /** Per view that corrects typos, what is one typo from one of its stop words ("wat"). */
    private final Map<String, OneTypo> misspeltStopWords;
    private final DirectSpellChecker shortWords = spellChecker(1);
    private final DirectSpellChecker longWords = spellChecker(2);

    /** With a {@code previous} index of the same language, what it worked out for an unchanged entry is reused. */
    private TextIndex(LanguageAnalysis.Profile profile, List<Entry> entries, TextEmbedder embedder, TextIndex previous) {
        this.profile = profile;
        this.embedder = embedder;
        this.keys = entries.stream().map(Entry::key).toArray(String[]::new);
        this.entries = List.copyOf(entries);
        this.searcher = new IndexSearcher(write(profile, entries));
        this.documentFrequencies = documentFrequencies(searcher.getIndexReader(), profile);
        this.entryOfDocument = entryOfDocument(searcher, entries);
        this.distinctTitles = (int) entries.stream().map(Entry::title).distinct().count();
        this.misspeltStopWords = previous != null ? previous.misspeltStopWords : misspeltStopWords(profile);
        Map<Entry, Integer> earlier = new HashMap<>();
        if (previous != null) {
            for (int i = 0; i < previous.entries.size(); i++) {
                earlier.putIfAbsent(previous.entries.get(i), i);
            }
        }
        for (Entry entry : entries) {
            Integer same = earlier.get(entry);
            Map<String, Set<String>> terms = same != null ? previous.entryTerms.get(same) : new HashMap<>();
            Map<String, Set<String>> title = same != null ? previous.titleTerms.get(same) : new HashMap<>();
            for (LanguageAnalysis.View view : profile.views()) {
                if (same == null) {
                    Set<String> all = new HashSet<>(profile.terms(view, entry.title()));
                    entry.questions().forEach(q -> all.addAll(profile.terms(view, q)));
                    all.addAll(profile.terms(view, entry.body()));
                    terms.put(view.name(), all);
                    title.put(view.name(), new HashSet<>(profile.terms(view, entry.title())));
                }
            }
            entryTerms.add(terms);
            titleTerms.add(title);
        }
        for (LanguageAnalysis.View view : profile.views()) {
            double[] entryTotals = new double[entries.size()];
            double[] titleTotals = new double[entries.size()];
            for (int i = 0; i < entries.size(); i++) {
                for (String term : entryTerms.get(i).get(view.name())) {
                    entryTotals[i] += idf(view.name(), term);
                }
                for (String term : titleTerms.get(i).get(view.name())) {
                    titleTotals[i] += titleIdf(view.name(), term);
                }
            }
            entryWeight.put(view.name(), entryTotals);
            titleWeight.put(view.name(), titleTotals);
        }
        this.vectors = new float[entries.size()][][];
        Map<String, float[]> embedded = new HashMap<>();
        Map<String, float[]> known = previous == null ? Map.of() : previous.meaningVectors;
        if (embedder != null) {
            for (int i = 0; i < entries.size(); i++) {
                vectors[i] = entries.get(i).meanings().stream()
                        .map(meaning -> embedded.computeIfAbsent(meaning, m -> known.containsKey(m) ? known.get(m) : embedder.embed(m)))
                        .toArray(float[][]::new);
            }
        }
        this.meaningVectors = Map.copyOf(embedded);
    }

    /** Indexes the entries; with a non-null embedder, their meanings are embedded too (the slow part). */
    public static TextIndex build(LanguageAnalysis.Profile profile, List<Entry> entries, TextEmbedder embedder) {
        return new TextIndex(profile, entries, embedder, null);
    }

    /**
     * As {@link #build(LanguageAnalysis.Profile, List, TextEmbedder)}, taking from an earlier index of the
     * same language, made with the same embedder, the vectors of its meanings and the terms of its unchanged
     * entries rather than working them out again: a curator's edit re-embeds and re-analyzes only the text
     * that changed (Lucene's own index is still written whole).
     */
    static TextIndex rebuild(TextIndex previous, List<Entry> entries) {
        if (previous.entries.equals(entries)) {
            // a publication usually changes one language: the others keep their index as it is
            return previous;
        }
        return new TextIndex(previous.profile, entries, previous.embedder, previous);
    }

    public String language() {
        return profile.language();
    }

    public int size() {
        return keys.length;
    }

    /** The embedder of this index's dense vectors, or null. */
    TextEmbedder embedder() {
        return embedder;
    }

    /** Whether dense vectors take part in this index's searches. */
    public boolean dense() {
        return embedder != null;
    }

    /** Every entry that matches the question by a term or, with dense vectors, at all. */
    public Result search(String question) {
        return search(question, Set.of(), Set.of());
    }

    /**
     * Like {@link #search(String)}, with some of the question's terms (already analyzed, e.g. the name of
     * an exhibit found elsewhere) left out of the coverage: "where is" fully covers "where is the well?"
     * once "well" is set aside. Terms in {@code realWords} are known words of the language (e.g. from the
     * guide's phrasebook) and are never taken for typos of this index's terms.
     */
    public Result search(String question, Set<String> setAside, Set<String> realWords) {
        Map<String, List<String>> terms = new LinkedHashMap<>();
        Map<String, String> corrections = new LinkedHashMap<>();
        for (LanguageAnalysis.View view : profile.views()) {
            List<String> viewTerms = new ArrayList<>();
            int lookups = 0;
            for (String term : profile.terms(view, question)) {
                if (viewTerms.size() >= MAX_TERMS_PER_VIEW) {
                    break;
                }
                boolean mayBeTypo = view.correctTypos() && !realWords.contains(term) && !setAside.contains(term)
                        && !known(view.name(), term) && lookups++ < MAX_CORRECTIONS_PER_VIEW;
                String known = mayBeTypo ? corrected(view, term, corrections) : term;
                if (known != null && !viewTerms.contains(known)) {
                    viewTerms.add(known);
                }
            }
            terms.put(view.name(), viewTerms);
        }
        return search(question, terms, corrections, setAside);
    }

    /**
     * Like {@link #search(String, Set, Set)}, the question's terms as {@code read} has them, typos corrected,
     * rather than read again: for an index of the same texts grouped otherwise (the same vocabulary), so that a
     * turn looks each unknown word up once (a lookup of a long word costs most of a millisecond).
     */
    public Result search(String question, Result read, Set<String> setAside) {
        return search(question, read.terms(), read.corrections(), setAside);
    }

    private Result search(String question, Map<String, List<String>> terms, Map<String, String> corrections,
                          Set<String> setAside) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (LanguageAnalysis.View view : profile.views()) {
            for (int f = 0; f < FIELDS.length; f++) {
                for (String term : terms.get(view.name())) {
                    // a term no entry holds there scores nothing, and its clause would seek Lucene's dictionary in
                    // every segment: most of a junk question's garbage, and its young collections' pauses (#16)
                    if (documentFrequency(FIELDS[f] + "." + view.name(), term) == 0) {
                        continue;
                    }
                    query.add(new BoostQuery(new TermQuery(new Term(FIELDS[f] + "." + view.name(), term)),
                            FIELD_BOOSTS[f] * view.weight()), BooleanClause.Occur.SHOULD);
                }
            }
        }
        double[] bm25 = new double[keys.length];
        try {
            for (ScoreDoc hit : searcher.search(query.build(), Math.max(1, keys.length)).scoreDocs) {
                bm25[entryOfDocument[hit.doc]] = hit.score;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        float[] questionVector = embedder != null && !question.isBlank() ? embedder.embed(upTo(question, MAX_EMBEDDED_CHARACTERS)) : null;
        Map<String, List<Asked>> asked = asked(terms, setAside, corrections.values());
        List<Match> matches = new ArrayList<>();
        for (int doc = 0; doc < keys.length; doc++) {
            double dense = questionVector == null ? 0 : bestCosine(questionVector, vectors[doc]);
            if (bm25[doc] <= 0 && dense <= 0) {
                continue;
            }
            matches.add(match(doc, terms, asked, bm25[doc], dense));
        }
        return new Result(terms, corrections, questionVector != null, matches);
    }

    /**
     * Each match's coverage of the question with {@code setAside} left out, as a search setting them aside
     * would give it, without searching again.
     */
    public Map<String, Double> coverageAside(Result result, Set<String> setAside) {
        Map<String, List<Asked>> asked = asked(result.terms(), setAside, result.corrections().values());
        Set<String> matched = new HashSet<>();
        result.matches().forEach(match -> matched.add(match.key()));
        Map<String, Double> coverage = new HashMap<>();
        for (int doc = 0; doc < keys.length; doc++) {
            if (matched.contains(keys[doc])) {
                coverage.put(keys[doc], match(doc, result.terms(), asked, 0, 0).coverage());
            }
        }
        return coverage;
    }

    /**
     * Whether the question has a term, besides {@code name}, that is surely not a stop word: "how tall is
     * Khuê Văn Các?" asks more than the name, "Khue Van Cac la gi?" ("la" may be "là", "is") does not.
     */
    public boolean asksMoreThan(Result result, Set<String> name) {
        // the language's main analysis: the others (bigrams) hold pieces of the same words
        LanguageAnalysis.View view = profile.coverageViews().get(0);
        return result.terms().getOrDefault(view.name(), List.of()).stream()
                .anyMatch(term -> !name.contains(term) && !mayBeStopWord(view, term));
    }

    /**
     * The question's words that none of this index's texts use, as typed and after typo correction, stop words
     * and {@code alsoKnown} aside: what the question names that the texts know nothing of ("is Hoa Lo prison
     * open today?"). Read in the view that leaves the fewest (a Vietnamese question typed without its marks is
     * known in the folded view).
     */
    public List<String> unknownTerms(Result result, Set<String> alsoKnown) {
        List<String> fewest = null;
        for (LanguageAnalysis.View view : profile.coverageViews()) {
            List<String> unknown = result.terms().getOrDefault(view.name(), List.of()).stream()
                    .filter(term -> !known(view.name(), term) && !mayBeStopWord(view, term) && !alsoKnown.contains(term))
                    .toList();
            fewest = fewest == null || unknown.size() < fewest.size() ? unknown : fewest;
        }
        return fewest == null ? List.of() : fewest;
    }

    /** The question's terms (in every view) that this index has seen. */
    public Set<String> knownTerms(String question) {
        Set<String> known = new HashSet<>();
        for (LanguageAnalysis.View view : profile.views()) {
            profile.terms(view, question).stream().filter(term -> known(view.name(), term)).forEach(known::add);
        }
        return known;
    }

    /**
     * A bare Lucene query, for comparison only: the question's analyzed terms as one BM25 query over the
     * same fields, with no typo correction, coverage or vectors. Returns how many entries matched.
     */
    public int bm25Only(String question, int limit) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (LanguageAnalysis.View view : profile.views()) {
            for (String term : profile.terms(view, question)) {
                for (String field : FIELDS) {
                    query.add(new TermQuery(new Term(field + "." + view.name(), term)), BooleanClause.Occur.SHOULD);
                }
            }
        }
        try {
            return searcher.search(query.build(), limit).scoreDocs.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A term of the question as the coverage weighs it: its IDF (capped for a term no entry has), whether it
     * may be a stop word (counted only where found) and whether it was guessed from a typo.
     */
    private record Asked(String term, double weight, boolean mayBeStopWord, boolean guessed) {
    }

    /** Per coverage view, the question's terms with what they weigh, but those set aside. */
    private Map<String, List<Asked>> asked(Map<String, List<String>> terms, Set<String> setAside, Collection<String> corrected) {
        Map<String, List<Asked>> asked = new HashMap<>();
        for (LanguageAnalysis.View view : profile.coverageViews()) {
            List<String> question = terms.get(view.name()).stream().filter(t -> !setAside.contains(t)).toList();
            double unknownWeight = view.capUnknown() ? unknownWeight(view.name(), question) : idf(view.name(), "");
            asked.put(view.name(), question.stream().map(term -> new Asked(term,
                    known(view.name(), term) ? idf(view.name(), term) : unknownWeight, mayBeStopWord(view, term),
                    corrected.contains(term))).toList());
        }
        return asked;
    }

    private Match match(int doc, Map<String, List<String>> terms, Map<String, List<Asked>> question, double bm25,
                        double dense) {
        double coverage = 0;
        double entryCoverage = 0;
        double views = 0;
        boolean foundAsWritten = false;
        boolean foundCorrected = false;
        for (LanguageAnalysis.View view : profile.coverageViews()) {
            Set<String> inEntry = entryTerms.get(doc).get(view.name());
            double asked = 0;
            double found = 0;
            for (Asked term : question.get(view.name())) {
                boolean present = inEntry.contains(term.term());
                if (term.mayBeStopWord() && !present) {
                    continue;
                }
                asked += term.weight();
                if (present) {
                    found += term.guessed() ? CORRECTED_WEIGHT * term.weight() : term.weight();
                    foundCorrected |= term.guessed();
                    foundAsWritten |= !term.guessed();
                }
            }
            if (asked == 0) {
                continue;
            }
            views += view.coverage();
            double entryWeight = this.entryWeight.get(view.name())[doc];
            coverage += view.coverage() * found / asked;
            entryCoverage += view.coverage() * (entryWeight == 0 ? 0 : found / entryWeight);
        }
        if (views > 0) {
            coverage /= views;
            entryCoverage /= views;
        }
        double titleWeight = 0;
        double titleCoverage = 0;
        Set<String> titleHits = new HashSet<>();
        for (LanguageAnalysis.View view : profile.views()) {
            Set<String> inTitle = titleTerms.get(doc).get(view.name());
            double found = 0;
            for (String term : terms.get(view.name())) {
                if (inTitle.contains(term)) {
                    found += titleIdf(view.name(), term);
                    titleHits.add(term);
                }
            }
            double total = this.titleWeight.get(view.name())[doc];
            titleWeight += found;
            titleCoverage += total == 0 ? 0 : found / total;
        }
        titleWeight /= profile.views().size();
        titleCoverage /= profile.views().size();
        return new Match(keys[doc], bm25, coverage, entryCoverage, titleWeight, titleCoverage, dense, titleHits,
                foundCorrected && !foundAsWritten);
    }

    /**
     * Whether a term may be a stop word the analyzer could not drop: in Vietnamese typed without
     * diacritics, "la" may be "là" (is) or "lá" (leaf). Such a term counts only where it is found.
     */
    private static boolean mayBeStopWord(LanguageAnalysis.View view, String term) {
        if (view.stopWords().contains(term)) {
            return true;
        }
        int space = term.indexOf(' ');
        return space > 0 && (view.stopWords().contains(term.substring(0, space))
                || view.stopWords().contains(term.substring(space + 1)));
    }

    private boolean known(String view, String term) {
        return documentFrequency("all." + view, term) > 0;
    }

    /**
     * What a term no entry has weighs in a question: no more than the question's most telling known term.
     * An unknown verb beside a rare name is likely a paraphrase ("who ordered the construction of the
     * pavilion?"); a question of unknown words only ("who won the world cup?") still covers nothing.
     */
    private double unknownWeight(String view, List<String> question) {
        double mostTelling = 0;
        for (String term : question) {
            if (known(view, term)) {
                mostTelling = Math.max(mostTelling, idf(view, term));
            }
        }
        double unknown = idf(view, "");
        return mostTelling > 0 ? Math.min(unknown, mostTelling) : unknown;
    }

    /** BM25's IDF over the entries; a term no entry has weighs the most. */
    private double idf(String view, String term) {
        return bm25Idf(documentFrequency("all." + view, term), keys.length);
    }

    /** The IDF over the distinct titles (the FAQs about an exhibit share its title: one title, counted once). */
    private double titleIdf(String view, String term) {
        return bm25Idf(documentFrequency("distinctTitle." + view, term), distinctTitles);
    }

    /**
     * {@link org.apache.lucene.search.similarities.BM25Similarity}'s IDF, in double precision as the
     * coverage has always weighed terms (Lucene's own rounds it to a float).
     */
    private static double bm25Idf(int documentFrequency, int documents) {
        return Math.log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
    }

    /** How many entries hold the term in the field: the index's own statistics. */
    private int documentFrequency(String field, String term) {
        return documentFrequencies.get(field).getOrDefault(term, 0);
    }

    private static Map<String, Map<String, Integer>> documentFrequencies(IndexReader reader, LanguageAnalysis.Profile profile) {
        Map<String, Map<String, Integer>> byField = new HashMap<>();
        try {
            for (LanguageAnalysis.View view : profile.views()) {
                for (String field : indexedFields(view)) {
                    Map<String, Integer> frequencies = new HashMap<>();
                    Terms terms = MultiTerms.getTerms(reader, field);
                    if (terms != null) {
                        TermsEnum each = terms.iterator();
                        for (BytesRef term = each.next(); term != null; term = each.next()) {
                            frequencies.put(term.utf8ToString(), each.docFreq());
                        }
                    }
                    byField.put(field, Map.copyOf(frequencies));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(byField);
    }

    /**
     * The term itself when the index knows it; else, for a misspelt stop word ("wat"), nothing; else the
     * closest known term ("bilt" → "built"), or the term unchanged when none is close.
     */
    private String corrected(LanguageAnalysis.View view, String term, Map<String, String> corrections) {
        if (known(view.name(), term)) {
            return term;
        }
        if (term.length() <= 5 && misspeltStopWords.get(view.name()).matches(term)) {
            return null;
        }
        DirectSpellChecker checker = term.length() <= 5 ? shortWords : longWords;
        try {
            SuggestWord[] suggestions = checker.suggestSimilar(new Term("all." + view.name(), term), 1,
                    searcher.getIndexReader(), SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            if (suggestions.length > 0) {
                corrections.put(term, suggestions[0].string);
                return suggestions[0].string;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return term;
    }

    /** The text's first {@code characters} characters (whole code points). */
    private static String upTo(String text, int characters) {
        return text.codePointCount(0, text.length()) <= characters ? text : text.substring(0, text.offsetByCodePoints(0, characters));
    }

    private static double bestCosine(float[] question, float[][] entry) {
        double best = 0;
        if (entry == null) {
            return best;
        }
        for (float[] vector : entry) {
            double dot = 0;
            for (int i = 0; i < vector.length; i++) {
                dot += question[i] * vector[i];
            }
            best = Math.max(best, dot);
        }
        return best;
    }

    private static Map<String, OneTypo> misspeltStopWords(LanguageAnalysis.Profile profile) {
        Map<String, OneTypo> misspelt = new HashMap<>();
        profile.views().stream().filter(LanguageAnalysis.View::correctTypos)
                .forEach(view -> misspelt.put(view.name(), OneTypo.ofAny(view.stopWords())));
        return Map.copyOf(misspelt);
    }

    private static DirectSpellChecker spellChecker(int maxEdits) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxEdits(maxEdits);
        checker.setMinQueryLength(3);
        checker.setMaxQueryLength(MAX_CORRECTED_LENGTH);
        checker.setAccuracy(0.6f);
        return checker;
    }

    private static int[] entryOfDocument(IndexSearcher searcher, List<Entry> entries) {
        try {
            int[] entryOf = new int[searcher.getIndexReader().maxDoc()];
            var stored = searcher.storedFields();
            for (int doc = 0; doc < entryOf.length; doc++) {
                entryOf[doc] = stored.document(doc).getField("entry").numericValue().intValue();
            }
            return entryOf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields a view's reading of the texts is indexed in: each of {@link #FIELDS}, all of them, the distinct titles. */
    private static List<String> indexedFields(LanguageAnalysis.View view) {
        List<String> fields = new ArrayList<>();
        for (String field : FIELDS) {
            fields.add(field + "." + view.name());
        }
        fields.add("all." + view.name());
        fields.add("distinctTitle." + view.name());
        return fields;
    }

    private static DirectoryReader write(LanguageAnalysis.Profile profile, List<Entry> entries) {
        Map<String, Analyzer> analyzers = new HashMap<>();
        for (LanguageAnalysis.View view : profile.views()) {
            indexedFields(view).forEach(field -> analyzers.put(field, view.analyzer()));
        }
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(
                new PerFieldAnalyzerWrapper(profile.views().get(0).analyzer(), analyzers)))) {
            Set<String> titles = new HashSet<>();
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = entries.get(i);
                Document document = new Document();
                document.add(new StoredField("entry", i));
                String questions = String.join("\n", entry.questions());
                boolean newTitle = titles.add(entry.title());
                for (LanguageAnalysis.View view : profile.views()) {
                    document.add(new TextField("title." + view.name(), entry.title(), Field.Store.NO));
                    document.add(new TextField("questions." + view.name(), questions, Field.Store.NO));
                    document.add(new TextField("body." + view.name(), entry.body(), Field.Store.NO));
                    // each text apart, so that no term (a bigram) spans the end of one and the start of the next
                    document.add(new TextField("all." + view.name(), entry.title(), Field.Store.NO));
                    entry.questions().forEach(q -> document.add(new TextField("all." + view.name(), q, Field.Store.NO)));
                    document.add(new TextField("all." + view.name(), entry.body(), Field.Store.NO));
                    if (newTitle) {
                        document.add(new TextField("distinctTitle." + view.name(), entry.title(), Field.Store.NO));
                    }
                }
                writer.addDocument(document);
            }
            writer.commit();
            return DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.heritageguide.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

import com.ibm.icu.text.Normalizer2;

/**
 * How each language's text is cut into search terms. A language has one or more {@link View}s of its
 * text (Vietnamese: syllables as written, syllables with diacritics folded so that {@code khue van cac}
 * finds {@code Khuê Văn Các}, and folded syllable bigrams; Chinese: characters and character bigrams).
 * Stop words come from {@code knowledge/stopwords_<language>.txt} and words that mean the same from
 * {@code knowledge/synonyms_<language>.txt}; a translator can extend both.
 */
public final class LanguageAnalysis {

    private LanguageAnalysis() {
    }

    /**
     * One way of cutting a language's text into terms.
     *
     * @param weight       how much a match in this view counts in ranking
     * @param correctTypos whether unknown terms are corrected to a close known term
     * @param coverage     how much this view counts in measuring how much of a question a text covers
     *                     (0: not at all)
     * @param stopWords    the words this view leaves out, as they come out of its filters
     * @param capUnknown   whether a term the index does not know weighs no more than the question's most
     *                     telling known term (see {@code TextIndex}); not where the known terms are mostly
     *                     verb endings (Korean bigrams)
     */
    public record View(String name, Analyzer analyzer, float weight, boolean correctTypos, double coverage,
                       Set<String> stopWords, boolean capUnknown) {

        View(String name, Analyzer analyzer, float weight, boolean correctTypos, double coverage, Set<String> stopWords) {
            this(name, analyzer, weight, correctTypos, coverage, stopWords, true);
        }
    }

    /** The views of one language. */
    public record Profile(String language, List<View> views) {

        public List<View> coverageViews() {
            return views.stream().filter(view -> view.coverage() > 0).toList();
        }

        /** The distinct terms of {@code text} in one view, in order. */
        public List<String> terms(View view, String text) {
            return LanguageAnalysis.terms(view.analyzer(), text);
        }
    }

    /**
     * The analysis profile for searching a language's content: stop words (articles, pronouns, question
     * words) left out. Languages without their own profile get a generic ICU one.
     */
    public static Profile profile(String language) {
        return profile(language, true);
    }

    /**
     * The analysis profile that keeps every word, for matching short phrases such as "what is this?"
     * or "thank you" where the small words are the whole meaning.
     */
    public static Profile everyWordProfile(String language) {
        return profile(language, false);
    }

    private static final Map<String, Profile> PROFILES = new ConcurrentHashMap<>();

    private static Profile profile(String language, boolean dropStopWords) {
        return PROFILES.computeIfAbsent(language + (dropStopWords ? "" : "+stop"), key -> newProfile(language, dropStopWords));
    }

    private static Profile newProfile(String language, boolean dropStopWords) {
        StopWords stop = dropStopWords ? new StopWords(language) : StopWords.NONE;
        return switch (language) {
            case "en" -> english(stop);
            case "fr" -> french(stop);
            case "vi" -> vietnamese(stop);
            case "zh", "ja" -> chinese(language, stop);
            case "ko" -> korean(stop);
            default -> generic(language, stop);
        };
    }

    /** The distinct terms an analyzer makes of a text, in order of first appearance. */
    static List<String> terms(Analyzer analyzer, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(terms);
    }

    private static Profile english(StopWords stopWords) {
        StopSet stop = stopWords.normalized(UnaryOperator.identity());
        UnaryOperator<TokenStream> words = in -> new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(in)));
        UnaryOperator<TokenStream> synonyms = Synonyms.of("en", analyzer(StandardTokenizer::new, words));
        return new Profile("en", List.of(new View("words", analyzer(StandardTokenizer::new, in -> {
            TokenStream s = synonyms.apply(words.apply(in));
            s = new StopFilter(s, stop.lucene);
            return new PorterStemFilter(s);
        }), 1f, true, 1, stopWords.normalized(UnaryOperator.identity()))));
    }

    private static Profile french(StopWords stopWords) {
        StopSet stop = stopWords.normalized(UnaryOperator.identity());
        CharArraySet articles = FrenchAnalyzer.DEFAULT_ARTICLES;
        UnaryOperator<TokenStream> words = in -> new LowerCaseFilter(new ElisionFilter(in, articles));
        UnaryOperator<TokenStream> synonyms = Synonyms.of("fr", analyzer(StandardTokenizer::new, words));
        return new Profile("fr", List.of(new View("words", analyzer(StandardTokenizer::new, in -> {
            TokenStream s = synonyms.apply(words.apply(in));
            s = new StopFilter(s, stop.lucene);
            s = new FrenchLightStemFilter(s);
            return new ASCIIFoldingFilter(s);
        }), 1f, true, 1, stopWords.normalized(LanguageAnalysis::fold))));
    }

    private static Profile vietnamese(StopWords stopWords) {
        Normalizer2 fold = Normalizer2.getNFKCCasefoldInstance();
        StopSet stop = stopWords.normalized(fold::normalize);
        StopSet foldedStop = stopWords.normalized(LanguageAnalysis::fold);
        View written = new View("syllables", analyzer(ICUTokenizer::new,
                in -> new StopFilter(new ICUNormalizer2Filter(in, fold), stop.lucene)), 1f, false, 0, stop);
        UnaryOperator<TokenStream> synonyms = Synonyms.of("vi",
                analyzer(ICUTokenizer::new, in -> new ICUFoldingFilter(new ICUNormalizer2Filter(in, fold))));
        // stop words are dropped as written, before folding: "đâu" (where) is one, "dau" may be "đầu" (head)
        View folded = new View("folded", analyzer(ICUTokenizer::new, in -> synonyms.apply(
                new ICUFoldingFilter(new StopFilter(new ICUNormalizer2Filter(in, fold), stop.lucene)))),
                0.8f, false, 1, foldedStop);
        View bigrams = new View("bigrams", analyzer(ICUTokenizer::new, in -> {
            ShingleFilter shingles = new ShingleFilter(
                    new ICUFoldingFilter(new StopFilter(new ICUNormalizer2Filter(in, fold), stop.lucene)), 2, 2);
            shingles.setOutputUnigrams(false);
            return new AdjacentOnly(shingles);
        }), 1f, false, 0.5, foldedStop);
        return new Profile("vi", List.of(written, folded, bigrams));
    }

    private static Profile chinese(String language, StopWords stopWords) {
        StopSet stop = stopWords.normalized(UnaryOperator.identity());
        UnaryOperator<TokenStream> characterTokens = in -> new LowerCaseFilter(new CJKWidthFilter(in));
        UnaryOperator<TokenStream> synonyms = Synonyms.of(language, analyzer(StandardTokenizer::new, characterTokens));
        View characters = new View("characters", analyzer(StandardTokenizer::new,
                in -> new StopFilter(synonyms.apply(characterTokens.apply(in)), stop.lucene)), 0.6f, false, 1, stop);
        View bigrams = new View("bigrams", analyzer(StandardTokenizer::new,
                in -> new CJKBigramFilter(new LowerCaseFilter(new CJKWidthFilter(in)))), 1f, false, 0.5, Set.of());
        return new Profile(language, List.of(characters, bigrams));
    }

    /**
     * Nori's default stop tags (particles, endings, affixes…) but adverbs, plus the words that say nothing
     * of a topic: bound nouns ("것" of "지은 거예요"), pronouns ("여기", "뭐", "누구"), auxiliary verbs
     * ("걸려 있는") and the copula.
     */
    private static final Set<POS.Tag> KOREAN_STOP_TAGS = java.util.stream.Stream.concat(
                    KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS.stream().filter(tag -> tag != POS.Tag.MAG),
                    java.util.stream.Stream.of(POS.Tag.NNB, POS.Tag.NP, POS.Tag.VX, POS.Tag.VCP, POS.Tag.VCN))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static Profile korean(StopWords stopWords) {
        StopSet stop = stopWords.normalized(UnaryOperator.identity());
        UnaryOperator<TokenStream> morphemeTokens = in -> new LowerCaseFilter(new KoreanReadingFormFilter(
                new KoreanPartOfSpeechStopFilter(in, KOREAN_STOP_TAGS)));
        UnaryOperator<TokenStream> synonyms = Synonyms.of("ko", analyzer(KoreanTokenizer::new, morphemeTokens));
        // Nori's morphemes: "세웠어요" and "세워졌습니다" both give the stem 세우 (to build); particles and
        // endings are left out by their part of speech, adverbs kept ("진짜" is one in "진짜 집", a noun in
        // "진짜인가요")
        View morphemes = new View("morphemes", analyzer(KoreanTokenizer::new,
                in -> new StopFilter(synonyms.apply(morphemeTokens.apply(in)), stop.lucene)), 1f, false, 1, stop, false);
        View bigrams = new View("bigrams", analyzer(StandardTokenizer::new, in -> new StopFilter(
                new CJKBigramFilter(new KoreanParticleFilter(new LowerCaseFilter(new CJKWidthFilter(in)))), stop.lucene)),
                1f, false, 0.5, stop, false);
        return new Profile("ko", List.of(morphemes, bigrams));
    }

    private static Profile generic(String language, StopWords stopWords) {
        StopSet stop = stopWords.normalized(LanguageAnalysis::fold);
        return new Profile(language, List.of(new View("folded", analyzer(ICUTokenizer::new,
                in -> new StopFilter(new ICUFoldingFilter(in), stop.lucene)), 1f, true, 1, stop)));
    }

    private static final Analyzer FOLDING = analyzer(ICUTokenizer::new, ICUFoldingFilter::new);

    /**
     * Whether a language writes a word apart from the next, so that a word or name is found only whole:
     * not Chinese or Japanese (no spaces), nor Korean (particles are written onto the word: 이것 + 은 = 이것은).
     */
    public static boolean writesWordsApart(String language) {
        return !(language.equals("zh") || language.equals("ja") || language.equals("ko"));
    }

    /** Lower case without diacritics, as the folded views index text (ICU folding: {@code Đống} → {@code dong}). */
    public static String fold(String text) {
        return String.join(" ", terms(FOLDING, text));
    }

    /**
     * The text up to its {@code words}-th distinct word, the rest left out: words as {@link #fold} reads them
     * (ICU's word breaks, by dictionary in Chinese and Japanese), in any language, told apart folded.
     */
    public static String firstWords(String text, int words) {
        Set<String> seen = new HashSet<>();
        int end = text.length();
        try (TokenStream stream = FOLDING.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (end == text.length() && stream.incrementToken()) {
                if (seen.add(term.toString()) && seen.size() > words) {
                    end = offset.startOffset();
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.substring(0, end).strip();
    }

    private static Analyzer analyzer(java.util.function.Supplier<Tokenizer> tokenizer, UnaryOperator<TokenStream> filters) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = tokenizer.get();
                return new TokenStreamComponents(source, filters.apply(source));
            }
        };
    }

    /**
     * Takes the particle off a Korean word ("누각은" → "누각", "마당이" → "마당") so that its bigrams match
     * the same word elsewhere; the particles are in {@code knowledge/particles_ko.txt}.
     */
    private static final class KoreanParticleFilter extends org.apache.lucene.analysis.TokenFilter {

        private static final List<String> PARTICLES = StopWords.read("particles_ko").stream()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        KoreanParticleFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            String word = term.toString();
            for (String particle : PARTICLES) {
                if (word.length() >= particle.length() + 2 && word.endsWith(particle)) {
                    term.setLength(word.length() - particle.length());
                    break;
                }
            }
            return true;
        }
    }

    /** Drops the bigrams that span a left-out stop word (the shingle filter marks the gap with "_"). */
    private static final class AdjacentOnly extends FilteringTokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        AdjacentOnly(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean accept() {
            for (int i = 0; i < term.length(); i++) {
                if (term.charAt(i) == '_') {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Words that mean the same, from {@code knowledge/synonyms_<language>.txt}: one group per line, comma
     * separated, the word the content is most likely to use first ("창, 창문": window). Every word of a
     * group is read as its first, in the content and in the visitor's question alike, so a question in
     * other words than the curators' still covers their text.
     */
    private static final class Synonyms {

        /** The filter that maps a language's synonyms, for tokens as {@code entries} makes them; none without the file. */
        static UnaryOperator<TokenStream> of(String language, Analyzer entries) {
            List<String> groups = StopWords.read("synonyms_" + language);
            if (groups.isEmpty()) {
                return UnaryOperator.identity();
            }
            SolrSynonymParser parser = new SolrSynonymParser(true, false, entries);
            try {
                parser.parse(new java.io.StringReader(String.join("\n", groups)));
                SynonymMap map = parser.build();
                return in -> new FlattenGraphFilter(new SynonymGraphFilter(in, map, true));
            } catch (IOException | java.text.ParseException e) {
                throw new IllegalStateException("knowledge/synonyms_" + language + ".txt cannot be read: " + e.getMessage(), e);
            }
        }
    }

    /** A stop word set that Lucene's {@link StopFilter} takes and that reads as a set of strings. */
    private static final class StopSet extends java.util.AbstractSet<String> {

        private final CharArraySet lucene;
        private final Set<String> words = new LinkedHashSet<>();

        StopSet(int size) {
            lucene = new CharArraySet(Math.max(size, 1), true);
        }

        @Override
        public boolean add(String word) {
            lucene.add(word);
            return words.add(word.toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Collections.unmodifiableSet(words).iterator();
        }

        @Override
        public int size() {
            return words.size();
        }
    }

    /** The stop words of a language, from {@code knowledge/stopwords_<language>.txt} (one per line, {@code #} comments). */
    private static final class StopWords {

        static final StopWords NONE = new StopWords(List.of());

        private final List<String> words;

        StopWords(String language) {
            this(read("stopwords_" + language));
        }

        private StopWords(List<String> words) {
            this.words = words;
        }

        StopSet normalized(UnaryOperator<String> normalize) {
            StopSet set = new StopSet(words.size());
            words.forEach(word -> set.add(normalize.apply(word)));
            return set;
        }

        /** The words of {@code knowledge/<name>.txt}, one per line ({@code #} comments), none if it is missing. */
        static List<String> read(String name) {
            List<String> words = new ArrayList<>();
            try (InputStream in = LanguageAnalysis.class.getResourceAsStream("/knowledge/" + name + ".txt")) {
                if (in == null) {
                    return words;
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String word = line.strip();
                    if (!word.isEmpty() && !word.startsWith("#")) {
                        words.add(word);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return words;
        }
    }
}

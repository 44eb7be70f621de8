package org.heritageguide.dialogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.heritageguide.dialogue.decision.AnswerConfidence;
import org.heritageguide.knowledge.KnowledgeBase;
import org.heritageguide.knowledge.SiteKnowledge;
import org.heritageguide.knowledge.TextEmbedders;
import org.heritageguide.knowledge.TextIndex;
import org.heritageguide.session.VisitorSession;
import org.heritageguide.site.ContentLoader;
import org.heritageguide.site.Site;
import org.heritageguide.site.SiteCatalog;

import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Runs the evaluation set ({@code dialogue/eval.yaml}) through the real engines, without Spring: the
 * sample sites' content, the ONNX embedders, the phrasebooks and lingua. Shared by the JUnit test
 * (floors) and the benchmark (figures and latency).
 */
final class DialogueEvaluation {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * One question of the evaluation set and what the guide did with it.
     *
     * @param nanos    the time the guide took to answer
     * @param cpuNanos the CPU time of the answering thread in that time (the embedder runs on it too): what the
     *                 question cost, whatever else the machine ran
     */
    record Outcome(String site, String language, String question, List<String> expected, String says, Guide.Reply reply,
                   String expectedLanguage, long nanos, long cpuNanos) {

        boolean expectsDecline() {
            return expected.contains("decline");
        }

        boolean declined() {
            return !reply.answered();
        }

        boolean correct() {
            if (says != null && !reply.text().contains(says)) {
                return false;
            }
            if (expectsDecline()) {
                return declined();
            }
            return reply.answered() && reply.sessionLanguage().equals(expectedLanguage)
                    && expected.stream().anyMatch(this::matches);
        }

        private boolean matches(String expectation) {
            if (expectation.startsWith("intent:")) {
                return reply.intent() != null && reply.intent().key().equals(expectation.substring("intent:".length()));
            }
            if (expectation.contains(":")) {
                return reply.sources().stream().anyMatch(s -> s.id().equals(expectation));
            }
            return reply.sources().stream().anyMatch(s -> expectation.equals(s.exhibit()));
        }

        String describe() {
            return "[" + site + "/" + language + "] " + question + "  expected " + expected
                    + (says == null ? "" : " saying \"" + says + "\"") + ", got "
                    + (reply.answered() ? reply.sources().stream().map(Guide.Source::id).toList() : "decline")
                    + (reply.intent() == null ? "" : " (" + reply.intent().key() + ")")
                    + " in " + reply.sessionLanguage() + ": " + reply.text() + "\n      " + reply.why();
        }
    }

    /**
     * Per language: how many answerable questions got the right source first, how many were answered wrong
     * (answered, but from another source, without the expected fact or in another language), and how
     * declines went.
     */
    record Figures(int answerable, int correct, int outOfScope, int declinedOutOfScope, int declinedAnswerable) {

        double accuracy() {
            return answerable == 0 ? 1 : (double) correct / answerable;
        }

        /** Answerable questions answered, but not right: what a visitor would be told wrongly. */
        double wrongRate() {
            return answerable == 0 ? 0 : (double) (answerable - correct - declinedAnswerable) / answerable;
        }

        double declinedRate() {
            return answerable == 0 ? 0 : (double) declinedAnswerable / answerable;
        }

        /** Out-of-scope questions the guide answered anyway. */
        double outOfScopeAnsweredRate() {
            return outOfScope == 0 ? 0 : 1 - (double) declinedOutOfScope / outOfScope;
        }
    }

    /** The evaluation set, the one the ranking weights were tuned on; the answer model learns from it. */
    static final String EVALUATION_SET = "eval.yaml";
    /** Questions written apart from the engine by people who never saw it; the answer model learns from them. */
    static final String HELD_OUT_SET = "heldout.yaml";
    /**
     * Questions written on 2026-12-06, before the second-generation engine, by helpers who saw only the
     * content (dialogue/fresh/README.md); measured after every change of that session, the answer model now
     * learns from them too.
     */
    static final List<String> FRESH_SET = List.of("fresh/en-fr.yaml", "fresh/vi.yaml", "fresh/zh-ko.yaml");
    /**
     * Questions written the same way before the second session changed the engine (dialogue/fresh2/README.md);
     * measured before and after that change, the answer model now learns from them too.
     */
    static final List<String> SECOND_FRESH_SET = List.of("fresh2/en-fr.yaml", "fresh2/vi.yaml", "fresh2/zh-ko.yaml");
    /**
     * Questions written the same way before the third session changed the engine (dialogue/fresh3/README.md);
     * measured before and after each of that session's two changes, the answer model now learns from them too.
     */
    static final List<String> THIRD_FRESH_SET = List.of("fresh3/en-fr.yaml", "fresh3/vi.yaml", "fresh3/zh-ko.yaml");
    /**
     * Questions written the same way after the third session's changes (dialogue/fresh4/README.md): measured before
     * and after the fourth session's change, the answer model now learns from them too.
     */
    static final List<String> FOURTH_FRESH_SET = List.of("fresh4/en-fr.yaml", "fresh4/vi.yaml", "fresh4/zh-ko.yaml");
    /**
     * Questions written the same way before the fourth session's change (dialogue/fresh5/README.md): measured after
     * it and the fifth session's, the answer model now learns from them too.
     */
    static final List<String> FIFTH_FRESH_SET = List.of("fresh5/en-fr.yaml", "fresh5/vi.yaml", "fresh5/zh-ko.yaml");
    /**
     * Questions written the same way before the fifth session's change (dialogue/fresh6/README.md): measured before
     * and after each of its changes, the answer model now learns from them too.
     */
    static final List<String> SIXTH_FRESH_SET = List.of("fresh6/en-fr.yaml", "fresh6/vi.yaml", "fresh6/zh-ko.yaml");
    /**
     * Questions written the same way before the fifth session's second change (dialogue/fresh7/README.md): measured
     * before and after it, the answer model now learns from them too.
     */
    static final List<String> SEVENTH_FRESH_SET = List.of("fresh7/en-fr.yaml", "fresh7/vi.yaml", "fresh7/zh-ko.yaml");
    /**
     * Questions written the same way after the fifth session's changes (dialogue/fresh8/README.md): measured before
     * and after the sixth session's change, the answer model now learns from them too.
     */
    static final List<String> EIGHTH_FRESH_SET = List.of("fresh8/en-fr.yaml", "fresh8/vi.yaml", "fresh8/zh-ko.yaml");
    /**
     * Questions written the same way at the start of the sixth session (dialogue/fresh9/README.md): measured before
     * and after that session's change, the answer model now learns from them too.
     */
    static final List<String> NINTH_FRESH_SET = List.of("fresh9/en-fr.yaml", "fresh9/vi.yaml", "fresh9/zh-ko.yaml");
    /**
     * Questions written the same way after the sixth session's first change (dialogue/fresh10/README.md): measured
     * before and after its second change, the answer model now learns from them too.
     */
    static final List<String> TENTH_FRESH_SET = List.of("fresh10/en-fr.yaml", "fresh10/vi.yaml", "fresh10/zh-ko.yaml");
    /**
     * Questions written the same way after all of the sixth session's changes (dialogue/fresh11/README.md): measured
     * before and after the seventh session's first change, the answer model now learns from them too.
     */
    static final List<String> ELEVENTH_FRESH_SET = List.of("fresh11/en-fr.yaml", "fresh11/vi.yaml", "fresh11/zh-ko.yaml");
    /**
     * Questions written the same way at the start of the seventh session, before its changes
     * (dialogue/fresh12/README.md): measured before and after its first change, the answer model now learns from them too.
     */
    static final List<String> TWELFTH_FRESH_SET = List.of("fresh12/en-fr.yaml", "fresh12/vi.yaml", "fresh12/zh-ko.yaml");
    /**
     * Questions written the same way in the seventh session, after its first change (dialogue/fresh13/README.md):
     * never tuned on or learned from, and their questions are never printed.
     */
    static final List<String> THIRTEENTH_FRESH_SET = List.of("fresh13/en-fr.yaml", "fresh13/vi.yaml", "fresh13/zh-ko.yaml");
    /**
     * Questions written the same way at the end of the seventh session, on the engine it left (dialogue/fresh14/README.md):
     * never tuned on or learned from, and their questions are never printed.
     */
    static final List<String> FOURTEENTH_FRESH_SET = List.of("fresh14/en-fr.yaml", "fresh14/vi.yaml", "fresh14/zh-ko.yaml");
    /**
     * Questions written the same way in the eighth session, after its change to the answer model
     * (dialogue/fresh15/README.md): never tuned on or learned from, and their questions are never printed.
     */
    static final List<String> FIFTEENTH_FRESH_SET = List.of("fresh15/en-fr.yaml", "fresh15/vi.yaml", "fresh15/zh-ko.yaml");
    /**
     * Questions written the same way at the end of the eighth session, on the engine it left
     * (dialogue/fresh16/README.md): never tuned on or learned from, and their questions are never printed.
     */
    static final List<String> SIXTEENTH_FRESH_SET = List.of("fresh16/en-fr.yaml", "fresh16/vi.yaml", "fresh16/zh-ko.yaml");
    /**
     * Questions written the same way during the ninth session, after its first change had been made but before it
     * was measured (dialogue/fresh17/README.md): never tuned on or learned from, and their questions are never printed.
     */
    static final List<String> SEVENTEENTH_FRESH_SET = List.of("fresh17/en-fr.yaml", "fresh17/vi.yaml", "fresh17/zh-ko.yaml");
    /**
     * Questions written the same way at the start of the tenth session, before its change (dialogue/fresh18/README.md):
     * measured before and after its change and those since, never tuned on; the answer model now learns from them too.
     */
    static final List<String> EIGHTEENTH_FRESH_SET = List.of("fresh18/en-fr.yaml", "fresh18/vi.yaml", "fresh18/zh-ko.yaml");
    /**
     * Questions written the same way during the tenth session's first change, on the content with the {@code shop}
     * topic (dialogue/fresh19/README.md): measured before and after it and the changes since, never tuned on; the answer
     * model now learns from them too.
     */
    static final List<String> NINETEENTH_FRESH_SET = List.of("fresh19/en-fr.yaml", "fresh19/vi.yaml", "fresh19/zh-ko.yaml");
    /**
     * Questions written the same way after the tenth session's first change (dialogue/fresh20/README.md): never tuned
     * on or learned from, and their questions are never printed.
     */
    static final List<String> TWENTIETH_FRESH_SET = List.of("fresh20/en-fr.yaml", "fresh20/vi.yaml", "fresh20/zh-ko.yaml");
    /**
     * Questions written the same way at the start of the twelfth session (dialogue/fresh21/README.md; English and
     * French twice, by two helpers): never tuned on or learned from, and their questions are never printed.
     */
    static final List<String> TWENTY_FIRST_FRESH_SET = List.of("fresh21/en-fr.yaml", "fresh21/en-fr-b.yaml", "fresh21/vi.yaml",
            "fresh21/zh-ko.yaml");
    /**
     * Questions written the same way at the start of the thirteenth session, before its change
     * (dialogue/fresh22/README.md): never tuned on or learned from, and their questions are never printed.
     */
    static final List<String> TWENTY_SECOND_FRESH_SET = List.of("fresh22/en-fr.yaml", "fresh22/vi.yaml", "fresh22/zh-ko.yaml");
    /**
     * Questions written the same way at the start of the fourteenth session, before its changes
     * (dialogue/fresh23/README.md): never tuned on or learned from, and their questions are never printed.
     */
    static final List<String> TWENTY_THIRD_FRESH_SET = List.of("fresh23/en-fr.yaml", "fresh23/vi.yaml", "fresh23/zh-ko.yaml");
    /**
     * Questions written the same way at the start of the fifteenth session, before its changes
     * (dialogue/fresh24/README.md): never tuned on or learned from, and their questions are never printed.
     */
    static final List<String> TWENTY_FOURTH_FRESH_SET = List.of("fresh24/en-fr.yaml", "fresh24/vi.yaml", "fresh24/zh-ko.yaml");

    private final KnowledgeBase knowledge;
    private final Guide guide;
    private final List<Map<String, Object>> blocks;

    /** The guide as it answers, with the answer model the build learned, at a wrong-answer aim. */
    DialogueEvaluation(TextEmbedders embedders, double wrongAnswerAim) {
        this(embedders, LearnedConfidence.load(wrongAnswerAim), UnaryOperator.identity());
    }

    /**
     * The guide with the models' embeddings, deciding with {@code answers} (to learn from, for instance), on the
     * sample sites as {@code content} makes them.
     */
    DialogueEvaluation(AnswerConfidence answers, UnaryOperator<Site> content) {
        this(TextEmbedders.onnx(List.of(Path.of("models/target/models")), 1), answers, content);
    }

    private DialogueEvaluation(TextEmbedders embedders, AnswerConfidence answers, UnaryOperator<Site> content) {
        DialogueSettings settings = DialogueSettings.DEFAULT;
        SiteCatalog loaded = new ContentLoader(Path.of("content")).load(1);
        SiteCatalog catalog = new SiteCatalog(loaded.version(), loaded.sites().values().stream().map(content)
                .collect(Collectors.toMap(Site::id, site -> site, (a, b) -> a, LinkedHashMap::new)),
                loaded.problems(), loaded.loadedAt());
        this.knowledge = new KnowledgeBase(embedders, event -> { });
        knowledge.index(catalog);
        IntentMatcher intents = new IntentMatcher(embedders, settings.denseBase());
        TypedLanguage typed = new TypedLanguage();
        catalog.all().forEach(site -> {
            typed.prepare(site.languages());
            site.languages().forEach(intents::prepare);
        });
        this.guide = new Guide(new GuidePhrases(), intents, typed, settings, answers);
        this.blocks = read(EVALUATION_SET);
    }

    /** The evaluation of a running guide (the application context's engines). */
    DialogueEvaluation(KnowledgeBase knowledge, Guide guide) {
        this.knowledge = knowledge;
        this.guide = guide;
        this.blocks = read(EVALUATION_SET);
    }

    KnowledgeBase knowledge() {
        return knowledge;
    }

    /** Asks every question of the evaluation set once. */
    List<Outcome> run() {
        return run(blocks);
    }

    /**
     * Asks every question of another set once: one in {@code dialogue/} of the test resources
     * ({@link #HELD_OUT_SET}) or a file of the same format.
     */
    List<Outcome> run(String set) {
        return run(read(set));
    }

    /** Asks every question of several sets once. */
    List<Outcome> runAll(List<String> sets) {
        return sets.stream().flatMap(set -> run(set).stream()).toList();
    }

    private List<Outcome> run(List<Map<String, Object>> blocks) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Map<String, Object> block : blocks) {
            String site = (String) block.get("site");
            String exhibit = (String) block.get("exhibit");
            String language = (String) block.get("language");
            SiteKnowledge siteKnowledge = knowledge.site(site).orElseThrow(() -> new IllegalStateException("no site " + site));
            if (block.containsKey("questions")) {
                for (Map<String, Object> question : turns(block, "questions")) {
                    outcomes.add(ask(siteKnowledge, session(site, exhibit, language), question).outcome());
                }
            }
            if (block.containsKey("turns")) {
                VisitorSession session = session(site, exhibit, language);
                for (Map<String, Object> turn : turns(block, "turns")) {
                    Asked asked = ask(siteKnowledge, session, turn);
                    outcomes.add(asked.outcome());
                    session = Dialogue.after(session, asked.outcome().question(), asked.outcome().reply(), "text",
                            Instant.now(), 50);
                }
            }
        }
        return outcomes;
    }

    /** The CPU time the guide takes to answer one question, at a site's exhibit, in a language. */
    long cpuNanosToAnswer(String site, String exhibit, String language, String text) {
        SiteKnowledge knowledgeOfSite = knowledge.site(site).orElseThrow();
        return ask(knowledgeOfSite, session(site, exhibit, language), Map.of("ask", text, "expect", "decline")).outcome().cpuNanos();
    }

    /** Times a bare Lucene BM25 query for every question, on the index of the language it is asked in. */
    long[] bareLuceneNanos() {
        List<Long> nanos = new ArrayList<>();
        for (Map<String, Object> block : blocks) {
            SiteKnowledge site = knowledge.site((String) block.get("site")).orElseThrow();
            for (String key : List.of("questions", "turns")) {
                if (!block.containsKey(key)) {
                    continue;
                }
                for (Map<String, Object> question : turns(block, key)) {
                    String language = (String) question.getOrDefault("language", block.get("language"));
                    TextIndex index = site.index(language).orElseThrow();
                    long start = System.nanoTime();
                    index.bm25Only((String) question.get("ask"), 10);
                    nanos.add(System.nanoTime() - start);
                }
            }
        }
        return nanos.stream().mapToLong(Long::longValue).toArray();
    }

    static Map<String, Figures> figures(List<Outcome> outcomes) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Outcome outcome : outcomes) {
            int[] c = counts.computeIfAbsent(outcome.language(), l -> new int[5]);
            if (outcome.expectsDecline()) {
                c[2]++;
                if (outcome.declined()) {
                    c[3]++;
                }
            } else {
                c[0]++;
                if (outcome.correct()) {
                    c[1]++;
                }
                if (outcome.declined()) {
                    c[4]++;
                }
            }
        }
        Map<String, Figures> figures = new LinkedHashMap<>();
        counts.forEach((language, c) -> figures.put(language, new Figures(c[0], c[1], c[2], c[3], c[4])));
        int[] all = new int[5];
        counts.values().forEach(c -> Arrays.setAll(all, i -> all[i] + c[i]));
        figures.put("all", new Figures(all[0], all[1], all[2], all[3], all[4]));
        return figures;
    }

    static long percentile(long[] values, double percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private record Asked(Outcome outcome) {
    }

    private Asked ask(SiteKnowledge site, VisitorSession session, Map<String, Object> question) {
        return ask(site, session, question, List.of((String) question.get("ask")));
    }

    /** Asks a question taken in these ways, likeliest first (as typed: one), as {@link Guide#answerHeard} answers. */
    private Asked ask(SiteKnowledge site, VisitorSession session, Map<String, Object> question, List<String> hearings) {
        String language = (String) question.getOrDefault("language", session.language());
        String answerIn = (String) question.getOrDefault("answerIn", language);
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        List<SiteKnowledge> others = knowledge.sites().stream().filter(s -> !s.site().id().equals(site.site().id())).toList();
        Guide.Taken taken = guide.answerHeard(site, others, session, hearings);
        long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
        long nanos = System.nanoTime() - start;
        return new Asked(new Outcome(site.site().id(), language, taken.question(),
                expected(site.site().id(), question.get("expect")), (String) question.get("says"), taken.reply(), answerIn,
                nanos, cpuNanos));
    }

    /**
     * A question of a set asked alone (not a follow-up in a conversation).
     *
     * @param written the question as its set writes it ({@code ask}, {@code expect}, {@code says})
     */
    record Question(String site, String exhibit, String language, Map<String, Object> written) {
        String ask() {
            return (String) written.get("ask");
        }

        boolean expectsDecline() {
            return expected(site, written.get("expect")).contains("decline");
        }
    }

    /** The questions of a set asked alone, in {@code language}. */
    static List<Question> questions(String set, String language) {
        List<Question> questions = new ArrayList<>();
        for (Map<String, Object> block : read(set)) {
            if (language.equals(block.get("language")) && block.containsKey("questions")) {
                for (Map<String, Object> question : turns(block, "questions")) {
                    questions.add(new Question((String) block.get("site"), (String) block.get("exhibit"), language, question));
                }
            }
        }
        return questions;
    }

    /** Asks a question as it was heard, in these ways (likeliest first), in a conversation of its own. */
    Outcome askHeard(Question question, List<String> hearings) {
        SiteKnowledge site = knowledge.site(question.site()).orElseThrow();
        return ask(site, session(question.site(), question.exhibit(), question.language()), question.written(), hearings).outcome();
    }

    private static VisitorSession session(String site, String exhibit, String language) {
        return VisitorSession.builder("eval").site(site).language(language).openedAt(Instant.now()).build().withExhibit(exhibit);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> turns(Map<String, Object> block, String key) {
        return (List<Map<String, Object>>) block.get(key);
    }

    /**
     * Sources the content has moved since the sets were written: until 2026-12-07 the Temple of Literature filed its
     * souvenir shop under the café topic, so its sets' souvenir questions expect {@code info:cafe}.
     */
    private static final Map<String, Map<String, String>> MOVED_SOURCES = Map.of("van-mieu", Map.of("info:cafe", "info:shop"));

    @SuppressWarnings("unchecked")
    private static List<String> expected(String site, Object expect) {
        List<String> written = expect instanceof List<?> list ? (List<String>) list : List.of((String) expect);
        Map<String, String> moved = MOVED_SOURCES.getOrDefault(site, Map.of());
        return written.stream().map(source -> moved.getOrDefault(source, source)).toList();
    }

    private static List<Map<String, Object>> read(String set) {
        InputStream resource = DialogueEvaluation.class.getResourceAsStream("/dialogue/" + set);
        try (InputStream in = resource != null ? resource : Files.newInputStream(Path.of(set))) {
            return YAMLMapper.shared().readValue(in, new TypeReference<List<Map<String, Object>>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.heritageguide.dialogue;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.heritageguide.dialogue.decision.AnswerConfidence;
import org.heritageguide.dialogue.decision.Evidence;
import org.heritageguide.site.Exhibit;
import org.heritageguide.site.Site;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Learns which content candidate answers a question right, and when one is sure enough to answer from
 * ({@link LearnedConfidence}), from what the guide would answer to every question of the sets that are no longer
 * evidence ({@link #SETS}: the evaluation set, the first held-out set and the first to nineteenth fresh sets, each
 * measured after a change it judged) if it answered from each of retrieval's {@value #CANDIDATES} best candidates
 * in turn, and from the best one on the sites {@link #asFirstPublished}: each such answer, right or wrong (an
 * out-of-scope question answered is wrong), is one example of {@link AnswerFeatures}, and a right one a second,
 * with more of what can only help ({@link #ONLY_HELPS}). A random forest of {@value #TREES} CART trees (Tribuo,
 * seeded: the same sets give the same model): the evidence works together (a FAQ asked alike is sure with little
 * coverage, a pointing question with its exhibit's text is sure with less), which one weight per feature could not
 * say. The guide answers from the candidate the forest finds likeliest; the threshold is the lowest likelihood at
 * which a wrong-answer aim holds over the sets never tuned on, each set's likelihoods learned without it (as a set
 * written tomorrow will be met; {@link #outOfFold}): at most that share of their answerable questions answered
 * wrong, and of their out-of-scope questions answered. One threshold per aim in {@link #AIMS}; the operator chooses
 * the aim. The fresh sets written after these ({@link DialogueEvaluation#TWENTIETH_FRESH_SET} and on) are never used
 * here.
 *
 * <p>Run by Maven before the tests (exec plugin, phase {@code process-test-classes}), from the repository's
 * root; writes {@code answer-model.forest} (what the guide reads) and {@code answer-model.properties} into the
 * directory given, and the same forest as Tribuo keeps it beside the tests ({@link #TRIBUO_MODEL}, 104 MB: in the test
 * classes, so not in the jar).
 */
public final class AnswerModelTraining {

    /**
     * The wrong-answer aims an operator may choose ({@code guide.dialogue.wrong-answer-aim}): the share of
     * answerable questions answered wrong, and of out-of-scope ones answered, allowed out of fold.
     */
    static final List<Double> AIMS = List.of(0.01, 0.02, 0.05, 0.10);
    /** The question sets learned from, by name: every set that is no longer evidence. */
    private static final Map<String, List<String>> SETS = new TreeMap<>(Map.ofEntries(
            Map.entry(DialogueEvaluation.EVALUATION_SET, List.of(DialogueEvaluation.EVALUATION_SET)),
            Map.entry(DialogueEvaluation.HELD_OUT_SET, List.of(DialogueEvaluation.HELD_OUT_SET)),
            Map.entry("fresh", DialogueEvaluation.FRESH_SET),
            Map.entry("fresh2", DialogueEvaluation.SECOND_FRESH_SET),
            Map.entry("fresh3", DialogueEvaluation.THIRD_FRESH_SET),
            Map.entry("fresh4", DialogueEvaluation.FOURTH_FRESH_SET),
            Map.entry("fresh5", DialogueEvaluation.FIFTH_FRESH_SET),
            Map.entry("fresh6", DialogueEvaluation.SIXTH_FRESH_SET),
            Map.entry("fresh7", DialogueEvaluation.SEVENTH_FRESH_SET),
            Map.entry("fresh8", DialogueEvaluation.EIGHTH_FRESH_SET),
            Map.entry("fresh9", DialogueEvaluation.NINTH_FRESH_SET),
            Map.entry("fresh10", DialogueEvaluation.TENTH_FRESH_SET),
            Map.entry("fresh11", DialogueEvaluation.ELEVENTH_FRESH_SET),
            Map.entry("fresh12", DialogueEvaluation.TWELFTH_FRESH_SET),
            Map.entry("fresh13", DialogueEvaluation.THIRTEENTH_FRESH_SET),
            Map.entry("fresh14", DialogueEvaluation.FOURTEENTH_FRESH_SET),
            Map.entry("fresh15", DialogueEvaluation.FIFTEENTH_FRESH_SET),
            Map.entry("fresh16", DialogueEvaluation.SIXTEENTH_FRESH_SET),
            Map.entry("fresh17", DialogueEvaluation.SEVENTEENTH_FRESH_SET),
            Map.entry("fresh18", DialogueEvaluation.EIGHTEENTH_FRESH_SET),
            Map.entry("fresh19", DialogueEvaluation.NINETEENTH_FRESH_SET)));
    private static final long SEED = 20261206L;
    /** Tribuo's bagging says "Building model n" for every tree: kept quiet (a strong reference: the JDK keeps weak ones). */
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");
    /** Fifty trees answered about one question in a hundred fewer right at the same wrong-answer aim. */
    private static final int TREES = 100;
    /** No leaf learned from fewer than ten answers: a likelihood from three is noise. */
    private static final float MIN_CHILD_WEIGHT = 10;
    /** The share of the features each split chooses from (7 of 24): what makes a forest's trees differ. */
    private static final float FEATURES_PER_SPLIT = 0.3f;
    /** How many of retrieval's best candidates the guide weighs against each other ({@link AnswerConfidence#candidates}). */
    private static final int CANDIDATES = 3;
    private static final int DENSE = AnswerFeatures.NAMES.indexOf("dense");
    private static final int WITH_DENSE = AnswerFeatures.NAMES.indexOf("withDense");
    /**
     * The features whose rise can only make an answer likelier right: how much of the text's words the question says,
     * and how close it is to the text in meaning. Each right answer is learned twice, the second time with these
     * raised ({@link #withMoreOfWhatOnlyHelps}): a forest learns nothing beyond where the sets' answers fall, and the
     * sets' texts are long, so a question saying half of a new exhibit's one-sentence summary fell where no tree had
     * learned anything, and was answered or not as the seed fell (docs/benchmarks.md, thirteenth generation).
     */
    private static final int[] ONLY_HELPS = {AnswerFeatures.NAMES.indexOf("entryCoverage"), DENSE};
    /**
     * How many forests learn the out-of-fold likelihoods, each without a seventh of the sets never tuned on: one per
     * set (21) took two thirds of the 14 minutes the model took to learn, a third of the suite.
     */
    private static final int FOLDS = 7;
    /** The forest as Tribuo wrote it, on the tests' class path: the build's record of what it learned. */
    static final String TRIBUO_MODEL = "/dialogue/answer-model.tribuo";
    /** Where the model's properties keep the digest of what it was learned from ({@link #inputsDigest}). */
    private static final String INPUTS = "learned-from";

    /**
     * One content candidate the guide answered from when made to take it.
     *
     * @param question the question it answered (its place among all the sets' questions; read only where {@link #judged()})
     */
    private record Example(double[] features, boolean right, boolean outOfScope, String set, int question, int rank,
                           boolean asWritten) {

        /** Whether the example holds the threshold: asked of the sites as written, of a set never tuned on. */
        boolean judged() {
            return asWritten && AnswerModelTraining.judged(set);
        }
    }

    /** How many questions of each kind the sets hold (answered from content or not). */
    private record Questions(int answerable, int outOfScope) {
    }

    private AnswerModelTraining() {
    }

    public static void main(String[] args) throws IOException {
        TRIBUO.setLevel(Level.WARNING);
        long start = System.nanoTime();
        Path out = Path.of(args[0]);
        String inputs = inputsDigest();
        if (inputs.equals(learnedFrom(out))) {
            System.out.println("Answer model up to date (learned from these same inputs): " + out);
            return;
        }
        // each rank in a guide of its own, in parallel: asking the sets' questions is most of the time
        // and the best candidates' on the sites as first published
        List<Taken> taken = IntStream.rangeClosed(0, CANDIDATES).parallel()
                .mapToObj(run -> run < CANDIDATES ? answersTaking(run, true) : answersTaking(0, false)).toList();
        List<Example> examples = taken.stream().flatMap(each -> each.examples().stream()).toList();
        Map<String, Questions> questions = taken.get(0).questions();
        Questions judged = questions.entrySet().stream().filter(set -> judged(set.getKey()))
                .map(Map.Entry::getValue).reduce(new Questions(0, 0),
                        (a, b) -> new Questions(a.answerable() + b.answerable(), a.outOfScope() + b.outOfScope()));

        double[] outOfFold = outOfFold(examples);
        List<Integer> answered = likeliestOfEachQuestion(examples, outOfFold);
        Model<Label> model = train(examples);
        Files.createDirectories(out);
        model.serializeToFile(tribuoModel());
        try (DataOutputStream forest = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(out.resolve("answer-model.forest"))))) {
            AnswerForest.of(model).writeTo(forest);
        }
        Properties properties = new Properties();
        properties.setProperty(LearnedConfidence.CANDIDATES, Integer.toString(CANDIDATES));
        System.out.printf(Locale.ROOT, "Answer model: %s, %d answers from content (%d on the sites as first published;"
                        + " %d right, %d of them the best candidate's); learned in %d ms%n", questions, examples.size(),
                examples.stream().filter(e -> !e.asWritten()).count(), examples.stream().filter(Example::right).count(),
                examples.stream().filter(e -> e.right() && e.rank() == 0).count(), (System.nanoTime() - start) / 1_000_000);
        for (int weighed = 1; weighed <= CANDIDATES; weighed++) {
            int first = weighed;
            System.out.printf(Locale.ROOT, "  of the sets never tuned on, answerable questions with a right answer among"
                    + " the first %d candidates: %d of %d%n", weighed, rightSomewhere(examples, e -> e.rank() < first),
                    judged.answerable());
        }
        for (double aim : AIMS) {
            double threshold = threshold(examples, answered, outOfFold, judged, aim);
            properties.setProperty(LearnedConfidence.thresholdKey(aim), String.format(Locale.ROOT, "%.4f", threshold));
            System.out.printf(Locale.ROOT, "  wrong-answer aim %.0f %%: threshold %.3f; out of fold, of the"
                    + " sets never tuned on: %.1f %% right, %.1f %% wrong, %.1f %% of the out-of-scope answered%n",
                    100 * aim, threshold,
                    100.0 * given(examples, answered, outOfFold, threshold, Example::right) / judged.answerable(),
                    100.0 * given(examples, answered, outOfFold, threshold, e -> !e.right() && !e.outOfScope())
                            / judged.answerable(),
                    100.0 * given(examples, answered, outOfFold, threshold, Example::outOfScope) / judged.outOfScope());
        }
        properties.setProperty(INPUTS, inputs);
        try (OutputStream file = Files.newOutputStream(out.resolve("answer-model.properties"))) {
            properties.store(file, "thresholds per wrong-answer aim, learned by AnswerModelTraining from " + SETS);
        }
    }

    /** The digest of the inputs the model in {@code out} was learned from, or "" if there is none. */
    private static String learnedFrom(Path out) throws IOException {
        Path properties = out.resolve("answer-model.properties");
        if (!Files.exists(properties) || !Files.exists(out.resolve("answer-model.forest"))
                || !Files.exists(tribuoModel())) {
            return "";
        }
        Properties learned = new Properties();
        try (InputStream in = Files.newInputStream(properties)) {
            learned.load(in);
        }
        return learned.getProperty(INPUTS, "");
    }

    /**
     * A digest of everything the model learns from, so that a build whose inputs did not change does not learn it
     * again (6 minutes): the sample sites' content, the guide's compiled classes and resources (the model's own
     * files aside), the question sets and the test classes that ask them, the build files (library versions) and the
     * embedders' files (by name and size). Run from the repository's root.
     */
    private static String inputsDigest() throws IOException {
        Path testClasses = testClasses();
        Path classes = testClasses.resolveSibling("classes");
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Path root : List.of(Path.of("content/sites"), classes, testClasses.resolve("dialogue"),
                testClasses.resolve("org/heritageguide/dialogue"), Path.of("pom.xml"), Path.of("guide-server/pom.xml"))) {
            for (Path file : files(root)) {
                if (!file.getFileName().toString().startsWith("answer-model.")) {
                    digest.update(root.toAbsolutePath().relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(file));
                }
            }
        }
        Path models = Path.of("models/target/models").toAbsolutePath();
        for (Path file : files(models)) {
            digest.update((models.relativize(file) + " " + Files.size(file)).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Where {@link #TRIBUO_MODEL} is written: with the test classes. */
    private static Path tribuoModel() {
        return testClasses().resolve(TRIBUO_MODEL.substring(1));
    }

    /** The folder of the test classes (this class's). */
    private static Path testClasses() {
        try {
            return Path.of(AnswerModelTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(Path::toAbsolutePath).sorted().toList();
        }
    }

    /** The answers from the candidates at one rank, and how many questions of each kind each set holds. */
    private record Taken(List<Example> examples, Map<String, Questions> questions) {
    }

    /**
     * Every question of the sets asked of a guide answering from the candidate at {@code rank} where it can, on the
     * sample sites as written or {@link #asFirstPublished}. Those answers only teach: a question whose right answer
     * names no fact it must hold ({@code says}) would count an answer from its exhibit right whatever the exhibit
     * now says, so it is left out.
     */
    private static Taken answersTaking(int rank, boolean asWritten) {
        DialogueEvaluation evaluation = new DialogueEvaluation(taking(rank),
                asWritten ? UnaryOperator.identity() : AnswerModelTraining::asFirstPublished);
        List<Example> examples = new ArrayList<>();
        Map<String, Questions> questions = new LinkedHashMap<>();
        int question = 0;
        for (String set : SETS.keySet()) {
            int answerable = 0;
            int outOfScope = 0;
            for (DialogueEvaluation.Outcome outcome : evaluation.runAll(SETS.get(set))) {
                if (outcome.expectsDecline()) {
                    outOfScope++;
                } else {
                    answerable++;
                }
                Evidence evidence = outcome.reply().evidence();
                boolean judgedAsAsked = asWritten || outcome.expectsDecline() || outcome.says() != null;
                if (judgedAsAsked && outcome.reply().decidedBy().equals("content-answers")
                        && evidence.content().rank() == rank) {
                    examples.add(new Example(AnswerFeatures.of(evidence), outcome.correct(), outcome.expectsDecline(),
                            set, question, rank, asWritten));
                }
                question++;
            }
            questions.put(set, new Questions(answerable, outOfScope));
        }
        return new Taken(examples, questions);
    }

    /**
     * A site as its curators first publish it: every exhibit with its title, other names and summary, and none of
     * its passages or facts yet (the studio's new exhibit), which the sample sites have none of.
     */
    static Site asFirstPublished(Site site) {
        Map<String, Exhibit> exhibits = new LinkedHashMap<>();
        site.exhibits().forEach((id, exhibit) -> exhibits.put(id, new Exhibit(exhibit.id(), exhibit.status(),
                exhibit.area(), exhibit.order(), exhibit.related(), exhibit.title(), exhibit.aliases(), exhibit.summary(),
                List.of(), List.of(), exhibit.location(), exhibit.pictures())));
        return site.toBuilder().exhibits(exhibits).build();
    }

    /**
     * The guide made to answer from the candidate at {@code rank} wherever it can (nothing speaks against it), and
     * from the best candidate elsewhere: what it would say from each candidate, to learn from.
     */
    static AnswerConfidence taking(int rank) {
        return new AnswerConfidence() {
            @Override
            public double of(Evidence evidence) {
                return evidence.content().rank() == rank ? 1 : 0;
            }

            @Override
            public double threshold() {
                return 0;
            }

            @Override
            public int candidates() {
                return CANDIDATES;
            }
        };
    }

    /** Whether a set holds the threshold: every set but the one the ranking was tuned on. */
    private static boolean judged(String set) {
        return !set.equals(DialogueEvaluation.EVALUATION_SET);
    }

    /** How many answerable questions of the sets never tuned on have a right answer among some of their candidates. */
    private static long rightSomewhere(List<Example> examples, Predicate<Example> among) {
        return examples.stream().filter(e -> e.judged() && e.right() && !e.outOfScope() && among.test(e))
                .map(Example::question).distinct().count();
    }

    /**
     * For each question of the sets never tuned on, the example the guide answers from: its candidate with the
     * highest likelihood, the better ranked one of two alike (as {@code Guide} chooses).
     */
    private static List<Integer> likeliestOfEachQuestion(List<Example> examples, double[] likelihoods) {
        Map<Integer, Integer> likeliest = new TreeMap<>();
        for (int i = 0; i < examples.size(); i++) {
            Example example = examples.get(i);
            if (!example.judged()) {
                continue;
            }
            Integer held = likeliest.get(example.question());
            if (held == null || likelihoods[i] > likelihoods[held]
                    || likelihoods[i] == likelihoods[held] && example.rank() < examples.get(held).rank()) {
                likeliest.put(example.question(), i);
            }
        }
        return List.copyOf(likeliest.values());
    }

    /** How many of the answers given, of a kind, are given at a threshold. */
    private static long given(List<Example> examples, List<Integer> answered, double[] likelihoods, double threshold,
                              Predicate<Example> kind) {
        return answered.stream().filter(i -> kind.test(examples.get(i)) && likelihoods[i] >= threshold).count();
    }

    /**
     * Each example's likelihood as learned without its set: the sets never tuned on are held out in {@value #FOLDS}
     * folds (every {@value #FOLDS}th set in name order together), the set tuned on never.
     */
    private static double[] outOfFold(List<Example> examples) {
        double[] outOfFold = new double[examples.size()];
        List<String> heldOutSets = SETS.keySet().stream().filter(AnswerModelTraining::judged).toList();
        IntStream.range(0, FOLDS).parallel().forEach(fold -> {
            Set<String> heldOut = IntStream.range(0, heldOutSets.size()).filter(i -> i % FOLDS == fold)
                    .mapToObj(heldOutSets::get).collect(Collectors.toSet());
            LearnedConfidence model = new LearnedConfidence(AnswerForest.of(train(examples.stream()
                    .filter(example -> !heldOut.contains(example.set())).toList())), 0, CANDIDATES);
            for (int i = 0; i < examples.size(); i++) {
                if (heldOut.contains(examples.get(i).set())) {
                    outOfFold[i] = model.likelihood(examples.get(i).features());
                }
            }
        });
        return outOfFold;
    }

    /**
     * The lowest out-of-fold likelihood from which, over the sets never tuned on taken together, at most
     * {@code aim} of the answerable questions are answered wrong and at most {@code aim} of the out-of-scope
     * ones are answered: the set tuned on would allow a likelihood that new wordings do not bear out, and one
     * set alone holds too few out-of-scope questions (70: three answered more or less is 4 %) to decide it.
     */
    private static double threshold(List<Example> examples, List<Integer> answered, double[] likelihoods,
                                    Questions questions, double aim) {
        Integer[] byLikelihood = answered.stream()
                .sorted((a, b) -> Double.compare(likelihoods[b], likelihoods[a])).toArray(Integer[]::new);
        double threshold = 1;
        int wrong = 0;
        int outOfScope = 0;
        for (int n = 0; n < byLikelihood.length; n++) {
            Example example = examples.get(byLikelihood[n]);
            outOfScope += example.outOfScope() ? 1 : 0;
            wrong += !example.right() && !example.outOfScope() ? 1 : 0;
            boolean lastOfItsValue = n + 1 == byLikelihood.length
                    || likelihoods[byLikelihood[n + 1]] < likelihoods[byLikelihood[n]];
            if (lastOfItsValue && wrong <= aim * questions.answerable() && outOfScope <= aim * questions.outOfScope()) {
                threshold = likelihoods[byLikelihood[n]];
            }
        }
        return threshold;
    }

    /**
     * A right answer's features with those of {@link #ONLY_HELPS} raised at random towards 1: had the question said
     * more of its text's words, or come closer to it in meaning, the answer would be as right.
     */
    private static double[] withMoreOfWhatOnlyHelps(double[] features, Random random) {
        double[] more = features.clone();
        for (int feature : ONLY_HELPS) {
            if (feature == DENSE && features[WITH_DENSE] == 0) {
                continue; // a language no embedder reads has no closeness in meaning to raise
            }
            more[feature] += random.nextDouble() * (1 - more[feature]);
        }
        return more;
    }

    private static Model<Label> train(List<Example> examples) {
        LabelFactory labels = new LabelFactory();
        List<org.tribuo.Example<Label>> rows = new ArrayList<>();
        String[] names = AnswerFeatures.NAMES.toArray(String[]::new);
        Random random = new Random(SEED);
        for (Example example : examples) {
            Label label = new Label(example.right() ? LearnedConfidence.RIGHT : LearnedConfidence.WRONG);
            rows.add(new ArrayExample<>(label, names, example.features()));
            if (example.right()) {
                rows.add(new ArrayExample<>(label, names, withMoreOfWhatOnlyHelps(example.features(), random)));
            }
        }
        MutableDataset<Label> dataset = new MutableDataset<>(new ListDataSource<>(rows, labels,
                new SimpleDataSourceProvenance("dialogue question sets", labels)));
        CARTClassificationTrainer tree = new CARTClassificationTrainer(Integer.MAX_VALUE, MIN_CHILD_WEIGHT, 0f,
                FEATURES_PER_SPLIT, false, new GiniIndex(), SEED);
        return new RandomForestTrainer<>(tree, new FullyWeightedVotingCombiner(), TREES, SEED).train(dataset);
    }
}

package org.heritageguide.dialogue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;

import org.heritageguide.dialogue.decision.AnswerConfidence;
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
 * Learns when the best content is sure enough to answer from ({@link LearnedConfidence}), from what the
 * guide would answer to every question of the sets that are no longer evidence ({@link #SETS}: the evaluation
 * set, the first held-out set and the first to twelfth fresh sets, each measured after a change it judged) if it
 * answered from any content at all: each such answer, right or wrong (an out-of-scope question answered is
 * wrong), is one example of {@link AnswerFeatures}. A random forest of {@value #TREES} CART trees (Tribuo, seeded:
 * the same sets give the same model): the evidence works together (a FAQ asked alike is sure with little
 * coverage, a pointing question with its exhibit's text is sure with less), which one weight per feature could
 * not say. Its threshold is the lowest likelihood at which a wrong-answer aim holds over the sets never tuned on,
 * each set's likelihoods learned without it (as a set written tomorrow will be met): at most that share of their
 * answerable questions answered wrong, and of their out-of-scope questions answered. One threshold per aim in
 * {@link #AIMS}; the operator chooses the aim. The fresh sets written after these
 * ({@link DialogueEvaluation#THIRTEENTH_FRESH_SET} and on) are never used here.
 *
 * <p>Run by Maven before the tests (exec plugin, phase {@code process-test-classes}), from the repository's
 * root; writes {@code answer-model.tribuo} and {@code answer-model.properties} into the directory given.
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
            Map.entry("fresh12", DialogueEvaluation.TWELFTH_FRESH_SET)));
    private static final long SEED = 20261206L;
    /** Tribuo's bagging says "Building model n" for every tree: kept quiet (a strong reference: the JDK keeps weak ones). */
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");
    /** Fifty trees answered about one question in a hundred fewer right at the same wrong-answer aim. */
    private static final int TREES = 100;
    /** No leaf learned from fewer than ten answers: a likelihood from three is noise. */
    private static final float MIN_CHILD_WEIGHT = 10;
    /** The share of the features each split chooses from (7 of 24): what makes a forest's trees differ. */
    private static final float FEATURES_PER_SPLIT = 0.3f;

    private record Example(double[] features, boolean right, boolean outOfScope, String set) {

        boolean judged() {
            return AnswerModelTraining.judged(set);
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
        DialogueEvaluation evaluation = new DialogueEvaluation(AnswerConfidence.ALWAYS);
        List<Example> examples = new ArrayList<>();
        Map<String, Questions> questions = new LinkedHashMap<>();
        for (String set : SETS.keySet()) {
            int answerable = 0;
            int outOfScope = 0;
            for (DialogueEvaluation.Outcome outcome : evaluation.runAll(SETS.get(set))) {
                if (outcome.expectsDecline()) {
                    outOfScope++;
                } else {
                    answerable++;
                }
                if (outcome.reply().decidedBy().equals("content-answers")) {
                    examples.add(new Example(AnswerFeatures.of(outcome.reply().evidence()), outcome.correct(),
                            outcome.expectsDecline(), set));
                }
            }
            questions.put(set, new Questions(answerable, outOfScope));
        }
        long right = examples.stream().filter(Example::right).count();
        Questions judged = questions.entrySet().stream().filter(set -> judged(set.getKey()))
                .map(Map.Entry::getValue).reduce(new Questions(0, 0),
                        (a, b) -> new Questions(a.answerable() + b.answerable(), a.outOfScope() + b.outOfScope()));

        double[] outOfFold = outOfFold(examples);
        Model<Label> model = train(examples);
        Files.createDirectories(out);
        model.serializeToFile(out.resolve("answer-model.tribuo"));
        Properties properties = new Properties();
        System.out.printf(Locale.ROOT, "Answer model: %s, %d answers from content (%d right); learned in %d ms%n",
                questions, examples.size(), right, (System.nanoTime() - start) / 1_000_000);
        for (double aim : AIMS) {
            double threshold = threshold(examples, outOfFold, judged, aim);
            properties.setProperty(LearnedConfidence.thresholdKey(aim), String.format(Locale.ROOT, "%.4f", threshold));
            System.out.printf(Locale.ROOT, "  wrong-answer aim %.0f %%: threshold %.3f; out of fold, of the"
                    + " sets never tuned on: %.1f %% right, %.1f %% wrong, %.1f %% of the out-of-scope answered%n",
                    100 * aim, threshold,
                    100.0 * given(examples, outOfFold, threshold, Example::right) / judged.answerable(),
                    100.0 * given(examples, outOfFold, threshold, e -> !e.right() && !e.outOfScope()) / judged.answerable(),
                    100.0 * given(examples, outOfFold, threshold, Example::outOfScope) / judged.outOfScope());
        }
        try (OutputStream file = Files.newOutputStream(out.resolve("answer-model.properties"))) {
            properties.store(file, "thresholds per wrong-answer aim, learned by AnswerModelTraining from " + SETS);
        }
    }

    /** Whether a set holds the threshold: every set but the one the ranking was tuned on. */
    private static boolean judged(String set) {
        return !set.equals(DialogueEvaluation.EVALUATION_SET);
    }

    /** How many answers of the sets never tuned on, of a kind, are given at a threshold. */
    private static long given(List<Example> examples, double[] outOfFold, double threshold, Predicate<Example> kind) {
        return IntStream.range(0, examples.size())
                .filter(i -> examples.get(i).judged() && kind.test(examples.get(i)) && outOfFold[i] >= threshold)
                .count();
    }

    /** Each example's likelihood as learned from the other sets (those of the set tuned on are never held out). */
    private static double[] outOfFold(List<Example> examples) {
        double[] outOfFold = new double[examples.size()];
        for (String heldOut : SETS.keySet()) {
            if (!judged(heldOut)) {
                continue;
            }
            LearnedConfidence model = new LearnedConfidence(train(examples.stream()
                    .filter(example -> !example.set().equals(heldOut)).toList()), 0);
            for (int i = 0; i < examples.size(); i++) {
                if (examples.get(i).set().equals(heldOut)) {
                    outOfFold[i] = model.likelihood(examples.get(i).features());
                }
            }
        }
        return outOfFold;
    }

    /**
     * The lowest out-of-fold likelihood from which, over the sets never tuned on taken together, at most
     * {@code aim} of the answerable questions are answered wrong and at most {@code aim} of the out-of-scope
     * ones are answered: the set tuned on would allow a likelihood that new wordings do not bear out, and one
     * set alone holds too few out-of-scope questions (70: three answered more or less is 4 %) to decide it.
     */
    private static double threshold(List<Example> examples, double[] likelihoods, Questions questions, double aim) {
        Integer[] byLikelihood = IntStream.range(0, examples.size()).filter(i -> examples.get(i).judged()).boxed()
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

    private static Model<Label> train(List<Example> examples) {
        LabelFactory labels = new LabelFactory();
        List<org.tribuo.Example<Label>> rows = new ArrayList<>();
        String[] names = AnswerFeatures.NAMES.toArray(String[]::new);
        for (Example example : examples) {
            rows.add(new ArrayExample<>(new Label(example.right() ? LearnedConfidence.RIGHT : LearnedConfidence.WRONG),
                    names, example.features()));
        }
        MutableDataset<Label> dataset = new MutableDataset<>(new ListDataSource<>(rows, labels,
                new SimpleDataSourceProvenance("dialogue question sets", labels)));
        CARTClassificationTrainer tree = new CARTClassificationTrainer(Integer.MAX_VALUE, MIN_CHILD_WEIGHT, 0f,
                FEATURES_PER_SPLIT, false, new GiniIndex(), SEED);
        return new RandomForestTrainer<>(tree, new FullyWeightedVotingCombiner(), TREES, SEED).train(dataset);
    }
}

package org.heritageguide.dialogue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.heritageguide.knowledge.TextEmbedders;

/**
 * {@code scripts/bench dialogue}: the evaluation set's figures per language, the questions it got wrong,
 * and the server-side time of a turn against a bare Lucene query on the same index.
 */
public final class DialogueBenchmark {

    /** A fresh set: its name, its files, and what it has been used for (printed beside its figures). */
    private record FreshSet(String name, List<String> files, String history) {
    }

    private static final List<FreshSet> FRESH_SETS = List.of(
            new FreshSet("first", DialogueEvaluation.FRESH_SET, "measured after every change of the first session"),
            new FreshSet("second", DialogueEvaluation.SECOND_FRESH_SET,
                    "measured before and after the second session's change, now learned from"),
            new FreshSet("third", DialogueEvaluation.THIRD_FRESH_SET,
                    "written before the third session's changes, measured after each, now learned from"),
            new FreshSet("fourth", DialogueEvaluation.FOURTH_FRESH_SET,
                    "written after the third session's changes, measured before and after the fourth's, now learned from"),
            new FreshSet("fifth", DialogueEvaluation.FIFTH_FRESH_SET,
                    "written before the fourth session's change, measured after it and the fifth's, now learned from"),
            new FreshSet("sixth", DialogueEvaluation.SIXTH_FRESH_SET,
                    "written before the fifth session's changes, measured before and after each, now learned from"),
            new FreshSet("seventh", DialogueEvaluation.SEVENTH_FRESH_SET,
                    "written before the fifth session's second change, measured before and after it, now learned from"),
            new FreshSet("eighth", DialogueEvaluation.EIGHTH_FRESH_SET,
                    "written after the fifth session's changes, measured before and after the sixth's, now learned from"),
            new FreshSet("ninth", DialogueEvaluation.NINTH_FRESH_SET,
                    "written before the sixth session's change, measured before and after it, now learned from"),
            new FreshSet("tenth", DialogueEvaluation.TENTH_FRESH_SET,
                    "written after the sixth session's first change, measured before and after its second, now learned from"),
            new FreshSet("eleventh", DialogueEvaluation.ELEVENTH_FRESH_SET,
                    "written after the sixth session's changes, measured before and after the seventh's first, now learned from"),
            new FreshSet("twelfth", DialogueEvaluation.TWELFTH_FRESH_SET,
                    "written at the start of the seventh session, before its changes, measured before and after its first, now learned from"),
            new FreshSet("thirteenth", DialogueEvaluation.THIRTEENTH_FRESH_SET,
                    "written after the seventh session's first change, measured for a change not kept and before and after the eighth session's answer forest, now learned from"),
            new FreshSet("fourteenth", DialogueEvaluation.FOURTEENTH_FRESH_SET,
                    "written at the end of the seventh session, measured before and after the eighth session's answer forest, now learned from"),
            new FreshSet("fifteenth", DialogueEvaluation.FIFTEENTH_FRESH_SET,
                    "written after the eighth session's answer forest, measured before and after it, now learned from"),
            new FreshSet("sixteenth", DialogueEvaluation.SIXTEENTH_FRESH_SET,
                    "written at the end of the eighth session, measured before and after the ninth session's first change, now learned from"),
            new FreshSet("seventeenth", DialogueEvaluation.SEVENTEENTH_FRESH_SET,
                    "written during the ninth session's first change, measured before and after it, now learned from"),
            new FreshSet("eighteenth", DialogueEvaluation.EIGHTEENTH_FRESH_SET,
                    "written at the start of the tenth session, measured before and after its change, now learned from"),
            new FreshSet("nineteenth", DialogueEvaluation.NINETEENTH_FRESH_SET,
                    "written during the tenth session's change, measured before and after it, now learned from"),
            new FreshSet("twentieth", DialogueEvaluation.TWENTIETH_FRESH_SET,
                    "written after the tenth session's change, measured for a change not kept and before and after the twelfth session's, never tuned on"),
            new FreshSet("twenty-first", DialogueEvaluation.TWENTY_FIRST_FRESH_SET,
                    "written at the start of the twelfth session, measured before and after its changes, never tuned on"),
            new FreshSet("twenty-second", DialogueEvaluation.TWENTY_SECOND_FRESH_SET,
                    "written at the start of the thirteenth session, measured before and after its change, never tuned on"),
            new FreshSet("twenty-third", DialogueEvaluation.TWENTY_THIRD_FRESH_SET,
                    "written at the start of the fourteenth session, before its changes, never tuned on"),
            new FreshSet("twenty-fourth", DialogueEvaluation.TWENTY_FOURTH_FRESH_SET,
                    "written at the start of the fifteenth session, before its changes, never tuned on"));

    private DialogueBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        boolean lexicalOnly = List.of(args).contains("lexical");
        double aim = List.of(args).stream().filter(arg -> arg.startsWith("aim=")).findFirst()
                .map(arg -> Double.parseDouble(arg.substring("aim=".length())))
                .orElse(DialogueSettings.DEFAULT.wrongAnswerAim());
        long loadStart = System.nanoTime();
        DialogueEvaluation evaluation = lexicalOnly
                ? new DialogueEvaluation(TextEmbedders.NONE, aim)
                : new DialogueEvaluation(TextEmbedders.onnx(List.of(Path.of("models/target/models")), 1), aim);
        System.out.println((lexicalOnly ? "lexical retrieval only (no embeddings)" : "BM25 + coverage fused with embeddings")
                + ", wrong-answer aim " + aim);
        System.out.printf("engines loaded and both sites indexed in %d ms%n", (System.nanoTime() - loadStart) / 1_000_000);

        boolean dump = List.of(args).contains("dump");
        String set = List.of(args).stream().filter(arg -> arg.startsWith("set=")).findFirst()
                .map(arg -> arg.substring("set=".length())).orElse(DialogueEvaluation.HELD_OUT_SET);
        System.out.println("\nthe evaluation set (" + DialogueEvaluation.EVALUATION_SET + ", tuned on):");
        List<DialogueEvaluation.Outcome> outcomes = evaluation.run();
        report(outcomes, dump);
        System.out.println("\nheld-out questions (" + set + ", never tuned on):");
        report(evaluation.runAll(List.of(set.split(","))), dump);
        for (FreshSet fresh : FRESH_SETS) {
            System.out.println("\n" + fresh.name() + " fresh set (" + String.join(", ", fresh.files()) + ", "
                    + fresh.history() + "; figures only):");
            report(evaluation.runAll(fresh.files()), false, false);
        }

        if (rounds == 0) {
            return;
        }
        long[] engine = new long[rounds * outcomes.size()];
        long[] bare = new long[rounds * outcomes.size()];
        long[][] perQuestion = new long[outcomes.size()][rounds];
        for (int round = -3; round < rounds; round++) {
            List<DialogueEvaluation.Outcome> timed = evaluation.run();
            long[] lucene = evaluation.bareLuceneNanos();
            if (round < 0) {
                continue;
            }
            for (int i = 0; i < timed.size(); i++) {
                engine[round * timed.size() + i] = timed.get(i).nanos();
                perQuestion[i][round] = timed.get(i).nanos();
                bare[round * timed.size() + i] = lucene[i];
            }
        }
        double p50 = DialogueEvaluation.percentile(engine, 50) / 1e6;
        double p99 = DialogueEvaluation.percentile(engine, 99) / 1e6;
        double bareP50 = DialogueEvaluation.percentile(bare, 50) / 1e6;
        double bareP99 = DialogueEvaluation.percentile(bare, 99) / 1e6;
        System.out.printf("%nturn latency over %d turns (%d rounds of the set, after 3 warm-up rounds, %d cores):%n",
                engine.length, rounds, Runtime.getRuntime().availableProcessors());
        System.out.printf("  dialogue turn     p50 %6.2f ms   p99 %6.2f ms%n", p50, p99);
        System.out.printf("  bare Lucene query p50 %6.3f ms   p99 %6.3f ms   (same questions, same index)%n", bareP50, bareP99);
        System.out.printf("  ratio             p50 %6.1fx     p99 %6.1fx%n", p50 / bareP50, p99 / bareP99);

        System.out.println("\nper language (dialogue turn):");
        new TreeMap<>(IntStream.range(0, outcomes.size()).boxed()
                .collect(Collectors.groupingBy(i -> outcomes.get(i).language()))).forEach((language, questions) -> {
                    long[] times = questions.stream().flatMapToLong(i -> LongStream.of(perQuestion[i])).toArray();
                    System.out.printf("  %-3s p50 %6.2f ms   p99 %6.2f ms%n", language,
                            DialogueEvaluation.percentile(times, 50) / 1e6, DialogueEvaluation.percentile(times, 99) / 1e6);
                });
        System.out.println("slowest questions (median of the rounds):");
        IntStream.range(0, outcomes.size()).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> DialogueEvaluation.percentile(perQuestion[i], 50)).reversed())
                .limit(8)
                .forEach(i -> System.out.printf("  %6.2f ms  [%s/%s] %s%n", DialogueEvaluation.percentile(perQuestion[i], 50) / 1e6,
                        outcomes.get(i).site(), outcomes.get(i).language(), outcomes.get(i).question()));
    }

    private static void report(List<DialogueEvaluation.Outcome> outcomes, boolean dump) {
        report(outcomes, dump, true);
    }

    private static void report(List<DialogueEvaluation.Outcome> outcomes, boolean dump, boolean listMisses) {
        System.out.printf("%-5s %9s %9s %9s %9s %6s %12s%n", "lang", "questions", "right", "wrong", "declined", "OOS",
                "OOS answered");
        DialogueEvaluation.figures(outcomes).forEach((language, f) -> System.out.printf(
                "%-5s %9d %8.1f%% %8.1f%% %8.1f%% %6d %11.1f%%%n", language, f.answerable() + f.outOfScope(),
                100 * f.accuracy(), 100 * f.wrongRate(), 100 * f.declinedRate(), f.outOfScope(),
                100 * f.outOfScopeAnsweredRate()));
        System.out.println("(right / wrong / declined: shares of the answerable questions; right = first source right, with"
                + " the expected fact, in the right language; OOS answered: out-of-scope questions answered anyway)");
        System.out.println("misses by the rule that decided them (wrong answer / out-of-scope answered / declined):");
        Map<String, int[]> byRule = new TreeMap<>();
        for (DialogueEvaluation.Outcome outcome : outcomes) {
            if (outcome.correct()) {
                continue;
            }
            int kind = outcome.expectsDecline() ? 1 : outcome.declined() ? 2 : 0;
            byRule.computeIfAbsent(outcome.reply().decidedBy(), rule -> new int[3])[kind]++;
        }
        byRule.forEach((rule, counts) -> System.out.printf("  %-34s %3d / %3d / %3d%n", rule, counts[0], counts[1], counts[2]));
        if (!listMisses) {
            return;
        }
        System.out.println(dump ? "every question:" : "misses:");
        outcomes.stream().filter(o -> dump || !o.correct())
                .forEach(o -> System.out.println((o.correct() ? "  ok   " : "  MISS ") + o.describe()));
    }
}

package org.heritageguide.dialogue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import org.heritageguide.knowledge.TextEmbedders;

/**
 * {@code scripts/bench question-cost}: what one question of the longest kind a visitor may send
 * ({@link Dialogue#MAX_QUESTION_LENGTH} characters of junk) costs the server, against a normal question
 * (the evaluation set's), per language, in the same run: the figure a rate limit alone cannot bound. The
 * cost is the answering thread's CPU time, so that what else the machine runs does not decide the ratios.
 */
public final class QuestionCostBenchmark {

    private QuestionCostBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        DialogueEvaluation evaluation = new DialogueEvaluation(TextEmbedders.onnx(List.of(Path.of("models/target/models")), 1),
                DialogueSettings.DEFAULT.wrongAnswerAim());
        Map<String, List<Long>> normal = new TreeMap<>();
        for (int round = -1; round < 1; round++) { // the set once to warm up, once timed
            for (DialogueEvaluation.Outcome outcome : evaluation.run()) {
                if (round >= 0) {
                    normal.computeIfAbsent(outcome.language(), l -> new ArrayList<>()).add(outcome.cpuNanos());
                }
            }
        }
        Random random = new Random(16);
        Map<String, Function<Random, String>> junk = new TreeMap<>(Map.of(
                "en", r -> words(r, "abcdefghijklmnopqrstuvwxyz", " "),
                "fr", r -> words(r, "abcdefghijklmnopqrstuvwxyzéèàùç", " "),
                "vi", r -> words(r, "abcdeghiklmnopqrstuvxyăâđêôơưáàảãạấầẩẫậếềểễệốồổỗộớờởỡợứừửữự", " "),
                "zh", r -> characters(r, 0x4E00, 0x9FA5),
                "ko", r -> characters(r, 0xAC00, 0xD7A3)));
        System.out.printf("one question's CPU time: normal, the evaluation set's median (once through after a warm-up);"
                + " junk, the median of %d random questions after one; %d cores%n", rounds,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-4s %12s %14s %8s %16s %8s%n", "lang", "normal p50", "junk words", "ratio", "junk (no spaces)", "ratio");
        junk.forEach((language, text) -> {
            long[] times = normal.getOrDefault(language, List.of()).stream().mapToLong(Long::longValue).toArray();
            double normalMs = DialogueEvaluation.percentile(times, 50) / 1e6;
            double junkMs = median(evaluation, language, text, random, rounds);
            double unspacedMs = median(evaluation, language, r -> text.apply(r).replace(" ", ""), random, rounds);
            System.out.printf("%-4s %9.1f ms %11.1f ms %7.1fx %13.1f ms %7.1fx%n", language, normalMs, junkMs, junkMs / normalMs,
                    unspacedMs, unspacedMs / normalMs);
        });
    }

    private static double median(DialogueEvaluation evaluation, String language, Function<Random, String> text, Random random,
                                 int rounds) {
        String site = "van-mieu";
        long[] times = new long[rounds];
        evaluation.cpuNanosToAnswer(site, null, language, text.apply(random)); // warm-up
        for (int i = 0; i < rounds; i++) {
            times[i] = evaluation.cpuNanosToAnswer(site, null, language, text.apply(random));
        }
        return DialogueEvaluation.percentile(times, 50) / 1e6;
    }

    /** Random "words" of 2 to 9 letters up to the longest question. */
    private static String words(Random random, String letters, String space) {
        StringBuilder text = new StringBuilder();
        while (true) {
            StringBuilder word = new StringBuilder();
            for (int i = 2 + random.nextInt(8); i > 0; i--) {
                word.append(letters.charAt(random.nextInt(letters.length())));
            }
            if (text.length() + space.length() + word.length() > Dialogue.MAX_QUESTION_LENGTH) {
                return text.toString();
            }
            text.append(text.isEmpty() ? "" : space).append(word);
        }
    }

    private static String characters(Random random, int first, int last) {
        StringBuilder text = new StringBuilder();
        while (text.length() < Dialogue.MAX_QUESTION_LENGTH) {
            text.appendCodePoint(first + random.nextInt(last - first + 1));
        }
        return text.toString();
    }
}

package org.heritageguide.testing;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Property-based tests in a few lines: a check run on many random inputs drawn from one seed. A failing
 * input is reported with its seed and try, and {@code -Dfuzz.seed=N} replays exactly that run.
 *
 * <p>Not jqwik: from 1.10 its maintainers ask that it not be used by AI coding agents (this project is
 * partly written by one), and it is built on JUnit Platform 1.x while Spring Boot 4.1 brings Platform 6.
 */
public final class Fuzz {

    private Fuzz() {
    }

    /** Runs {@code check} on {@code tries} inputs made by {@code generator}; fails with the first input it rejects. */
    public static <T> void forAll(int tries, Function<Random, T> generator, Consumer<T> check) {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int i = 0; i < tries; i++) {
            T input = generator.apply(random);
            try {
                check.accept(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("Falsified at try " + i + " of seed " + seed + " (replay with -Dfuzz.seed=" + seed
                        + ") by input: " + describe(input) + "\n" + e.getMessage(), e);
            }
        }
    }

    /** The input with every character outside printable ASCII written as a Java escape, so that a report can be read. */
    public static String describe(Object input) {
        String text = String.valueOf(input);
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            if (c >= 0x20 && c < 0x7f) {
                out.append((char) c);
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.toString();
    }
}

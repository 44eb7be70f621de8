package org.heritageguide.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.heritageguide.serving.VisitorWork;
import org.junit.jupiter.api.Test;

class FairAnsweringTest {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** When a question began and ended ({@link System#nanoTime}), and the CPU time it took. */
    private record Answered(long began, long ended, long cpu) {
    }

    @Test
    void afterAHeavyQuestionTheNextWaitsAsLongAsItsCpuTimeWhileOrdinaryQuestionsGoOn() {
        try (FairAnswering answering = new FairAnswering(2, 0.5, (client, cpu) -> { }, new VisitorWork())) {
            Answered junk = answering.answer("junk-asker", true, () -> burn(200_000_000L)).block(Duration.ofSeconds(30));

            var nextJunk = answering.answer("junk-asker", true, () -> burn(1_000_000L)).toFuture();
            Answered ordinary = answering.answer("visitor", false, () -> burn(1_000_000L)).block(Duration.ofSeconds(30));
            Answered rested = nextJunk.join();

            // half a thread: the heavy lane rests as long as the last heavy question's CPU time
            assertThat(rested.began() - junk.ended()).isGreaterThanOrEqualTo(junk.cpu());
            assertThat(ordinary.began()).as("an ordinary question is not held by the heavy lane's rest")
                    .isLessThan(rested.began());
        }
    }

    @Test
    void theBackgroundWaitsForAQuestionBeingAnswered() throws Exception {
        VisitorWork visitors = new VisitorWork();
        try (FairAnswering answering = new FairAnswering(2, 0.5, (client, cpu) -> { }, visitors)) {
            CountDownLatch begun = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Long> answered = answering.answer("visitor", false, () -> {
                begun.countDown();
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
                return System.nanoTime();
            }).toFuture();
            assertThat(begun.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Long> backgroundBegan = new CompletableFuture<>();
            Thread background = new Thread(() -> {
                try {
                    visitors.awaitQuiet(Duration.ZERO);
                    backgroundBegan.complete(System.nanoTime());
                } catch (InterruptedException e) {
                    backgroundBegan.completeExceptionally(e);
                }
            });
            background.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (background.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(background.getState()).as("the background waiting for the question").isEqualTo(Thread.State.WAITING);

            release.countDown();

            assertThat(backgroundBegan.get(10, TimeUnit.SECONDS)).isGreaterThan(answered.get(10, TimeUnit.SECONDS));
        }
    }

    /** Spends about {@code nanos} of this thread's CPU. */
    private static Answered burn(long nanos) {
        long began = System.nanoTime();
        long cpuBefore = CPU.getCurrentThreadCpuTime();
        double sink = 0;
        while (CPU.getCurrentThreadCpuTime() - cpuBefore < nanos) {
            for (int i = 0; i < 10_000; i++) {
                sink += Math.sqrt(i + sink % 7);
            }
        }
        assertThat(sink).isPositive();
        return new Answered(began, System.nanoTime(), CPU.getCurrentThreadCpuTime() - cpuBefore);
    }
}

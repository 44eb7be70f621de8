package org.heritageguide.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Visitors' work goes straight through; waiting for quiet waits until all of it has ended, and a quiet while more. */
class VisitorWorkTest {

    private static final Duration QUIET = Duration.ofMillis(200);

    private final VisitorWork visitors = new VisitorWork();

    @Test
    void theQuietBeginsWhenTheLastOfTheVisitorsWorkEnds() throws Exception {
        CountDownLatch bothBegun = new CountDownLatch(2);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch releaseSecond = new CountDownLatch(1);
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> visitors.serve(() -> {
            bothBegun.countDown();
            await(releaseFirst);
            return System.nanoTime();
        }));
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> visitors.serve(() -> {
            bothBegun.countDown();
            await(releaseSecond);
            return System.nanoTime();
        }));
        assertThat(bothBegun.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Long> quiet = new CompletableFuture<>();
        Thread background = new Thread(() -> quiet.complete(awaitQuiet()));
        background.start();
        waitUntilWaiting(background);

        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        Thread.sleep(2 * QUIET.toMillis());
        assertThat(quiet).as("quiet while a visitor's work still runs").isNotDone();
        releaseSecond.countDown();

        long quietFor = quiet.get(10, TimeUnit.SECONDS) - second.get(10, TimeUnit.SECONDS);
        assertThat(quietFor).isGreaterThanOrEqualTo(QUIET.toNanos());
    }

    @Test
    void workThatFailedHasEnded() {
        assertThatThrownBy(() -> visitors.serve(() -> {
            throw new IllegalStateException("the visitor's work failed");
        })).isInstanceOf(IllegalStateException.class);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> visitors.awaitQuiet(QUIET));
    }

    private long awaitQuiet() {
        try {
            visitors.awaitQuiet(QUIET);
            return System.nanoTime();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntilWaiting(Thread thread) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(thread.getState()).isEqualTo(Thread.State.WAITING);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

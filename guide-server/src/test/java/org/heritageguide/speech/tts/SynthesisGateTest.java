package org.heritageguide.speech.tts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/** The gate on its own: visitors go straight through, the background waits for them to be quiet. */
class SynthesisGateTest {

    private static final Duration QUIET = Duration.ofMillis(200);

    private final SynthesisGate gate = new SynthesisGate(QUIET);

    @Test
    void aVisitorGoesThroughWhileTheBackgroundSynthesizes() throws Exception {
        CountDownLatch backgroundStarted = new CountDownLatch(1);
        CountDownLatch releaseBackground = new CountDownLatch(1);
        CompletableFuture<String> background = CompletableFuture.supplyAsync(() -> inBackground(() -> {
            backgroundStarted.countDown();
            await(releaseBackground);
            return "background";
        }));
        assertThat(backgroundStarted.await(10, TimeUnit.SECONDS)).isTrue();

        String visitor = CompletableFuture.supplyAsync(() -> gate.forVisitor(() -> "visitor")).get(10, TimeUnit.SECONDS);

        assertThat(visitor).isEqualTo("visitor");
        assertThat(background).isNotDone();
        releaseBackground.countDown();
        assertThat(background.get(10, TimeUnit.SECONDS)).isEqualTo("background");
    }

    @Test
    void theBackgroundWaitsUntilVisitorsHaveBeenQuietAWhile() throws Exception {
        CountDownLatch visitorStarted = new CountDownLatch(1);
        CountDownLatch releaseVisitor = new CountDownLatch(1);
        CompletableFuture<Long> visitorLeft = CompletableFuture.supplyAsync(() -> gate.forVisitor(() -> {
            visitorStarted.countDown();
            await(releaseVisitor);
            return System.nanoTime();
        }));
        assertThat(visitorStarted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Long> backgroundStarted = new CompletableFuture<>();
        Thread background = new Thread(() -> backgroundStarted.complete(inBackground(System::nanoTime)));
        background.start();
        waitUntilBlocked(background);

        releaseVisitor.countDown();

        long quietFor = backgroundStarted.get(10, TimeUnit.SECONDS) - visitorLeft.get(10, TimeUnit.SECONDS);
        assertThat(quietFor).isGreaterThanOrEqualTo(QUIET.toNanos());
    }

    private <T> T inBackground(Supplier<T> synthesis) {
        try {
            return gate.inBackground(synthesis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntilBlocked(Thread thread) {
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

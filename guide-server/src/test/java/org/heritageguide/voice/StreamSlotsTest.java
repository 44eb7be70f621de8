package org.heritageguide.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.heritageguide.voice.StreamSlots.Taken;
import org.junit.jupiter.api.Test;

class StreamSlotsTest {

    @Test
    void aClientHoldingNothingIsRefusedPlainlyWhenTheInstanceIsFull() {
        // issue #16: this client, holding no stream, was the case that threw instead of being told busy
        StreamSlots slots = new StreamSlots(3, 2);
        assertThat(slots.take("a")).isEqualTo(Taken.YES);
        assertThat(slots.take("b")).isEqualTo(Taken.YES);
        assertThat(slots.take("c")).isEqualTo(Taken.YES);

        assertThat(slots.take("d")).isEqualTo(Taken.INSTANCE_FULL);
        assertThat(slots.heldBy("d")).isZero();
        assertThat(slots.held()).isEqualTo(3);
    }

    @Test
    void aClientGetsItsShareAndTheOthersTheRest() {
        StreamSlots slots = new StreamSlots(4, 2);
        assertThat(slots.take("school")).isEqualTo(Taken.YES);
        assertThat(slots.take("school")).isEqualTo(Taken.YES);
        assertThat(slots.take("school")).isEqualTo(Taken.CLIENT_FULL);
        assertThat(slots.take("visitor")).isEqualTo(Taken.YES);
        assertThat(slots.take("other")).isEqualTo(Taken.YES);
        // both caps reached: the client's own share is what it is told about
        assertThat(slots.take("school")).isEqualTo(Taken.CLIENT_FULL);
        assertThat(slots.take("third")).isEqualTo(Taken.INSTANCE_FULL);
    }

    @Test
    void aStreamGivenBackIsFreeForAnyoneAndNothingIsGivenBackTwice() {
        StreamSlots slots = new StreamSlots(1, 1);
        assertThat(slots.take("a")).isEqualTo(Taken.YES);
        assertThat(slots.take("b")).isEqualTo(Taken.INSTANCE_FULL);
        slots.giveBack("a");
        assertThat(slots.held()).isZero();
        assertThat(slots.heldBy("a")).isZero();
        assertThat(slots.take("b")).isEqualTo(Taken.YES);

        assertThatThrownBy(() -> slots.giveBack("a")).isInstanceOf(IllegalStateException.class);
        assertThat(slots.held()).isEqualTo(1);
    }

    @Test
    void manyVisitorsAtOnceNeverTakeMoreThanTheCaps() throws InterruptedException {
        StreamSlots slots = new StreamSlots(16, 8);
        AtomicInteger most = new AtomicInteger();
        AtomicInteger mostOfOneClient = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            String client = "client-" + (t % 3);
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 20_000; i++) {
                    if (slots.take(client).taken()) {
                        most.accumulateAndGet(slots.held(), Math::max);
                        mostOfOneClient.accumulateAndGet(slots.heldBy(client), Math::max);
                        slots.giveBack(client);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(most.get()).isBetween(1, 16);
        assertThat(mostOfOneClient.get()).isBetween(1, 8);
        assertThat(slots.held()).isZero();
        for (int c = 0; c < 3; c++) {
            assertThat(slots.heldBy("client-" + c)).isZero();
        }
    }
}

package org.heritageguide.serving;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Whether the guide is doing something a visitor waits for: hearing their spoken question ({@code speech.asr}),
 * answering it ({@code dialogue}) or synthesizing the answer's speech ({@code speech.tts}). Work no visitor waits
 * for (the answers' audio rendered ahead of time) begins only once visitors' work has been quiet for a while, and
 * so gives way to it after the piece in hand, where a thread priority would do nothing (Linux ignores Java's).
 * When it gave way to visitors' syntheses only, the pre-rendering of an empty audio cache took 37-80 % of the CPU
 * while visitors' questions were being answered under the abuse test (docs/benchmarks.md, "The abuse test").
 * <p>
 * Visitors' work waiting for a thread is not counted, nor need it be: the threads are then busy with
 * visitors' work, which is.
 */
@Component
public class VisitorWork {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workEnded = lock.newCondition();
    private int running;
    private long lastEnded = System.nanoTime();

    /** Does {@code work} for a visitor, counted as such while it runs. */
    public <T> T serve(Supplier<T> work) {
        lock.lock();
        try {
            running++;
        } finally {
            lock.unlock();
        }
        try {
            return work.get();
        } finally {
            lock.lock();
            try {
                running--;
                lastEnded = System.nanoTime();
                workEnded.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Waits until no visitor's work has run for {@code quiet}. */
    public void awaitQuiet(Duration quiet) throws InterruptedException {
        long quietNanos = quiet.toNanos();
        lock.lock();
        try {
            while (true) {
                long quietFor = System.nanoTime() - lastEnded;
                if (running > 0) {
                    workEnded.await();
                } else if (quietFor < quietNanos) {
                    workEnded.awaitNanos(quietNanos - quietFor);
                } else {
                    return;
                }
            }
        } finally {
            lock.unlock();
        }
    }
}

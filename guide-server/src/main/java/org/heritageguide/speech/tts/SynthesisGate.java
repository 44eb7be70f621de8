package org.heritageguide.speech.tts;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Admits every synthesis: a visitor's at once, always; background work (pre-rendering) only once no
 * visitor's synthesis has run for a quiet while. A visitor thus never waits behind the background, which
 * gives way after the piece in hand, where a thread priority would do nothing (Linux ignores Java's).
 * A visitor's synthesis waiting for a pool thread is not counted, nor need it be: the pool is then busy
 * with visitors' syntheses, which are.
 */
final class SynthesisGate {

    private final long quietNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition visitorsLeft = lock.newCondition();
    private int visitors;
    private long lastVisitorLeft = System.nanoTime();

    /** @param quiet how long after a visitor's synthesis the background waits, so as not to slip in between two sentences of an answer */
    SynthesisGate(Duration quiet) {
        this.quietNanos = quiet.toNanos();
    }

    <T> T forVisitor(Supplier<T> synthesis) {
        lock.lock();
        try {
            visitors++;
        } finally {
            lock.unlock();
        }
        try {
            return synthesis.get();
        } finally {
            lock.lock();
            try {
                visitors--;
                lastVisitorLeft = System.nanoTime();
                visitorsLeft.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Waits until visitors have been quiet for a while, then synthesizes; for one background thread. */
    <T> T inBackground(Supplier<T> synthesis) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                long quietFor = System.nanoTime() - lastVisitorLeft;
                if (visitors > 0) {
                    visitorsLeft.await();
                } else if (quietFor < quietNanos) {
                    visitorsLeft.awaitNanos(quietNanos - quietFor);
                } else {
                    break;
                }
            }
        } finally {
            lock.unlock();
        }
        return synthesis.get();
    }
}

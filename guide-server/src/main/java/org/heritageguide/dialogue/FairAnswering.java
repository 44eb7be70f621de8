package org.heritageguide.dialogue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.heritageguide.serving.VisitorWork;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * The threads that answer questions (CPU work: embeddings, searches; as many as cores), shared between
 * clients so that a few cannot slow everyone else (issue #16): the next question answered is always one of
 * the client that has used the least CPU time answering lately (halving every {@code HALF_LIFE_NANOS}), and
 * heavy questions are answered on all threads but one together, so that one is always left for everyone
 * else. A question is heavy when its client has used more than {@code HEAVY_NANOS} lately, when the question
 * is costly by its look (a long one: the caller says), or when the client has another question being
 * answered: a question cannot be stopped once begun, so the last free thread goes only to one that is known
 * to be short. With one first-come queue, four clients sending the costliest questions they could kept both
 * threads of a 2-core guide and the queue in front of everyone else; judged by the client's past alone, a
 * junk asker's first questions, and the next ones each time its past had halved below the mark, took the
 * last thread for half a second of CPU while ordinary visitors waited (FairShareApiTest: their p99 22x).
 * Each question's CPU time is also told to {@code cost} (the client's turn budget, {@code limits.ClientBudgets}),
 * and a question being answered is visitors' work, which the guide's background work gives way to
 * ({@link VisitorWork}).
 * <p>
 * Heavy questions get only {@code heavyShare} of a thread: after each, no other heavy question begins until
 * the lane has rested in proportion to the CPU time it took. The thread left to everyone else is not a core
 * left to them: the heavy thread's CPU and its garbage's collections are shared by the whole machine, and
 * under the abuse test it slowed every ordinary question it ran beside (docs/benchmarks.md, "The abuse test").
 */
final class FairAnswering implements AutoCloseable {

    private static final long HALF_LIFE_NANOS = 5_000_000_000L;
    /**
     * Several ordinary questions' worth of CPU in the last seconds: a client asking costly questions, or a busy
     * school class behind one address (which is then answered one question at a time, but still first when it
     * has spent less than the others).
     */
    private static final long HEAVY_NANOS = 500_000_000L;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final int threads;
    private final double heavyShare;
    private final BiConsumer<String, Duration> cost;
    private final VisitorWork visitors;
    private final ExecutorService workers;
    // guarded by this
    private final Map<String, Client> clients = new HashMap<>();
    private int running;
    private int runningHeavy;
    private int waiting;
    /** When the heavy lane has rested enough for the next heavy question to begin ({@link System#nanoTime}). */
    private long heavyRestedAt = System.nanoTime();
    private boolean wakeUpScheduled;

    /**
     * @param heavyShare how much of a thread's time heavy questions get (0..1]
     * @param cost       told each client's CPU time of each question answered
     * @param visitors   told while questions are being answered
     */
    FairAnswering(int threads, double heavyShare, BiConsumer<String, Duration> cost, VisitorWork visitors) {
        this.threads = threads;
        this.heavyShare = heavyShare;
        this.cost = cost;
        this.visitors = visitors;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "answering-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * {@code work} done for {@code client} when its turn comes; a cancelled subscription that has not begun is dropped.
     *
     * @param costly whether the question looks costly before it is answered (it is then heavy, see the class comment)
     */
    <T> Mono<T> answer(String client, boolean costly, Callable<T> work) {
        return Mono.create(sink -> {
            Task<T> task = new Task<>(work, sink, costly);
            sink.onCancel(() -> task.cancelled = true);
            synchronized (this) {
                clients.computeIfAbsent(client, key -> new Client()).pending.add(task);
                waiting++;
                dispatch();
            }
        });
    }

    /** Questions waiting for a thread now. */
    synchronized int waiting() {
        return waiting;
    }

    /** Questions being answered now. */
    synchronized int running() {
        return running;
    }

    private synchronized void dispatch() {
        long now = System.nanoTime();
        boolean heavyResting = now - heavyRestedAt < 0;
        while (running < threads) {
            boolean heavyAllowed = runningHeavy < Math.max(1, threads - 1) && !heavyResting;
            String next = null;
            double least = Double.MAX_VALUE;
            boolean heavy = false;
            for (Map.Entry<String, Client> entry : clients.entrySet()) {
                Client candidate = entry.getValue();
                if (candidate.pending.isEmpty()) {
                    continue;
                }
                double spent = candidate.spent(now);
                boolean candidateHeavy = spent > HEAVY_NANOS || candidate.pending.peek().costly || candidate.running > 0;
                if (spent < least && (heavyAllowed || !candidateHeavy)) {
                    least = spent;
                    next = entry.getKey();
                    heavy = candidateHeavy;
                }
            }
            if (next == null) {
                if (heavyResting && waiting > 0) {
                    wakeUpWhenRested(now);
                }
                return;
            }
            Client client = clients.get(next);
            Task<?> task = client.pending.poll();
            waiting--;
            running++;
            client.running++;
            if (heavy) {
                runningHeavy++;
            }
            String name = next;
            boolean counted = heavy;
            workers.execute(() -> run(name, client, task, counted));
        }
        forgetIdleClients(now);
    }

    private void run(String name, Client client, Task<?> task, boolean heavy) {
        long cpuBefore = CPU.getCurrentThreadCpuTime();
        try {
            visitors.serve(() -> {
                task.run();
                return null;
            });
        } finally {
            long cpu = CPU.getCurrentThreadCpuTime() - cpuBefore;
            cost.accept(name, Duration.ofNanos(cpu));
            synchronized (this) {
                long now = System.nanoTime();
                client.add(cpu, now);
                running--;
                client.running--;
                if (heavy) {
                    runningHeavy--;
                    heavyRestedAt = Math.max(heavyRestedAt, now + (long) (cpu * (1 - heavyShare) / heavyShare));
                }
                dispatch();
            }
        }
    }

    /** Dispatches again once the heavy lane has rested, for the heavy questions left waiting meanwhile. */
    private void wakeUpWhenRested(long now) {
        if (!wakeUpScheduled) {
            wakeUpScheduled = true;
            CompletableFuture.delayedExecutor(heavyRestedAt - now, TimeUnit.NANOSECONDS).execute(() -> {
                synchronized (this) {
                    wakeUpScheduled = false;
                    dispatch();
                }
            });
        }
    }

    /** Past a thousand clients remembered, those with nothing waiting and next to nothing spent are forgotten. */
    private void forgetIdleClients(long now) {
        if (clients.size() > 1000) {
            for (Iterator<Client> it = clients.values().iterator(); it.hasNext(); ) {
                Client client = it.next();
                if (client.pending.isEmpty() && client.running == 0 && client.spent(now) < 1_000_000) {
                    it.remove();
                }
            }
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** A client's questions waiting, and the CPU time answering it lately. */
    private static final class Client {
        final ArrayDeque<Task<?>> pending = new ArrayDeque<>();
        /** Its questions being answered now. */
        int running;
        private double spent;
        private long at = System.nanoTime();

        double spent(long now) {
            return spent * Math.pow(0.5, (double) (now - at) / HALF_LIFE_NANOS);
        }

        void add(long nanos, long now) {
            spent = spent(now) + nanos;
            at = now;
        }
    }

    private static final class Task<T> {
        private final Callable<T> work;
        private final MonoSink<T> sink;
        final boolean costly;
        volatile boolean cancelled;

        Task(Callable<T> work, MonoSink<T> sink, boolean costly) {
            this.work = work;
            this.sink = sink;
            this.costly = costly;
        }

        void run() {
            if (cancelled) {
                return;
            }
            try {
                sink.success(work.call());
            } catch (Exception | Error e) {
                sink.error(e);
            }
        }
    }
}

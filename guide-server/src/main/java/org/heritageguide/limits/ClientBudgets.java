package org.heritageguide.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.heritageguide.web.ApiException;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every client's budgets on this instance (Bucket4j, in memory). A client over a budget is refused
 * with 429 {@code too-many-requests} and told when to try again; each refusal is counted in
 * {@code guide.limits.rejected{budget}}.
 */
@Component
public class ClientBudgets {

    /** What a client spends. */
    public enum Kind {
        SESSIONS("sessions"), TURNS("turns"), VOICE_SOCKETS("voice-sockets");

        final String metricName;

        Kind(String metricName) {
            this.metricName = metricName;
        }
    }

    /** Clients remembered at most; past this, those whose budgets are full again are forgotten. */
    private static final int REMEMBERED = 50_000;
    /** The CPU time of answering that counts as one more turn (see {@link #chargeAnswering}). */
    private static final Duration TURN_CPU = Duration.ofMillis(100);
    /** What a spoken question in which nothing was heard costs, in turns (see {@link #chargeHeardNothing}). */
    private static final long HEARD_NOTHING_TURNS = 20;

    private final LimitSettings settings;
    private final MeterRegistry meters;
    private final Map<Kind, Map<String, Bucket>> buckets = new ConcurrentHashMap<>();

    public ClientBudgets(LimitSettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.meters = meters;
        for (Kind kind : Kind.values()) {
            buckets.put(kind, new ConcurrentHashMap<>());
            meters.counter("guide.limits.rejected", "budget", kind.metricName); // shown at 0 before the first refusal
        }
    }

    /** Spends one of {@code client}'s {@code kind}, or throws 429 {@code too-many-requests}. */
    public void spend(Kind kind, String client) {
        Duration wait = tryToSpend(kind, client);
        if (!wait.isZero()) {
            throw ApiException.tooManyRequests("Too many requests from your network; please wait "
                    + ApiException.wholeSeconds(wait) + " s and try again.", wait);
        }
    }

    /** Spends one of {@code client}'s {@code kind}: zero when it could, else how long until it can. */
    public Duration tryToSpend(Kind kind, String client) {
        Map<String, Bucket> clients = buckets.get(kind);
        int burst = burst(kind);
        if (clients.size() > REMEMBERED) {
            clients.values().removeIf(bucket -> bucket.getAvailableTokens() >= burst);
        }
        ConsumptionProbe probe = bucket(kind, client).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Duration.ZERO;
        }
        meters.counter("guide.limits.rejected", "budget", kind.metricName).increment();
        return Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /**
     * Charges a question's cost past an ordinary one's: one more turn for each {@code TURN_CPU} of CPU time its
     * answer took beyond the first (an ordinary question takes a few to a hundred milliseconds, the longest
     * junk half a second and more), so that a client sending costly questions is told to wait sooner.
     */
    public void chargeAnswering(String client, Duration cpu) {
        long more = cpu.toNanos() / TURN_CPU.toNanos();
        if (more > 0) {
            bucket(Kind.TURNS, client).consumeIgnoringRateLimits(more);
        }
    }

    /**
     * Charges a spoken question in which nothing was heard: it held a voice stream and its recognizer for
     * several seconds for nothing, as a client squatting streams does question after question.
     */
    public void chargeHeardNothing(String client) {
        bucket(Kind.TURNS, client).consumeIgnoringRateLimits(HEARD_NOTHING_TURNS);
    }

    private Bucket bucket(Kind kind, String client) {
        return buckets.get(kind).computeIfAbsent(client, any -> newBucket(burst(kind), perMinute(kind)));
    }

    private int burst(Kind kind) {
        return switch (kind) {
            case SESSIONS -> settings.sessionsBurst();
            case TURNS -> settings.turnsBurst();
            case VOICE_SOCKETS -> settings.voiceSocketsBurst();
        };
    }

    private int perMinute(Kind kind) {
        return switch (kind) {
            case SESSIONS -> settings.sessionsPerMinute();
            case TURNS -> settings.turnsPerMinute();
            case VOICE_SOCKETS -> settings.voiceSocketsPerMinute();
        };
    }

    private static Bucket newBucket(int burst, int perMinute) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }
}

package org.heritageguide.voice;

import java.util.HashMap;
import java.util.Map;

/**
 * The instance's voice streams: at most {@code max} questions under way at once, at most
 * {@code perClient} of them from one client address. Both counts change together under one lock, so
 * they always agree: a stream is either taken against both or against neither, and a client holding
 * none (nothing in the map) is refused for the instance's cap as plainly as a client at its own share.
 * Plain Java, no framework: {@code StreamSlotsTest}.
 */
final class StreamSlots {

    /** Whether a stream was taken, and if not, which cap refused it. */
    enum Taken {
        YES, INSTANCE_FULL, CLIENT_FULL;

        boolean taken() {
            return this == YES;
        }
    }

    private final int max;
    private final int perClient;
    // guarded by this
    private int held;
    private final Map<String, Integer> heldByClient = new HashMap<>();

    StreamSlots(int max, int perClient) {
        if (max < 1 || perClient < 1) {
            throw new IllegalArgumentException("stream caps must be at least 1: " + max + ", " + perClient);
        }
        this.max = max;
        this.perClient = perClient;
    }

    /** Takes a stream for a question of {@code client}'s, unless every stream or the client's share is taken. */
    synchronized Taken take(String client) {
        int ofClient = heldByClient.getOrDefault(client, 0);
        if (ofClient >= perClient) {
            return Taken.CLIENT_FULL;
        }
        if (held >= max) {
            return Taken.INSTANCE_FULL;
        }
        held++;
        heldByClient.put(client, ofClient + 1);
        return Taken.YES;
    }

    /** Gives back a stream {@link #take} gave {@code client}; one it did not give is an error. */
    synchronized void giveBack(String client) {
        int ofClient = heldByClient.getOrDefault(client, 0);
        if (ofClient == 0) {
            throw new IllegalStateException("no voice stream is held by " + client);
        }
        if (ofClient == 1) {
            heldByClient.remove(client);
        } else {
            heldByClient.put(client, ofClient - 1);
        }
        held--;
    }

    /** Streams taken now (the {@code guide.voice.streams} gauge). */
    synchronized int held() {
        return held;
    }

    /** Streams {@code client} holds now. */
    synchronized int heldBy(String client) {
        return heldByClient.getOrDefault(client, 0);
    }

    int max() {
        return max;
    }
}

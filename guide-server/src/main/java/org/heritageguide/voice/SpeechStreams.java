package org.heritageguide.voice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The instance's speech streams as the voice connections take them ({@link StreamSlots}), counted for the
 * operators: the streams held now ({@code guide.voice.streams}), and the questions refused as busy by the cap
 * that refused them ({@code guide.voice.refused}: {@code instance}, every stream taken, or {@code client}, its share).
 */
final class SpeechStreams {

    private final StreamSlots slots;
    private final Counter refusedInstanceFull;
    private final Counter refusedClientFull;

    SpeechStreams(VoiceSettings settings, MeterRegistry meters) {
        this.slots = new StreamSlots(settings.maxStreams(), settings.maxStreamsPerClient());
        this.refusedInstanceFull = refusedCounter(meters, "instance");
        this.refusedClientFull = refusedCounter(meters, "client");
        Gauge.builder("guide.voice.streams", slots, StreamSlots::held).description("visitors talking now").register(meters);
    }

    /** Takes a stream for a question of {@code client}'s; false when all are taken, or the client's share. */
    boolean take(String client) {
        StreamSlots.Taken taken = slots.take(client);
        switch (taken) {
            case INSTANCE_FULL -> refusedInstanceFull.increment();
            case CLIENT_FULL -> refusedClientFull.increment();
            case YES -> { }
        }
        return taken.taken();
    }

    void giveBack(String client) {
        slots.giveBack(client);
    }

    private static Counter refusedCounter(MeterRegistry meters, String cap) {
        return Counter.builder("guide.voice.refused").tag("cap", cap)
                .description("voice questions refused as busy, by the cap reached: every stream of the instance, or the client's share")
                .register(meters);
    }
}

package org.heritageguide.voice;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** How long after the end of the visitor's speech the guide sent the transcript, the answer and its first audio ({@code guide.voice.latency}). */
record VoiceLatency(Timer toTranscript, Timer toAnswer, Timer toFirstAudio) {

    VoiceLatency(MeterRegistry meters) {
        this(latency(meters, "transcript"), latency(meters, "answer"), latency(meters, "first-audio"));
    }

    private static Timer latency(MeterRegistry meters, String stage) {
        return Timer.builder("guide.voice.latency").tag("until", stage)
                .description("from the end of the visitor's speech until the guide sent this")
                .publishPercentiles(0.5, 0.95).register(meters);
    }
}

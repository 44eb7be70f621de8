package org.heritageguide.speech.asr;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.heritageguide.GuideProperties;
import org.heritageguide.serving.VisitorWork;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Vosk on the shipped models (run from the repository root), without the rest of the server. */
public final class ShippedVosk {

    private ShippedVosk() {
    }

    /** As the guide runs it (its default settings, speech gate and all), for benches outside this package. */
    public static SpeechRecognizer asRun() {
        return recognizer(Map.of(), new VisitorWork());
    }

    /** Without the speech gate: a test or bench adds it where it wants it. */
    static VoskSpeechRecognizer ungated() {
        return ungated(new VisitorWork());
    }

    /** Without the speech gate, its recognition counted as visitors' work in {@code visitors}. */
    static VoskSpeechRecognizer ungated(VisitorWork visitors) {
        return recognizer(Map.of("guide.voice.asr.speech-gate", "false"), visitors);
    }

    private static VoskSpeechRecognizer recognizer(Map<String, String> settings, VisitorWork visitors) {
        GuideProperties guide = new GuideProperties(Path.of("content"), Path.of("data"), Path.of("models/target/models"),
                Path.of("models/local"), URI.create("http://localhost:8080"));
        return new VoskSpeechRecognizer(guide, settings(settings), new SimpleMeterRegistry(), visitors);
    }

    /** The guide's ASR settings, with its defaults for every one not given. */
    static AsrSettings settings(Map<String, String> given) {
        return new Binder(new MapConfigurationPropertySource(given)).bindOrCreate("guide.voice.asr", AsrSettings.class);
    }
}

package org.heritageguide.speech.tts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.heritageguide.audio.Pcm;
import org.heritageguide.audio.Resampler;
import org.springframework.stereotype.Component;

/**
 * Picks the voice of each language: what {@code guide.tts.voices} says, else MaryTTS for English,
 * espeak-ng's Mandarin-from-characters voice for Chinese, and espeak-ng's own voice for every other
 * language it knows.
 */
@Component
class VoiceRouter implements SpeechSynthesizer {

    private static final Map<String, String> BUILT_IN = Map.of(
            "en", "marytts:cmu-slt-hsmm",
            "zh", "espeak-ng:cmn-latn-pinyin",
            "vi", "espeak-ng:vi",
            "fr", "espeak-ng:fr-fr");
    private static final String NONE = "none";

    private final TtsSettings settings;
    private final Map<String, VoiceEngine> engines = new HashMap<>();
    private final Map<String, Optional<Voice>> chosen = new ConcurrentHashMap<>();

    VoiceRouter(TtsSettings settings) {
        this.settings = settings;
        for (VoiceEngine engine : List.of(new MaryTtsEngine(),
                new EspeakEngine(settings.espeakCommand(), settings.espeakSpeed(), settings.timeout()))) {
            engines.put(engine.name(), engine);
        }
    }

    @Override
    public Optional<Voice> voice(String language) {
        Optional<Voice> known = chosen.get(language);
        if (known != null) {
            return known;
        }
        Optional<Voice> voice = choose(language);
        if (voice.map(v -> engines.get(v.engine()).isReady()).orElse(isReady())) {
            chosen.put(language, voice);
        }
        return voice;
    }

    @Override
    public boolean isReady() {
        return engines.values().stream().allMatch(VoiceEngine::isReady);
    }

    @Override
    public Pcm synthesize(String language, String text) {
        Voice voice = voice(language).orElseThrow(() -> new IllegalArgumentException("No voice speaks '" + language + "'"));
        Pcm pcm = engines.get(voice.engine()).speak(voice, SpokenText.normalize(language, text));
        return pcm.sampleRate() > settings.maxSampleRate() ? Resampler.convert(pcm, settings.maxSampleRate()) : pcm;
    }

    private Optional<Voice> choose(String language) {
        String choice = settings.voices().getOrDefault(language, BUILT_IN.get(language));
        if (NONE.equals(choice)) {
            return Optional.empty();
        }
        if (choice == null) {
            return engines.get("espeak-ng").voice(language, null);
        }
        String[] engineAndVoice = choice.split(":", 2);
        VoiceEngine engine = engines.get(engineAndVoice[0]);
        if (engine == null) {
            throw new IllegalStateException("guide.tts.voices." + language + ": unknown engine '" + engineAndVoice[0]
                    + "' (known: " + engines.keySet() + ", or 'none')");
        }
        return engine.voice(language, engineAndVoice.length > 1 ? engineAndVoice[1] : null);
    }
}

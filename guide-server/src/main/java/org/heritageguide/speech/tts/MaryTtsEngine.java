package org.heritageguide.speech.tts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

import org.heritageguide.audio.Pcm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import marytts.LocalMaryInterface;
import marytts.exceptions.MaryConfigurationException;
import marytts.exceptions.SynthesisException;

/**
 * MaryTTS, in process. ONE {@link LocalMaryInterface} for the whole server (each instance starts its
 * own threads), loaded in the background at startup.
 */
final class MaryTtsEngine implements VoiceEngine {

    private static final Logger log = LoggerFactory.getLogger(MaryTtsEngine.class);
    private static final String VERSION = "marytts-5.2.1";

    private final CompletableFuture<LocalMaryInterface> mary;

    MaryTtsEngine() {
        this.mary = CompletableFuture.supplyAsync(MaryTtsEngine::start, runnable -> {
            Thread thread = new Thread(runnable, "marytts-load");
            thread.setDaemon(true);
            thread.start();
        });
    }

    @Override
    public String name() {
        return "marytts";
    }

    @Override
    public boolean isReady() {
        return mary.isDone() && !mary.isCompletedExceptionally();
    }

    @Override
    public Optional<Voice> voice(String language, String voiceName) {
        if (!mary.isDone() && voiceName != null) {
            // a voice named in the settings is taken at its word while MaryTTS starts: no one waits for it
            return Optional.of(new Voice(language, name(), voiceName, VERSION));
        }
        LocalMaryInterface loaded;
        try {
            loaded = mary.join();
        } catch (CompletionException failedToStart) {
            return Optional.empty();
        }
        for (String available : loaded.getAvailableVoices()) {
            Locale locale = marytts.modules.synthesis.Voice.getVoice(available).getLocale();
            if (locale.getLanguage().equals(language) && (voiceName == null || voiceName.equals(available))) {
                return Optional.of(new Voice(language, name(), available, VERSION));
            }
        }
        return Optional.empty();
    }

    @Override
    public Pcm speak(Voice voice, String text) {
        LocalMaryInterface loaded = mary.join();
        try (AudioInputStream audio = generate(loaded, voice, text)) {
            AudioFormat format = audio.getFormat();
            if (format.getChannels() != 1 || format.getSampleSizeInBits() != 16 || format.isBigEndian()
                    || format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
                throw new IllegalStateException("MaryTTS produced " + format + ", expected mono s16le");
            }
            // read to the end in a loop: one read can return only the first 8 KB
            ByteArrayOutputStream pcm = new ByteArrayOutputStream(64 * 1024);
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = audio.read(buffer)) != -1) {
                pcm.write(buffer, 0, read);
            }
            return new Pcm(pcm.toByteArray(), Math.round(format.getSampleRate()));
        } catch (IOException e) {
            throw new UncheckedIOException("MaryTTS failed on: " + text, e);
        }
    }

    private static AudioInputStream generate(LocalMaryInterface mary, Voice voice, String text) {
        try {
            // one voice per engine instance in practice; setVoice is cheap when it is already set
            synchronized (mary) {
                if (!voice.name().equals(mary.getVoice())) {
                    mary.setVoice(voice.name());
                }
            }
            return mary.generateAudio(text);
        } catch (SynthesisException e) {
            throw new IllegalStateException("MaryTTS could not speak: " + text, e);
        }
    }

    private static LocalMaryInterface start() {
        long begin = System.nanoTime();
        try {
            LocalMaryInterface mary = new LocalMaryInterface();
            log.info("Speech out: MaryTTS started in {} ms with voices {}", (System.nanoTime() - begin) / 1_000_000,
                    mary.getAvailableVoices());
            return mary;
        } catch (MaryConfigurationException e) {
            log.error("Speech out: MaryTTS could not start; its languages get text only", e);
            throw new IllegalStateException(e);
        }
    }
}

package org.heritageguide.speech.tts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.heritageguide.audio.Pcm;
import org.heritageguide.audio.Wav;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * espeak-ng (the Debian package), one process per synthesis: text on its standard input, a WAV on its
 * standard output (whose header leaves the length unknown; {@link Wav#read} copes).
 */
final class EspeakEngine implements VoiceEngine {

    private static final Logger log = LoggerFactory.getLogger(EspeakEngine.class);
    private static final Pattern VOICE_LINE = Pattern.compile("^\\s*(\\d+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)(.*)$");

    private final String command;
    private final int speed;
    private final Duration timeout;
    private final String version;
    private final List<Installed> installed;

    /** One line of {@code espeak-ng --voices}. */
    record Installed(int priority, String language, String file, String otherLanguages) {
        boolean isMbrola() {
            return file.startsWith("mb/");
        }
    }

    EspeakEngine(String command, int speed, Duration timeout) {
        this.command = command;
        this.speed = speed;
        this.timeout = timeout;
        String found = null;
        List<Installed> voices = List.of();
        try {
            found = run(List.of(command, "--version")).replaceAll("(?s).*?text-to-speech:\\s*(\\S+).*", "$1").trim();
            voices = parse(run(List.of(command, "--voices")));
        } catch (IOException | RuntimeException e) {
            log.warn("Speech out: espeak-ng is not available ({}): its languages get text only", e.getMessage());
        }
        this.version = found == null ? null : "espeak-ng-" + found;
        this.installed = voices;
    }

    @Override
    public String name() {
        return "espeak-ng";
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public Optional<Voice> voice(String language, String voiceName) {
        if (version == null) {
            return Optional.empty();
        }
        if (voiceName != null) {
            return installed.stream().filter(v -> v.language().equals(voiceName) && !v.isMbrola()).findFirst()
                    .map(v -> new Voice(language, name(), voiceName, version));
        }
        return installed.stream()
                .filter(v -> !v.isMbrola())
                .filter(v -> v.language().equals(language) || v.language().startsWith(language + "-")
                        || v.otherLanguages().contains("(" + language + " "))
                .min(Comparator.comparingInt((Installed v) -> v.language().equals(language) ? 0 : 1)
                        .thenComparingInt(Installed::priority))
                .map(v -> new Voice(language, name(), v.language(), version));
    }

    @Override
    public Pcm speak(Voice voice, String text) {
        List<String> arguments = List.of(command, "-v", voice.name(), "-s", String.valueOf(speed), "-b", "1", "--stdout");
        try {
            return Wav.read(run(arguments, text));
        } catch (IOException e) {
            throw new UncheckedIOException("espeak-ng failed on: " + text, e);
        }
    }

    static List<Installed> parse(String listing) {
        List<Installed> voices = new ArrayList<>();
        for (String line : listing.split("\n")) {
            Matcher m = VOICE_LINE.matcher(line);
            if (m.matches()) {
                voices.add(new Installed(Integer.parseInt(m.group(1)), m.group(2), m.group(5), m.group(6)));
            }
        }
        return voices;
    }

    private String run(List<String> arguments) throws IOException {
        return new String(run(arguments, null), StandardCharsets.UTF_8);
    }

    private byte[] run(List<String> arguments, String input) throws IOException {
        Process process = new ProcessBuilder(arguments).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        // a stuck process is killed, which also ends the blocking read of its output below
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        });
        try {
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream(64 * 1024);
            try (InputStream stdout = process.getInputStream()) {
                stdout.transferTo(output);
            }
            if (process.waitFor() != 0) {
                throw new IOException(arguments.get(0) + " exited with " + process.exitValue()
                        + " (killed after " + timeout + " if it took that long)");
            }
            return output.toByteArray();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for " + arguments.get(0), e);
        } finally {
            process.destroy();
        }
    }
}

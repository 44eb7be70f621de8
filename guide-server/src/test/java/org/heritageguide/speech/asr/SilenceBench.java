package org.heritageguide.speech.asr;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.heritageguide.audio.Pcm;
import org.heritageguide.audio.Wav;

/**
 * {@code scripts/bench silence}: the CPU a question's recognition stream spends on audio that holds no speech,
 * without and with the speech gate ({@link SpeechGate}), in the same run: what a client sending silence (or a
 * visitor who says nothing) costs the visitors who talk. Each kind of silence is fed for N seconds (default 30)
 * in 100 ms frames, as fast as the stream takes them; the CPU is this thread's, which decodes (Vosk runs on the
 * caller's thread). Before timing, one recorded question is decoded through the gate, so that the recognizer is
 * past its slow first utterance and the gate compiled; that question's CPU, timed next, is the reference.
 */
public final class SilenceBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int RATE = 16000;

    private SilenceBench() {
    }

    public static void main(String[] args) throws IOException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        VoskSpeechRecognizer vosk = ShippedVosk.ungated();
        AsrSettings settings = ShippedVosk.settings(Map.of());
        Pcm question = wav("who-built-rms.wav");
        try (RecognitionStream warmUp = new SpeechGate(vosk.open("en", RATE).orElseThrow(), RATE, settings)) {
            Recordings.heardInPieces(warmUp, question, 100);
        }
        System.out.printf("CPU of %d s of audio without speech, fed in 100 ms frames to one recognition stream (Vosk en, %d Hz);"
                + " %d cores%n", seconds, RATE, Runtime.getRuntime().availableProcessors());
        long spoken = cpuNanos(vosk.open("en", RATE).orElseThrow(), question.samples());
        System.out.printf("for reference, a spoken question (who-built-rms.wav, %.1f s): %.0f ms per second of audio%n",
                question.seconds(), spoken / 1e6 / question.seconds());
        System.out.println("| audio | without the gate | with the gate | ratio |");
        System.out.println("| --- | --- | --- | --- |");
        for (Map.Entry<String, byte[]> silence : silences(seconds).entrySet()) {
            long plain = cpuNanos(vosk.open("en", RATE).orElseThrow(), silence.getValue());
            long gated = cpuNanos(new SpeechGate(vosk.open("en", RATE).orElseThrow(), RATE, settings), silence.getValue());
            System.out.printf("| %s | %.0f ms (%.0f ms per second of audio) | %.1f ms | %.0fx |%n", silence.getKey(), plain / 1e6,
                    plain / 1e6 / seconds, gated / 1e6, (double) plain / gated);
        }
        vosk.destroy();
    }

    private static Map<String, byte[]> silences(int seconds) throws IOException {
        int bytes = RATE * 2 * seconds;
        Map<String, byte[]> silences = new LinkedHashMap<>();
        silences.put("digital silence (zeros)", new byte[bytes]);
        Random random = new Random(16);
        byte[] hiss = new byte[bytes];
        for (int i = 0; i < bytes; i += 2) {
            short sample = (short) Math.round(random.nextGaussian() * 32768 * Math.pow(10, -60 / 20.0));
            hiss[i] = (byte) sample;
            hiss[i + 1] = (byte) (sample >> 8);
        }
        silences.put("hiss at -60 dBFS (a quiet room)", hiss);
        // the pink noise before the words of the noisy recording, a quarter of a second over and over
        byte[] noise = wav("who-built-rms-snr10.wav").samples();
        byte[] looped = new byte[bytes];
        for (int i = 0; i < bytes; i += RATE / 2) {
            System.arraycopy(noise, 0, looped, i, Math.min(RATE / 2, bytes - i));
        }
        silences.put("pink noise at about -29 dBFS (who-built-rms-snr10.wav before its words)", looped);
        return silences;
    }

    private static long cpuNanos(RecognitionStream stream, byte[] audio) {
        try (stream) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int offset = 0; offset < audio.length; offset += RATE / 10 * 2) {
                stream.accept(audio, offset, Math.min(RATE / 10 * 2, audio.length - offset));
            }
            return THREADS.getCurrentThreadCpuTime() - start;
        }
    }

    private static Pcm wav(String name) throws IOException {
        try (InputStream in = SilenceBench.class.getResourceAsStream("/audio/" + name)) {
            return Wav.read(in.readAllBytes());
        }
    }
}

package org.heritageguide.speech.asr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.heritageguide.audio.Pcm;
import org.heritageguide.audio.Wav;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The speech gate on the recorded questions (16 and 48 kHz, clean and with noise at 10 dB SNR) and on silence. */
class SpeechGateTest {

    private static final List<String> QUESTIONS = List.of("who-built-rms.wav", "who-built-rms-snr10.wav",
            "ticket-awb.wav", "ticket-awb-snr10.wav", "toilets-kal-48k.wav", "worship-mary.wav");

    private static VoskSpeechRecognizer vosk;

    @BeforeAll
    static void loadVosk() {
        vosk = ShippedVosk.ungated();
    }

    @AfterAll
    static void closeVosk() {
        vosk.destroy();
    }

    @Test
    void silenceFeedsNothing() {
        Fed fed = new Fed();
        try (SpeechGate gate = gate(fed, 16000)) {
            byte[] tenthOfASecond = new byte[3200];
            for (int i = 0; i < 100; i++) {
                assertThat(gate.accept(tenthOfASecond, 0, tenthOfASecond.length).text()).isEmpty();
            }
        }
        assertThat(fed.audio.size()).isZero();
    }

    @Test
    void steadyNoiseFeedsNothing() throws IOException {
        byte[] noisy = wav("who-built-rms-snr10.wav").samples();
        byte[] noiseBeforeTheWords = Arrays.copyOf(noisy, 16000 * 2 / 4);
        Fed fed = new Fed();
        try (SpeechGate gate = gate(fed, 16000)) {
            for (int i = 0; i < 40; i++) {
                gate.accept(noiseBeforeTheWords, 0, noiseBeforeTheWords.length);
            }
        }
        assertThat(fed.audio.size()).isZero();
    }

    @Test
    void aQuestionAfterSilenceIsFedWholeButNotTheSilence() throws IOException {
        for (String question : QUESTIONS) {
            Pcm audio = wav(question);
            byte[] recorded = audio.samples();
            byte[] afterSilence = afterThreeSecondsOfSilence(audio);
            Fed fed = new Fed();
            try (SpeechGate gate = gate(fed, audio.sampleRate())) {
                Recordings.heardInPieces(gate, new Pcm(afterSilence, audio.sampleRate()), 100);
            }
            byte[] gated = fed.audio.toByteArray();
            assertThat(gated.length).as(question).isBetween(recorded.length, afterSilence.length - audio.sampleRate() * 2);
            assertThat(gated).as(question + ": the audio's end, uncut")
                    .isEqualTo(Arrays.copyOfRange(afterSilence, afterSilence.length - gated.length, afterSilence.length));
        }
    }

    /**
     * However a client cuts its audio, the same is fed: 40 ms frames (the visitor app's) or 64 KB ones (the largest
     * a frame may be, over 2 s at 16 kHz: more than the pre-roll).
     */
    @Test
    void theSameAudioIsFedWhateverTheFrames() throws IOException {
        for (String question : QUESTIONS) {
            Pcm audio = wav(question);
            byte[] recorded = audio.samples();
            byte[] afterSilence = afterThreeSecondsOfSilence(audio);
            byte[] inSmallFrames = fedInFrames(afterSilence, audio.sampleRate(), audio.sampleRate() / 25 * 2);
            assertThat(inSmallFrames.length).as(question).isGreaterThanOrEqualTo(recorded.length);
            assertThat(fedInFrames(afterSilence, audio.sampleRate(), 64 * 1024)).as(question).isEqualTo(inSmallFrames);
        }
    }

    private static byte[] afterThreeSecondsOfSilence(Pcm audio) {
        byte[] recorded = audio.samples();
        byte[] afterSilence = new byte[audio.sampleRate() * 2 * 3 + recorded.length];
        System.arraycopy(recorded, 0, afterSilence, afterSilence.length - recorded.length, recorded.length);
        return afterSilence;
    }

    private static byte[] fedInFrames(byte[] samples, int sampleRate, int frameBytes) {
        Fed fed = new Fed();
        try (SpeechGate gate = gate(fed, sampleRate)) {
            for (int offset = 0; offset < samples.length; offset += frameBytes) {
                gate.accept(samples, offset, Math.min(frameBytes, samples.length - offset));
            }
        }
        return fed.audio.toByteArray();
    }

    /**
     * Each decoding on a fresh recognizer: a pooled one's result depends on the audio it decoded before (the
     * same recording heard twice in a row by one recognizer came out differently), which is no test of the gate.
     */
    @Test
    void theRecognizerHearsTheSameWordsWithAndWithoutTheGate() throws IOException {
        List<RecognitionStream> fresh = new ArrayList<>();
        try {
            for (String question : QUESTIONS) {
                Pcm audio = wav(question);
                RecognitionStream plain = vosk.open("en", audio.sampleRate()).orElseThrow();
                fresh.add(plain);
                RecognitionStream gated = new SpeechGate(vosk.open("en", audio.sampleRate()).orElseThrow(),
                        audio.sampleRate(), ShippedVosk.settings(Map.of()));
                fresh.add(gated);

                String heard = Recordings.heardInPieces(plain, audio, 100);
                assertThat(heard).as(question).isNotBlank();
                assertThat(Recordings.heardInPieces(gated, audio, 100)).as(question).isEqualTo(heard);
            }
        } finally {
            fresh.forEach(RecognitionStream::close);
        }
    }

    private static SpeechGate gate(RecognitionStream recognizer, int sampleRate) {
        return new SpeechGate(recognizer, sampleRate, ShippedVosk.settings(Map.of()));
    }

    private static Pcm wav(String name) throws IOException {
        try (InputStream in = SpeechGateTest.class.getResourceAsStream("/audio/" + name)) {
            return Wav.read(in.readAllBytes());
        }
    }

    /** A recognizer that keeps what it is fed and hears nothing. */
    private static final class Fed implements RecognitionStream {
        final ByteArrayOutputStream audio = new ByteArrayOutputStream();

        @Override
        public String language() {
            return "en";
        }

        @Override
        public Heard accept(byte[] s16le, int offset, int length) {
            audio.write(s16le, offset, length);
            return Heard.soFar("", false);
        }

        @Override
        public Heard finish() {
            return Heard.ended(List.of());
        }

        @Override
        public void close() {
        }
    }
}

package org.heritageguide.dialogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.heritageguide.audio.Pcm;
import org.heritageguide.audio.Wav;
import org.heritageguide.knowledge.TextEmbedders;
import org.heritageguide.speech.asr.RecognitionStream;
import org.heritageguide.speech.asr.Recordings;
import org.heritageguide.speech.asr.ShippedVosk;
import org.heritageguide.speech.asr.SpeechRecognizer;
import org.heritageguide.voice.SpokenBench;

/**
 * Spoken questions as the guide hears them, answered from the recognizer's likeliest hearing only and as the guide
 * answers them (another way it heard the question where it declines the likeliest, {@link Guide#answerHeard}). Every
 * English question of the given sets asked alone, spoken by flite in four voices ({@code scripts/bench hearings}
 * makes the WAVs), heard by the shipped Vosk model as the server hears it (its settings, the speech gate; the audio
 * in 100 ms pieces, the question ending at a pause or at its end, as push-to-talk), and answered in process, without
 * the voice socket ({@code scripts/bench spoken} measures the server end to end, on fewer questions). Figures only:
 * the sets are fresh ones, never tuned on, and their questions are never printed.
 *
 * <p>Arguments: {@code --list <set>...} prints {@code name, the question in plain ASCII} per question, tab-separated,
 * for the script to speak; {@code --audio <dir> <set>...} measures, reading {@code <dir>/<name>-<voice>.wav}.
 */
public final class SpokenHearingsBenchmark {

    /** flite's voices, two of them in pink noise at 10 dB SNR, as the WAVs' names end. */
    private static final List<String> VOICES = List.of("rms", "kal16", "awb-snr10", "slt-snr10");
    private static final int PIECE_MILLIS = 100;

    private SpokenHearingsBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("--list")) {
            Map<String, DialogueEvaluation.Question> questions = questions(List.of(args).subList(1, args.length));
            questions.forEach((name, question) -> System.out.println(name + "\t" + SpokenBench.plain(question.ask())));
            return;
        }
        Path audio = Path.of(args[1]);
        Map<String, DialogueEvaluation.Question> questions = questions(List.of(args).subList(2, args.length));
        SpeechRecognizer recognizer = ShippedVosk.asRun();
        DialogueEvaluation evaluation = new DialogueEvaluation(TextEmbedders.onnx(List.of(Path.of("models/target/models")), 1),
                DialogueSettings.DEFAULT.wrongAnswerAim());
        Map<String, Tally> likeliest = new LinkedHashMap<>();
        Map<String, Tally> asAnswered = new LinkedHashMap<>();
        int moreThanOne = 0;
        int utterances = 0;
        for (String voice : VOICES) {
            likeliest.put(voice, new Tally());
            asAnswered.put(voice, new Tally());
            for (Map.Entry<String, DialogueEvaluation.Question> question : questions.entrySet()) {
                Path wav = audio.resolve(question.getKey() + "-" + voice + ".wav");
                List<String> hearings;
                Pcm spoken = Wav.read(Files.readAllBytes(wav));
                try (RecognitionStream stream = recognizer.open("en", spoken.sampleRate()).orElseThrow()) {
                    hearings = Recordings.firstUtterance(stream, spoken, PIECE_MILLIS).hearings();
                }
                utterances++;
                moreThanOne += hearings.size() > 1 ? 1 : 0;
                likeliest.get(voice).add(hearings.isEmpty() ? null : evaluation.askHeard(question.getValue(), hearings.subList(0, 1)),
                        question.getValue());
                asAnswered.get(voice).add(hearings.isEmpty() ? null : evaluation.askHeard(question.getValue(), hearings),
                        question.getValue());
            }
        }
        System.out.printf(Locale.ROOT, "%d English questions of %s, asked alone, in %d voices (%d utterances; heard in more than "
                + "one way: %d)%n", questions.size(), String.join(", ", List.of(args).subList(2, args.length)), VOICES.size(),
                utterances, moreThanOne);
        System.out.println("voice      answered from       right     wrong  declined   OOS answered  (of answerable / of out of scope)");
        for (String voice : VOICES) {
            System.out.println(likeliest.get(voice).row(voice, "the likeliest"));
            System.out.println(asAnswered.get(voice).row(voice, "as the guide"));
        }
        Tally allLikeliest = Tally.sum(likeliest.values());
        Tally allAnswered = Tally.sum(asAnswered.values());
        System.out.println(allLikeliest.row("all", "the likeliest"));
        System.out.println(allAnswered.row("all", "as the guide"));
    }

    /** The questions of the sets asked alone, in English, by name. */
    private static Map<String, DialogueEvaluation.Question> questions(List<String> sets) {
        Map<String, DialogueEvaluation.Question> questions = new LinkedHashMap<>();
        for (int set = 0; set < sets.size(); set++) {
            List<DialogueEvaluation.Question> of = DialogueEvaluation.questions(sets.get(set), "en");
            for (int i = 0; i < of.size(); i++) {
                questions.put(String.format(Locale.ROOT, "s%dq%03d", set, i), of.get(i));
            }
        }
        return questions;
    }

    /** Right, wrong and declined answerable questions, and out-of-scope ones answered, of one way of answering. */
    private static final class Tally {
        int answerable;
        int right;
        int wrong;
        int outOfScope;
        int outOfScopeAnswered;

        /** One question's outcome; null when nothing was heard (declined). */
        void add(DialogueEvaluation.Outcome outcome, DialogueEvaluation.Question question) {
            boolean answered = outcome != null && outcome.reply().answered();
            if (question.expectsDecline()) {
                outOfScope++;
                outOfScopeAnswered += answered ? 1 : 0;
            } else {
                answerable++;
                right += outcome != null && outcome.correct() ? 1 : 0;
                wrong += answered && !outcome.correct() ? 1 : 0;
            }
        }

        static Tally sum(Iterable<Tally> tallies) {
            Tally sum = new Tally();
            for (Tally tally : tallies) {
                sum.answerable += tally.answerable;
                sum.right += tally.right;
                sum.wrong += tally.wrong;
                sum.outOfScope += tally.outOfScope;
                sum.outOfScopeAnswered += tally.outOfScopeAnswered;
            }
            return sum;
        }

        String row(String voice, String how) {
            return String.format(Locale.ROOT, "%-10s %-15s %8.1f%% %8.1f%% %8.1f%% %9.1f%%      (%d / %d)", voice, how,
                    100.0 * right / answerable, 100.0 * wrong / answerable, 100.0 * (answerable - right - wrong) / answerable,
                    outOfScope == 0 ? 0 : 100.0 * outOfScopeAnswered / outOfScope, answerable, outOfScope);
        }
    }
}

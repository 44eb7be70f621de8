package org.heritageguide.voice;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.heritageguide.audio.Pcm;
import org.heritageguide.voice.VoiceBench.Question;
import org.heritageguide.voice.VoiceClient.Event;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code scripts/bench spoken}: how often a spoken question gets the right fact. Each question of
 * {@code audio/spoken.yaml}, spoken (synthesized by the script, and the recorded WAVs of
 * {@code questions.tsv}), goes through the voice WebSocket of a running server in a fresh session at its
 * site, exhibit and language, at real-time pace, push-to-talk; the {@code answer} is right when it is
 * answered from one of the expected sources and says the expected fact (the rules of
 * {@code DialogueEvaluation.Outcome.correct()}). Each question is also typed once, for reference.
 *
 * <p>Arguments: {@code --list <spoken.yaml>} prints {@code name, question, the question in plain ASCII}
 * per question, tab-separated, for the script to synthesize; {@code --url http://host:port --questions
 * <spoken.yaml> --audio <dir with questions.tsv and WAVs> [--audio <another>]...} measures.
 */
public final class SpokenBench {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TYPED = "typed (no voice, for reference)";

    /** One question of spoken.yaml: where it is asked, and what makes its answer right. */
    record Expected(String site, String exhibit, String language, String ask, List<String> expect, String says) {

        String describe() {
            return ask + " (" + site + (exhibit == null ? "" : " @" + exhibit) + "; expected " + expect
                    + (says == null ? "" : " saying \"" + says + "\"") + ")";
        }
    }

    /** What the guide did with one spoken (or typed) question; {@code answer} null when none came. */
    record Result(Expected question, String condition, String file, String transcript, JsonNode answer, String error) {

        boolean declined() {
            return answer == null || !answer.path("answered").asBoolean();
        }

        /**
         * As {@code DialogueEvaluation.Outcome.correct()}: the fact said, from an expected source (the
         * session's language after the turn aside: the answer event does not carry it).
         */
        boolean right() {
            if (answer == null || question.says() != null && !answer.path("text").asString().contains(question.says())) {
                return false;
            }
            if (question.expect().contains("decline")) {
                return declined();
            }
            return !declined() && question.expect().stream().anyMatch(expected -> {
                for (JsonNode source : answer.path("sources")) {
                    String field = expected.contains(":") ? "id" : "exhibit";
                    if (expected.equals(source.path(field).asString())) {
                        return true;
                    }
                }
                return false;
            });
        }

        /** Why a miss missed: what the recognizer heard, or what the guide did with the right words. */
        String cause() {
            boolean heardRight = VoiceBench.editDistance(VoiceBench.words(plain(question.ask())),
                    VoiceBench.words(transcript == null ? "" : transcript)) == 0;
            if (declined()) {
                return (error == null ? "declined" : "no answer (" + error + ")")
                        + (heardRight ? ", right transcript" : ", recognizer heard other words");
            }
            return heardRight ? "right transcript, wrong answer" : "recognizer heard other words, wrong answer";
        }
    }

    private final String url;
    private final HttpClient http = HttpClient.newHttpClient();

    private SpokenBench(String url) {
        this.url = url;
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.computeIfAbsent(args[i].replaceFirst("^--", ""), k -> new ArrayList<>()).add(args[i + 1]);
        }
        if (options.containsKey("list")) {
            List<Expected> questions = read(Path.of(options.get("list").get(0)));
            for (int i = 0; i < questions.size(); i++) {
                System.out.printf(Locale.ROOT, "q%02d\t%s\t%s%n", i + 1, questions.get(i).ask(), plain(questions.get(i).ask()));
            }
            return;
        }
        Map<String, Expected> byText = new LinkedHashMap<>();
        for (Expected question : read(Path.of(options.get("questions").get(0)))) {
            if (byText.put(question.ask(), question) != null) {
                throw new IllegalArgumentException("asked twice in spoken.yaml: " + question.ask());
            }
        }
        SpokenBench bench = new SpokenBench(options.get("url").get(0));
        List<Result> results = new ArrayList<>();
        for (Expected question : byText.values()) {
            results.add(bench.typed(question));
        }
        for (String dir : options.get("audio")) {
            for (Question spoken : VoiceBench.load(Path.of(dir))) {
                Expected question = byText.get(spoken.text());
                if (question == null) {
                    throw new IllegalArgumentException(spoken.file() + ": \"" + spoken.text() + "\" is not in spoken.yaml");
                }
                String condition = spoken.file().matches("q\\d+-.*") ? "flite " + spoken.voice() + ", " + spoken.noise()
                        : "recorded (questions.tsv)";
                Result result = bench.spoken(question, condition, spoken);
                System.out.printf("  %-5s %-30s %-45s heard: %s%n", result.right() ? "right" : "MISS", spoken.file(),
                        question.ask(), result.transcript());
                results.add(result);
            }
        }
        System.out.println("\n==== summary (Markdown) ====\n" + report(results));
    }

    /** The question spoken: start, its audio at real-time pace (released 200 ms after the last word), stop. */
    private Result spoken(Expected question, String condition, Question spoken) {
        Pcm audio = spoken.released();
        try (VoiceClient client = VoiceClient.connect(url, session(question))) {
            client.start(audio.sampleRate(), null);
            Event ready = last(client.until(VoiceClient.type("ready", "error", "closed"), WAIT));
            if (ready == null || !"ready".equals(ready.type())) {
                return new Result(question, condition, spoken.file(), null, null, ready == null ? "timeout" : ready.code());
            }
            client.sendAudio(audio.samples(), audio.sampleRate(), true);
            client.stop();
            String transcript = null;
            for (Event event : client.until(VoiceClient.type("answer", "error", "closed"), WAIT)) {
                if ("transcript".equals(event.type())) {
                    transcript = event.text();
                } else if ("answer".equals(event.type())) {
                    return new Result(question, condition, spoken.file(), transcript, event.json(), null);
                } else if (event.type() != null && !"partial".equals(event.type())) {
                    return new Result(question, condition, spoken.file(), transcript, null, event.code());
                }
            }
            return new Result(question, condition, spoken.file(), transcript, null, "timeout");
        } catch (RuntimeException e) {
            return new Result(question, condition, spoken.file(), null, null, "connection: " + e);
        }
    }

    /** The question typed (POST .../turns), for reference: what the guide answers to the exact words. */
    private Result typed(Expected question) throws IOException, InterruptedException {
        JsonNode answer = post("/api/v1/sessions/" + session(question) + "/turns",
                JSON.createObjectNode().put("text", question.ask()));
        return new Result(question, TYPED, "typed", question.ask(), answer, null);
    }

    private String session(Expected question) {
        ObjectNode body = JSON.createObjectNode().put("site", question.site()).put("language", question.language());
        if (question.exhibit() != null) {
            body.put("exhibit", question.exhibit());
        }
        try {
            return post("/api/v1/sessions", body).path("id").asString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** Per voice and noise: right, wrong (answered, not right) and declined; the spoken total; the misses. */
    private static String report(List<Result> results) {
        StringBuilder out = new StringBuilder("| voice | questions | right | wrong | declined |\n| --- | --- | --- | --- | --- |\n");
        Map<String, List<Result>> byCondition = new LinkedHashMap<>();
        results.forEach(r -> byCondition.computeIfAbsent(r.condition(), k -> new ArrayList<>()).add(r));
        byCondition.forEach((condition, group) -> out.append(row(condition, group)));
        out.append(row("**all spoken**", results.stream().filter(r -> !r.condition().equals(TYPED)).toList()));
        out.append("\nMisses (question; where; what was heard; what the guide answered):\n");
        for (Result r : results) {
            if (!r.right()) {
                out.append(String.format(Locale.ROOT, "- [%s%s] %s — %s%n  heard \"%s\"; guide: %s%n", r.condition(),
                        r.condition().startsWith("recorded") ? ", " + r.file() : "",
                        r.question().describe(), r.cause(), r.transcript(), answer(r)));
            }
        }
        return out.toString();
    }

    private static String row(String condition, List<Result> group) {
        long right = group.stream().filter(Result::right).count();
        long declined = group.stream().filter(r -> !r.right() && r.declined()).count();
        long wrong = group.size() - right - declined;
        return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", condition, group.size(),
                percent(right, group.size()), percent(wrong, group.size()), percent(declined, group.size()));
    }

    private static String percent(long count, int of) {
        return String.format(Locale.ROOT, "%.1f %% (%d)", 100.0 * count / of, count);
    }

    private static String answer(Result r) {
        if (r.answer() == null) {
            return "no answer (" + r.error() + ")";
        }
        List<String> sources = new ArrayList<>();
        r.answer().path("sources").forEach(s -> sources.add(s.path("id").asString()));
        return (r.answer().path("answered").asBoolean() ? sources : "declined") + " (" + r.answer().path("decidedBy").asString()
                + ") \"" + r.answer().path("text").asString() + "\"";
    }

    private static Event last(List<Event> events) {
        return events.isEmpty() ? null : events.get(events.size() - 1);
    }

    /** The question as a speaker of English reads it out: without the Vietnamese diacritics ("rông" is "rong"). */
    public static String plain(String text) {
        return Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    @SuppressWarnings("unchecked")
    private static List<Expected> read(Path file) throws IOException {
        List<Map<String, Object>> blocks;
        try (InputStream in = Files.newInputStream(file)) {
            blocks = YAMLMapper.shared().readValue(in, new TypeReference<List<Map<String, Object>>>() { });
        }
        List<Expected> questions = new ArrayList<>();
        for (Map<String, Object> block : blocks) {
            for (Map<String, Object> q : (List<Map<String, Object>>) block.get("questions")) {
                Object expect = q.get("expect");
                questions.add(new Expected((String) block.get("site"), (String) block.get("exhibit"), (String) block.get("language"),
                        (String) q.get("ask"), expect instanceof List<?> list ? (List<String>) list : Arrays.asList((String) expect),
                        (String) q.get("says")));
            }
        }
        return questions;
    }
}

package org.heritageguide.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoublePredicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.heritageguide.kiosk.audio.WavFileSource;
import org.junit.jupiter.api.Test;

import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.input.MouseButton;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A visitor's flows on a headless screen (Monocle), against the real guide-server: welcome, language,
 * a typed and a spoken question, exhibits, hand-off to a phone, idle reset, server down and back,
 * and the operator's way out.
 */
class KioskFlowTest extends KioskTestSupport {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void welcomeInvitesInEveryLanguageAndOneTouchOpensAConversationInIt() throws Exception {
        launch(settings(server.uri(), data));

        // the guide hears English only (the sample server's one speech model): the others are invited to type or pick
        assertThat(texts("#welcome-invite").get(0))
                .contains("Gõ hoặc chọn câu hỏi", "Touch to talk", "Écrivez ou choisissez une question", "选择问题",
                        "질문을 고르세요")
                .doesNotContain("Touchez pour parler", "触摸开始对话", "터치하여 대화하기");
        assertThat(List.of("vi", "en", "fr", "zh", "ko").stream().map(l -> texts("#language-" + l + " .language-name").get(0)))
                .containsExactly("Tiếng Việt", "English", "Français", "中文", "한국어");
        // the site's names in its other languages, each one whole: a line breaks between two names, never inside
        // one (a portrait screen once broke "河内文 / 庙－国子监")
        assertThat(texts("#welcome-other-names .welcome-other-names")).containsExactly("The Temple of Literature  ·",
                "Le Temple de la Littérature  ·", "河内文庙－国子监  ·", "하노이 문묘-국자감");
        assertThat(fx(() -> kiosk.view().root().lookupAll("#welcome-other-names .welcome-other-names").stream()
                .allMatch(name -> name instanceof javafx.scene.control.Label label && !label.isWrapText()))).isTrue();

        tap("#language-fr");

        waitUntil(() -> !texts(".bubble-guide").isEmpty(), 10);
        assertThat(texts(".bubble-guide").get(0)).contains("Temple de la Littérature");
        assertThat(shown("#talk-button")).as("no button to talk in a language the guide cannot hear").isFalse();
        assertThat(shown("#question-field")).isTrue();
        String session = sessionId().orElseThrow();
        JsonNode onServer = JSON.readTree(get(server.uri().resolve("/api/v1/sessions/" + session)).body());
        assertThat(onServer.path("language").asString()).isEqualTo("fr");
        assertThat(onServer.path("site").asString()).isEqualTo("van-mieu");

        tap("#language-button");
        assertThat(texts(".language-choice")).containsExactly("Tiếng Việt", "English", "Français", "中文", "한국어");
        tap("#choose-language-en");
        waitUntil(() -> texts("#talk-button").equals(List.of("Hold to talk")), 10);
        assertThat(shown("#languages")).isFalse();
        assertThat(texts(".bubble-guide").get(0)).as("the conversation so far stays").contains("Temple de la Littérature");
        assertThat(sessionId()).contains(session);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!"en".equals(JSON.readTree(get(server.uri().resolve("/api/v1/sessions/" + session)).body()).path("language").asString())) {
            assertThat(System.nanoTime()).as("the server's conversation switched to English").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void aTypedQuestionIsAnsweredInTextAndAloud() {
        launch(settings(server.uri(), data));
        tap("#language-en");
        int greeted = greetingHeard();

        tap("#question-field");
        assertThat(shown("#keyboard")).isTrue();
        assertThat(shown("#talk-button")).isFalse();
        String question = "when was khue van cac built?";
        for (String key : question.split("")) {
            tap("#key-" + switch (key) {
                case " " -> "space";
                case "?" -> "question";
                default -> key;
            });
        }
        assertThat(fx(() -> ((javafx.scene.control.TextField) shownNodes("#question-field").get(0)).getText())).isEqualTo(question);
        tap("#key-ask");

        assertThat(shown("#keyboard")).isFalse();
        assertThat(shown("#talk-button")).isTrue();
        waitUntil(() -> texts(".bubble-guide").size() >= 2, 60);
        assertThat(texts(".bubble-visitor")).containsExactly(question);
        assertThat(texts(".bubble-guide").get(1)).contains("1805");
        assertThat(String.join(" ", texts(".bubble-sources"))).contains("Khuê Văn Các");
        assertAnswerPlayedAfter(greeted);
        assertThat(kiosk.health().errors()).isZero();
    }

    @Test
    void aSpokenQuestionIsHeardAndAnsweredInTextAndAloud() {
        // a 48 kHz recording, as many microphones deliver: the kiosk converts it to the 16 kHz the server takes
        microphone = WavFileSource.factory(Path.of("guide-server/src/test/resources/audio/ticket-awb-48k.wav"), 2.0);
        launch(settings(server.uri(), data));
        tap("#language-en");
        int greeted = greetingHeard();

        askAloud();

        waitUntil(() -> texts(".bubble-guide").size() >= 2, 60);
        assertThat(String.join(" ", texts(".bubble-visitor")).toLowerCase()).contains("ticket");
        assertThat(texts(".bubble-guide").get(1)).contains("70,000");
        assertAnswerPlayedAfter(greeted);
        assertThat(kiosk.health().spokenQuestions.get()).isEqualTo(1);
        assertThat(kiosk.health().errors()).isZero();
    }

    @Test
    void whenTooManyVisitorsAreTalkingTheVisitorIsAskedToTryAgainAndIsHeardOnceAVoiceIsFree() throws Exception {
        microphone = WavFileSource.factory(Path.of("guide-server/src/test/resources/audio/ticket-awb.wav"), 1.0);
        launch(settings(server.uri(), data));
        tap("#language-en");
        int greeted = greetingHeard();
        // only now: the other visitors send nothing, and the guide lets go of them after its idle-timeout
        List<WebSocket> otherVisitors = takeEveryVoiceStream();
        try {
            touchDown("#talk-button");
            waitUntil(() -> String.join(" ", texts(".notice")).contains("Many visitors are talking to me right now"), 30);
            release(MouseButton.PRIMARY);
            assertRefusedPressLeavesNoTrace();

            double busyWith = voiceStreamsInUse();
            otherVisitors.forEach(WebSocket::abort);
            awaitVoiceStreamsInUse(streams -> streams < busyWith, "the guide let the other visitors go");
            askAloud();

            waitUntil(() -> texts(".bubble-guide").size() >= 2, 60);
            assertThat(String.join(" ", texts(".bubble-visitor")).toLowerCase()).contains("ticket");
            assertThat(texts(".bubble-guide").get(1)).contains("70,000");
            assertAnswerPlayedAfter(greeted);
        } finally {
            otherVisitors.forEach(WebSocket::abort);
        }
    }

    @Test
    void whenTheGuideLetsGoOfAVoiceConnectionUnusedForAWhileTheNextQuestionOpensANewOneUnnoticed() throws Exception {
        microphone = WavFileSource.factory(Path.of("guide-server/src/test/resources/audio/ticket-awb.wav"), 2.0);
        launch(settings(server.uri(), data));
        tap("#language-en");
        greetingHeard();
        askAloud();
        waitUntil(() -> texts(".bubble-guide").size() >= 2, 60);
        List<String> notices = texts(".notice");

        // the visitor reads for longer than the test server's guide.voice.idle-timeout (20 s)
        awaitVoiceStreamsInUse(streams -> streams == 0, "the guide let go of the kiosk's voice connection");
        askAloud();

        waitUntil(() -> texts(".bubble-guide").size() >= 3, 60);
        assertThat(texts(".bubble-guide").get(2)).contains("70,000");
        assertThat(texts(".notice")).as("nothing said about the connection").isEqualTo(notices);
        assertThat(shown("#offline-banner")).isFalse();
        assertThat(kiosk.health().errors()).isZero();
    }

    /** Holds the talk button while the microphone says its recording, then lets go. */
    private void askAloud() {
        touchDown("#talk-button");
        waitUntil(() -> texts("#talk-button").equals(List.of(kiosk.view().texts().get("talk.hold"))), 30);
        release(MouseButton.PRIMARY);
    }

    /** The guide would not listen: it said why, and the kiosk shows nothing else of that press. */
    private void assertRefusedPressLeavesNoTrace() {
        waitUntil(() -> texts("#talk-button").equals(List.of(kiosk.view().texts().get("talk.hold"))), 30);
        assertThat(texts(".bubble-visitor")).as("no '…' left for words nobody heard").isEmpty();
        assertThat(shown("#status-line")).as("no 'one moment…' for an answer that will not come").isFalse();
        assertThat(shown("#offline-banner")).isFalse();
        assertThat(kiosk.link().online()).isTrue();
    }

    /** Other visitors start talking, one more each time, until the guide tells the next one it is busy. */
    private List<WebSocket> takeEveryVoiceStream() throws Exception {
        String session = JSON.readTree(post(server.uri().resolve("/api/v1/sessions"),
                "{\"site\":\"van-mieu\",\"language\":\"en\"}").body()).path("id").asString();
        URI voice = URI.create("ws://127.0.0.1:" + server.port() + "/ws/v1/sessions/" + session + "/voice");
        List<WebSocket> talking = new ArrayList<>();
        while (true) {
            CompletableFuture<String> firstReply = new CompletableFuture<>();
            WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(voice, new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        firstReply.complete(text.toString());
                        text.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
            socket.sendText("{\"type\":\"start\",\"sampleRate\":16000}", true).get(10, TimeUnit.SECONDS);
            JsonNode reply = JSON.readTree(firstReply.get(20, TimeUnit.SECONDS));
            if ("busy".equals(reply.path("code").asString())) {
                socket.abort();
                return talking;
            }
            talking.add(socket);
            assertThat(reply.path("type").asString()).as("the guide listens to another visitor").isEqualTo("ready");
            assertThat(talking).as("the test server's guide.voice.max-streams is small").hasSizeLessThan(20);
        }
    }

    private void awaitVoiceStreamsInUse(DoublePredicate until, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!until.test(voiceStreamsInUse())) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The server's own count of visitors it is listening to. */
    private double voiceStreamsInUse() throws Exception {
        Matcher gauge = Pattern.compile("(?m)^guide_voice_streams(?:\\{[^}]*})? (\\S+)$")
                .matcher(metrics().body());
        assertThat(gauge.find()).as("guide_voice_streams in /actuator/prometheus").isTrue();
        return Double.parseDouble(gauge.group(1));
    }

    private HttpResponse<String> metrics() throws Exception {
        String admin = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("/actuator/prometheus"))
                .header("Authorization", "Basic " + admin).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits for the greeting to be shown and heard to its end; the number of clips played so far. */
    private int greetingHeard() {
        waitUntil(() -> sessionId().isPresent() && shown(".bubble-guide"), 20);
        waitUntil(() -> speaker.played() >= 1 && !kiosk.player().playing(), 60);
        return speaker.clips.size();
    }

    /** The answer's audio reached the speakers after the greeting, and played to its end. */
    private void assertAnswerPlayedAfter(int clipsBefore) {
        waitUntil(() -> speaker.clips.size() > clipsBefore && speaker.clips.get(clipsBefore).finished, 60);
        RecordingOutput.Clip answer = speaker.clips.get(clipsBefore);
        long pcmPerSecond = (long) (answer.format.getFrameRate() * answer.format.getFrameSize());
        assertThat(answer.bytes.get()).as("bytes of answer audio played").isGreaterThan(pcmPerSecond);
    }

    @Test
    void theExhibitsAndTheVisitorInformationCanBeBrowsed() throws Exception {
        launch(settings(server.uri(), data));
        tap("#language-en");
        waitUntil(() -> Files.exists(data.resolve("cache/exhibits-van-mieu/khue-van-cac.json")), 10);

        tap("#exhibits-button");
        assertThat(texts(".exhibit-title")).hasSize(11).contains("Khuê Văn Các, the Constellation of Literature Pavilion");
        assertThat(texts(".exhibit-area")).contains("Second courtyard");
        assertThat(cutShort(".exhibit-title, .exhibit-area, .ask-about")).as("cut short").isEmpty();
        double screenHeight = fx(() -> kiosk.view().root().getLayoutBounds().getHeight());
        assertThat(fx(() -> shownNodes(".exhibit-card").stream().mapToDouble(card -> card.getLayoutBounds().getHeight()).max().orElseThrow()))
                .as("the tallest exhibit card").isLessThan(screenHeight / 4);
        tap("#exhibit-khue-van-cac");
        assertThat(texts("#page-title")).containsExactly("Khuê Văn Các, the Constellation of Literature Pavilion");
        assertThat(String.join(" ", texts("#exhibit-detail"))).contains("1805");

        tap("#all-exhibits-button");
        tap("#ask-about-thai-hoc-house");
        waitUntil(() -> String.join(" ", texts(".bubble-guide")).contains("Thái Học"), 10);
        assertThat(JSON.readTree(get(server.uri().resolve("/api/v1/sessions/" + sessionId().orElseThrow())).body())
                .path("exhibit").asString()).isEqualTo("thai-hoc-house");

        tap("#info-button");
        assertThat(texts(".info-heading")).contains("Opening hours", "Tickets", "Accessibility");
        assertThat(String.join(" ", texts("#info"))).contains("08:00");
    }

    @Test
    void aVisitorWhoseFirstTouchIsAnExhibitIsGreetedOnceForThatExhibit() {
        launch(settings(server.uri(), data));
        tap("#language-en");
        int greeted = greetingHeard();

        tap("#exhibits-button");
        tap("#ask-about-thai-hoc-house");
        waitUntil(() -> String.join(" ", texts(".bubble-guide")).contains("Thái Học"), 10);
        assertThat(texts(".bubble-guide")).as("one greeting, for where the visitor is").containsExactly(
                "Welcome to the Temple of Literature! You are at the Thái Học hall, site of the Imperial Academy. "
                        + "Ask me anything about it, or about the rest of the site.");
        waitUntil(() -> speaker.played() > greeted && !kiosk.player().playing(), 60);

        // the next visitor touches an exhibit while their conversation is still being opened
        interact(() -> {
            kiosk.resetToWelcome();
            kiosk.chooseLanguage("en");
            kiosk.askAbout("khue-van-cac");
        });
        waitUntil(() -> String.join(" ", texts(".bubble-guide")).contains("Khuê Văn Các"), 20);
        assertThat(texts(".bubble-guide")).as("one greeting, for where the visitor is").singleElement().asString()
                .startsWith("Welcome to the Temple of Literature! You are at Khuê Văn Các");
        assertThat(kiosk.health().errors()).isZero();
    }

    @Test
    void aVisitorWhoAsksFirstIsGreetedForTheSiteOnceAndAgainAtTheExhibitTheyMoveTo() {
        launch(settings(server.uri(), data));
        tap("#language-en");
        greetingHeard();
        typeQuestion("Where are the toilets?");
        tap("#ask-button");
        waitUntil(() -> texts(".bubble-guide").size() >= 2, 60);

        tap("#exhibits-button");
        tap("#ask-about-thai-hoc-house");
        waitUntil(() -> texts(".bubble-guide").size() >= 3, 10);
        List<String> said = texts(".bubble-guide");
        assertThat(said).hasSize(3);
        assertThat(said.get(0)).isEqualTo("Welcome to the Temple of Literature! Ask me anything about it: what you see, "
                + "its history, or practical things like opening hours.");
        assertThat(said.get(2)).startsWith("Welcome to the Temple of Literature! You are at the Thái Học hall");
        assertThat(texts(".bubble-visitor")).containsExactly("Where are the toilets?");
    }

    @Test
    void continueOnYourPhoneShowsAQrCodeThatOpensTheSameConversation() throws Exception {
        launch(settings(server.uri(), data));
        tap("#language-vi");
        waitUntil(() -> sessionId().isPresent(), 10);

        tap("#phone-button");
        waitUntil(() -> shown("#handoff-qr"), 10);
        Path png = data.resolve("handoff.png");
        ImageIO.write(toBufferedImage(fx(() -> ((javafx.scene.image.ImageView) shownNodes("#handoff-qr").get(0)).getImage())), "png", png.toFile());

        Process zbar = new ProcessBuilder("zbarimg", "--raw", "-q", png.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String decoded = new String(zbar.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(zbar.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String session = sessionId().orElseThrow();
        assertThat(decoded).isEqualTo(server.uri() + "/c/" + session);

        String id = URI.create(decoded).getPath().substring("/c/".length());
        JsonNode onServer = JSON.readTree(get(server.uri().resolve("/api/v1/sessions/" + id)).body());
        assertThat(onServer.path("id").asString()).isEqualTo(session);
        assertThat(onServer.path("language").asString()).isEqualTo("vi");

        tap("#handoff-close");
        assertThat(shown("#handoff")).isFalse();

        // Korean cannot be written on the kiosk's Latin keyboard: the visitor is offered their phone's
        tap("#language-button");
        tap("#choose-language-ko");
        tap("#question-field");
        waitUntil(() -> shown("#handoff-qr"), 10);
        assertThat(shown("#keyboard")).isFalse();
        assertThat(texts(".notice")).anyMatch(notice -> notice.contains("한국어"));
    }

    @Test
    void afterTheIdleTimeTheKioskSaysGoodbyeAndTheNextVisitorStartsFresh() {
        launch(settings(server.uri(), data).withTimings(Duration.ofMillis(1500), Duration.ofSeconds(4), Duration.ofSeconds(1)));
        tap("#language-en");
        waitUntil(() -> !texts(".bubble-guide").isEmpty(), 10);
        String first = sessionId().orElseThrow();
        interact(() -> kiosk.view().addVisitorBubble("a question of the first visitor"));

        waitUntil(() -> shown("#still-there"), 10);
        tap("#still-there");
        assertThat(shown("#still-there")).isFalse();
        assertThat(shown("#conversation")).isTrue();

        waitUntil(() -> shown("#goodbye"), 10);
        waitUntil(() -> shown("#language-en"), 10);
        assertThat(sessionId()).isEmpty();
        assertThat(kiosk.health().resets()).isEqualTo(1);

        tap("#language-en");
        waitUntil(() -> sessionId().isPresent(), 10);
        assertThat(sessionId().get()).isNotEqualTo(first);
        assertThat(texts(".bubble-visitor")).isEmpty();
        assertThat(shownText()).doesNotContain("a question of the first visitor");
    }

    @Test
    void anAnswerThatArrivesAfterTheVisitorLeftIsNeitherShownNorHeardByTheNextVisitor() throws Exception {
        launch(settings(server.uri(), data));
        tap("#language-en");
        int greeted = greetingHeard();
        String first = sessionId().orElseThrow();

        // the visitor asks and walks away at once; the next one has picked a language before the answer is back
        interact(() -> {
            kiosk.ask("when was khue van cac built?");
            kiosk.resetToWelcome();
            kiosk.chooseLanguage("en");
        });
        waitUntil(() -> sessionId().filter(id -> !id.equals(first)).isPresent() && shown(".bubble-guide"), 20);
        waitUntil(() -> speaker.played() >= greeted + 1 && !kiosk.player().playing(), 60);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (JSON.readTree(get(server.uri().resolve("/api/v1/sessions/" + first)).body()).path("turns").asInt() < 1) {
            assertThat(System.nanoTime()).as("the guide answered the visitor who left").isLessThan(deadline);
            Thread.sleep(100);
        }
        // the answer to the visitor who left was on its way back before this question was sent
        typeQuestion("Where are the toilets?");
        tap("#ask-button");

        waitUntil(() -> texts(".bubble-guide").size() >= 2, 60);
        assertThat(texts(".bubble-visitor")).containsExactly("Where are the toilets?");
        assertThat(String.join(" ", texts(".bubble-guide"))).doesNotContain("1805");
        waitUntil(() -> speaker.clips.size() > greeted + 1 && speaker.clips.get(greeted + 1).finished, 60);
        assertThat(speaker.clips).as("the greetings of both visitors and the second one's answer").hasSize(greeted + 2);
        assertThat(kiosk.health().errors()).isZero();
    }

    @Test
    void whenTheServerIsDownTheKioskSaysSoKeepsShowingItsCopyAndRecoversByItself() throws Exception {
        List<String> logged = captureLog();
        try (TcpRelay relay = new TcpRelay(server.port())) {
            launch(settings(relay.uri(), data));
            tap("#language-en");
            waitUntil(() -> sessionId().isPresent(), 10);
            waitUntil(() -> Files.exists(data.resolve("cache/exhibits-van-mieu/khue-van-cac.json")), 10);

            relay.stop();
            typeQuestion("Where are the toilets?");
            tap("#ask-button");
            waitUntil(() -> shown("#offline-banner"), 10);
            assertThat(texts(".offline-title")).containsExactly("The guide cannot answer right now.");
            assertThat(fx(() -> shownNodes("#talk-button").get(0).isDisabled())).isTrue();
            assertThat(shownText()).doesNotContain("Exception", "at org.", "Connect");
            tap("#exhibits-button");
            tap("#exhibit-khue-van-cac");
            assertThat(String.join(" ", texts("#exhibit-detail"))).contains("1805");
            tap("#back-button");

            long back = System.nanoTime();
            relay.start();
            waitUntil(() -> !shown("#offline-banner"), 20);
            long reconnectMillis = (System.nanoTime() - back) / 1_000_000;
            System.out.println("kiosk reconnect after the server came back: " + reconnectMillis + " ms");
            assertThat(fx(() -> shownNodes("#talk-button").get(0).isDisabled())).isFalse();
            assertThat(logged).anyMatch(line -> line.contains("unreachable")).anyMatch(line -> line.contains("reachable again"));

            stopKiosk();
            relay.stop();
            launch(settings(relay.uri(), data));
            assertThat(texts(".welcome-site")).containsExactly("Văn Miếu – Quốc Tử Giám");
            waitUntil(() -> shown("#offline-banner"), 10);
            tap("#language-ko");
            tap("#exhibits-button");
            assertThat(shownNodes(".exhibit-card")).hasSize(11);
            relay.start();
        }
    }

    @Test
    void onlyAnOperatorWithThePinLeavesTheKiosk() {
        AtomicReference<Boolean> left = new AtomicReference<>(false);
        launch(settings(server.uri(), data).withOperatorPin("2468"));
        interact(() -> kiosk.onOperatorExit(() -> left.set(true)));

        touchDown("#operator-corner");
        sleep(3300);
        release(MouseButton.PRIMARY);
        waitUntil(() -> shown("#operator-pin"), 5);
        for (String key : List.of("1", "2", "3", "4", "ok")) {
            tap("#pin-key-" + key);
        }
        assertThat(shownText()).contains(kiosk.view().texts().get("operator.wrong"));
        assertThat(left.get()).isFalse();
        for (String key : List.of("2", "4", "6", "8", "ok")) {
            tap("#pin-key-" + key);
        }
        waitUntil(left::get, 5);
    }

    @Test
    void withoutAPinTheCornerGestureDoesNothing() {
        AtomicReference<Boolean> left = new AtomicReference<>(false);
        launch(settings(server.uri(), data));
        interact(() -> kiosk.onOperatorExit(() -> left.set(true)));
        touchDown("#operator-corner");
        sleep(3300);
        release(MouseButton.PRIMARY);
        assertThat(shown("#operator-pin")).isFalse();
        assertThat(left.get()).isFalse();
    }

    private static BufferedImage toBufferedImage(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage copy = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                copy.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return copy;
    }

    private static List<String> captureLog() {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Logger.getLogger("org.heritageguide.kiosk").addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage() == null ? "" : new java.util.logging.SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return lines;
    }
}

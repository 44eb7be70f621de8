package org.heritageguide.kiosk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.heritageguide.kiosk.audio.AudioSource;
import org.heritageguide.kiosk.audio.AudioUnavailableException;
import org.heritageguide.testing.GuideServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;

/**
 * Starting a kiosk on the test's stage against the real server, and looking at what it shows. The server is
 * the real guide-server, started once per test run from its built jar
 * ({@code guide-server/target/guide-server.jar}, so run {@code mvn package} or {@code install}, not just
 * {@code test}) on a free port with a temporary data directory, from the repository root so that it serves
 * the sample sites in {@code content/}; stopped when the test JVM exits. While working on the kiosk,
 * {@code -Dkiosk.test.server=http://127.0.0.1:PORT} uses a server that is already running instead (started
 * with the voice settings below, or the busy and idle tests take minutes or fail).
 */
@ExtendWith(ApplicationExtension.class)
class KioskTestSupport extends FxRobot {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The studio's admin password on the test server (metrics need it); a running server given instead must use it too. */
    static final String ADMIN_PASSWORD = "kiosk-test-admin-password";

    static GuideServerProcess server;
    private static GuideServerProcess running;

    @TempDir
    Path data;
    Stage stage;
    Kiosk kiosk;
    RecordingOutput speaker = new RecordingOutput();
    /** Touches the screen has received (JavaFX thread): a test's touch is over once the screen has had it. */
    final AtomicLong presses = new AtomicLong();
    final AtomicLong releases = new AtomicLong();
    volatile AudioSource.Factory microphone = () -> {
        throw new AudioUnavailableException("no microphone in this test", null);
    };

    @BeforeAll
    static void startServer() {
        server = testServer();
    }

    /** The stage TestFX's {@link ApplicationExtension} set up for this test. */
    @BeforeEach
    void takeStage() throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stopKiosk() {
        // a test that failed with a finger down must not leave it there for the next one
        release(new MouseButton[0]);
        if (kiosk != null) {
            interact(kiosk::shutdown);
            kiosk = null;
        }
    }

    private static synchronized GuideServerProcess testServer() {
        if (running == null) {
            String given = System.getProperty("kiosk.test.server", "");
            running = given.isBlank() ? startTestServer() : GuideServerProcess.running(URI.create(given));
        }
        return running;
    }

    private static GuideServerProcess startTestServer() {
        try {
            Path data = Files.createTempDirectory("kiosk-test-server");
            // the whole guide (speech, indexes of every site) starts in ~1 min, but takes 3-4 on a shared, loaded machine
            GuideServerProcess started = GuideServerProcess.startJar(
                    Path.of(System.getProperty("guide-server.jar", "guide-server/target/guide-server.jar")),
                    // the log outlives the run, in the build folder; the server's data does not
                    Path.of("kiosk-app/target/guide-server-test.log"), Duration.ofMinutes(6), List.of(
                            "guide.data-dir=" + data,
                            // the metrics the tests read are behind the studio's admin login
                            "GUIDE_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                            // two other visitors talking make the guide busy (KioskFlowTest); a kiosk test needs one
                            "guide.voice.max-streams=2",
                            // a voice connection with no question begun this long after its answer is let go: a
                            // visitor reading an answer outlasts that (KioskFlowTest)
                            "guide.voice.idle-timeout=20s",
                            // every visit of a test comes from this machine, many more than one kiosk's: no per-client budgets
                            "guide.limits.sessions-burst=100000", "guide.limits.turns-burst=100000",
                            "guide.limits.voice-sockets-burst=100000"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                try (Stream<Path> paths = Files.walk(data)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                } catch (IOException e) {
                    // leaving a temporary folder behind is all that can go wrong at exit
                }
            }));
            return started;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start guide-server", e);
        }
    }

    static KioskSettings settings(URI server, Path dataDir) {
        return KioskSettings.load(List.of("--server", server.toString(), "--site", "van-mieu", "--windowed",
                "--data-dir", dataDir.toString(), "--reconnect-max-seconds", "1"), Map.of(), new Properties());
    }

    void launch(KioskSettings settings) {
        interact(() -> {
            kiosk = new Kiosk(settings, () -> microphone.open(), speaker);
            kiosk.show(stage, 1280, 800);
            stage.getScene().addEventFilter(MouseEvent.MOUSE_PRESSED, e -> presses.incrementAndGet());
            stage.getScene().addEventFilter(MouseEvent.MOUSE_RELEASED, e -> releases.incrementAndGet());
        });
        waitUntil(() -> shown("#welcome-invite"), 20);
    }

    /**
     * Waits until {@code condition} holds, looking at the screen on the JavaFX thread (never while the
     * kiosk changes it), then lets JavaFX finish the pulse (skins, CSS, layout) before the test goes on.
     */
    void waitUntil(Callable<Boolean> condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                try {
                    return fx(condition);
                } catch (RuntimeException notYet) {
                    return false;
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError("Waited " + seconds + " s in vain. The screen shows: " + shownText(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The server's id of the kiosk's conversation, if one is open (read on the JavaFX thread, as the kiosk keeps it). */
    Optional<String> sessionId() {
        return fx(kiosk::sessionId);
    }

    /** Runs {@code call} on the JavaFX thread and returns what it returned. */
    static <T> T fx(Callable<T> call) {
        if (Platform.isFxApplicationThread()) {
            try {
                return call.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return WaitForAsyncUtils.asyncFx(call).get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("The JavaFX thread did not answer", e);
        }
    }

    /** The kiosk's nodes that match the CSS {@code query} and are on the screen (not hidden). */
    List<Node> shownNodes(String query) {
        return fx(() -> kiosk == null ? List.<Node>of()
                : kiosk.view().root().lookupAll(query).stream().filter(KioskTestSupport::reallyShown).toList());
    }

    List<String> texts(String query) {
        return fx(() -> shownNodes(query).stream().map(KioskTestSupport::textOf).toList());
    }

    boolean shown(String query) {
        return !shownNodes(query).isEmpty();
    }

    String shownText() {
        return fx(() -> String.join(" | ", shownNodes(".label").stream().map(KioskTestSupport::textOf)
                .filter(t -> !t.isBlank()).toList()));
    }

    /** The texts of the labels among {@code query} that the screen shows cut short (with an ellipsis). */
    List<String> cutShort(String query) {
        return fx(() -> shownNodes(query).stream().filter(Labeled.class::isInstance).map(Labeled.class::cast)
                .filter(l -> l.lookup(".text") instanceof javafx.scene.text.Text shown && !shown.getText().equals(l.getText()))
                .map(Labeled::getText).toList());
    }

    /** Touches the node {@code query} names, once it is on the screen, scrolled into view first if need be. */
    void tap(String query) {
        Node target = touchDown(query);
        long released = releases.get();
        release(MouseButton.PRIMARY);
        // the robot's events reach the screen asynchronously: the touch is over once the screen has had it
        // (a node the press took off the screen, such as "are you still there?", gets its release alone)
        waitUntil(() -> releases.get() > released || target.getScene() == null, 10);
    }

    /** Puts a finger on the node {@code query} names (and keeps it there until {@code release}). */
    Node touchDown(String query) {
        // straight there: TestFX's default motion glides in hundreds of steps, which costs seconds per test
        robotContext().getMouseRobot().move(centreOf(query));
        Node target = fx(() -> shownNodes(query).get(0));
        long pressed = presses.get();
        press(MouseButton.PRIMARY);
        waitUntil(() -> presses.get() > pressed, 10);
        return target;
    }

    /** Puts a question in the question field, as the on-screen keyboard would. */
    void typeQuestion(String question) {
        waitUntil(() -> shown("#question-field"), 10);
        fx(() -> {
            ((javafx.scene.control.TextField) shownNodes("#question-field").get(0)).setText(question);
            return null;
        });
    }

    /** The centre of the node {@code query} names on the screen, scrolled into view if it is in a scrolling list. */
    Point2D centreOf(String query) {
        waitUntil(() -> !shownNodes(query).isEmpty(), 10);
        fx(() -> {
            scrollIntoView(shownNodes(query).get(0));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> {
            Bounds bounds = shownNodes(query).get(0).localToScreen(shownNodes(query).get(0).getBoundsInLocal());
            return new Point2D(bounds.getCenterX(), bounds.getCenterY());
        });
    }

    private static void scrollIntoView(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane scroll && scroll.getContent() != null) {
                Node content = scroll.getContent();
                Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double hidden = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
                if (hidden > 0) {
                    double top = inContent.getMinY() - (scroll.getViewportBounds().getHeight() - inContent.getHeight()) / 2;
                    scroll.setVvalue(Math.max(0, Math.min(1, top / hidden)));
                    scroll.layout();
                }
            }
        }
    }

    private static boolean reallyShown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static String textOf(Node node) {
        if (node instanceof Labeled labeled && !(node instanceof javafx.scene.control.Button)) {
            return labeled.getText();
        }
        if (node instanceof javafx.scene.control.Button button && button.getGraphic() == null) {
            return button.getText();
        }
        return String.join(" ", node.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList());
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(URI uri, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

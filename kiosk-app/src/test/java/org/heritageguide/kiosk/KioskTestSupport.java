package org.heritageguide.kiosk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.heritageguide.kiosk.audio.AudioSource;
import org.heritageguide.kiosk.audio.AudioUnavailableException;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;

/** Starting a kiosk on the test's stage against the real server, and looking at what it shows. */
class KioskTestSupport extends FxRobot {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    Stage stage;
    Kiosk kiosk;
    RecordingOutput speaker = new RecordingOutput();
    volatile AudioSource.Factory microphone = () -> {
        throw new AudioUnavailableException("no microphone in this test", null);
    };

    static KioskSettings settings(URI server, Path dataDir) {
        return KioskSettings.load(List.of("--server", server.toString(), "--site", "van-mieu", "--windowed",
                "--data-dir", dataDir.toString(), "--reconnect-max-seconds", "1"), Map.of(), new Properties());
    }

    void launch(KioskSettings settings) {
        interact(() -> {
            kiosk = new Kiosk(settings, () -> microphone.open(), speaker);
            kiosk.show(stage, 1280, 800);
        });
        waitUntil(() -> lookup("#welcome-invite").tryQuery().isPresent(), 20);
    }

    void stopKiosk() {
        if (kiosk != null) {
            interact(kiosk::shutdown);
            kiosk = null;
        }
    }

    void waitUntil(Callable<Boolean> condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                try {
                    return condition.call();
                } catch (RuntimeException notYet) {
                    return false;
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError("Waited " + seconds + " s in vain. The screen shows: " + shownText(), e);
        }
    }

    List<String> texts(String query) {
        return lookup(query).queryAll().stream().map(KioskTestSupport::textOf).toList();
    }

    boolean shown(String query) {
        return lookup(query).tryQuery().map(KioskTestSupport::reallyShown).orElse(false);
    }

    String shownText() {
        return String.join(" | ", lookup(".label").queryAll().stream().filter(KioskTestSupport::reallyShown)
                .map(KioskTestSupport::textOf).filter(t -> !t.isBlank()).toList());
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

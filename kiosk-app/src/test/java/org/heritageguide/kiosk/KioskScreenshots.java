package org.heritageguide.kiosk;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.heritageguide.kiosk.audio.AudioUnavailableException;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;

/**
 * Walks the real kiosk, full screen on a real (virtual) display, through what a visitor sees and takes
 * a screenshot of the scene at each step (JavaFX's own snapshot). Run by
 * {@code scripts/kiosk-screenshots} under Xvfb, once per screen orientation:
 * {@code KioskScreenshots <server-url> <out-dir> <suffix>}.
 */
public final class KioskScreenshots {

    private KioskScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        URI server = URI.create(args[0]);
        Path out = Path.of(args[1]);
        String suffix = args[2];
        Files.createDirectories(out);
        Path data = Files.createTempDirectory("kiosk-screenshots");
        try (TcpRelay relay = new TcpRelay(server.getPort())) {
            KioskSettings settings = KioskSettings.load(List.of("--server", relay.uri().toString(), "--site", "van-mieu",
                    "--data-dir", data.toString(), "--reconnect-max-seconds", "2", "--idle-seconds", "600",
                    "--phone-url", "https://guide.example.org"), Map.of(), new Properties());
            CompletableFuture<Kiosk> started = new CompletableFuture<>();
            Platform.startup(() -> {
                Kiosk kiosk = new Kiosk(settings, () -> {
                    throw new AudioUnavailableException("screenshots have no microphone", null);
                }, new RecordingOutput());
                Stage stage = new Stage();
                var bounds = javafx.stage.Screen.getPrimary().getBounds();
                kiosk.show(stage, bounds.getWidth(), bounds.getHeight());
                started.complete(kiosk);
            });
            Kiosk kiosk = started.get(30, TimeUnit.SECONDS);
            await(() -> kiosk.link().online() && find(kiosk, "#language-en") != null);
            pause(1500);
            shot(kiosk, out, "welcome", suffix);

            // a Vietnamese visitor types with Telex (the guide cannot hear Vietnamese: no talk button)
            fx(() -> kiosk.chooseLanguage("vi"));
            await(() -> kiosk.sessionId().isPresent() && find(kiosk, ".bubble-guide") != null);
            fx(() -> touch(find(kiosk, "#question-field")));
            for (String key : "khuee vawn cacs xaay nawm naof".split("")) {
                fx(() -> touch(find(kiosk, "#key-" + (key.equals(" ") ? "space" : key))));
            }
            pause(800);
            shot(kiosk, out, "vi-keyboard", suffix);
            fx(kiosk::resetToWelcome);

            // a Korean visitor, whom the keyboard cannot type for, is offered questions to touch
            fx(() -> kiosk.chooseLanguage("ko"));
            await(() -> kiosk.sessionId().isPresent() && find(kiosk, ".bubble-guide") != null);
            pause(800);
            shot(kiosk, out, "ko-start", suffix);
            fx(() -> touch(find(kiosk, "#suggestion-0")));
            await(() -> kiosk.view().root().lookupAll(".bubble-guide").size() >= 2);
            pause(800);
            shot(kiosk, out, "ko-conversation", suffix);
            // an exhibit not written in Korean says so first, in Korean (and in the list, which language it is in)
            fx(() -> kiosk.view().showExhibits());
            await(() -> find(kiosk, "#exhibit-chu-van-an") != null);
            pause(800);
            shot(kiosk, out, "ko-exhibits", suffix);
            fx(() -> touch(find(kiosk, "#exhibit-chu-van-an")));
            await(() -> find(kiosk, "#exhibit-untranslated") != null);
            pause(800);
            shot(kiosk, out, "ko-exhibit-untranslated", suffix);
            fx(kiosk::resetToWelcome);

            fx(() -> kiosk.chooseLanguage("en"));
            await(() -> kiosk.sessionId().isPresent());
            // moving to an exhibit before a word: its greeting takes the place of the site's
            fx(() -> kiosk.askAbout("khue-van-cac"));
            await(() -> kiosk.view().root().lookupAll(".bubble-guide .label").stream()
                    .anyMatch(label -> ((javafx.scene.control.Label) label).getText().contains("You are at")));
            fx(() -> kiosk.ask("When was it built?"));
            await(() -> kiosk.view().root().lookupAll(".bubble-guide").size() >= 2);
            pause(800);
            shot(kiosk, out, "conversation", suffix);

            fx(() -> touch(find(kiosk, "#question-field")));
            for (String key : "where are the toi".split("")) {
                fx(() -> touch(find(kiosk, "#key-" + (key.equals(" ") ? "space" : key))));
            }
            pause(800);
            shot(kiosk, out, "keyboard", suffix);
            fx(() -> touch(find(kiosk, "#key-close")));
            fx(() -> ((javafx.scene.control.TextField) find(kiosk, "#question-field")).clear());

            fx(() -> touch(find(kiosk, "#text-size-button")));
            fx(() -> touch(find(kiosk, "#text-size-button")));
            pause(800);
            shot(kiosk, out, "large-text", suffix);
            fx(() -> kiosk.view().showExhibits());
            pause(800);
            shot(kiosk, out, "large-text-exhibits", suffix);
            fx(() -> kiosk.view().showConversation());
            fx(() -> touch(find(kiosk, "#text-size-button")));

            fx(() -> kiosk.view().showExhibits());
            pause(800);
            shot(kiosk, out, "exhibits", suffix);

            fx(() -> touch(find(kiosk, "#exhibit-khue-van-cac")));
            await(() -> find(kiosk, "#picture-0 .picture") instanceof javafx.scene.image.ImageView picture
                    && picture.getImage() != null && picture.getImage().getProgress() >= 1.0);
            pause(800);
            shot(kiosk, out, "exhibit", suffix);

            fx(() -> kiosk.view().showInfo());
            pause(800);
            shot(kiosk, out, "info", suffix);

            fx(() -> kiosk.view().showConversation());
            fx(kiosk::showHandoff);
            await(() -> find(kiosk, "#handoff-qr") != null);
            pause(800);
            shot(kiosk, out, "handoff", suffix);

            fx(() -> kiosk.view().hideOverlay());
            fx(() -> touch(find(kiosk, "#language-button")));
            pause(800);
            shot(kiosk, out, "languages", suffix);

            fx(() -> kiosk.view().hideOverlay());
            relay.stop();
            fx(() -> kiosk.ask("Where are the toilets?"));
            await(() -> !kiosk.link().online());
            pause(1200);
            shot(kiosk, out, "server-down", suffix);

            fx(kiosk::shutdown);
            relay.start();
        } finally {
            Platform.exit();
        }
    }

    private static Node find(Kiosk kiosk, String query) {
        return kiosk.view().root().lookup(query);
    }

    /** A touch on {@code node}: what a visitor's finger does (a button fires, a card opens). */
    private static void touch(Node node) {
        if (node instanceof javafx.scene.control.ButtonBase button) {
            button.fire();
            return;
        }
        var centre = node.localToScene(node.getLayoutBounds().getCenterX(), node.getLayoutBounds().getCenterY());
        var screen = node.localToScreen(node.getLayoutBounds().getCenterX(), node.getLayoutBounds().getCenterY());
        for (var type : List.of(javafx.scene.input.MouseEvent.MOUSE_PRESSED, javafx.scene.input.MouseEvent.MOUSE_RELEASED,
                javafx.scene.input.MouseEvent.MOUSE_CLICKED)) {
            javafx.event.Event.fireEvent(node, new javafx.scene.input.MouseEvent(type, centre.getX(), centre.getY(),
                    screen.getX(), screen.getY(), javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false,
                    type == javafx.scene.input.MouseEvent.MOUSE_PRESSED, false, false, true, false, true, null));
        }
    }

    private static void fx(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(10, TimeUnit.SECONDS);
    }

    private static void await(Supplier<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            CompletableFuture<Boolean> met = new CompletableFuture<>();
            Platform.runLater(() -> met.complete(condition.get()));
            if (met.get(10, TimeUnit.SECONDS)) {
                return;
            }
            pause(200);
        }
        throw new IllegalStateException("The kiosk did not get there in 60 s");
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    /** JavaFX's own snapshot of the full-screen scene: exactly what is on the display, however slow the machine. */
    private static void shot(Kiosk kiosk, Path out, String name, String suffix) throws Exception {
        Path file = out.resolve("kiosk-" + name + "-" + suffix + ".png");
        CompletableFuture<javafx.scene.image.WritableImage> image = new CompletableFuture<>();
        Platform.runLater(() -> image.complete(kiosk.view().root().getScene().snapshot(null)));
        javafx.scene.image.WritableImage shot = image.get(20, TimeUnit.SECONDS);
        int width = (int) shot.getWidth();
        int height = (int) shot.getHeight();
        java.awt.image.BufferedImage rgb = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var pixels = shot.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                rgb.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        javax.imageio.ImageIO.write(rgb, "png", file.toFile());
        System.out.println("screenshot " + file + " " + Files.size(file) / 1024 + " KB");
    }
}

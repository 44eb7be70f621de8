package org.heritageguide.kiosk.ui;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.logging.Logger;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The only way out of the kiosk: an operator holds the top-left corner for three seconds, then types
 * the PIN from the configuration on a touch keypad. Without a configured PIN the gesture does nothing
 * but log how to set one. Five wrong PINs lock the keypad for a minute.
 */
public final class OperatorExit {

    private static final Logger log = Logger.getLogger(OperatorExit.class.getName());
    private static final Duration HOLD = Duration.seconds(3);
    private static final int MAX_TRIES = 5;
    private static final long LOCK_MILLIS = 60_000;

    private final KioskView view;
    private final String pin;
    private final Runnable exit;
    private int wrongTries;
    private long lockedUntil;

    public OperatorExit(KioskView view, String pin, Runnable exit) {
        this.view = view;
        this.pin = pin;
        this.exit = exit;
    }

    /** Puts the invisible corner on the screen. */
    public void install() {
        Region corner = new Region();
        corner.setId("operator-corner");
        corner.getStyleClass().add("operator-corner");
        corner.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(corner, Pos.TOP_LEFT);
        PauseTransition hold = new PauseTransition(HOLD);
        hold.setOnFinished(e -> requested());
        corner.setOnMousePressed(e -> hold.playFromStart());
        corner.setOnMouseReleased(e -> hold.stop());
        view.stack().getChildren().add(corner);
    }

    void requested() {
        if (pin.isEmpty()) {
            log.warning("Operator exit requested, but it is disabled: no PIN is configured. "
                    + "Set KIOSK_OPERATOR_PIN (or kiosk.operator-pin in the config file) and restart the kiosk.");
            return;
        }
        log.info("Operator exit requested: asking for the PIN");
        showKeypad();
    }

    private void showKeypad() {
        UiTexts texts = view.texts();
        StringBuilder typed = new StringBuilder();
        Label title = KioskView.label(texts.get("operator.pin"), "overlay-title");
        Label dots = KioskView.label("", "pin-dots");
        dots.setId("pin-dots");
        Label message = KioskView.label("", "overlay-text");
        GridPane keys = new GridPane();
        keys.getStyleClass().add("keypad");
        keys.setAlignment(Pos.CENTER);
        String[] faces = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"};
        for (int i = 0; i < faces.length; i++) {
            String face = faces[i];
            Button key = new Button(face);
            key.setId("pin-key-" + (face.equals("⌫") ? "back" : face.toLowerCase()));
            key.getStyleClass().add("key");
            key.setOnAction(e -> {
                if (face.equals("⌫")) {
                    if (typed.length() > 0) {
                        typed.setLength(typed.length() - 1);
                    }
                } else if (face.equals("OK")) {
                    check(typed.toString(), message);
                    typed.setLength(0);
                } else if (typed.length() < 12) {
                    typed.append(face);
                }
                dots.setText("●".repeat(typed.length()));
            });
            keys.add(key, i % 3, i / 3);
        }
        Button cancel = new Button(texts.get("operator.cancel"));
        cancel.setId("pin-cancel");
        cancel.getStyleClass().add("secondary-button");
        cancel.setOnAction(e -> view.hideOverlay());
        VBox card = view.card("operator-pin", title, dots, keys, message, cancel);
        view.showOverlay(card);
    }

    private void check(String typed, Label message) {
        long now = System.currentTimeMillis();
        if (now < lockedUntil) {
            message.setText(view.texts().get("operator.wrong"));
            return;
        }
        if (MessageDigest.isEqual(typed.getBytes(StandardCharsets.UTF_8), pin.getBytes(StandardCharsets.UTF_8))) {
            log.info("Operator PIN accepted: leaving the kiosk");
            exit.run();
            return;
        }
        wrongTries++;
        log.warning("Wrong operator PIN (" + wrongTries + " in a row)");
        message.setText(view.texts().get("operator.wrong"));
        if (wrongTries >= MAX_TRIES) {
            lockedUntil = now + LOCK_MILLIS;
            wrongTries = 0;
            log.warning("Operator keypad locked for a minute after " + MAX_TRIES + " wrong PINs");
        }
    }
}

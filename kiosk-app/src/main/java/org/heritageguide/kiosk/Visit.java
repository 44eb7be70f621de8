package org.heritageguide.kiosk;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.heritageguide.kiosk.audio.VoiceCapture;
import org.heritageguide.kiosk.guide.VoiceChannel;

import javafx.application.Platform;
import javafx.scene.control.Label;

/**
 * One visitor's time at the kiosk: their language, their conversation on the server, their voice
 * connection, the question being asked. A visit lives on the JavaFX thread: every method but
 * {@link #later} refuses to run anywhere else. What the server sends back comes to it through
 * {@link #later}, which drops it once the visit has ended, so the next visitor never sees it.
 */
final class Visit {

    private static final Logger log = Logger.getLogger(Visit.class.getName());

    private String language;
    /** The conversation's id, being opened or open. */
    private CompletableFuture<String> session;
    private String sessionId;
    private boolean greeted;
    /** Counts the visitor's questions and moves: audio for an older turn is not played. */
    private int turn;
    /** Questions asked and not answered yet. */
    private int awaitingAnswers;
    /** The bubble that shows what the recognizer heard so far. */
    private Label heard;
    private VoiceCapture capture;
    /** The voice connection, being opened or open. */
    private CompletableFuture<VoiceChannel> voice;
    private boolean ended;

    Visit(String language) {
        onFxThread();
        this.language = language;
    }

    /** Runs {@code action} on the JavaFX thread, unless the visit has ended by then. Call from any thread. */
    void later(Runnable action) {
        Platform.runLater(() -> {
            if (!ended) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    log.log(Level.SEVERE, "The kiosk screen could not be updated", e);
                }
            }
        });
    }

    String language() {
        onFxThread();
        return language;
    }

    void switchTo(String language) {
        onFxThread();
        this.language = language;
    }

    /** The conversation's id: the one being opened or open, else a new one from {@code opener}. */
    CompletableFuture<String> session(Supplier<CompletableFuture<String>> opener) {
        onFxThread();
        if (session == null || session.isCompletedExceptionally() || session.isCancelled()) {
            session = opener.get();
        }
        return session;
    }

    Optional<String> sessionId() {
        onFxThread();
        return Optional.ofNullable(sessionId);
    }

    /** The server opened the conversation; true the first time, when the guide's greeting is to be shown. */
    boolean opened(String id) {
        onFxThread();
        sessionId = id;
        boolean first = !greeted;
        greeted = true;
        return first;
    }

    /** The server no longer knows the conversation (it restarted): the next question opens a new one. */
    void forgetSession() {
        onFxThread();
        session = null;
        sessionId = null;
    }

    /** The visitor asked or moved on: the turn that their next answer's audio belongs to. */
    int nextTurn() {
        onFxThread();
        return ++turn;
    }

    int turn() {
        onFxThread();
        return turn;
    }

    void questionAsked() {
        onFxThread();
        awaitingAnswers++;
    }

    /** A question was answered, or will not be (it failed, nothing was heard). */
    void questionSettled() {
        onFxThread();
        awaitingAnswers = Math.max(0, awaitingAnswers - 1);
    }

    boolean awaitingAnswer() {
        onFxThread();
        return awaitingAnswers > 0;
    }

    /** Asking aloud or waiting for an answer: the kiosk does not ask whether the visitor is still there. */
    boolean busy() {
        onFxThread();
        return capture != null || awaitingAnswers > 0;
    }

    Optional<Label> heard() {
        onFxThread();
        return Optional.ofNullable(heard);
    }

    void hearing(Label bubble) {
        onFxThread();
        heard = bubble;
    }

    Optional<Label> takeHeard() {
        onFxThread();
        Optional<Label> taken = Optional.ofNullable(heard);
        heard = null;
        return taken;
    }

    boolean capturing() {
        onFxThread();
        return capture != null;
    }

    void capturing(VoiceCapture started) {
        onFxThread();
        capture = started;
    }

    void captureEnded() {
        onFxThread();
        capture = null;
    }

    /** Stops listening to the microphone (the capture then ends by itself). */
    void releaseCapture() {
        onFxThread();
        if (capture != null) {
            capture.release();
        }
    }

    /** The voice connection: the one being opened or still open, else a new one from {@code opener}. */
    CompletableFuture<VoiceChannel> voiceConnection(Supplier<CompletableFuture<VoiceChannel>> opener) {
        onFxThread();
        if (voice == null || voice.isCompletedExceptionally() || voice.isCancelled() || (voice.isDone() && !voice.join().isOpen())) {
            voice = opener.get();
        }
        return voice;
    }

    /** A voice connection closed; true if it was this visit's current one (an older one may close late). */
    boolean voiceConnectionClosed(CompletableFuture<VoiceChannel> connection) {
        onFxThread();
        if (voice != connection) {
            return false;
        }
        voice = null;
        return true;
    }

    /** The visitor has gone: stop listening, close the voice connection, drop whatever still arrives. */
    void end() {
        onFxThread();
        ended = true;
        releaseCapture();
        capture = null;
        if (voice != null) {
            voice.thenAccept(VoiceChannel::close);
            voice = null;
        }
    }

    private static void onFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("A visit is used on the JavaFX thread only, not on " + Thread.currentThread().getName());
        }
    }
}

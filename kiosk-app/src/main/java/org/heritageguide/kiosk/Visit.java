package org.heritageguide.kiosk;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.heritageguide.kiosk.audio.VoiceCapture;
import org.heritageguide.kiosk.guide.VoiceChannel;

import javafx.scene.control.Label;

/**
 * One visitor's time at the kiosk: their language, their conversation on the server, their voice
 * connection. Ending it closes all of that; the kiosk then drops whatever still arrives for it.
 */
final class Visit {

    volatile String language;
    volatile String sessionId;
    volatile VoiceChannel channel;
    volatile boolean ended;
    /** The press of the talk button being captured, if any (JavaFX thread). */
    VoiceCapture capture;
    /** The bubble that shows what the recognizer heard so far (JavaFX thread). */
    Label heard;
    /** Questions asked and not answered yet (JavaFX thread). */
    int pending;
    boolean greeted;
    /** Counts the visitor's questions and moves (JavaFX thread): audio for an older turn is not played. */
    int turn;
    private CompletableFuture<String> session;

    Visit(String language) {
        this.language = language;
    }

    /** The conversation's id: the one being opened or open, else a new one from {@code opener}. */
    synchronized CompletableFuture<String> session(Supplier<CompletableFuture<String>> opener) {
        if (session == null || session.isCompletedExceptionally() || session.isCancelled()) {
            session = opener.get();
        }
        return session;
    }

    synchronized void forgetSession() {
        session = null;
        sessionId = null;
    }

    void end() {
        ended = true;
        if (capture != null) {
            capture.release();
            capture = null;
        }
        VoiceChannel open = channel;
        channel = null;
        if (open != null) {
            open.close();
        }
    }
}

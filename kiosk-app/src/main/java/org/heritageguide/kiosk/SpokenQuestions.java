package org.heritageguide.kiosk;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.heritageguide.kiosk.audio.AnswerPlayer;
import org.heritageguide.kiosk.audio.AudioSource;
import org.heritageguide.kiosk.audio.AudioUnavailableException;
import org.heritageguide.kiosk.audio.VoiceCapture;
import org.heritageguide.kiosk.guide.Answer;
import org.heritageguide.kiosk.guide.GuideClient;
import org.heritageguide.kiosk.guide.SiteLink;
import org.heritageguide.kiosk.guide.VoiceChannel;
import org.heritageguide.kiosk.guide.VoiceListener;
import org.heritageguide.kiosk.ui.KioskView;

/**
 * Asking aloud: while the visitor holds the talk button, the microphone is captured and sent over the
 * visit's voice connection; what the guide heard, its answer and the answer's audio come back on it.
 * Called on the JavaFX thread. Sending waits on the network, so a press is sent on the {@code voice}
 * executor (one thread: a press's messages go out in order); whatever comes back returns to the
 * JavaFX thread through {@link Visit#later}.
 */
final class SpokenQuestions {

    private static final Logger log = Logger.getLogger(SpokenQuestions.class.getName());
    private static final long OPEN_TIMEOUT_SECONDS = 10;

    private final AudioSource.Factory microphone;
    private final GuideClient client;
    private final SiteLink link;
    private final KioskView view;
    private final AnswerPlayer player;
    private final Health health;
    private final Conversation conversation;
    private final Executor voice;
    private boolean microphoneMissingLogged;

    /** {@code voice} must run one task at a time, in order. */
    SpokenQuestions(AudioSource.Factory microphone, GuideClient client, SiteLink link, KioskView view, AnswerPlayer player,
                    Health health, Conversation conversation, Executor voice) {
        this.microphone = microphone;
        this.client = client;
        this.link = link;
        this.view = view;
        this.player = player;
        this.health = health;
        this.conversation = conversation;
        this.voice = voice;
    }

    void talkPressed(Visit visit) {
        if (visit.capturing() || !link.online()) {
            return;
        }
        player.stop();
        AudioSource source;
        try {
            source = microphone.open();
        } catch (AudioUnavailableException e) {
            if (!microphoneMissingLogged) {
                log.log(Level.WARNING, "No microphone: visitors can only type", e);
                microphoneMissingLogged = true;
            }
            view.addNotice(view.texts().get("talk.noVoice"));
            return;
        }
        health.spokenQuestions.incrementAndGet();
        visit.nextTurn();
        view.setListening(true);
        visit.hearing(view.addVisitorBubble("…"));
        visit.questionAsked();
        Press press = new Press(visit, visit.voiceConnection(() -> openConnection(visit)));
        voice.execute(press::start);
        visit.capturing(VoiceCapture.start(source,
                (pcm, length) -> {
                    byte[] frame = Arrays.copyOf(pcm, length);
                    voice.execute(() -> press.send(frame));
                },
                () -> {
                    voice.execute(press::stop);
                    visit.later(() -> captureEnded(visit));
                },
                e -> visit.later(() -> voiceFailed(visit, e))));
    }

    void talkReleased(Visit visit) {
        visit.releaseCapture();
    }

    private CompletableFuture<VoiceChannel> openConnection(Visit visit) {
        CompletableFuture<VoiceChannel> connection = new CompletableFuture<>();
        VoiceReplies replies = new VoiceReplies(visit, connection);
        conversation.session(visit).orTimeout(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .thenCompose(id -> VoiceChannel.open(client, id, replies).orTimeout(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .whenComplete((channel, failure) -> {
                    if (failure != null) {
                        connection.completeExceptionally(failure);
                    } else {
                        connection.complete(channel);
                    }
                });
        return connection;
    }

    private void captureEnded(Visit visit) {
        visit.captureEnded();
        view.setListening(false);
        if (visit.awaitingAnswer()) {
            view.setStatus(view.texts().get("talk.thinking"));
        }
    }

    private void voiceFailed(Visit visit, Exception e) {
        visit.releaseCapture();
        visit.questionSettled();
        view.setStatus("");
        conversation.failed(e);
    }

    /**
     * One press of the talk button as the voice executor sends it: start, the frames, stop. Used on
     * that executor only; after a failure the rest of the press is dropped.
     */
    private final class Press {
        private final Visit visit;
        private final CompletableFuture<VoiceChannel> connection;
        private VoiceChannel channel;
        private boolean failed;

        Press(Visit visit, CompletableFuture<VoiceChannel> connection) {
            this.visit = visit;
            this.connection = connection;
        }

        void start() {
            try {
                channel = connection.join();
                channel.start();
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        void send(byte[] frame) {
            if (channel != null && !failed) {
                try {
                    channel.sendPcm(frame, frame.length);
                } catch (RuntimeException e) {
                    fail(e);
                }
            }
        }

        void stop() {
            if (channel != null && !failed) {
                try {
                    channel.stop();
                } catch (RuntimeException e) {
                    fail(e);
                }
            }
        }

        private void fail(RuntimeException e) {
            failed = true;
            visit.later(() -> voiceFailed(visit, e));
        }
    }

    /** What one voice connection of one visit says, taken to the JavaFX thread. */
    private final class VoiceReplies implements VoiceListener {
        private final Visit visit;
        private final CompletableFuture<VoiceChannel> connection;

        VoiceReplies(Visit visit, CompletableFuture<VoiceChannel> connection) {
            this.visit = visit;
            this.connection = connection;
        }

        @Override
        public void partial(String text) {
            visit.later(() -> {
                if (!text.isBlank()) {
                    visit.heard().ifPresent(heard -> heard.setText(text + " …"));
                }
            });
        }

        @Override
        public void transcript(String text) {
            visit.later(() -> {
                var heard = visit.takeHeard();
                if (text.isBlank()) {
                    heard.ifPresent(view::removeBubble);
                    view.addNotice(view.texts().get("talk.noSpeech"));
                    visit.questionSettled();
                    view.setStatus("");
                } else if (heard.isPresent()) {
                    heard.get().setText(text);
                } else {
                    view.addVisitorBubble(text);
                }
            });
        }

        @Override
        public void answer(Answer answer) {
            visit.later(() -> {
                visit.questionSettled();
                view.setStatus("");
                conversation.showAnswer(answer);
            });
        }

        @Override
        public void audioStart(String format) {
            visit.later(player::begin);
        }

        @Override
        public void audioBytes(byte[] bytes) {
            visit.later(() -> player.bytes(bytes));
        }

        @Override
        public void audioEnd() {
            visit.later(player::end);
        }

        @Override
        public void error(String code, String message) {
            log.warning(() -> "Voice error from the server: " + code + " " + message);
            boolean sessionGone = "session-not-found".equals(code);
            visit.later(() -> {
                if (sessionGone) {
                    // the server forgot this conversation (it restarted): the next question opens a new one
                    visit.forgetSession();
                }
                if ("timeout".equals(code) && !visit.awaitingAnswer() && visit.heard().isEmpty()) {
                    // an idle connection let go while the visitor reads: the next question opens a new one
                    return;
                }
                visit.questionSettled();
                visit.takeHeard().ifPresent(view::removeBubble);
                view.setStatus("");
                view.addNotice(sessionGone || message == null || message.isBlank() ? view.texts().get("error.generic") : message);
            });
        }

        @Override
        public void closed(Throwable failure) {
            visit.later(() -> {
                if (visit.voiceConnectionClosed(connection)) {
                    // nothing the visitor says now reaches the guide: stop listening
                    visit.releaseCapture();
                }
                if (failure != null) {
                    link.reportFailure(failure);
                }
            });
        }
    }
}

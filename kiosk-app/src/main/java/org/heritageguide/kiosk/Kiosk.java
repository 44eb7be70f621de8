package org.heritageguide.kiosk;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.heritageguide.kiosk.audio.AnswerPlayer;
import org.heritageguide.kiosk.audio.AudioOutput;
import org.heritageguide.kiosk.audio.AudioSource;
import org.heritageguide.kiosk.audio.AudioUnavailableException;
import org.heritageguide.kiosk.audio.VoiceCapture;
import org.heritageguide.kiosk.guide.Answer;
import org.heritageguide.kiosk.guide.ExhibitDetail;
import org.heritageguide.kiosk.guide.GuideClient;
import org.heritageguide.kiosk.guide.GuideErrorException;
import org.heritageguide.kiosk.guide.OpenedSession;
import org.heritageguide.kiosk.guide.SiteCache;
import org.heritageguide.kiosk.guide.SiteInfo;
import org.heritageguide.kiosk.guide.SiteLink;
import org.heritageguide.kiosk.guide.VoiceChannel;
import org.heritageguide.kiosk.guide.VoiceListener;
import org.heritageguide.kiosk.ui.KioskView;
import org.heritageguide.kiosk.ui.OperatorExit;
import org.heritageguide.kiosk.ui.UiTexts;

import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The kiosk: one visitor at a time. A visitor picks a language, which opens a conversation on the
 * server; asks by voice or by typing; browses the exhibits and the visitor information; and walks
 * away, after which the kiosk says goodbye and forgets everything of that visit. Actions run on the
 * JavaFX thread; the answers of a visit that has ended are dropped, so the next visitor never sees
 * them.
 */
public final class Kiosk implements KioskView.KioskActions {

    private static final Logger log = Logger.getLogger(Kiosk.class.getName());
    private static final java.time.Duration SITE_REFRESH = java.time.Duration.ofSeconds(30);
    private static final Duration GOODBYE_SHOWN = Duration.seconds(3);

    private final KioskSettings settings;
    private final AudioSource.Factory microphone;
    private final AnswerPlayer player;
    private final ExecutorService network = Executors.newFixedThreadPool(2, daemon("kiosk-http"));
    private final ExecutorService voice = Executors.newSingleThreadExecutor(daemon("kiosk-voice"));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("kiosk-scheduler"));
    private final GuideClient client;
    private final SiteLink link;
    private final KioskView view;
    private final Health health = new Health();
    private final PauseTransition idle;
    private final Timeline countdown = new Timeline();
    private final PauseTransition goodbye = new PauseTransition(GOODBYE_SHOWN);
    private Watchdog watchdog;
    private Runnable exitAction = Platform::exit;
    private Stage stage;
    private boolean leaving;
    private boolean microphoneMissingLogged;
    private Visit visit;
    private int secondsLeft;

    public Kiosk(KioskSettings settings, AudioSource.Factory microphone, AudioOutput speaker) {
        this.settings = settings;
        this.microphone = microphone;
        this.player = new AnswerPlayer(speaker);
        this.client = new GuideClient(settings.server(), network);
        this.link = new SiteLink(client, new SiteCache(settings.cacheDir()), settings.site(), settings.reconnectMax(),
                SITE_REFRESH, scheduler);
        this.view = new KioskView(this);
        this.idle = new PauseTransition(Duration.millis(settings.idleTimeout().toMillis()));
        idle.setOnFinished(e -> idleExpired());
        goodbye.setOnFinished(e -> resetToWelcome());
        countdown.getKeyFrames().add(new KeyFrame(Duration.seconds(1), e -> tick()));
        countdown.setCycleCount(Timeline.INDEFINITE);
        player.onFinished(() -> Platform.runLater(this::activity));
    }

    /** Puts the kiosk on the stage and starts talking to the server. Call on the JavaFX thread. */
    public void show(Stage stage, double width, double height) {
        this.stage = stage;
        Scene scene = new Scene(view.root(), width, height);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> activity());
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, e -> activity());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> activity());
        scene.addEventFilter(ScrollEvent.SCROLL, e -> activity());
        stage.setScene(scene);
        stage.setTitle("Heritage Guide");
        if (settings.fullScreen()) {
            lockFullScreen(stage, scene);
        }
        new OperatorExit(view, settings.operatorPin(), this::operatorExit).install();
        link.onSite(site -> Platform.runLater(() -> siteChanged(site)));
        link.onStatus(up -> Platform.runLater(() -> statusChanged(up)));
        link.start();
        watchdog = new Watchdog(scheduler, this::healthLine, settings.healthInterval());
        watchdog.start();
        stage.show();
    }

    private void lockFullScreen(Stage stage, Scene scene) {
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
        stage.setAlwaysOnTop(true);
        scene.setCursor(Cursor.NONE);
        stage.fullScreenProperty().addListener((o, was, now) -> {
            if (!now && !leaving) {
                Platform.runLater(() -> stage.setFullScreen(true));
            }
        });
        stage.setOnCloseRequest(e -> {
            if (!leaving) {
                log.info("Ignoring a request to close the kiosk window: operators leave with the corner gesture and the PIN");
                e.consume();
            }
        });
    }

    public void shutdown() {
        if (watchdog != null) {
            watchdog.stop();
        }
        if (visit != null) {
            visit.end();
        }
        player.close();
        scheduler.shutdownNow();
        voice.shutdownNow();
        network.shutdownNow();
    }

    public KioskView view() {
        return view;
    }

    public Health health() {
        return health;
    }

    public SiteLink link() {
        return link;
    }

    public AnswerPlayer player() {
        return player;
    }

    /** The server's id of the current visitor's conversation, if one is open. */
    public Optional<String> sessionId() {
        return Optional.ofNullable(visit).map(v -> v.sessionId);
    }

    // ------------------------------------------------------------------ the visit

    @Override
    public void chooseLanguage(String language) {
        if (visit != null) {
            visit.end();
        }
        visit = new Visit(language);
        health.visits.incrementAndGet();
        log.fine(() -> "Visit in " + language);
        view.startVisit(language);
        view.setOnline(link.online());
        activity();
        if (link.online()) {
            session(visit);
        }
    }

    @Override
    public void changeLanguage(String language) {
        Visit current = visit;
        if (current == null || language.equals(current.language)) {
            return;
        }
        current.language = language;
        view.switchLanguage(language);
        view.setOnline(link.online());
        if (current.sessionId != null) {
            client.changeLanguage(current.sessionId, language).whenComplete((ok, failure) -> {
                if (failure != null) {
                    onFx(current, () -> failed(failure));
                }
            });
        }
    }

    @Override
    public void ask(String question) {
        Visit current = visit;
        if (current == null) {
            return;
        }
        player.stop();
        view.clearQuestionField();
        view.addVisitorBubble(question);
        view.setStatus(view.texts().get("talk.thinking"));
        health.typedQuestions.incrementAndGet();
        current.pending++;
        int turn = ++current.turn;
        withSession(current, id -> client.ask(id, question)).whenComplete((answer, failure) -> onFx(current, () -> {
            current.pending--;
            view.setStatus("");
            if (failure != null) {
                failed(failure);
            } else {
                showAnswer(answer);
                playFor(current, turn, answer.audioUrl());
            }
        }));
    }

    @Override
    public void askAbout(String exhibit) {
        Visit current = visit;
        if (current == null) {
            return;
        }
        view.showConversation();
        view.focusOn(exhibit);
        player.stop();
        int turn = ++current.turn;
        withSession(current, id -> client.moveTo(id, exhibit)).whenComplete((greeting, failure) -> onFx(current, () -> {
            if (failure != null) {
                failed(failure);
            } else if (greeting != null) {
                view.addGuideBubble(greeting.text(), null, null);
                playFor(current, turn, greeting.audioUrl());
            }
        }));
    }

    @Override
    public Optional<ExhibitDetail> exhibit(String exhibit) {
        return link.cachedExhibit(exhibit);
    }

    @Override
    public String address(String path) {
        return client.server().resolve(path).toString();
    }

    @Override
    public void showHandoff() {
        Visit current = visit;
        if (current == null) {
            return;
        }
        session(current).whenComplete((id, failure) -> onFx(current, () -> {
            if (failure != null) {
                failed(failure);
            } else {
                health.handoffs.incrementAndGet();
                view.showHandoff(settings.phoneUrl() + "/c/" + id);
            }
        }));
    }

    @Override
    public void finish() {
        if (visit != null) {
            sayGoodbye();
        }
    }

    /** The visitor has gone: forget everything of the visit and invite the next one. */
    public void resetToWelcome() {
        Visit old = visit;
        visit = null;
        if (old != null) {
            old.end();
            health.resets.incrementAndGet();
        }
        player.stop();
        idle.stop();
        countdown.stop();
        goodbye.stop();
        view.setSite(link.site().orElse(null));
        view.showWelcome();
        view.setOnline(link.online());
    }

    // ------------------------------------------------------------------ voice

    @Override
    public void talkPressed() {
        Visit current = visit;
        if (current == null || current.capture != null || !link.online()) {
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
        current.turn++;
        view.setListening(true);
        current.heard = view.addVisitorBubble("…");
        current.pending++;
        Press press = new Press();
        voice.execute(() -> {
            try {
                VoiceChannel channel = channel(current);
                channel.start();
                press.channel = channel;
            } catch (RuntimeException e) {
                press.failed = true;
                onFx(current, () -> voiceFailed(current, e));
            }
        });
        current.capture = VoiceCapture.start(source,
                (pcm, length) -> {
                    byte[] frame = Arrays.copyOf(pcm, length);
                    voice.execute(() -> {
                        if (press.channel != null && !press.failed) {
                            try {
                                press.channel.sendPcm(frame, frame.length);
                            } catch (RuntimeException e) {
                                press.failed = true;
                                onFx(current, () -> voiceFailed(current, e));
                            }
                        }
                    });
                },
                () -> {
                    voice.execute(() -> {
                        if (press.channel != null && !press.failed) {
                            try {
                                press.channel.stop();
                            } catch (RuntimeException e) {
                                onFx(current, () -> voiceFailed(current, e));
                            }
                        }
                    });
                    onFx(current, () -> captureEnded(current));
                },
                e -> onFx(current, () -> voiceFailed(current, e)));
    }

    @Override
    public void talkReleased() {
        Visit current = visit;
        if (current != null && current.capture != null) {
            current.capture.release();
        }
    }

    private void captureEnded(Visit current) {
        current.capture = null;
        view.setListening(false);
        if (current.pending > 0) {
            view.setStatus(view.texts().get("talk.thinking"));
        }
    }

    private void voiceFailed(Visit current, Exception e) {
        if (current.capture != null) {
            current.capture.release();
        }
        current.pending = Math.max(0, current.pending - 1);
        view.setStatus("");
        failed(e);
    }

    private VoiceChannel channel(Visit current) {
        VoiceChannel channel = current.channel;
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        String id = session(current).orTimeout(10, TimeUnit.SECONDS).join();
        channel = VoiceChannel.open(client, id, new VisitVoice(current)).orTimeout(10, TimeUnit.SECONDS).join();
        current.channel = channel;
        if (current.ended) {
            channel.close();
        }
        return channel;
    }

    private static final class Press {
        volatile VoiceChannel channel;
        volatile boolean failed;
    }

    /** What the voice connection says, for one visit only. */
    private final class VisitVoice implements VoiceListener {
        private final Visit owner;

        VisitVoice(Visit owner) {
            this.owner = owner;
        }

        private boolean current() {
            return !owner.ended && owner == visit;
        }

        @Override
        public void partial(String text) {
            onFx(owner, () -> {
                if (owner.heard != null && !text.isBlank()) {
                    owner.heard.setText(text + " …");
                }
            });
        }

        @Override
        public void transcript(String text) {
            onFx(owner, () -> {
                Label heard = owner.heard;
                owner.heard = null;
                if (text.isBlank()) {
                    if (heard != null) {
                        view.removeBubble(heard);
                    }
                    view.addNotice(view.texts().get("talk.noSpeech"));
                    owner.pending = Math.max(0, owner.pending - 1);
                    view.setStatus("");
                } else if (heard != null) {
                    heard.setText(text);
                } else {
                    view.addVisitorBubble(text);
                }
            });
        }

        @Override
        public void answer(Answer answer) {
            onFx(owner, () -> {
                owner.pending = Math.max(0, owner.pending - 1);
                view.setStatus("");
                showAnswer(answer);
            });
        }

        @Override
        public void audioStart(String format) {
            if (current()) {
                player.begin();
            }
        }

        @Override
        public void audioBytes(byte[] bytes) {
            if (current()) {
                player.bytes(bytes);
            }
        }

        @Override
        public void audioEnd() {
            if (current()) {
                player.end();
            }
        }

        @Override
        public void error(String code, String message) {
            log.warning(() -> "Voice error from the server: " + code + " " + message);
            boolean sessionGone = "session-not-found".equals(code);
            if (sessionGone) {
                // the server forgot this conversation (it restarted): the next question opens a new one
                owner.forgetSession();
            }
            onFx(owner, () -> {
                if ("timeout".equals(code) && owner.pending == 0 && owner.heard == null) {
                    // an idle connection let go while the visitor reads: the next question opens a new one
                    return;
                }
                owner.pending = Math.max(0, owner.pending - 1);
                if (owner.heard != null) {
                    view.removeBubble(owner.heard);
                    owner.heard = null;
                }
                view.setStatus("");
                view.addNotice(sessionGone || message == null || message.isBlank() ? view.texts().get("error.generic") : message);
            });
        }

        @Override
        public void closed(Throwable failure) {
            owner.channel = null;
            // nothing the visitor says now reaches the guide: stop listening
            onFx(owner, () -> {
                if (owner.capture != null) {
                    owner.capture.release();
                }
            });
            if (failure != null && current()) {
                link.reportFailure(failure);
            }
        }
    }

    // ------------------------------------------------------------------ answers, sessions, failures

    private void showAnswer(Answer answer) {
        view.addGuideBubble(answer.text(), answer.sources(), answer.notice());
        health.answers.incrementAndGet();
        activity();
        link.reportSuccess();
    }

    /** Fetches and plays the audio at {@code url}, unless the visitor has asked or moved on since {@code turn}. */
    private void playFor(Visit current, int turn, String url) {
        if (url == null) {
            return;
        }
        client.audio(url).whenComplete((wav, failure) -> {
            if (failure != null) {
                log.log(Level.WARNING, "The guide's audio could not be fetched", failure);
            } else {
                onFx(current, () -> {
                    if (current.turn == turn) {
                        player.play(wav);
                    }
                });
            }
        });
    }

    private CompletableFuture<String> session(Visit current) {
        return current.session(() -> client.openSession(siteId(), current.language).thenApply(opened -> {
            onFx(current, () -> greet(current, opened));
            return opened.id();
        }));
    }

    private void greet(Visit current, OpenedSession opened) {
        current.sessionId = opened.id();
        if (!current.greeted && opened.greeting() != null) {
            current.greeted = true;
            view.addGuideBubble(opened.greeting(), null, null);
            playFor(current, current.turn, opened.greetingAudioUrl());
        }
    }

    /** Runs {@code call} with the visit's session, opening a new one once if the server forgot it. */
    private <T> CompletableFuture<T> withSession(Visit current, Function<String, CompletableFuture<T>> call) {
        return session(current).thenCompose(call).exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof GuideErrorException error && error.sessionGone()) {
                log.info("The server no longer knows this visit's conversation: opening a new one");
                current.forgetSession();
                return session(current).thenCompose(call);
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    private void failed(Throwable failure) {
        health.errors.incrementAndGet();
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (SiteLink.unavailable(cause)) {
            link.reportFailure(cause);
            log.warning(() -> "Server unreachable during a visit: " + cause.getMessage());
            view.addNotice(view.texts().get("offline.title"));
        } else {
            log.log(Level.WARNING, "A visitor's request failed", cause);
            view.addNotice(view.texts().get("error.generic"));
        }
    }

    private String siteId() {
        String id = link.siteId();
        if (id == null) {
            throw new IllegalStateException("The kiosk does not know its site yet");
        }
        return id;
    }

    private void onFx(Visit owner, Runnable action) {
        Platform.runLater(() -> {
            if (!owner.ended && owner == visit) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    log.log(Level.SEVERE, "The kiosk screen could not be updated", e);
                }
            }
        });
    }

    // ------------------------------------------------------------------ server and site

    private void siteChanged(SiteInfo site) {
        view.setSite(site);
        if (visit == null) {
            view.showWelcome();
            view.setOnline(link.online());
        }
    }

    private void statusChanged(boolean online) {
        view.setOnline(online);
        Visit current = visit;
        if (online && current != null && current.sessionId == null) {
            session(current);
        }
    }

    // ------------------------------------------------------------------ idle

    private void activity() {
        if (visit == null) {
            return;
        }
        if (view.overlayShown("still-there")) {
            countdown.stop();
            view.hideOverlay();
        }
        if (goodbye.getStatus() != javafx.animation.Animation.Status.RUNNING) {
            idle.playFromStart();
        }
    }

    private void idleExpired() {
        Visit current = visit;
        if (current == null) {
            return;
        }
        if (player.playing() || current.capture != null || current.pending > 0) {
            idle.playFromStart();
            return;
        }
        secondsLeft = (int) Math.max(1, settings.stillThere().toSeconds());
        view.showStillThere(secondsLeft, this::activity);
        if (settings.stillThere().toMillis() < 1000) {
            countdown.stop();
            PauseTransition shortWait = new PauseTransition(Duration.millis(settings.stillThere().toMillis()));
            shortWait.setOnFinished(e -> {
                if (view.overlayShown("still-there")) {
                    sayGoodbye();
                }
            });
            shortWait.play();
            return;
        }
        countdown.playFromStart();
    }

    private void tick() {
        secondsLeft--;
        if (secondsLeft <= 0) {
            countdown.stop();
            sayGoodbye();
        } else {
            view.updateCountdown(secondsLeft);
        }
    }

    private void sayGoodbye() {
        idle.stop();
        countdown.stop();
        player.stop();
        String siteName = link.site().map(s -> s.text(s.name(), view.texts().language())).orElse("");
        view.showGoodbye(siteName);
        goodbye.playFromStart();
    }

    // ------------------------------------------------------------------ operator and health

    private void operatorExit() {
        leaving = true;
        log.info(healthLine());
        shutdown();
        if (stage != null) {
            stage.setFullScreen(false);
        }
        exitAction.run();
    }

    /** What leaving the kiosk finally does (a test watches it instead of ending JavaFX). */
    public void onOperatorExit(Runnable action) {
        this.exitAction = action;
    }

    String healthLine() {
        Runtime runtime = Runtime.getRuntime();
        long usedMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
        return String.format(java.util.Locale.ROOT,
                "kiosk health: up %s, server %s %s (outages %d, last reconnect %s), site %s, visits %d, resets %d, "
                        + "questions typed %d spoken %d, answers %d, hand-offs %d, errors %d, audio played %d KB, "
                        + "heap %d/%d MB, threads %d",
                health.uptime(), settings.server(), link.online() ? "online" : "OFFLINE", link.outages(),
                link.lastReconnectMillis() < 0 ? "-" : link.lastReconnectMillis() + " ms", link.siteId(),
                health.visits.get(), health.resets.get(), health.typedQuestions.get(), health.spokenQuestions.get(),
                health.answers.get(), health.handoffs.get(), health.errors.get(), player.bytesPlayed() / 1024,
                usedMb, runtime.maxMemory() / (1024 * 1024), Thread.activeCount());
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    UiTexts texts() {
        return view.texts();
    }
}

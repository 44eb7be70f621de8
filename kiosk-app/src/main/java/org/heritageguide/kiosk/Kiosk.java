package org.heritageguide.kiosk;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Logger;

import org.heritageguide.kiosk.audio.AnswerPlayer;
import org.heritageguide.kiosk.audio.AudioOutput;
import org.heritageguide.kiosk.audio.AudioSource;
import org.heritageguide.kiosk.guide.ExhibitDetail;
import org.heritageguide.kiosk.guide.GuideClient;
import org.heritageguide.kiosk.guide.SiteCache;
import org.heritageguide.kiosk.guide.SiteLink;
import org.heritageguide.kiosk.ui.KioskView;
import org.heritageguide.kiosk.ui.OperatorExit;

import javafx.application.Platform;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;
import javafx.stage.Stage;

/**
 * The kiosk: one visitor at a time. A visitor picks a language, which opens a conversation on the
 * server; asks by voice or by typing; browses the exhibits and the visitor information; and walks
 * away, after which the kiosk says goodbye and forgets everything of that visit. This class puts the
 * parts together and hands each touch to the one it concerns: {@link ScreenFlow} (the screens from
 * welcome to goodbye, and the visit under way), {@link Conversation} (the visit's conversation with
 * the server) and {@link SpokenQuestions} (asking aloud).
 * <p>
 * How the kiosk stays safe across threads: the screen and each {@link Visit} are used on the JavaFX
 * thread only (a visit refuses any other). What waits runs elsewhere (HTTP on {@code kiosk-http}, a
 * press's sending on {@code kiosk-voice}, the microphone and the speaker on their own threads), and
 * its result comes back to the JavaFX thread through {@link Visit#later}, which drops it once that
 * visit has ended, so the next visitor never sees it.
 */
public final class Kiosk implements KioskView.KioskActions {

    private static final Logger log = Logger.getLogger(Kiosk.class.getName());
    private static final Duration SITE_REFRESH = Duration.ofSeconds(30);

    private final KioskSettings settings;
    private final AnswerPlayer player;
    private final ExecutorService network = Executors.newFixedThreadPool(2, daemon("kiosk-http"));
    private final ExecutorService voice = Executors.newSingleThreadExecutor(daemon("kiosk-voice"));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("kiosk-scheduler"));
    private final GuideClient client;
    private final SiteLink link;
    private final KioskView view;
    private final Health health = new Health();
    private final ScreenFlow screens;
    private final Conversation conversation;
    private final SpokenQuestions spoken;
    private Watchdog watchdog;
    private Runnable exitAction = Platform::exit;
    private Stage stage;
    private boolean leaving;

    public Kiosk(KioskSettings settings, AudioSource.Factory microphone, AudioOutput speaker) {
        this.settings = settings;
        this.player = new AnswerPlayer(speaker);
        this.client = new GuideClient(settings.server(), network);
        this.link = new SiteLink(client, new SiteCache(settings.cacheDir()), settings.site(), settings.reconnectMax(),
                SITE_REFRESH, scheduler);
        this.view = new KioskView(this);
        this.screens = new ScreenFlow(view, link, player, health, settings.idleTimeout(), settings.stillThere());
        this.conversation = new Conversation(client, link, view, player, health, settings.phoneUrl(), screens::activity);
        this.spoken = new SpokenQuestions(microphone, client, link, view, player, health, conversation, voice);
        player.onFinished(() -> Platform.runLater(screens::activity));
    }

    /** Puts the kiosk on the stage and starts talking to the server. Call on the JavaFX thread. */
    public void show(Stage stage, double width, double height) {
        this.stage = stage;
        Scene scene = new Scene(view.root(), width, height);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> screens.activity());
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, e -> screens.activity());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> screens.activity());
        scene.addEventFilter(ScrollEvent.SCROLL, e -> screens.activity());
        stage.setScene(scene);
        stage.setTitle("Heritage Guide");
        if (settings.fullScreen()) {
            lockFullScreen(stage, scene);
        }
        new OperatorExit(view, settings.operatorPin(), this::operatorExit).install();
        link.onSite(site -> Platform.runLater(() -> screens.siteChanged(site)));
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

    /** Call on the JavaFX thread. */
    public void shutdown() {
        if (watchdog != null) {
            watchdog.stop();
        }
        screens.visit().ifPresent(Visit::end);
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

    /** The server's id of the current visitor's conversation, if one is open. Call on the JavaFX thread. */
    public Optional<String> sessionId() {
        return screens.visit().flatMap(Visit::sessionId);
    }

    @Override
    public void chooseLanguage(String language) {
        conversation.open(screens.startVisit(language));
    }

    @Override
    public void changeLanguage(String language) {
        duringAVisit(visit -> conversation.changeLanguage(visit, language));
    }

    @Override
    public void ask(String question) {
        duringAVisit(visit -> conversation.ask(visit, question));
    }

    @Override
    public void askAbout(String exhibit) {
        duringAVisit(visit -> conversation.askAbout(visit, exhibit));
    }

    @Override
    public void showHandoff() {
        duringAVisit(conversation::showHandoff);
    }

    @Override
    public void talkPressed() {
        duringAVisit(spoken::talkPressed);
    }

    @Override
    public void talkReleased() {
        duringAVisit(spoken::talkReleased);
    }

    @Override
    public void finish() {
        screens.finish();
    }

    @Override
    public Optional<ExhibitDetail> exhibit(String exhibit) {
        return link.cachedExhibit(exhibit);
    }

    @Override
    public String address(String path) {
        return client.server().resolve(path).toString();
    }

    /** The visitor has gone: forget everything of the visit and invite the next one. */
    public void resetToWelcome() {
        screens.resetToWelcome();
    }

    private void duringAVisit(Consumer<Visit> action) {
        screens.visit().ifPresent(action);
    }

    private void statusChanged(boolean online) {
        view.setOnline(online);
        if (online) {
            screens.visit().ifPresent(conversation::open);
        }
    }

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
        return String.format(Locale.ROOT,
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
}

package org.heritageguide.kiosk;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.heritageguide.kiosk.audio.AnswerPlayer;
import org.heritageguide.kiosk.guide.Answer;
import org.heritageguide.kiosk.guide.GuideClient;
import org.heritageguide.kiosk.guide.GuideErrorException;
import org.heritageguide.kiosk.guide.OpenedSession;
import org.heritageguide.kiosk.guide.SiteLink;
import org.heritageguide.kiosk.ui.KioskView;

import javafx.application.Platform;

/**
 * A visit's conversation with the guide server over its HTTP API: opening it (and the guide's
 * greeting), typed questions, moving to an exhibit, switching language, the hand-off to a phone; the
 * answers shown and heard, and what the visitor is told when a request fails. Called on the JavaFX
 * thread; the server's replies come back to it through {@link Visit#later}.
 */
final class Conversation {

    private static final Logger log = Logger.getLogger(Conversation.class.getName());

    private final GuideClient client;
    private final SiteLink link;
    private final KioskView view;
    private final AnswerPlayer player;
    private final Health health;
    private final URI phoneUrl;
    private final Runnable visitorActive;

    /** {@code visitorActive} is told when an answer is shown: the visitor is still there, reading it. */
    Conversation(GuideClient client, SiteLink link, KioskView view, AnswerPlayer player, Health health, URI phoneUrl,
                 Runnable visitorActive) {
        this.client = client;
        this.link = link;
        this.view = view;
        this.player = player;
        this.health = health;
        this.phoneUrl = phoneUrl;
        this.visitorActive = visitorActive;
    }

    /** Opens the visit's conversation on the server, unless it is open or the server cannot be reached now. */
    void open(Visit visit) {
        if (link.online() && visit.sessionId().isEmpty()) {
            session(visit);
        }
    }

    void changeLanguage(Visit visit, String language) {
        if (language.equals(visit.language())) {
            return;
        }
        visit.switchTo(language);
        view.switchLanguage(language);
        view.setOnline(link.online());
        visit.sessionId().ifPresent(id -> client.changeLanguage(id, language).whenComplete((ok, failure) -> {
            if (failure != null) {
                visit.later(() -> failed(failure));
            }
        }));
    }

    void ask(Visit visit, String question) {
        player.stop();
        view.clearQuestionField();
        view.addVisitorBubble(question);
        view.setStatus(view.texts().get("talk.thinking"));
        health.typedQuestions.incrementAndGet();
        visit.questionAsked();
        int turn = visit.nextTurn();
        withSession(visit, id -> client.ask(id, question)).whenComplete((answer, failure) -> visit.later(() -> {
            visit.questionSettled();
            view.setStatus("");
            if (failure != null) {
                failed(failure);
            } else {
                showAnswer(answer);
                playFor(visit, turn, answer.audioUrl());
            }
        }));
    }

    void askAbout(Visit visit, String exhibit) {
        view.showConversation();
        view.focusOn(exhibit);
        player.stop();
        int turn = visit.nextTurn();
        withSession(visit, id -> client.moveTo(id, exhibit)).whenComplete((greeting, failure) -> visit.later(() -> {
            if (failure != null) {
                failed(failure);
            } else if (greeting != null) {
                greet(visit, turn, greeting.text(), greeting.audioUrl());
            }
        }));
    }

    void showHandoff(Visit visit) {
        session(visit).whenComplete((id, failure) -> visit.later(() -> {
            if (failure != null) {
                failed(failure);
            } else {
                health.handoffs.incrementAndGet();
                view.showHandoff(phoneUrl + "/c/" + id);
            }
        }));
    }

    /** The visit's conversation id, opening the conversation (once, whoever asks) if need be. */
    CompletableFuture<String> session(Visit visit) {
        return visit.session(() -> client.openSession(siteId(), visit.language()).thenApply(opened -> {
            visit.later(() -> greetOnOpening(visit, opened));
            return opened.id();
        }));
    }

    void showAnswer(Answer answer) {
        view.addGuideBubble(answer.text(), answer.sources(), answer.notice());
        health.answers.incrementAndGet();
        visitorActive.run();
        link.reportSuccess();
    }

    /** Tells the visitor that their request failed (the server is unreachable, or something else). */
    void failed(Throwable failure) {
        health.errors.incrementAndGet();
        Throwable cause = unwrap(failure);
        if (SiteLink.unavailable(cause)) {
            link.reportFailure(cause);
            log.warning(() -> "Server unreachable during a visit: " + cause.getMessage());
            view.addNotice(view.texts().get("offline.title"));
        } else {
            log.log(Level.WARNING, "A visitor's request failed", cause);
            view.addNotice(view.texts().get("error.generic"));
        }
    }

    private void greetOnOpening(Visit visit, OpenedSession opened) {
        if (visit.opened(opened.id()) && opened.greeting() != null) {
            greet(visit, visit.turn(), opened.greeting(), opened.greetingAudioUrl());
        }
    }

    /**
     * Shows and says the guide's greeting. One that takes the place of the greeting before it (the visitor
     * moved on without a word) silences that one as well, with whatever of its audio is still on the way.
     */
    private void greet(Visit visit, int turn, String text, String audioUrl) {
        int saying = turn;
        if (view.greet(text)) {
            player.stop();
            saying = visit.nextTurn();
        }
        playFor(visit, saying, audioUrl);
    }

    /** Fetches and plays the audio at {@code url}, unless the visitor has asked or moved on since {@code turn}. */
    private void playFor(Visit visit, int turn, String url) {
        if (url == null) {
            return;
        }
        client.audio(url).whenComplete((wav, failure) -> {
            if (failure != null) {
                log.log(Level.WARNING, "The guide's audio could not be fetched", failure);
            } else {
                visit.later(() -> {
                    if (visit.turn() == turn) {
                        player.play(wav);
                    }
                });
            }
        });
    }

    /**
     * Runs {@code call} with the visit's session, opening a new one once if the server forgot it (a
     * failure is looked at back on the JavaFX thread, where the visit is).
     */
    private <T> CompletableFuture<T> withSession(Visit visit, Function<String, CompletableFuture<T>> call) {
        return session(visit).thenCompose(call).exceptionallyComposeAsync(failure -> {
            Throwable cause = unwrap(failure);
            if (cause instanceof GuideErrorException error && error.sessionGone()) {
                log.info("The server no longer knows this visit's conversation: opening a new one");
                visit.forgetSession();
                return session(visit).thenCompose(call);
            }
            return CompletableFuture.failedFuture(cause);
        }, Platform::runLater);
    }

    private String siteId() {
        String id = link.siteId();
        if (id == null) {
            throw new IllegalStateException("The kiosk does not know its site yet");
        }
        return id;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}

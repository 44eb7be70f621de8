package org.heritageguide.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import org.heritageguide.kiosk.guide.VoiceChannel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** What the server sends back for a visit, on the real JavaFX thread. */
class VisitTest {

    @BeforeAll
    static void startJavaFx() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void whatArrivesForAVisitorWhoLeftIsDroppedWhileTheNextVisitorGetsTheirs() {
        List<String> shown = new CopyOnWriteArrayList<>();
        Visit left = KioskTestSupport.fx(() -> new Visit("en"));
        Visit next = KioskTestSupport.fx(() -> {
            left.end();
            return new Visit("en");
        });

        // as an HTTP or voice thread hands back its results, in this order
        left.later(() -> shown.add("the answer for the visitor who left"));
        next.later(() -> shown.add("the greeting for the next visitor"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shown).containsExactly("the greeting for the next visitor");
    }

    @Test
    void aVoiceConnectionThatClosesAfterItWasReplacedLeavesTheNewOneInUse() {
        CompletableFuture<VoiceChannel> broken = CompletableFuture.failedFuture(new IllegalStateException("connection lost"));
        CompletableFuture<VoiceChannel> reopened = new CompletableFuture<>();
        List<Boolean> outcome = KioskTestSupport.fx(() -> {
            Visit visit = new Visit("en");
            visit.voiceConnection(() -> broken);
            boolean replaced = visit.voiceConnection(() -> reopened) == reopened;
            boolean oldOneCounted = visit.voiceConnectionClosed(broken);
            boolean newOneKept = visit.voiceConnection(CompletableFuture::new) == reopened;
            return List.of(replaced, oldOneCounted, newOneKept);
        });

        assertThat(outcome).as("replaced, the late close counted, the new connection kept").containsExactly(true, false, true);
    }
}

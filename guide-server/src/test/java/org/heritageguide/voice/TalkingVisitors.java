package org.heritageguide.voice;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.heritageguide.voice.VoiceClient.Event;

/**
 * Other visitors, each from an address of their own (forwarded by the tests' trusted proxy, so that
 * no client's share is what fills the instance), each keeping a question under way on the voice socket:
 * every 2 s they start it again, before {@code no-speech} could end it and give their stream back.
 * So while they are there, they hold exactly one of the instance's voice streams each.
 */
public final class TalkingVisitors implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final List<VoiceClient> visitors = new CopyOnWriteArrayList<>();
    private final Thread keeper;

    private TalkingVisitors() {
        this.keeper = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(2000);
                    for (VoiceClient visitor : visitors) {
                        try {
                            visitor.start(16000, "en");
                        } catch (RuntimeException closed) {
                            // that one left (the test will see its stream free); the others talk on
                        }
                    }
                }
            } catch (InterruptedException stopped) {
                // done
            }
        }, "test-talking-visitors");
        keeper.setDaemon(true);
        keeper.start();
    }

    /**
     * {@code count} visitors talking, each in a session {@code openSession} opened from their address (for
     * {@code X-Forwarded-For}, so that opening them spends their budgets, not the test's); returns once every one
     * of them was told {@code ready} (holds a stream), or fails saying what one of them was told instead.
     */
    public static TalkingVisitors start(String httpBaseUrl, Function<String, String> openSession, int count) {
        // the keeper runs from the first visitor on: none waits for the others with no question under way
        TalkingVisitors talking = new TalkingVisitors();
        try {
            for (int i = 0; i < count; i++) {
                String address = "198.51.100." + (i % 250 + 1);
                VoiceClient visitor = VoiceClient.connect(httpBaseUrl, openSession.apply(address),
                        Map.of("X-Forwarded-For", address));
                visitor.start(16000, "en");
                List<Event> told = visitor.until(VoiceClient.type("ready", "error", "closed"), WAIT);
                Event last = told.isEmpty() ? null : told.get(told.size() - 1);
                if (last == null || !"ready".equals(last.type())) {
                    visitor.close();
                    throw new AssertionError("talking visitor " + (i + 1) + " of " + count + " was not let talk: "
                            + (last == null ? "nothing within " + WAIT : last.json()));
                }
                talking.visitors.add(visitor);
            }
        } catch (RuntimeException | AssertionError failed) {
            talking.close();
            throw failed;
        }
        return talking;
    }

    public int size() {
        return visitors.size();
    }

    /** They stop talking and leave: their streams are free again. */
    @Override
    public void close() {
        keeper.interrupt();
        try {
            keeper.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        visitors.forEach(VoiceClient::close);
    }
}

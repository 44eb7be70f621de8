package org.heritageguide.limits;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Visitors typing ordinary questions, each from an address of their own, at a steady pace in open loop:
 * each question is sent when it is due whatever the guide's speed, and its time counts from then, so that
 * a guide falling behind shows in the figures instead of slowing the visitors down.
 */
final class OrdinaryVisitors {

    static final List<String> QUESTIONS = List.of("Who built the Temple of Literature?", "When was Khuê Văn Các built?",
            "What are the opening hours?", "How much is a ticket?", "Where are the toilets?", "What is the Well of Heavenly Clarity?",
            "Tell me about the doctors' steles", "Is there a café?", "Can I take photos?", "Who was Chu Văn An?");

    /** One phase's result: each answered question's time in ms (sorted), and the questions not answered 200. */
    record Measured(List<Double> millis, List<String> failures) {
        static final Measured NONE = new Measured(List.of(), List.of());

        /** Both phases' questions together. */
        Measured plus(Measured other) {
            List<Double> all = new ArrayList<>(millis);
            all.addAll(other.millis);
            Collections.sort(all);
            List<String> failed = new ArrayList<>(failures);
            failed.addAll(other.failures);
            return new Measured(List.copyOf(all), List.copyOf(failed));
        }

        double percentile(double p) {
            return millis.get(Math.min(millis.size() - 1, (int) Math.ceil(p / 100 * millis.size()) - 1));
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%d answered, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms, %d failed %s",
                    millis.size(), percentile(50), percentile(95), percentile(99), percentile(100), failures.size(),
                    failures.stream().limit(3).toList());
        }
    }

    /** A visitor: where they connect from and their conversation. */
    record Visitor(String address, String session) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;
    private final List<Visitor> visitors;

    OrdinaryVisitors(String baseUrl, List<Visitor> visitors) {
        this.baseUrl = baseUrl;
        this.visitors = visitors;
    }

    /** {@code count} questions at {@code perSecond}, taken in turn by each visitor; returns once all are answered. */
    Measured ask(int count, double perSecond) throws InterruptedException {
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long begin = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = begin + (long) (i * 1e9 / perSecond);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
            Visitor visitor = visitors.get(i % visitors.size());
            String question = QUESTIONS.get(i % QUESTIONS.size());
            pending.add(http.sendAsync(turn(visitor, question), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                double ms = (System.nanoTime() - due) / 1e6;
                if (failure != null || response.statusCode() != 200) {
                    failures.add(failure != null ? failure.toString() : response.statusCode() + " " + response.body());
                } else {
                    millis.add(ms);
                }
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Measured(sorted, List.copyOf(failures));
    }

    private HttpRequest turn(Visitor visitor, String question) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/sessions/" + visitor.session() + "/turns"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("X-Forwarded-For", visitor.address())
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + question.replace("\"", "\\\"") + "\"}"))
                .build();
    }
}

package org.heritageguide.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A kiosk runs for days: many visitors, each opening a conversation on the real server, hearing the
 * greeting, looking at the exhibits and the hand-off code, and walking away. The heap after a full GC
 * must not grow with the number of visits. JavaFX keeps rendering caches behind soft references, which
 * the JVM clears only under memory pressure, so the test JVM runs with {@code -XX:SoftRefLRUPolicyMSPerMB=0}
 * (cleared at every GC) and what is measured is the memory the kiosk really holds on to.
 * {@code scripts/bench kiosk} runs it with {@code -Dkiosk.soak.visits=1000} (docs/benchmarks.md).
 */
class KioskSoakTest extends KioskTestSupport {

    private static final int VISITS = Integer.getInteger("kiosk.soak.visits", 40);
    private static final int WARM_UP = Math.min(30, VISITS / 3);

    @Test
    void manyVisitsOneAfterAnotherLeaveNoTraceInTheHeap() {
        launch(settings(server.uri(), data));
        String[] languages = {"vi", "en", "fr", "zh", "ko"};
        List<Long> samples = new ArrayList<>();
        waitUntil(() -> kiosk.link().online(), 20);
        long atStart = heapAfterGc();
        System.out.printf("kiosk soak: before the first visit, heap after GC %.1f MB, %d threads%n", atStart / 1048576.0,
                Thread.activeCount());
        long began = System.nanoTime();
        for (int visit = 1; visit <= VISITS; visit++) {
            String language = languages[visit % languages.length];
            interact(() -> kiosk.chooseLanguage(language));
            waitUntil(() -> sessionId().isPresent() && shown(".bubble-guide"), 10);
            int n = visit;
            interact(() -> {
                kiosk.view().addVisitorBubble("question " + n + " of this visitor");
                kiosk.view().addGuideBubble("an answer to question " + n, List.of("Khuê Văn Các"), null);
                kiosk.view().showExhibits();
                kiosk.showHandoff();
            });
            waitUntil(() -> shown("#handoff-qr"), 10);
            interact(kiosk::resetToWelcome);
            if (visit == WARM_UP || visit % 100 == 0 || visit == VISITS) {
                samples.add(heapAfterGc());
                System.out.printf("kiosk soak: %d visits, heap after GC %.1f MB, %d threads, %.1f visits/s%n", visit,
                        samples.get(samples.size() - 1) / 1048576.0, Thread.activeCount(),
                        visit / ((System.nanoTime() - began) / 1e9));
            }
        }
        if (Boolean.getBoolean("kiosk.soak.histogram")) {
            try {
                Process p = new ProcessBuilder("jcmd", Long.toString(ProcessHandle.current().pid()), "GC.class_histogram").start();
                String histo = new String(p.getInputStream().readAllBytes());
                System.out.println(histo.lines().limit(40).collect(java.util.stream.Collectors.joining("\n")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        assertThat(kiosk.health().resets()).isEqualTo(VISITS);
        long growth = samples.get(samples.size() - 1) - samples.get(0);
        System.out.printf("kiosk soak: heap growth from visit %d to %d: %.1f MB (%.1f MB before the first visit, %.1f MB after the last)%n",
                WARM_UP, VISITS, growth / 1048576.0, atStart / 1048576.0, samples.get(samples.size() - 1) / 1048576.0);
        assertThat(growth).as("heap growth over %d visits", VISITS - WARM_UP).isLessThan(8L * 1024 * 1024);
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}

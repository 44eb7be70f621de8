package org.heritageguide.kiosk;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The counts the watchdog's health line reports. */
public final class Health {

    private final long started = System.nanoTime();
    final AtomicLong visits = new AtomicLong();
    final AtomicLong resets = new AtomicLong();
    final AtomicLong typedQuestions = new AtomicLong();
    final AtomicLong spokenQuestions = new AtomicLong();
    final AtomicLong answers = new AtomicLong();
    final AtomicLong handoffs = new AtomicLong();
    final AtomicLong errors = new AtomicLong();

    public long visits() {
        return visits.get();
    }

    public long resets() {
        return resets.get();
    }

    public long answers() {
        return answers.get();
    }

    public long errors() {
        return errors.get();
    }

    String uptime() {
        Duration up = Duration.ofNanos(System.nanoTime() - started);
        return String.format(java.util.Locale.ROOT, "%dd%02dh%02dm%02ds", up.toDays(), up.toHoursPart(), up.toMinutesPart(),
                up.toSecondsPart());
    }
}

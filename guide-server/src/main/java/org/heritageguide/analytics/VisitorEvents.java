package org.heritageguide.analytics;

import java.time.LocalDate;
import java.util.function.Consumer;

/** The durable log of what visitors did. Recording never blocks a visitor's turn. */
public interface VisitorEvents {

    void record(VisitorEvent event);

    /** Reads every event of the given days (inclusive), oldest first. */
    void read(LocalDate from, LocalDate to, Consumer<VisitorEvent> reader);
}

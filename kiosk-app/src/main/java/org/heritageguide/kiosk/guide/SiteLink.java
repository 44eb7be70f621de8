package org.heritageguide.kiosk.guide;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Knows whether the server can be reached and keeps the kiosk's copy of its site fresh. While the
 * server is up it checks every {@code refreshEvery}; once a call fails it tries again after 1 s, 2 s,
 * 4 s ... up to {@code reconnectMax}, until the server answers again.
 */
public class SiteLink {

    private static final Logger log = Logger.getLogger(SiteLink.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final GuideClient client;
    private final SiteCache cache;
    private final Duration reconnectMax;
    private final Duration refreshEvery;
    private final ScheduledExecutorService scheduler;
    private final List<Consumer<SiteInfo>> siteListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Boolean>> statusListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong outages = new AtomicLong();

    private volatile String siteId;
    private volatile SiteInfo site;
    private volatile byte[] siteJson;
    private volatile Boolean online;
    private volatile long downSince;
    private volatile long lastReconnectMillis = -1;
    private Duration nextRetry = FIRST_RETRY;
    private ScheduledFuture<?> pending;

    public SiteLink(GuideClient client, SiteCache cache, String configuredSite, Duration reconnectMax,
                    Duration refreshEvery, ScheduledExecutorService scheduler) {
        this.client = client;
        this.cache = cache;
        this.siteId = configuredSite.isEmpty() ? null : configuredSite;
        this.reconnectMax = reconnectMax;
        this.refreshEvery = refreshEvery;
        this.scheduler = scheduler;
    }

    public void onSite(Consumer<SiteInfo> listener) {
        siteListeners.add(listener);
    }

    public void onStatus(Consumer<Boolean> listener) {
        statusListeners.add(listener);
    }

    /** Shows the copy on disk at once, then asks the server. */
    public void start() {
        Optional.ofNullable(siteId).or(cache::onlySite).flatMap(cache::site).ifPresent(json -> {
            try {
                publish(json);
                log.info(() -> "Showing the kept copy of site '" + site.id() + "' until the server answers");
            } catch (RuntimeException unreadable) {
                log.log(Level.WARNING, "The kept copy of the site is unreadable; waiting for the server", unreadable);
            }
        });
        schedule(Duration.ZERO);
    }

    public Optional<SiteInfo> site() {
        return Optional.ofNullable(site);
    }

    public String siteId() {
        return siteId;
    }

    public boolean online() {
        return Boolean.TRUE.equals(online);
    }

    public long outages() {
        return outages.get();
    }

    /** How long the last outage lasted, from the first failed call to the first good one; -1 if none yet. */
    public long lastReconnectMillis() {
        return lastReconnectMillis;
    }

    public Optional<ExhibitDetail> cachedExhibit(String exhibit) {
        return Optional.ofNullable(siteId).flatMap(s -> cache.exhibit(s, exhibit)).flatMap(json -> {
            try {
                return Optional.of(GuideClient.parseExhibit(json));
            } catch (RuntimeException unreadable) {
                return Optional.empty();
            }
        });
    }

    /** Every caller reports a failed call here: a server that cannot be reached puts the kiosk offline. */
    public void reportFailure(Throwable failure) {
        if (unavailable(failure) && !Boolean.FALSE.equals(online)) {
            markDown(failure);
        }
    }

    public void reportSuccess() {
        markUp();
    }

    public static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GuideUnavailableException || t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    private synchronized void schedule(Duration delay) {
        if (pending != null && pending.getDelay(TimeUnit.MILLISECONDS) <= delay.toMillis() && !pending.isDone()) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = scheduler.schedule(this::probe, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void probe() {
        CompletableFuture<String> id = siteId != null ? CompletableFuture.completedFuture(siteId)
                : client.firstSiteId().thenApply(first -> {
                    log.info(() -> "No site configured (--site / KIOSK_SITE): using the first one the server lists, '" + first + "'");
                    siteId = first;
                    return first;
                });
        id.thenCompose(client::siteJson).whenComplete((json, failure) -> {
            if (failure != null) {
                markDown(failure);
                return;
            }
            try {
                boolean changed = siteJson == null || !Arrays.equals(siteJson, json);
                if (changed) {
                    cache.saveSite(siteId, json);
                    publish(json);
                    prefetchExhibits();
                }
                markUp();
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "The server's site answer could not be used", e);
                markDown(e);
            }
        });
    }

    private void prefetchExhibits() {
        String current = siteId;
        for (SiteInfo.ExhibitSummary exhibit : site.exhibits()) {
            client.exhibitJson(current, exhibit.id())
                    .thenAccept(json -> cache.saveExhibit(current, exhibit.id(), json))
                    .exceptionally(failure -> {
                        log.fine(() -> "Exhibit " + exhibit.id() + " not kept: " + failure);
                        return null;
                    });
        }
    }

    private void publish(byte[] json) {
        SiteInfo parsed = GuideClient.parseSite(json);
        siteJson = json;
        site = parsed;
        if (siteId == null) {
            siteId = parsed.id();
        }
        siteListeners.forEach(l -> l.accept(parsed));
    }

    private void markDown(Throwable failure) {
        boolean changed;
        synchronized (this) {
            changed = !Boolean.FALSE.equals(online);
            if (changed) {
                online = false;
                downSince = System.nanoTime();
                outages.incrementAndGet();
                nextRetry = FIRST_RETRY;
            }
        }
        if (changed) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            log.warning(() -> "Server " + client.server() + " unreachable (" + cause.getMessage() + "); retrying with backoff up to "
                    + reconnectMax.toSeconds() + " s");
            statusListeners.forEach(l -> l.accept(false));
        }
        Duration delay;
        synchronized (this) {
            delay = nextRetry;
            nextRetry = nextRetry.multipliedBy(2).compareTo(reconnectMax) > 0 ? reconnectMax : nextRetry.multipliedBy(2);
        }
        schedule(delay);
    }

    private void markUp() {
        boolean changed;
        synchronized (this) {
            changed = !Boolean.TRUE.equals(online);
            if (changed) {
                if (Boolean.FALSE.equals(online)) {
                    lastReconnectMillis = (System.nanoTime() - downSince) / 1_000_000;
                }
                online = true;
                nextRetry = FIRST_RETRY;
            }
        }
        if (changed) {
            log.info(() -> "Server " + client.server() + " reachable" + (lastReconnectMillis >= 0
                    ? " again after " + lastReconnectMillis + " ms" : ""));
            statusListeners.forEach(l -> l.accept(true));
        }
        schedule(refreshEvery);
    }
}

package org.heritageguide.site;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.heritageguide.GuideProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The sites being served right now. Holds the current {@link SiteCatalog}; {@link #reload()} reads the
 * content directory again and swaps the catalog in one step, then tells the rest of the guide.
 */
@Component
public class SiteDirectory {

    private static final Logger log = LoggerFactory.getLogger(SiteDirectory.class);

    private final ContentLoader loader;
    private final ApplicationEventPublisher events;
    private final AtomicReference<SiteCatalog> current;

    SiteDirectory(GuideProperties properties, ApplicationEventPublisher events) {
        this.loader = new ContentLoader(properties.contentDir());
        this.events = events;
        this.current = new AtomicReference<>(loader.load(0));
        report(current.get());
    }

    public SiteCatalog catalog() {
        return current.get();
    }

    public Optional<Site> site(String siteId) {
        return current.get().site(siteId);
    }

    /** Reads the content again, publishes it and returns it. Serialised: one reload at a time. */
    public synchronized SiteCatalog reload() {
        SiteCatalog next = loader.load(current.get().version() + 1);
        current.set(next);
        report(next);
        events.publishEvent(new SitesChanged(next));
        return next;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    void announceInitialCatalog() {
        events.publishEvent(new SitesChanged(current.get()));
    }

    private void report(SiteCatalog catalog) {
        catalog.all().forEach(site -> log.info("Site {}: {} exhibits ({} published), {} FAQs, languages {}",
                site.id(), site.exhibits().size(), site.publishedExhibits().size(), site.faqs().size(), site.languages()));
        catalog.problems().forEach(problem -> log.warn("Content problem: {}", problem));
        if (catalog.sites().isEmpty()) {
            log.warn("No site could be loaded from {}", loader.contentDir().toAbsolutePath());
        }
    }
}

package org.heritageguide.knowledge;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.heritageguide.site.Site;
import org.heritageguide.site.SiteCatalog;
import org.heritageguide.site.SitesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;

/**
 * The indexes of every site being served. The first catalog is indexed before the application is ready;
 * every later one is indexed off to the side, in the background, and swapped in whole when done, so
 * that questions never wait for a rebuild and always see one consistent version of a site. A site whose
 * content did not change keeps its index. Each swap is announced with {@link KnowledgeIndexed}.
 */
public class KnowledgeBase implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    private final SiteIndexer indexer;
    private final TextEmbedders embedders;
    private final ApplicationEventPublisher events;
    private final AtomicReference<Map<String, SiteKnowledge>> current = new AtomicReference<>(Map.of());
    private final AtomicReference<SiteCatalog> pending = new AtomicReference<>();
    private final Map<String, SiteKnowledge> drafts = new ConcurrentHashMap<>();
    private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "knowledge-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean started;

    public KnowledgeBase(TextEmbedders embedders, ApplicationEventPublisher events) {
        this.embedders = embedders;
        this.events = events;
        this.indexer = new SiteIndexer(embedders);
        embedders.all().forEach((language, embedder) -> log.info("Dense retrieval in {}: {}", language, embedder.model()));
    }

    public Optional<SiteKnowledge> site(String siteId) {
        return Optional.ofNullable(current.get().get(siteId));
    }

    /** Every site being served. */
    public Collection<SiteKnowledge> sites() {
        return current.get().values();
    }

    public TextEmbedders embedders() {
        return embedders;
    }

    @EventListener
    void onSitesChanged(SitesChanged event) {
        if (!started) {
            started = true;
            event.catalog().all().stream().flatMap(site -> site.languages().stream()).distinct()
                    .filter(language -> embedders.forLanguage(language).isEmpty())
                    .forEach(language -> log.info("Dense retrieval in {}: none, words only (to add a model "
                            + "for it, see models/README.md)", language));
            index(event.catalog());
            return;
        }
        if (pending.getAndSet(event.catalog()) == null) {
            rebuilds.execute(() -> index(pending.getAndSet(null)));
        }
    }

    /** Indexes the catalog's sites (reusing unchanged ones) and swaps them in at once. */
    public void index(SiteCatalog catalog) {
        long start = System.nanoTime();
        Map<String, SiteKnowledge> previous = current.get();
        // sites are independent, and each embedder has a pool of predictors: index them side by side
        Map<String, SiteKnowledge> next = catalog.all().parallelStream()
                .map(site -> indexOrKeep(site, previous.get(site.id()))).flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableMap(known -> known.site().id(), known -> known));
        current.set(next);
        log.info("Knowledge of {} site(s) indexed (catalog version {}) in {} ms", next.size(), catalog.version(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        events.publishEvent(new KnowledgeIndexed(catalog));
    }

    private Optional<SiteKnowledge> indexOrKeep(Site site, SiteKnowledge known) {
        if (known != null && known.site().equals(site)) {
            return Optional.of(known);
        }
        try {
            return Optional.of(indexer.index(site, known));
        } catch (RuntimeException e) {
            log.error("Could not index site {}; it keeps its previous index", site.id(), e);
            return Optional.ofNullable(known);
        }
    }

    /**
     * The knowledge of a site as a curator's draft has it, for trying the draft out; never served to
     * visitors. Built on the spot, reusing the embeddings of the text the published site already has, and
     * kept while the same draft is tried again.
     */
    public SiteKnowledge draft(Site draft) {
        SiteKnowledge tried = drafts.get(draft.id());
        if (tried != null && tried.site().equals(draft)) {
            return tried;
        }
        SiteKnowledge built = indexer.index(draft, site(draft.id()).orElse(null));
        drafts.put(draft.id(), built);
        return built;
    }

    @Override
    public void destroy() {
        rebuilds.shutdownNow();
        embedders.all().values().forEach(embedder -> {
            if (embedder instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.debug("Closing {} failed", embedder.model(), e);
                }
            }
        });
    }
}

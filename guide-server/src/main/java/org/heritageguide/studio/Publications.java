package org.heritageguide.studio;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.heritageguide.knowledge.KnowledgeBase;
import org.heritageguide.site.ContentProblem;
import org.heritageguide.site.Site;
import org.heritageguide.site.SiteDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import reactor.core.scheduler.Schedulers;

/**
 * Publications run in the background, one site at a time, and report how far they got: checked,
 * written, live (the new catalog swapped in), then the work other features do in the background: the
 * search index rebuilt by the knowledge feature, the answers' audio pre-rendered by the voice feature.
 */
@Component
class Publications {

    private static final Logger log = LoggerFactory.getLogger(Publications.class);

    enum State { RUNNING, DONE, FAILED }

    /** One step of a publication, with progress where known. */
    record Step(String name, int done, int total) {
    }

    /** A publication as the studio shows it. */
    record Job(String site, String author, State state, List<String> paths, List<Step> steps, long catalogVersion,
               Instant startedAt, Long liveAfterMs, String message, List<ContentProblem> problems) {
    }

    private final StudioContent content;
    private final ContentBroadcast broadcast;
    private final Map<String, Job> latest = new ConcurrentHashMap<>();

    private final MeterRegistry meters;
    private final Map<String, Integer> audioTotals = new ConcurrentHashMap<>();

    private final KnowledgeBase knowledge;
    private final SiteDirectory sites;

    Publications(StudioContent content, Optional<ContentBroadcast> broadcast, MeterRegistry meters,
                 KnowledgeBase knowledge, SiteDirectory sites) {
        this.content = content;
        this.broadcast = broadcast.orElse(null);
        this.meters = meters;
        this.knowledge = knowledge;
        this.sites = sites;
    }

    /**
     * Whether the guide answers from the published site yet: the knowledge feature rebuilds a site's
     * index in the background after each change, and serves the old one until the new one is ready.
     */
    private Optional<Step> index(Job job) {
        if (job.state() != State.DONE || job.paths().isEmpty()) {
            return Optional.empty();
        }
        Site served = sites.site(job.site()).orElse(null);
        boolean indexed = served != null && knowledge.site(job.site()).map(k -> k.site() == served).orElse(false);
        return Optional.of(new Step("search index rebuilt", indexed ? 1 : 0, 1));
    }

    Optional<Job> latest(String site) {
        return Optional.ofNullable(latest.get(site)).map(this::withWork);
    }

    /** Starts publishing in the background; refuses a second one for the same site while one runs. */
    Job start(String site, Collection<String> paths, String author, String message) {
        Job job = begin(site, paths, author);
        Schedulers.boundedElastic().schedule(() -> run(job, message));
        return job;
    }

    /**
     * Publishes on the caller's thread (for the bulk actions, which answer when done); refused as
     * {@link #start} is.
     */
    Job runNow(String site, Collection<String> paths, String author, String message) {
        return run(begin(site, paths, author), message);
    }

    /**
     * Makes the job the site's running publication. Each job runs once: a second run would find the files
     * written and report DONE, with nothing published, while the first one's reload had not yet served them.
     */
    private synchronized Job begin(String site, Collection<String> paths, String author) {
        Job running = latest.get(site);
        if (running != null && running.state() == State.RUNNING) {
            throw new IllegalStateException("A publication of this site is already running");
        }
        Job job = new Job(site, author, State.RUNNING, List.copyOf(paths), List.of(new Step("checking and writing", 0, 1)),
                0, Instant.now(), null, null, List.of());
        latest.put(site, job);
        audioTotals.remove(site);
        return job;
    }

    private Job run(Job job, String message) {
        Job finished;
        try {
            StudioContent.Published published = content.publish(job.site(), job.paths(), job.author(),
                    message == null || message.isBlank() ? "Publish" : message, () -> {
                        if (broadcast != null) {
                            broadcast.announce(job.site());
                        }
                    });
            long ms = Duration.between(job.startedAt(), Instant.now()).toMillis();
            String summary = published.paths().isEmpty() ? "Nothing to publish: the live version is the draft."
                    : "Published " + published.paths().size() + " file(s); live for visitors after " + ms + " ms.";
            finished = new Job(job.site(), job.author(), State.DONE, published.paths(),
                    List.of(new Step("checked, written and live", 1, 1)), published.catalogVersion(),
                    job.startedAt(), ms, summary, List.of());
            log.info("Studio: {} published {} ({} ms)", job.author(), published.paths(), ms);
        } catch (StudioContent.InvalidContent invalid) {
            finished = failed(job, invalid.getMessage(), invalid.problems);
        } catch (RuntimeException e) {
            log.error("Studio: publishing {} failed", job.site(), e);
            finished = failed(job, "Publishing failed: " + e.getMessage(), List.of());
        }
        latest.put(job.site(), finished);
        return withWork(finished);
    }

    private static Job failed(Job job, String message, List<ContentProblem> problems) {
        return new Job(job.site(), job.author(), State.FAILED, job.paths(), List.of(), 0, job.startedAt(), null,
                message, problems);
    }

    /**
     * The answers' audio being pre-rendered after the publication, as the voice feature counts it
     * (its {@code guide.audio.prerender.pending} gauge).
     */
    private Optional<Step> audio(Job job) {
        Gauge pending = meters.find("guide.audio.prerender.pending").gauge();
        if (pending == null || job.state() != State.DONE || job.paths().isEmpty()) {
            return Optional.empty();
        }
        int waiting = (int) pending.value();
        int total = audioTotals.merge(job.site(), waiting, Math::max);
        return total == 0 ? Optional.empty() : Optional.of(new Step("answers' audio rendered", total - waiting, total));
    }

    private Job withWork(Job job) {
        Optional<Step> index = index(job);
        Optional<Step> audio = audio(job);
        if (audio.isEmpty() && index.isEmpty()) {
            return job;
        }
        List<Step> all = new ArrayList<>(job.steps());
        index.ifPresent(all::add);
        audio.ifPresent(all::add);
        return new Job(job.site(), job.author(), job.state(), job.paths(), all, job.catalogVersion(), job.startedAt(),
                job.liveAfterMs(), job.message(), job.problems());
    }
}

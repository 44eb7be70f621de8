package org.heritageguide.studio;

import java.util.function.Consumer;

import org.heritageguide.secrets.DataSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells every other guide-server instance that a site was published, over Redis pub/sub, so that each
 * reloads its catalog from the shared content directory. Only with {@code guide.redis.url}.
 */
@Component
@ConditionalOnProperty("guide.redis.url")
class ContentBroadcast implements DisposableBean {

    static final String CHANNEL = "heritage-guide:content-published";
    private static final Logger log = LoggerFactory.getLogger(ContentBroadcast.class);
    private static final JsonMapper JSON = JsonMapper.shared();

    /** What one instance tells the others. */
    record Notice(String instance, String site) {
    }

    private final ReactiveStringRedisTemplate redis;
    private final String instance = DataSecrets.randomToken(9);
    private final Disposable subscription;

    /**
     * On a notice, the content directory shared with the publishing instance is read again the way the
     * disk check reads it ({@link StudioContent#syncFromDisk()}), so that the publication is served once,
     * not again by the next disk check.
     */
    @Autowired
    ContentBroadcast(ReactiveStringRedisTemplate redis, StudioContent content) {
        this(redis, notice -> content.syncFromDisk());
    }

    ContentBroadcast(ReactiveStringRedisTemplate redis, Consumer<Notice> onOtherInstance) {
        this.redis = redis;
        // deferred: a Redis that is away at start (or later) is retried, it never stops the guide from starting
        this.subscription = Flux.defer(() -> redis.listenToChannel(CHANNEL))
                .map(message -> JSON.readValue(message.getMessage(), Notice.class))
                .filter(notice -> !notice.instance().equals(instance))
                // a reload reads every file and swaps the catalog: not on the connection's I/O thread,
                // which also carries this instance's session commands
                .publishOn(Schedulers.boundedElastic())
                .doOnNext(notice -> {
                    log.info("Studio: {} was published on another instance; reloading", notice.site());
                    onOtherInstance.accept(notice);
                })
                .retryWhen(Retry.backoff(Long.MAX_VALUE, java.time.Duration.ofMillis(200))
                        .maxBackoff(java.time.Duration.ofSeconds(2)))
                .subscribe();
    }

    /** Sends the notice; a Redis that is down delays other instances, never the publication itself. */
    void announce(String site) {
        redis.convertAndSend(CHANNEL, JSON.writeValueAsString(new Notice(instance, site)))
                .doOnError(e -> log.warn("Studio: could not tell the other instances about {}: {}", site, e.getMessage()))
                .onErrorComplete()
                .subscribe();
    }

    @Override
    public void destroy() {
        subscription.dispose();
    }
}

package org.heritageguide.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.heritageguide.site.ContentLoader;
import org.heritageguide.site.SiteCatalog;
import org.heritageguide.testing.RedisServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Two guide instances sharing one content directory, told of a publication through a real
 * redis-server: the other one reloads and serves the new content; the publisher does not hear itself.
 */
class ContentBroadcastTest {

    @TempDir
    Path content;

    @Test
    void anotherInstanceReloadsWhenASiteIsPublished() throws Exception {
        Path exhibit = content.resolve("sites/demo/exhibits/gate.yaml");
        Files.createDirectories(exhibit.getParent());
        Files.writeString(content.resolve("sites/demo/site.yaml"), "name: {en: Demo}\ndefaultLanguage: en\nlanguages: [en]\nintro: {en: Hello}\n");
        Files.writeString(exhibit, "status: published\ntitle: {en: Gate}\nsummary: {en: The old gate.}\n");
        ContentLoader loader = new ContentLoader(content);
        List<SiteCatalog> otherInstance = new CopyOnWriteArrayList<>(List.of(loader.load(0)));
        List<ContentBroadcast.Notice> heardByPublisher = new CopyOnWriteArrayList<>();

        try (RedisServerProcess redis = RedisServerProcess.start()) {
            LettuceConnectionFactory first = factory(redis.port());
            LettuceConnectionFactory second = factory(redis.port());
            ContentBroadcast publisher = new ContentBroadcast(new ReactiveStringRedisTemplate(first), heardByPublisher::add);
            ContentBroadcast listener = new ContentBroadcast(new ReactiveStringRedisTemplate(second),
                    notice -> otherInstance.add(loader.load(otherInstance.size())));
            try {
                Files.writeString(exhibit, "status: published\ntitle: {en: Gate}\nsummary: {en: The restored gate.}\n");
                Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
                while (otherInstance.size() < 2 && Instant.now().isBefore(deadline)) {
                    publisher.announce("demo");
                    Thread.sleep(100);
                }
                SiteCatalog reloaded = otherInstance.get(otherInstance.size() - 1);
                assertThat(reloaded.site("demo").orElseThrow().exhibit("gate").orElseThrow().summary().in("en"))
                        .contains("The restored gate.");
                assertThat(heardByPublisher).isEmpty();
            } finally {
                publisher.destroy();
                listener.destroy();
                first.destroy();
                second.destroy();
            }
        }
    }

    private static LettuceConnectionFactory factory(int port) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }
}

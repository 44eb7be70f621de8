package org.heritageguide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * A full-stack test that publishes through the studio ({@link GuideServerTest} otherwise): it gets a server of
 * its own, on a fresh copy of the sample content with a data folder of its own (revisions, accounts, events),
 * under {@code guide-server/target/own-content/<test class>}, so that no other test sees what it publishes and
 * it sees nothing another published. Its server is closed after the class; the folder is left for a look
 * after a failure and replaced on the next run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@GuideServerTest
@ContextCustomizerFactories(PublishingServerTest.OwnContent.class)
@DirtiesContext
public @interface PublishingServerTest {

    /** The content and data folders of one test class, set over {@link GuideServerTest}'s shared ones. */
    final class OwnContent implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
            return new Folders(testClass.getSimpleName());
        }
    }

    /** Equal for the same test class only, so that each publishing test class has a server of its own. */
    record Folders(String testClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Path folder = Path.of("guide-server/target/own-content", testClass);
            try {
                TestContent.delete(folder);
                TestContent.copyTree(TestContent.SOURCE, folder.resolve("content"));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot copy the sample content for " + testClass, e);
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("own content of " + testClass,
                    Map.of("guide.content-dir", folder.resolve("content").toString(),
                            "guide.data-dir", folder.resolve("data").toString())));
        }
    }
}

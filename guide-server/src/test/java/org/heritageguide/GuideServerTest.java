package org.heritageguide;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * A full-stack test against the real server on a random port, with the real engines and the sample
 * sites. Every full-stack test that does not publish uses exactly this annotation, so that they all share
 * one application context (loading the engines once per test run). An {@code @Autowired WebTestClient} talks to that
 * server over HTTP. The content is a copy of {@code content/}, made once per run by {@link TestContent}; a
 * test that publishes through the studio is a {@link PublishingServerTest} instead, with a copy of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureWebTestClient(timeout = "PT60S")
@ExtendWith(TestContent.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "guide.content-dir=guide-server/target/test-content",
        "guide.data-dir=guide-server/target/test-data",
        // the tests' own machine is the proxy: a test that sends X-Forwarded-For is a client of its own
        "guide.web.trusted-proxies=127.0.0.1,::1",
        "GUIDE_ADMIN_PASSWORD=test-admin-password"
})
public @interface GuideServerTest {

    /** The admin password the full-stack tests run with. */
    String ADMIN_PASSWORD = "test-admin-password";
}

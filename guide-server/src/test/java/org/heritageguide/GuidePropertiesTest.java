package org.heritageguide;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class GuidePropertiesTest {

    @Test
    void anAddressOnlyThisMachineCanOpenIsToldApartFromAPublicOne() {
        for (String local : new String[] {"http://localhost:8080", "http://127.0.0.1:9000/", "http://[::1]:8080", "http://0.0.0.0"}) {
            assertThat(withBaseUrl(local).publicBaseUrlIsThisMachineOnly()).as(local).isTrue();
        }
        for (String reachable : new String[] {"https://guide.example.org", "http://192.168.1.20:8080", "http://guide.local"}) {
            assertThat(withBaseUrl(reachable).publicBaseUrlIsThisMachineOnly()).as(reachable).isFalse();
        }
    }

    @Test
    void theBaseUrlHasNoTrailingSlash() {
        assertThat(withBaseUrl("https://guide.example.org/museum/").baseUrl()).isEqualTo("https://guide.example.org/museum");
    }

    private static GuideProperties withBaseUrl(String url) {
        return new GuideProperties(Path.of("content"), Path.of("data"), Path.of("models"), Path.of("models/local"), URI.create(url));
    }
}

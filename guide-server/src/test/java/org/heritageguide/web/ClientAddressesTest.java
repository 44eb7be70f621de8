package org.heritageguide.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class ClientAddressesTest {

    private final ClientAddresses behindProxies = new ClientAddresses(new WebSettings(List.of("10.0.0.0/8", "192.0.2.1")));
    private final ClientAddresses direct = new ClientAddresses(new WebSettings(List.of()));

    @Test
    void aClientNotBehindATrustedProxyIsItsConnectingAddressWhateverItWrites() {
        HttpHeaders forged = headers("X-Forwarded-For", "203.0.113.9");
        assertThat(direct.of(from("198.51.100.4"), forged)).isEqualTo("198.51.100.4");
        assertThat(behindProxies.of(from("198.51.100.4"), forged)).isEqualTo("198.51.100.4");
    }

    @Test
    void behindATrustedProxyTheForwardedAddressCountsReadFromTheRight() {
        assertThat(behindProxies.of(from("10.1.2.3"), headers("X-Forwarded-For", "203.0.113.9"))).isEqualTo("203.0.113.9");
        // the client wrote an address of its own in front: the proxies' own record (the right) wins
        assertThat(behindProxies.of(from("10.1.2.3"), headers("X-Forwarded-For", "198.51.100.66, 203.0.113.9, 192.0.2.1")))
                .isEqualTo("203.0.113.9");
        assertThat(behindProxies.of(from("192.0.2.1"), headers("X-Forwarded-For", "203.0.113.9:4711"))).isEqualTo("203.0.113.9");
    }

    @Test
    void theStandardForwardedHeaderIsReadFirst() {
        HttpHeaders headers = headers("Forwarded", "for=\"[2001:db8::7]:4711\";proto=https, for=10.9.9.9");
        headers.add("X-Forwarded-For", "203.0.113.200");
        assertThat(behindProxies.of(from("10.1.2.3"), headers)).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void whatIsNoAddressIsNotTaken() {
        assertThat(behindProxies.of(from("10.1.2.3"), headers("X-Forwarded-For", "evil.example"))).isEqualTo("10.1.2.3");
        assertThat(behindProxies.of(from("10.1.2.3"), new HttpHeaders())).isEqualTo("10.1.2.3");
        assertThat(behindProxies.of(null, new HttpHeaders())).isEqualTo(ClientAddresses.UNKNOWN);
        assertThatThrownBy(() -> new ClientAddresses(new WebSettings(List.of("proxy.example"))))
                .hasMessageContaining("proxy.example");
    }

    private static InetSocketAddress from(String address) {
        return new InetSocketAddress(address, 40000);
    }

    private static HttpHeaders headers(String name, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(name, value);
        return headers;
    }
}

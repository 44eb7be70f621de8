package org.heritageguide.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The address of the client a request comes from: the connecting address, unless that is a trusted
 * proxy ({@code guide.web.trusted-proxies}); then the address the proxies forwarded
 * ({@code Forwarded: for=...}, else {@code X-Forwarded-For}), read from the right, skipping the
 * trusted proxies, so that an address the client wrote into the header itself is never taken.
 */
@Component
public class ClientAddresses {

    /** What a request from an address that cannot be read counts as. */
    public static final String UNKNOWN = "unknown";

    private final List<Range> trusted;

    public ClientAddresses(WebSettings settings) {
        this.trusted = settings.trustedProxies().stream().map(Range::parse).toList();
    }

    public String of(ServerHttpRequest request) {
        return of(request.getRemoteAddress(), request.getHeaders());
    }

    public String of(InetSocketAddress remote, HttpHeaders headers) {
        InetAddress connecting = remote == null ? null : remote.getAddress();
        if (connecting == null) {
            return UNKNOWN;
        }
        if (!isTrusted(connecting)) {
            return connecting.getHostAddress();
        }
        List<String> hops = forwarded(headers);
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = parse(hops.get(i));
            if (hop == null) {
                return connecting.getHostAddress(); // a hop that is no address ("unknown", a name): nothing further left is sure
            }
            if (!isTrusted(hop) || i == 0) {
                return hop.getHostAddress();
            }
        }
        return connecting.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    /** The {@code for} addresses of {@code Forwarded}, else of {@code X-Forwarded-For}, oldest first. */
    private static List<String> forwarded(HttpHeaders headers) {
        List<String> hops = new ArrayList<>();
        List<String> standard = headers.getOrEmpty("Forwarded");
        if (!standard.isEmpty()) {
            for (String header : standard) {
                for (String element : header.split(",")) {
                    for (String pair : element.split(";")) {
                        String[] nameValue = pair.trim().split("=", 2);
                        if (nameValue.length == 2 && nameValue[0].trim().toLowerCase(Locale.ROOT).equals("for")) {
                            hops.add(nameValue[1].trim());
                        }
                    }
                }
            }
            return hops;
        }
        for (String header : headers.getOrEmpty("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        return hops;
    }

    /** An address as proxies write it: {@code 203.0.113.7}, {@code 203.0.113.7:4711}, {@code "[2001:db8::1]:4711"}. */
    static InetAddress parse(String written) {
        String value = written.replace("\"", "").trim();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            value = end < 0 ? "" : value.substring(1, end);
        } else if (value.indexOf(':') >= 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            value = value.substring(0, value.indexOf(':')); // IPv4 with a port
        }
        if (value.isEmpty() || !value.matches("[0-9A-Fa-f:.]+")) {
            return null; // never a host name: looking one up would let a client make the guide query DNS
        }
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    /** An address, or a range of them ({@code 10.0.0.0/8}). */
    private record Range(byte[] network, int prefix) {
        static Range parse(String written) {
            String[] parts = written.split("/", 2);
            InetAddress address = ClientAddresses.parse(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("guide.web.trusted-proxies: '" + written + "' is not an IP address or range");
            }
            byte[] bytes = address.getAddress();
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bytes.length * 8;
            if (prefix > bytes.length * 8) {
                throw new IllegalArgumentException("guide.web.trusted-proxies: '" + written + "' has a prefix too long");
            }
            return new Range(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}

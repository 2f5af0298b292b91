package dev.accounts.adapters.web.client;

import org.springframework.http.server.reactive.ServerHttpRequest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The address of the client behind a request: the socket's peer, unless that peer is one of the
 * configured trusted proxies, in which case the right-most address in {@code X-Forwarded-For} that
 * is not itself a trusted proxy. Anything a client writes into that header before the first trusted
 * hop is ignored, so a spoofed header from an untrusted peer changes nothing.
 */
public final class ClientAddresses {

    public static final String UNKNOWN = "unknown";

    private final List<AddressRange> trustedProxies;

    /** @param trustedProxies addresses or CIDR ranges, such as {@code 10.0.0.0/8} or {@code ::1} */
    public ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().filter(entry -> !entry.isBlank()).map(AddressRange::parse).toList();
    }

    public String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return UNKNOWN;
        }
        String peer = remote.getAddress().getHostAddress();
        if (trustedProxies.isEmpty() || !isTrusted(remote.getAddress().getAddress())) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().getOrEmpty("X-Forwarded-For").stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::strip)
                .filter(hop -> !hop.isEmpty())
                .toList();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = forwarded.get(i);
            Optional<byte[]> address = IpLiteral.parse(hop);
            if (address.isEmpty()) {
                return peer; // a garbled chain is not trusted; the proxy itself is the best we know
            }
            if (!isTrusted(address.get())) {
                return hop;
            }
        }
        return peer;
    }

    /** Whether the socket's peer is one of the trusted proxies, whose forwarding headers may be believed. */
    public boolean fromTrustedProxy(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return !trustedProxies.isEmpty() && remote != null && remote.getAddress() != null && isTrusted(remote.getAddress().getAddress());
    }

    public boolean isTrustedProxy(InetAddress address) {
        return !trustedProxies.isEmpty() && address != null && isTrusted(address.getAddress());
    }

    private boolean isTrusted(byte[] address) {
        byte[] unmapped = IpLiteral.unmapped(address);
        return trustedProxies.stream().anyMatch(proxy -> proxy.contains(unmapped));
    }
}

package dev.accounts.adapters.web.client;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import org.springframework.http.server.reactive.ServerHttpRequest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The address of the client behind a request: the socket's peer, unless that peer is one of the
 * configured trusted proxies, in which case the right-most address in {@code X-Forwarded-For} that
 * is not itself a trusted proxy. Anything a client writes into that header before the first trusted
 * hop is ignored, so a spoofed header from an untrusted peer changes nothing. Addresses are read with
 * Netty's literal parser, which never looks a name up, and {@code ::ffff:10.0.0.1} is {@code 10.0.0.1}.
 */
public final class ClientAddresses {

    public static final String UNKNOWN = "unknown";

    private final List<IpSubnetFilterRule> trustedProxies;

    /** @param trustedProxies addresses or CIDR ranges, such as {@code 10.0.0.0/8} or {@code ::1} */
    public ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().filter(entry -> !entry.isBlank()).map(ClientAddresses::range).toList();
    }

    public String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return UNKNOWN;
        }
        String peer = remote.getAddress().getHostAddress();
        if (!isTrustedProxy(remote.getAddress())) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().getOrEmpty("X-Forwarded-For").stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::strip)
                .filter(hop -> !hop.isEmpty())
                .toList();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = forwarded.get(i);
            InetAddress address = literal(hop);
            if (address == null) {
                return peer; // a garbled chain is not trusted; the proxy itself is the best we know
            }
            if (!isTrustedProxy(address)) {
                return hop;
            }
        }
        return peer;
    }

    /**
     * What per-client limits count by: the client's IPv4 address, or the /64 network of its IPv6 address,
     * since one subscriber is given a whole /64 and may use any address in it (RFC 6177).
     */
    public String limitKeyOf(ServerHttpRequest request) {
        String client = of(request);
        InetAddress address = UNKNOWN.equals(client) ? null : literal(client);
        return address instanceof Inet6Address ? limitUnitOf(address).getHostAddress() + "/64" : client;
    }

    /** An IPv4 address as it is; an IPv6 address as its /64 network. */
    public static InetAddress limitUnitOf(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] network = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(network, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(network);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("sixteen bytes are an IPv6 address", impossible);
        }
    }

    /** Whether the socket's peer is one of the trusted proxies, whose forwarding headers may be believed. */
    public boolean fromTrustedProxy(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote != null && isTrustedProxy(remote.getAddress());
    }

    public boolean isTrustedProxy(InetAddress address) {
        if (trustedProxies.isEmpty() || address == null) {
            return false;
        }
        InetSocketAddress unmapped = new InetSocketAddress(unmapped(address), 0);
        return trustedProxies.stream().anyMatch(proxy -> proxy.matches(unmapped));
    }

    /** The JDK reads an IPv4-mapped IPv6 address given as bytes as the IPv4 address it maps. */
    private static InetAddress unmapped(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("an address's own bytes are a valid address", impossible);
        }
    }

    private static IpSubnetFilterRule range(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        InetAddress network = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
        if (network == null) {
            throw new IllegalArgumentException("not an IP address or CIDR range: " + text);
        }
        int bits = slash < 0 ? network.getAddress().length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
        if (bits < 0 || bits > network.getAddress().length * 8) {
            throw new IllegalArgumentException("prefix length out of range: " + text);
        }
        return new IpSubnetFilterRule(network, bits, IpFilterRuleType.ACCEPT);
    }

    /** The address an IP literal names, IPv4-mapped ones as IPv4; null for anything else: names, zone ids. */
    private static InetAddress literal(String text) {
        return text.length() > 47 || text.indexOf('%') >= 0 ? null : NetUtil.createInetAddressFromIpAddressString(text);
    }
}

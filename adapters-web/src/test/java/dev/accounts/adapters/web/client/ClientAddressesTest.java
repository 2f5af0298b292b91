package dev.accounts.adapters.web.client;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientAddressesTest {

    private static MockServerHttpRequest from(String peer, String... forwardedFor) {
        var request = MockServerHttpRequest.post("/auth/login").remoteAddress(new InetSocketAddress(peer, 40000));
        for (String header : forwardedFor) {
            request.header("X-Forwarded-For", header);
        }
        return request.build();
    }

    @Test
    void usesTheSocketPeerWhenNoProxyIsTrusted() {
        ClientAddresses clients = new ClientAddresses(List.of());

        assertThat(clients.of(from("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void ignoresForwardedForFromAnUntrustedPeer() {
        ClientAddresses clients = new ClientAddresses(List.of("10.0.0.0/8"));

        assertThat(clients.of(from("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void takesTheRightMostUntrustedHopBehindTrustedProxies() {
        ClientAddresses clients = new ClientAddresses(List.of("10.0.0.0/8", "192.168.1.1"));

        assertThat(clients.of(from("10.1.2.3", "6.6.6.6, 198.51.100.7, 192.168.1.1"))).isEqualTo("198.51.100.7");
        assertThat(clients.of(from("10.1.2.3", "6.6.6.6", "198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void fallsBackToTheProxyForAMissingOrGarbledChain() {
        ClientAddresses clients = new ClientAddresses(List.of("10.0.0.0/8"));

        assertThat(clients.of(from("10.1.2.3"))).isEqualTo("10.1.2.3");
        assertThat(clients.of(from("10.1.2.3", "evil.example.com"))).isEqualTo("10.1.2.3");
        assertThat(clients.of(from("10.1.2.3", "10.9.9.9"))).isEqualTo("10.1.2.3");
    }

    @Test
    void handlesIpv6AndMappedAddresses() {
        ClientAddresses clients = new ClientAddresses(List.of("::1", "fd00::/8"));

        assertThat(clients.of(from("::1", "2001:db8::5"))).isEqualTo("2001:db8::5");
        assertThat(clients.of(from("fd12::1", "2001:db8::6, fd00::2"))).isEqualTo("2001:db8::6");
        assertThat(new ClientAddresses(List.of("127.0.0.1")).of(from("127.0.0.1", "::ffff:127.0.0.1, 198.51.100.2"))).isEqualTo("198.51.100.2");
    }

    @Test
    void limitsCountAnIpv6ClientByItsSlash64AndAnIpv4ClientByItsAddress() {
        ClientAddresses clients = new ClientAddresses(List.of("::1"));

        assertThat(clients.limitKeyOf(from("2001:db8:1:2::a"))).isEqualTo("2001:db8:1:2:0:0:0:0/64")
                .isEqualTo(clients.limitKeyOf(from("2001:db8:1:2:ffff:1:2:3")))
                .isEqualTo(clients.limitKeyOf(from("::1", "2001:db8:1:2::77")));
        assertThat(clients.limitKeyOf(from("2001:db8:1:3::a"))).isEqualTo("2001:db8:1:3:0:0:0:0/64");
        assertThat(clients.limitKeyOf(from("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(clients.of(from("2001:db8:1:2::a"))).as("logs keep the whole address").isEqualTo("2001:db8:1:2:0:0:0:a");
    }

    @Test
    void refusesAHostNameAsATrustedProxy() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("proxy.internal")));
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33")));
    }
}

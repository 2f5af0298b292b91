package dev.accounts.adapters.web.headers;

import dev.accounts.adapters.web.client.ClientAddresses;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StrictTransportSecurityTest {

    private static final SslInfo TLS = new SslInfo() {
        @Override
        public String getSessionId() {
            return "session";
        }

        @Override
        public X509Certificate[] getPeerCertificates() {
            return null;
        }
    };

    private final SecurityHeadersFilter filter = new SecurityHeadersFilter(
            Optional.of(new StrictTransportSecurity(Duration.ofDays(365), true)), new ClientAddresses(List.of("10.0.0.0/8")));

    private static String hstsOf(SecurityHeadersFilter filter, MockServerHttpRequest request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        filter.filter(exchange, served -> served.getResponse().setComplete()).block();
        return exchange.getResponse().getHeaders().getFirst("Strict-Transport-Security");
    }

    @Test
    void sendsItOverTlsAndThroughATrustedProxyThatSaysHttps() {
        assertThat(hstsOf(filter, MockServerHttpRequest.get("https://accounts.example.com/users/me").sslInfo(TLS).build()))
                .isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(hstsOf(filter, MockServerHttpRequest.get("/users/me").remoteAddress(new InetSocketAddress("10.1.2.3", 40000))
                .header("X-Forwarded-Proto", "https").build())).isNotNull();
    }

    @Test
    void neverSendsItOverPlainHttpOrForAnUntrustedPeersClaim() {
        assertThat(hstsOf(filter, MockServerHttpRequest.get("/users/me").remoteAddress(new InetSocketAddress("10.1.2.3", 40000)).build())).isNull();
        assertThat(hstsOf(filter, MockServerHttpRequest.get("/users/me").remoteAddress(new InetSocketAddress("203.0.113.5", 40000))
                .header("X-Forwarded-Proto", "https").build())).isNull();
        assertThat(hstsOf(filter, MockServerHttpRequest.get("/users/me").remoteAddress(new InetSocketAddress("10.1.2.3", 40000))
                .header("X-Forwarded-Proto", "http").build())).isNull();
    }

    @Test
    void sendsNothingWhenItIsTurnedOff() {
        SecurityHeadersFilter off = new SecurityHeadersFilter(Optional.empty(), new ClientAddresses(List.of()));

        assertThat(hstsOf(off, MockServerHttpRequest.get("https://accounts.example.com/").sslInfo(TLS).build())).isNull();
    }
}

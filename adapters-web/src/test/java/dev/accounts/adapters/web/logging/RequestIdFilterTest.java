package dev.accounts.adapters.web.logging;

import dev.accounts.adapters.web.client.ClientAddresses;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdFilterTest {

    private static final String GENERATED = "[0-9a-f]{16}";

    private final RequestIdFilter filter = new RequestIdFilter(new ClientAddresses(List.of("10.0.0.0/8")));

    /** The id the rest of the chain sees in its Reactor context, the exchange and the answer's header. */
    private record Seen(String inContext, String onExchange, String inHeader) {
    }

    private Seen filter(String peer, String... offered) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/users/me").remoteAddress(new InetSocketAddress(peer, 40000));
        if (offered.length > 0) {
            request.header(RequestIdFilter.HEADER, offered);
        }
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        AtomicReference<String> inContext = new AtomicReference<>();
        filter.filter(exchange, chained -> Mono.deferContextual(context -> {
            inContext.set(context.get(RequestIdFilter.CONTEXT_KEY));
            return chained.getResponse().setComplete();
        })).block();
        return new Seen(inContext.get(), RequestIdFilter.of(exchange), exchange.getResponse().getHeaders().getFirst(RequestIdFilter.HEADER));
    }

    @Test
    void keepsTheShortPlainIdATrustedProxySends() {
        Seen seen = filter("10.1.2.3", "edge-42.a_b");

        assertThat(seen).isEqualTo(new Seen("edge-42.a_b", "edge-42.a_b", "edge-42.a_b"));
    }

    @Test
    void makesItsOwnIdForAnyoneElse() {
        Seen seen = filter("203.0.113.7", "edge-42.a_b");

        assertThat(seen.inHeader()).matches(GENERATED);
        assertThat(seen).isEqualTo(new Seen(seen.inHeader(), seen.inHeader(), seen.inHeader()));
    }

    @Test
    void makesItsOwnIdWhenEvenATrustedProxySendsOneTooLongOrWithOtherCharacters() {
        for (String unsafe : List.of("x".repeat(65), "a b", "id\nforged line", "<script>", "")) {
            assertThat(filter("10.1.2.3", unsafe).inHeader()).as(unsafe).matches(GENERATED);
        }
        assertThat(filter("10.1.2.3", "x".repeat(64)).inHeader()).isEqualTo("x".repeat(64));
    }

    @Test
    void takesNeitherWhenATrustedProxyPassedTheClientsIdAlongWithItsOwn() {
        assertThat(filter("10.1.2.3", "forged-by-client", "edge-42").inHeader()).matches(GENERATED);
    }

    @Test
    void givesEveryRequestWithoutOneADifferentId() {
        assertThat(filter("10.1.2.3").inHeader()).matches(GENERATED).isNotEqualTo(filter("10.1.2.3").inHeader());
    }
}

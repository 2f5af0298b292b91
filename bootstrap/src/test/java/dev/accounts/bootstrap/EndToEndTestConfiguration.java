package dev.accounts.bootstrap;

import dev.accounts.application.port.out.PasswordHasher;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.http.client.reactive.ClientHttpResponseDecorator;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.util.function.Function;

/** What every end-to-end test adds to the service: a clock tests move, a counting hasher, a client that leaks nothing. */
@TestConfiguration(proxyBeanMethods = false)
class EndToEndTestConfiguration {

    /** Time that tests move by hand: expiry is tested without sleeping. */
    @Bean
    @Primary
    Clock testClock() {
        return EndToEndTest.CLOCK;
    }

    @Bean
    static BeanPostProcessor countingPasswordHasher() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof PasswordHasher hasher && !(bean instanceof CountingPasswordHasher)
                        ? new CountingPasswordHasher(hasher) : bean;
            }
        };
    }

    /**
     * WebTestClient reads a response body that no expectation asked for into a copy of its own, but never
     * releases Netty's pooled buffers it read it from (spring-framework#36050), and a body nobody subscribes
     * to stays in those buffers until they are collected. Reading every body whole, at once, onto the heap
     * leaves the paranoid leak check ({@link NettyLeakCheck}) to find the service's leaks, not the test client's.
     */
    @Bean
    WebTestClientBuilderCustomizer responseBodiesReadOntoTheHeap() {
        return builder -> builder.clientConnector(new HeapBodyConnector(new ReactorClientHttpConnector()));
    }

    private record HeapBodyConnector(ClientHttpConnector network) implements ClientHttpConnector {

        @Override
        public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri, Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
            return network.connect(method, uri, requestCallback).flatMap(response -> DataBufferUtils.join(response.getBody())
                    .map(joined -> {
                        byte[] bytes = new byte[joined.readableByteCount()];
                        joined.read(bytes);
                        DataBufferUtils.release(joined);
                        return bytes;
                    })
                    .defaultIfEmpty(new byte[0])
                    .map(bytes -> new ClientHttpResponseDecorator(response) {
                        @Override
                        public Flux<org.springframework.core.io.buffer.DataBuffer> getBody() {
                            return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes));
                        }
                    }));
        }
    }
}

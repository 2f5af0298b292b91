package dev.accounts.bootstrap;

import dev.accounts.adapters.persistence.testing.MigratedTestDatabase;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.domain.credentials.Password;
import dev.accounts.domain.credentials.PasswordHash;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping the service (what SIGTERM does) lets a registration that is being hashed finish and be stored. */
class GracefulShutdownIT {

    static final CountDownLatch HASHING_STARTED = new CountDownLatch(1);

    @Test
    void finishesARegistrationInTheMiddleOfHashingBeforeStopping() throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AccountsApplication.class, SlowHashing.class)
                .run(EndToEndTest.argumentsForTheTestDatabase());
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        String email = "shutdown-" + UUID.randomUUID() + "@example.com";
        String password = "tangerine otter kayak mosaic";

        // The JDK's client: a WebClient would share the Reactor Netty resources that closing the service disposes.
        CompletableFuture<Integer> status = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/users/register"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password
                                + "\",\"confirmPassword\":\"" + password + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
        assertThat(HASHING_STARTED.await(30, TimeUnit.SECONDS)).isTrue();
        context.close();

        assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(201);
        var database = DatabaseClient.create(MigratedTestDatabase.connectionFactory());
        assertThat(database.sql("SELECT count(*) FROM users WHERE email_normalized = :key").bind("key", email)
                .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10))).isEqualTo(1);
    }

    /** Hashing that takes a second and says when it starts, so the test can stop the service mid-hash. */
    @Configuration(proxyBeanMethods = false)
    static class SlowHashing {

        @Bean
        static BeanPostProcessor slowPasswordHasher() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (!(bean instanceof PasswordHasher real)) {
                        return bean;
                    }
                    return new DelegatingPasswordHasher(real) {
                        @Override
                        public Mono<PasswordHash> hash(Password password) {
                            return super.hash(password).delaySubscription(Mono.fromRunnable(HASHING_STARTED::countDown)
                                    .then(Mono.delay(Duration.ofSeconds(1))));
                        }
                    };
                }
            };
        }
    }
}

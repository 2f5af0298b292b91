package dev.accounts.adapters.mail;

import dev.accounts.domain.messages.AccountMessage.SignUpAttempted;
import dev.accounts.domain.messages.AccountMessage.VerifyEmail;
import dev.accounts.domain.token.SecretToken;
import dev.accounts.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static dev.accounts.domain.testing.Emails.email;
import static org.assertj.core.api.Assertions.assertThat;

class DevelopmentMailboxRoutesTest {

    private final MessageWriter writer = new MessageWriter("http://localhost:8080");
    private final DevelopmentMailbox mailbox = new DevelopmentMailbox(writer, 10, Clock.fixed(Instant.parse("2026-03-01T09:30:00Z"), ZoneOffset.UTC));
    private final WebTestClient client = clientFrom("127.0.0.1");

    private WebTestClient clientFrom(String address) {
        return WebTestClient.bindToRouterFunction(new DevelopmentMailboxRoutes(mailbox))
                .webFilter((exchange, chain) -> chain.filter(exchange.mutate()
                        .request(request -> request.remoteAddress(new InetSocketAddress(address, 40000))).build()))
                .build();
    }

    @Test
    void listsTheMessagesNewestFirstWithTheFirstLinksToken() {
        SecretToken token = SecretToken.random();
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        mailbox.send(older, new SignUpAttempted(UserId.random(), email("zoe@example.com"), "Zoë")).block();
        mailbox.send(newer, new VerifyEmail(UserId.random(), email("Ada@example.com"), "Ada", token)).block();

        client.get().uri("/dev/mail").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].id").isEqualTo(newer.toString())
                .jsonPath("$[0].to").isEqualTo("Ada@example.com")
                .jsonPath("$[0].subject").isEqualTo("Confirm your email address")
                .jsonPath("$[0].sentAt").isEqualTo("2026-03-01T09:30:00Z")
                .jsonPath("$[0].text").value(String.class, text -> assertThat(text).startsWith("Hello Ada,"))
                .jsonPath("$[0].html").value(String.class, html -> assertThat(html).contains("<p>Hello Ada,</p>"))
                .jsonPath("$[0].links[0]").isEqualTo("http://localhost:8080/verify-email?token=" + token.value())
                .jsonPath("$[0].token").isEqualTo(token.value())
                .jsonPath("$[1].id").isEqualTo(older.toString())
                .jsonPath("$[1].token").doesNotExist();
    }

    @Test
    void keepsOneAddressesMessagesInAnyCase() {
        mailbox.send(UUID.randomUUID(), new SignUpAttempted(UserId.random(), email("zoe@example.com"), "Zoë")).block();
        mailbox.send(UUID.randomUUID(), new SignUpAttempted(UserId.random(), email("ada@example.com"), "Ada")).block();

        client.get().uri("/dev/mail?to={to}", "ZOE@Example.com").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].to").isEqualTo("zoe@example.com");
    }

    @Test
    void showsNothingToAnotherMachine() {
        mailbox.send(UUID.randomUUID(), new VerifyEmail(UserId.random(), email("ada@example.com"), "Ada", SecretToken.random())).block();

        clientFrom("192.0.2.7").get().uri("/dev/mail").exchange().expectStatus().isNotFound();
        clientFrom("::1").get().uri("/dev/mail").exchange().expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Real-IP"})
    void showsNothingToARequestAProxyOnThisMachineForwarded(String header) {
        mailbox.send(UUID.randomUUID(), new VerifyEmail(UserId.random(), email("ada@example.com"), "Ada", SecretToken.random())).block();

        client.get().uri("/dev/mail").header(header, "203.0.113.9").exchange().expectStatus().isNotFound();
    }

    @Test
    void takesTheTokenFromTheMessageNeverFromALinkANameSmuggledIn() {
        SecretToken token = SecretToken.random();
        mailbox.send(UUID.randomUUID(), new VerifyEmail(UserId.random(), email("ada@example.com"),
                "http://localhost:8080/verify-email?token=chosen-by-someone-else {", token)).block();

        client.get().uri("/dev/mail").exchange().expectStatus().isOk().expectBody().jsonPath("$[0].token").isEqualTo(token.value());
    }

    @Test
    void answersAnEmptyListWhenNothingWasWritten() {
        client.get().uri("/dev/mail").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("[]");
    }
}

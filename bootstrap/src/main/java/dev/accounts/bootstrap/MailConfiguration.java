package dev.accounts.bootstrap;

import dev.accounts.adapters.mail.DevelopmentMailbox;
import dev.accounts.adapters.mail.DevelopmentMailboxRoutes;
import dev.accounts.adapters.mail.MessageWriter;
import dev.accounts.adapters.mail.SmtpMailTransport;
import dev.accounts.application.port.in.DeliverMailUseCase;
import dev.accounts.application.port.out.MailTransport;
import dev.accounts.application.port.out.Outbox;
import dev.accounts.application.service.DeliverMailService;
import dev.accounts.domain.messages.MessagePolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springdoc.core.annotations.RouterOperation;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;

/**
 * Mail: messages are written from templates and sent over SMTP ({@code spring.mail.*}) by whichever
 * instance claims them from the outbox. With {@code accounts.mail.development-mailbox} they are kept in
 * memory at {@code /dev/mail} instead; with neither, the service does not start, since a message that
 * cannot be sent would be lost silently.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    /** Sends block; they wait here, never on an event loop. Few threads: an SMTP server takes few connections. */
    private static final int SENDING_THREADS = 4;

    @Bean
    MessageWriter messageWriter(AccountsProperties properties) {
        return new MessageWriter(properties.publicUrl().toString());
    }

    @Bean(destroyMethod = "dispose")
    Scheduler mailScheduler() {
        return Schedulers.newBoundedElastic(SENDING_THREADS, 1_000, "mail");
    }

    /** The mail transport in development: the only one, so nothing can send past it. */
    @Bean
    @ConditionalOnProperty(name = "accounts.mail.development-mailbox", havingValue = "true")
    DevelopmentMailbox developmentMailbox(MessageWriter writer, Clock clock) {
        log.warn("Development mailbox: messages are kept at /dev/mail and never sent. Configure spring.mail.host in production.");
        return new DevelopmentMailbox(writer, 100, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "accounts.mail.development-mailbox", havingValue = "true")
    @RouterOperation(path = "/dev/mail", method = RequestMethod.GET, operation = @Operation(operationId = "developmentMailbox",
            summary = "The development mailbox", tags = "Development", description = """
                    Only with `accounts.mail.development-mailbox=true`, and only to requests from this machine: the newest \
                    messages, newest first, with the token of each message's link.""",
            parameters = @Parameter(in = ParameterIn.QUERY, name = "to", description = "Only the messages to this address",
                    example = "ada@example.com"),
            responses = {
                    @ApiResponse(responseCode = "200", description = "The messages", content = @Content(mediaType = "application/json",
                            examples = @ExampleObject(name = "messages", value = """
                                    [{"id":"0b6f1f5e-3a44-4b8e-9d7b-2f4e0d1c9a11","to":"ada@example.com","subject":"Confirm your email address",
                                      "sentAt":"2026-01-01T12:00:00Z","text":"…","html":"…",
                                      "links":["http://localhost:8080/verify-email?token=q8m1c0Wc7n0nP3sQm9lH5wS2kA7YtY4rV1bN6xZ3fE0"],
                                      "token":"q8m1c0Wc7n0nP3sQm9lH5wS2kA7YtY4rV1bN6xZ3fE0"}]"""))),
                    @ApiResponse(responseCode = "404", description = "Asked from another machine")}))
    DevelopmentMailboxRoutes developmentMailboxRoutes(DevelopmentMailbox mailbox) {
        return new DevelopmentMailboxRoutes(mailbox);
    }

    @Bean
    @ConditionalOnProperty(name = "accounts.mail.development-mailbox", havingValue = "false", matchIfMissing = true)
    MailTransport smtpMailTransport(ObjectProvider<JavaMailSender> sender, MessageWriter writer, Scheduler mailScheduler,
                                    AccountsProperties properties) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            throw new IllegalStateException("No SMTP server is configured: set spring.mail.host (and spring.mail.port, username, password), "
                    + "or accounts.mail.development-mailbox=true to keep messages at /dev/mail during development.");
        }
        return new SmtpMailTransport(smtp, writer, properties.mail().from(), mailScheduler);
    }

    @Bean
    DeliverMailUseCase deliverMailUseCase(Outbox outbox, MailTransport transport, AccountsProperties properties, Clock clock) {
        AccountsProperties.Mail mail = properties.mail();
        return new DeliverMailService(outbox, transport, MessagePolicy.STANDARD, mail.batchSize(), mail.lease(), clock);
    }

    @Bean
    MailDelivery mailDelivery(DeliverMailUseCase delivery, AccountsProperties properties) {
        return new MailDelivery(delivery, properties.mail().batchSize());
    }

    /** Each instance sends what is due every interval, batch after batch while batches come back full. */
    static final class MailDelivery {

        private final DeliverMailUseCase delivery;
        private final int batchSize;

        MailDelivery(DeliverMailUseCase delivery, int batchSize) {
            this.delivery = delivery;
            this.batchSize = batchSize;
        }

        @Scheduled(initialDelayString = "${accounts.mail.delivery-interval:1s}", fixedDelayString = "${accounts.mail.delivery-interval:1s}")
        Mono<Void> deliver() {
            return delivery.deliverDue()
                    .expand(settled -> settled == batchSize ? delivery.deliverDue() : Mono.empty())
                    .onErrorResume(failure -> {
                        log.warn("mail delivery could not read the outbox this time: {}", failure.getMessage());
                        return Mono.empty();
                    })
                    .then();
        }
    }
}

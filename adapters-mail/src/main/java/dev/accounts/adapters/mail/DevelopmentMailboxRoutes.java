package dev.accounts.adapters.mail;

import dev.accounts.adapters.mail.DevelopmentMailbox.Mail;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * {@code GET /dev/mail}: the development mailbox's messages as JSON, newest first, with each first link's
 * token; {@code ?to=} keeps one address's. It hands out working tokens, so bootstrap registers it only
 * together with the {@link DevelopmentMailbox}.
 */
public final class DevelopmentMailboxRoutes implements RouterFunction<ServerResponse> {

    private static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Real-IP");

    private final RouterFunction<ServerResponse> routes;

    public DevelopmentMailboxRoutes(DevelopmentMailbox mailbox) {
        Objects.requireNonNull(mailbox, "mailbox");
        this.routes = RouterFunctions.route(GET("/dev/mail"), request -> list(mailbox, request));
    }

    @Override
    public Mono<HandlerFunction<ServerResponse>> route(ServerRequest request) {
        return routes.route(request);
    }

    @Override
    public void accept(RouterFunctions.Visitor visitor) {
        routes.accept(visitor);
    }

    /**
     * Only to this machine: {@code ./run} listens on every interface, and these tokens open accounts. A request
     * a proxy forwarded comes from loopback too when the proxy runs here, so one that says it was forwarded is
     * not taken as local, whoever sent it.
     */
    private static Mono<ServerResponse> list(DevelopmentMailbox mailbox, ServerRequest request) {
        boolean forwarded = FORWARDING_HEADERS.stream().anyMatch(header -> !request.headers().header(header).isEmpty());
        boolean local = !forwarded && request.remoteAddress()
                .map(address -> address.getAddress() != null && address.getAddress().isLoopbackAddress())
                .orElse(false);
        if (!local) {
            return ServerResponse.notFound().build();
        }
        List<Mail> mails = request.queryParam("to").map(mailbox::messagesTo).orElseGet(mailbox::messages);
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(mails.stream().map(MailView::of).toList());
    }

    /** One message as JSON; {@code token} is null when the message has no link with one. */
    record MailView(UUID id, String to, String subject, String sentAt, String text, String html, List<String> links, String token) {

        static MailView of(Mail mail) {
            return new MailView(mail.id(), mail.to(), mail.subject(), mail.sentAt().toString(), mail.text(), mail.html(),
                    mail.links(), mail.token().orElse(null));
        }
    }
}

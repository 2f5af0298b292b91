package dev.accounts.application.service;

import dev.accounts.application.port.in.MailRequestResult;
import dev.accounts.application.port.in.MailRequestResult.Accepted;
import dev.accounts.application.port.in.MailRequestResult.Rejected;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.user.EmailAddresses;
import dev.accounts.domain.user.User;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Answers a request for a mailed link the same way whether or not an account has the address: the same
 * result, and no sooner than {@code evenAnswerTime}, which is longer than the work for an existing account
 * takes, so the time of the answer does not tell either.
 */
public final class MailRequests {

    private final EmailAddresses emails;
    private final UserRepository users;
    private final Duration evenAnswerTime;

    public MailRequests(EmailAddresses emails, UserRepository users, Duration evenAnswerTime) {
        this.emails = emails;
        this.users = users;
        this.evenAnswerTime = evenAnswerTime;
    }

    /** Runs {@code mail} for the account with this address, if there is one. */
    Mono<MailRequestResult> forAccount(String email, Function<User, Mono<Void>> mail) {
        return Mono.defer(() -> {
            var problem = emails.problemWith(email);
            if (problem.isPresent()) {
                return Mono.just(new Rejected(List.of(problem.get().violation())));
            }
            Mono<Void> work = users.findByEmail(emails.parse(email)).flatMap(mail);
            return Mono.when(work, Mono.delay(evenAnswerTime)).thenReturn(new Accepted());
        });
    }
}

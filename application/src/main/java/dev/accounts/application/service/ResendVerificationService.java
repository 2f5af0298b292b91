package dev.accounts.application.service;

import dev.accounts.application.port.in.MailRequestResult;
import dev.accounts.application.port.in.ResendVerificationUseCase;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.domain.messages.AccountMessage;
import dev.accounts.domain.token.OneTimeToken.Purpose;
import reactor.core.publisher.Mono;

/** Mails a new verification link to the owner of an unverified account; answers alike for every address. */
public final class ResendVerificationService implements ResendVerificationUseCase {

    private final MailRequests requests;
    private final AccountMailer mailer;
    private final Transactions transactions;

    public ResendVerificationService(MailRequests requests, AccountMailer mailer, Transactions transactions) {
        this.requests = requests;
        this.mailer = mailer;
        this.transactions = transactions;
    }

    @Override
    public Mono<MailRequestResult> resend(String email) {
        return requests.forAccount(email, user -> user.isEmailVerified()
                ? Mono.empty()
                : transactions.atomically(() -> mailer.sendLink(user, Purpose.VERIFY_EMAIL, AccountMessage.Kind.VERIFY_EMAIL,
                        token -> AccountMessage.verifyEmail(user, token))));
    }
}

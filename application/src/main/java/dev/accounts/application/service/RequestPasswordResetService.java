package dev.accounts.application.service;

import dev.accounts.application.port.in.MailRequestResult;
import dev.accounts.application.port.in.RequestPasswordResetUseCase;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.domain.messages.AccountMessage;
import dev.accounts.domain.token.OneTimeToken.Purpose;
import reactor.core.publisher.Mono;

/** Mails a reset link to the owner of an account, superseding any earlier one; answers alike for every address. */
public final class RequestPasswordResetService implements RequestPasswordResetUseCase {

    private final MailRequests requests;
    private final AccountMailer mailer;
    private final Transactions transactions;

    public RequestPasswordResetService(MailRequests requests, AccountMailer mailer, Transactions transactions) {
        this.requests = requests;
        this.mailer = mailer;
        this.transactions = transactions;
    }

    @Override
    public Mono<MailRequestResult> request(String email) {
        return requests.forAccount(email, user -> transactions.atomically(() -> mailer.sendLink(user, Purpose.RESET_PASSWORD, AccountMessage.Kind.RESET_PASSWORD,
                token -> AccountMessage.resetPassword(user, token))));
    }
}

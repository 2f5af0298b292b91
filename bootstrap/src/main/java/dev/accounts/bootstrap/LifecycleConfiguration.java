package dev.accounts.bootstrap;

import dev.accounts.application.port.in.ChangePasswordUseCase;
import dev.accounts.application.port.in.DeleteAccountUseCase;
import dev.accounts.application.port.in.RequestPasswordResetUseCase;
import dev.accounts.application.port.in.ResendVerificationUseCase;
import dev.accounts.application.port.in.ResetPasswordUseCase;
import dev.accounts.application.port.in.SignOutEverywhereUseCase;
import dev.accounts.application.port.in.VerifyEmailUseCase;
import dev.accounts.application.port.out.AccessTokens;
import dev.accounts.application.port.out.BreachedPasswords;
import dev.accounts.application.port.out.OneTimeTokens;
import dev.accounts.application.port.out.Outbox;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.PasswordStrengthEstimator;
import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.application.port.out.SignInThrottle;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.service.AccountMailer;
import dev.accounts.application.service.ChangePasswordService;
import dev.accounts.application.service.DeleteAccountService;
import dev.accounts.application.service.MailRequests;
import dev.accounts.application.service.NewPasswords;
import dev.accounts.application.service.RequestPasswordResetService;
import dev.accounts.application.service.ResendVerificationService;
import dev.accounts.application.service.ResetPasswordService;
import dev.accounts.application.service.SessionEndings;
import dev.accounts.application.service.SignOutEverywhereService;
import dev.accounts.application.service.SignedInUsers;
import dev.accounts.application.service.ThrottledPasswords;
import dev.accounts.application.service.UserChanges;
import dev.accounts.application.service.VerifyEmailService;
import dev.accounts.adapters.security.breach.PwnedPasswordsRange;
import dev.accounts.bootstrap.throughput.PasswordWorkAdmission;
import dev.accounts.domain.credentials.PasswordRules;
import dev.accounts.domain.messages.MessagePolicy;
import dev.accounts.domain.signin.ThrottlePolicy;
import dev.accounts.domain.user.EmailAddresses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The account's lifecycle after sign-up: proving the address, recovering, changing and checking passwords,
 * signing out everywhere and closing the account. Every use case that hashes or verifies a password is
 * admitted to password work as sign-up and sign-in are.
 */
@Configuration(proxyBeanMethods = false)
class LifecycleConfiguration {

    /** Checked last and only when configured: it is a network call to a third party. */
    @Bean
    BreachedPasswords breachedPasswords(AccountsProperties properties) {
        AccountsProperties.BreachedPasswords breached = properties.breachedPasswords();
        if (!breached.enabled()) {
            return BreachedPasswords.none();
        }
        return new PwnedPasswordsRange(breached.url(), breached.timeout(), breached.failClosed());
    }

    @Bean
    NewPasswords newPasswords(PasswordRules rules, PasswordStrengthEstimator strengthEstimator, BreachedPasswords breachedPasswords,
                              PasswordHasher hasher) {
        return new NewPasswords(rules, strengthEstimator, breachedPasswords, hasher);
    }

    @Bean
    AccountMailer accountMailer(Outbox outbox, OneTimeTokens tokens, Clock clock) {
        return new AccountMailer(outbox, tokens, MessagePolicy.STANDARD, clock);
    }

    @Bean
    SignedInUsers signedInUsers(AccessTokens accessTokens, SessionRepository sessions, UserRepository users, Clock clock) {
        return new SignedInUsers(accessTokens, sessions, users, clock);
    }

    @Bean
    ThrottledPasswords throttledPasswords(PasswordHasher hasher, SignInThrottle throttle, ThrottlePolicy throttlePolicy, Clock clock) {
        return new ThrottledPasswords(hasher, throttle, throttlePolicy, clock);
    }

    @Bean
    UserChanges userChanges(UserRepository users) {
        return new UserChanges(users);
    }

    @Bean
    MailRequests mailRequests(EmailAddresses emails, UserRepository users, AccountsProperties properties) {
        return new MailRequests(emails, users, properties.mail().evenAnswerTime());
    }

    @Bean
    VerifyEmailUseCase verifyEmailUseCase(OneTimeTokens tokens, UserChanges users, Transactions transactions, Clock clock) {
        return new VerifyEmailService(tokens, users, transactions, clock);
    }

    @Bean
    ResendVerificationUseCase resendVerificationUseCase(MailRequests requests, AccountMailer mailer, Transactions transactions) {
        return new ResendVerificationService(requests, mailer, transactions);
    }

    @Bean
    RequestPasswordResetUseCase requestPasswordResetUseCase(MailRequests requests, AccountMailer mailer, Transactions transactions) {
        return new RequestPasswordResetService(requests, mailer, transactions);
    }

    /** Resets carry no client address of their own, so they share one line of the queue and take at most its share. */
    @Bean
    ResetPasswordUseCase resetPasswordUseCase(OneTimeTokens tokens, UserChanges users, NewPasswords newPasswords, SessionEndings endings,
                                              SignInThrottle throttle, AccountMailer mailer, Transactions transactions,
                                              PasswordWorkAdmission admission, Clock clock) {
        ResetPasswordService resets = new ResetPasswordService(tokens, users, newPasswords, endings, throttle, mailer, transactions, clock);
        return (token, password, confirmPassword) -> admission.admitted("password-reset", () -> resets.reset(token, password, confirmPassword));
    }

    @Bean
    ChangePasswordUseCase changePasswordUseCase(SignedInUsers signedIn, ThrottledPasswords currentPasswords, NewPasswords newPasswords,
                                                UserChanges users, OneTimeTokens tokens, SessionEndings endings, AccountMailer mailer,
                                                Transactions transactions, PasswordWorkAdmission admission) {
        ChangePasswordService changes = new ChangePasswordService(signedIn, currentPasswords, newPasswords, users, tokens, endings, mailer,
                transactions);
        return (command, currentPassword, password, confirmPassword) -> admission.admitted(command.clientAddress(),
                () -> changes.change(command, currentPassword, password, confirmPassword));
    }

    @Bean
    DeleteAccountUseCase deleteAccountUseCase(SignedInUsers signedIn, ThrottledPasswords passwords, SessionEndings endings, UserRepository users,
                                              SessionRepository sessions, OneTimeTokens tokens, Outbox outbox, SignInThrottle throttle,
                                              Transactions transactions, PasswordWorkAdmission admission) {
        DeleteAccountService deletions = new DeleteAccountService(signedIn, passwords, endings, users, sessions, tokens, outbox, throttle, transactions);
        return (command, password) -> admission.admitted(command.clientAddress(), () -> deletions.delete(command, password));
    }

    @Bean
    SignOutEverywhereUseCase signOutEverywhereUseCase(SignedInUsers signedIn, SessionEndings endings) {
        return new SignOutEverywhereService(signedIn, endings);
    }
}

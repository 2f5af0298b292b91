package dev.accounts.application.testing;

import dev.accounts.application.port.in.AccountCommand;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.SessionTokens;
import dev.accounts.application.port.in.SignInCommand;
import dev.accounts.application.port.in.SignInResult;
import dev.accounts.application.port.out.BreachedPasswords;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.PasswordStrengthEstimator;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.service.AccountMailer;
import dev.accounts.application.service.ChangePasswordService;
import dev.accounts.application.service.DeleteAccountService;
import dev.accounts.application.service.DeliverMailService;
import dev.accounts.application.service.GetCurrentUserService;
import dev.accounts.application.service.MailRequests;
import dev.accounts.application.service.NewPasswords;
import dev.accounts.application.service.RegisterUserService;
import dev.accounts.application.service.RequestPasswordResetService;
import dev.accounts.application.service.ResendVerificationService;
import dev.accounts.application.service.ResetPasswordService;
import dev.accounts.application.service.SessionEndings;
import dev.accounts.application.service.SessionIssuer;
import dev.accounts.application.service.SignInService;
import dev.accounts.application.service.SignOutEverywhereService;
import dev.accounts.application.service.SignedInUsers;
import dev.accounts.application.service.ThrottledPasswords;
import dev.accounts.application.service.UserChanges;
import dev.accounts.application.service.VerifyEmailService;
import dev.accounts.domain.credentials.PasswordPolicy;
import dev.accounts.domain.credentials.PasswordRules;
import dev.accounts.domain.messages.AccountMessage;
import dev.accounts.domain.messages.MessagePolicy;
import dev.accounts.domain.registration.RegistrationRules;
import dev.accounts.domain.session.RefreshPolicy;
import dev.accounts.domain.signin.ThrottlePolicy;
import dev.accounts.domain.testing.Emails;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every account use case wired over the in-memory adapters, as bootstrap wires them over the real ones:
 * proof that the core needs nothing else, and the fixture of the lifecycle tests.
 */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery staple";
    public static final String BREACHED_PASSWORD = "breached but long enough";

    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    public final InMemoryUserRepository users = new InMemoryUserRepository();
    public final InMemorySessionRepository sessions = new InMemorySessionRepository();
    public final InMemoryOneTimeTokens tokens = new InMemoryOneTimeTokens();
    public final InMemoryOutbox outbox = new InMemoryOutbox();
    public final InMemorySignInThrottle throttle = new InMemorySignInThrottle();
    public final FakePasswordHasher hasher = new FakePasswordHasher();
    public final FakeAccessTokens accessTokens = new FakeAccessTokens(clock);
    public final RecordingMailTransport mail = new RecordingMailTransport();
    public final RecordingSignInAudit audit = new RecordingSignInAudit();

    public final RegisterUserService registration;
    public final SignInService signIn;
    public final GetCurrentUserService currentUser;
    public final VerifyEmailService verifyEmail;
    public final ResendVerificationService resendVerification;
    public final RequestPasswordResetService requestPasswordReset;
    public final ResetPasswordService resetPassword;
    public final ChangePasswordService changePassword;
    public final DeleteAccountService deleteAccount;
    public final SignOutEverywhereService signOutEverywhere;
    public final DeliverMailService deliverMail;

    public Accounts() {
        this(false, false);
    }

    public Accounts(boolean enumerationSafe, boolean requireVerifiedEmail) {
        PasswordRules passwordRules = new PasswordRules(PasswordPolicy.recommended());
        DirectTransactions transactions = new DirectTransactions();
        NewPasswords newPasswords = new NewPasswords(passwordRules, new FakePasswordStrengthEstimator(),
                new FakeBreachedPasswords(BREACHED_PASSWORD), hasher);
        AccountMailer mailer = new AccountMailer(outbox, tokens, MessagePolicy.STANDARD, clock);
        SessionEndings endings = new SessionEndings(sessions, clock);
        SignedInUsers signedIn = new SignedInUsers(accessTokens, sessions, users, clock);
        ThrottledPasswords throttledPasswords = new ThrottledPasswords(hasher, throttle, ThrottlePolicy.standard(), clock);
        UserChanges userChanges = new UserChanges(users);
        MailRequests mailRequests = new MailRequests(Emails.ADDRESSES, users, Duration.ZERO);
        SessionIssuer issuer = new SessionIssuer(sessions, accessTokens, new RefreshPolicy(Duration.ofDays(14), Duration.ofSeconds(10)), clock);

        registration = new RegisterUserService(new RegistrationRules(passwordRules, Emails.ADDRESSES), enumerationSafe, users, newPasswords,
                mailer, transactions, clock);
        signIn = new SignInService(users, hasher, issuer, throttle, ThrottlePolicy.standard(), audit, Emails.ADDRESSES, requireVerifiedEmail, clock);
        currentUser = new GetCurrentUserService(accessTokens, sessions, users, clock);
        verifyEmail = new VerifyEmailService(tokens, userChanges, transactions, clock);
        resendVerification = new ResendVerificationService(mailRequests, mailer, transactions);
        requestPasswordReset = new RequestPasswordResetService(mailRequests, mailer, transactions);
        resetPassword = new ResetPasswordService(tokens, userChanges, newPasswords, endings, throttle, mailer, transactions, clock);
        changePassword = new ChangePasswordService(signedIn, throttledPasswords, newPasswords, userChanges, tokens, endings, mailer, transactions);
        deleteAccount = new DeleteAccountService(signedIn, throttledPasswords, endings, users, sessions, tokens, outbox, throttle, transactions);
        signOutEverywhere = new SignOutEverywhereService(signedIn, endings);
        deliverMail = new DeliverMailService(outbox, mail, MessagePolicy.STANDARD, 50, Duration.ofMinutes(5), clock);
    }

    /** Sign-up alone over the given ports, in the compatible mode, its messages kept in an outbox nobody reads. */
    public static RegisterUserService registrationOver(RegistrationRules rules, UserRepository users, PasswordHasher hasher,
                                                       PasswordStrengthEstimator strengthEstimator, Clock clock) {
        PasswordRules passwordRules = new PasswordRules(PasswordPolicy.recommended());
        return new RegisterUserService(rules, false, users, new NewPasswords(passwordRules, strengthEstimator, BreachedPasswords.none(), hasher),
                new AccountMailer(new InMemoryOutbox(), new InMemoryOneTimeTokens(), MessagePolicy.STANDARD, clock), new DirectTransactions(), clock);
    }

    public void register(String email) {
        registration.register(new RegisterUserCommand("Ada", "Lovelace", email, PASSWORD, PASSWORD, "203.0.113.7")).block();
    }

    public SessionTokens signIn(String email, String password) {
        SignInResult result = signIn.signIn(new SignInCommand(email, password, "203.0.113.7")).block();
        return ((SignInResult.SignedIn) result).tokens();
    }

    /** The command a browser sends with the access cookie and a CSRF token of the same session. */
    public static AccountCommand commandOf(SessionTokens tokens) {
        return new AccountCommand(tokens.access().value(), Optional.of(tokens.session()), "203.0.113.7");
    }

    /** Delivers what is due and answers the messages of one type sent to the address so far. */
    public <T extends AccountMessage> List<T> mailTo(String address, Class<T> type) {
        deliverMail.deliverDue().block();
        return mail.sentTo(address, type);
    }

    /** The token of the latest message of one type to the address. */
    public String latestToken(String address, Class<? extends AccountMessage> type) {
        List<? extends AccountMessage> messages = mailTo(address, type);
        return switch (messages.getLast()) {
            case AccountMessage.VerifyEmail verify -> verify.token().value();
            case AccountMessage.ResetPassword reset -> reset.token().value();
            default -> throw new IllegalArgumentException(type + " carries no token");
        };
    }
}

package dev.accounts.domain.messages;

import dev.accounts.domain.token.SecretToken;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;

import java.util.Objects;

/**
 * A message to an account's owner, decided by a change to the account and sent after it is stored.
 * It carries what its text needs and nothing more: never a password or a hash.
 */
public sealed interface AccountMessage {

    static VerifyEmail verifyEmail(User user, SecretToken token) {
        return new VerifyEmail(user.id(), user.email(), greetingOf(user), token);
    }

    static ResetPassword resetPassword(User user, SecretToken token) {
        return new ResetPassword(user.id(), user.email(), greetingOf(user), token);
    }

    static SignUpAttempted signUpAttempted(User owner) {
        return new SignUpAttempted(owner.id(), owner.email(), greetingOf(owner));
    }

    static PasswordChanged passwordChanged(User user) {
        return new PasswordChanged(user.id(), user.email(), greetingOf(user));
    }

    /**
     * The name to greet by, once the address is proven. Until then whoever signed up chose it, perhaps for
     * someone else's inbox, and a name is text an attacker could fill with a link or a warning: such a
     * message greets no one by name.
     */
    private static String greetingOf(User user) {
        return user.isEmailVerified() ? user.name().first() : null;
    }

    /** Where it goes. */
    EmailAddress to();

    /** The person's first name, for the greeting. */
    String firstName();

    /** A link to prove the address, with a token that expires in a day. */
    record VerifyEmail(UserId user, EmailAddress to, String firstName, SecretToken token) implements AccountMessage {
        public VerifyEmail {
            Objects.requireNonNull(token, "token");
        }
    }

    /** A link to choose a new password, with a token that expires in half an hour. */
    record ResetPassword(UserId user, EmailAddress to, String firstName, SecretToken token) implements AccountMessage {
        public ResetPassword {
            Objects.requireNonNull(token, "token");
        }
    }

    /** In the enumeration-safe mode, what the owner of a taken address learns instead of the one who tried. */
    record SignUpAttempted(UserId user, EmailAddress to, String firstName) implements AccountMessage {
    }

    /** Tells the owner their password changed, so a change they did not make does not go unnoticed. */
    record PasswordChanged(UserId user, EmailAddress to, String firstName) implements AccountMessage {
    }

    UserId user();

    default Kind kind() {
        return switch (this) {
            case VerifyEmail verify -> Kind.VERIFY_EMAIL;
            case ResetPassword reset -> Kind.RESET_PASSWORD;
            case SignUpAttempted attempted -> Kind.SIGN_UP_ATTEMPTED;
            case PasswordChanged changed -> Kind.PASSWORD_CHANGED;
        };
    }

    /** What a message is about, which is also what an inbox's cap counts by. */
    enum Kind { VERIFY_EMAIL, RESET_PASSWORD, SIGN_UP_ATTEMPTED, PASSWORD_CHANGED }
}

package dev.accounts.domain.messages;

import dev.accounts.domain.token.SecretToken;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.UserId;

import java.util.Objects;

/**
 * A message to an account's owner, decided by a change to the account and sent after it is stored.
 * It carries what its text needs and nothing more: never a password or a hash.
 */
public sealed interface AccountMessage {

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
}

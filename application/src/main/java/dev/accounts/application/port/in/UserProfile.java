package dev.accounts.application.port.in;

import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;

/** What a signed-in user may see of their own account. */
public record UserProfile(UserId id, String email, String firstName, String lastName, boolean emailVerified) {

    public static UserProfile of(User user) {
        return new UserProfile(user.id(), user.email().value(), user.name().first(), user.name().last(), user.isEmailVerified());
    }
}

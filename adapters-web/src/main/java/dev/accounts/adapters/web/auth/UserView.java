package dev.accounts.adapters.web.auth;

import dev.accounts.application.port.in.UserProfile;

/** A user as the sign-in answers show them. */
record UserView(String userId, String email, String firstName, String lastName, boolean emailVerified) {

    static UserView of(UserProfile profile) {
        return new UserView(profile.id().value().toString(), profile.email(), profile.firstName(), profile.lastName(), profile.emailVerified());
    }
}

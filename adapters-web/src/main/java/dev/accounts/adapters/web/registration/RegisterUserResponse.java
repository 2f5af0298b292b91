package dev.accounts.adapters.web.registration;

import dev.accounts.domain.user.UserId;

/** The original service's success answer, plus the new user's id. */
record RegisterUserResponse(boolean successStatus, String message, String userId) {

    static RegisterUserResponse of(UserId id) {
        return new RegisterUserResponse(true, "success", id.value().toString());
    }
}

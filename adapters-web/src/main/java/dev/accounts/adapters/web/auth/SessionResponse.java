package dev.accounts.adapters.web.auth;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The original service's answer shape; {@code user} where there is one. Tokens travel only in cookies. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SessionResponse(boolean successStatus, String message, UserView user) {

    static SessionResponse success() {
        return new SessionResponse(true, "success", null);
    }

    /** Success, saying what happened in words a person can show. */
    static SessionResponse success(String message) {
        return new SessionResponse(true, message, null);
    }

    static SessionResponse of(UserView user) {
        return new SessionResponse(true, "success", user);
    }
}

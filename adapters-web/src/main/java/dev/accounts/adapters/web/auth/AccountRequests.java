package dev.accounts.adapters.web.auth;

/** The bodies of the account lifecycle's requests; none of them ever prints a secret. */
final class AccountRequests {

    private AccountRequests() {
    }

    record TokenRequest(String token) {

        @Override
        public String toString() {
            return "TokenRequest[******]";
        }
    }

    record EmailRequest(String email) {
    }

    record ResetPasswordRequest(String token, String password, String confirmPassword) {

        @Override
        public String toString() {
            return "ResetPasswordRequest[******]";
        }
    }

    record ChangePasswordRequest(String currentPassword, String password, String confirmPassword) {

        @Override
        public String toString() {
            return "ChangePasswordRequest[******]";
        }
    }

    record PasswordRequest(String password) {

        @Override
        public String toString() {
            return "PasswordRequest[******]";
        }
    }
}

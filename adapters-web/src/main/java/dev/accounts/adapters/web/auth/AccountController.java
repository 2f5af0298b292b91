package dev.accounts.adapters.web.auth;

import dev.accounts.adapters.web.auth.AccountRequests.ChangePasswordRequest;
import dev.accounts.adapters.web.auth.AccountRequests.EmailRequest;
import dev.accounts.adapters.web.auth.AccountRequests.PasswordRequest;
import dev.accounts.adapters.web.auth.AccountRequests.ResetPasswordRequest;
import dev.accounts.adapters.web.auth.AccountRequests.TokenRequest;
import dev.accounts.adapters.web.client.ClientAddresses;
import dev.accounts.adapters.web.problem.FieldError;
import dev.accounts.adapters.web.problem.Problems;
import dev.accounts.application.port.in.AccountChangeResult;
import dev.accounts.application.port.in.AccountCommand;
import dev.accounts.application.port.in.ChangePasswordUseCase;
import dev.accounts.application.port.in.DeleteAccountUseCase;
import dev.accounts.application.port.in.MailRequestResult;
import dev.accounts.application.port.in.RequestPasswordResetUseCase;
import dev.accounts.application.port.in.ResendVerificationUseCase;
import dev.accounts.application.port.in.ResetPasswordUseCase;
import dev.accounts.application.port.in.SignOutEverywhereUseCase;
import dev.accounts.application.port.in.VerifyEmailUseCase;
import dev.accounts.domain.session.SessionId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The account's lifecycle: proving the address, recovering and changing the password, signing out
 * everywhere and closing the account. The requests for mailed links answer 202 alike for every address.
 */
@RestController
public class AccountController {

    private static final FieldError INVALID_TOKEN = new FieldError("token", "token.invalid",
            "This link is invalid or has expired, or was already used or replaced by a newer one; ask for a new one.");
    private static final FieldError THROTTLED =
            new FieldError("password", "auth.throttled", "Too many wrong passwords for this account; wait before trying again.");
    private static final String LINK_ON_ITS_WAY = "If an account needs it, a message with a link is on its way to this address.";

    private final VerifyEmailUseCase verifyEmail;
    private final ResendVerificationUseCase resendVerification;
    private final RequestPasswordResetUseCase requestPasswordReset;
    private final ResetPasswordUseCase resetPassword;
    private final ChangePasswordUseCase changePassword;
    private final DeleteAccountUseCase deleteAccount;
    private final SignOutEverywhereUseCase signOutEverywhere;
    private final SessionCookies cookies;
    private final ClientAddresses clients;

    public AccountController(VerifyEmailUseCase verifyEmail, ResendVerificationUseCase resendVerification,
                             RequestPasswordResetUseCase requestPasswordReset, ResetPasswordUseCase resetPassword,
                             ChangePasswordUseCase changePassword, DeleteAccountUseCase deleteAccount,
                             SignOutEverywhereUseCase signOutEverywhere, SessionCookies cookies, ClientAddresses clients) {
        this.verifyEmail = verifyEmail;
        this.resendVerification = resendVerification;
        this.requestPasswordReset = requestPasswordReset;
        this.resetPassword = resetPassword;
        this.changePassword = changePassword;
        this.deleteAccount = deleteAccount;
        this.signOutEverywhere = signOutEverywhere;
        this.cookies = cookies;
        this.clients = clients;
    }

    @PostMapping(path = "/users/verify-email", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> verifyEmail(@RequestBody TokenRequest request) {
        return verifyEmail.verify(request.token()).map(outcome -> switch (outcome) {
            case VERIFIED -> ResponseEntity.ok().body(SessionResponse.success("Your email address is verified."));
            case INVALID_TOKEN -> invalidToken();
        });
    }

    @PostMapping(path = "/users/verify-email/resend", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> resendVerification(@RequestBody EmailRequest request) {
        return resendVerification.resend(request.email()).map(AccountController::accepted);
    }

    @PostMapping(path = "/auth/password-reset", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> requestPasswordReset(@RequestBody EmailRequest request) {
        return requestPasswordReset.request(request.email()).map(AccountController::accepted);
    }

    @PostMapping(path = "/auth/password-reset/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> resetPassword(@RequestBody ResetPasswordRequest request) {
        return resetPassword.reset(request.token(), request.password(), request.confirmPassword()).map(result -> switch (result) {
            case ResetPasswordUseCase.PasswordReset reset ->
                    ResponseEntity.ok().body(SessionResponse.success("Your password is changed; every device was signed out."));
            case ResetPasswordUseCase.Rejected rejected -> Problems.validationFailed(rejected.violations());
            case ResetPasswordUseCase.InvalidToken invalid -> invalidToken();
        });
    }

    @PostMapping(path = "/users/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> changePassword(@RequestBody ChangePasswordRequest request, ServerWebExchange exchange) {
        return signedIn(exchange, command -> changePassword.change(command, request.currentPassword(), request.password(), request.confirmPassword())
                .map(result -> answer(result, () -> ResponseEntity.ok().body(
                        SessionResponse.success("Your password is changed; your other devices were signed out.")))));
    }

    @PostMapping("/auth/logout-everywhere")
    Mono<ResponseEntity<?>> logoutEverywhere(ServerWebExchange exchange) {
        return signedIn(exchange, command -> signOutEverywhere.signOutEverywhere(command).map(outcome -> switch (outcome) {
            case SIGNED_OUT -> signedOut(SessionResponse.success("Every session of yours has ended."));
            case NOT_SIGNED_IN -> AuthController.notSignedIn();
            case SESSION_MISMATCH -> sessionMismatch();
        }));
    }

    @DeleteMapping(path = "/users/me", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> deleteAccount(@RequestBody PasswordRequest request, ServerWebExchange exchange) {
        return signedIn(exchange, command -> deleteAccount.delete(command, request.password())
                .map(result -> answer(result, () -> signedOut(SessionResponse.success("Your account and everything kept about it are deleted.")))));
    }

    /**
     * The command of a request signed in by a bearer token (a program, no CSRF token needed) or by the access
     * cookie, whose CSRF token the filter verified and whose session must be the token's own.
     */
    private Mono<ResponseEntity<?>> signedIn(ServerWebExchange exchange, Function<AccountCommand, Mono<ResponseEntity<?>>> action) {
        ServerHttpRequest request = exchange.getRequest();
        Optional<String> bearer = AuthController.bearerToken(request);
        Optional<String> accessToken = bearer.or(() -> cookies.accessToken(request));
        if (accessToken.isEmpty()) {
            return Mono.just(AuthController.notSignedIn());
        }
        Optional<SessionId> csrfSession = Optional.ofNullable(exchange.getAttribute(CsrfProtectionFilter.VERIFIED_SESSION));
        if (bearer.isEmpty() && csrfSession.isEmpty()) {
            return Mono.just(sessionMismatch());
        }
        return action.apply(new AccountCommand(accessToken.get(), bearer.isPresent() ? Optional.empty() : csrfSession, clients.of(request)));
    }

    private static ResponseEntity<?> answer(AccountChangeResult result, Supplier<ResponseEntity<?>> done) {
        return switch (result) {
            case AccountChangeResult.Done ignored -> done.get();
            case AccountChangeResult.Rejected rejected -> Problems.validationFailed(rejected.violations());
            case AccountChangeResult.WrongPassword wrong -> Problems.of(HttpStatus.BAD_REQUEST, "Bad request",
                    new FieldError(wrong.field(), wrong.field() + ".incorrect", "The password you entered is not your current password."));
            case AccountChangeResult.Throttled throttled -> Problems.tooManyRequests(THROTTLED, throttled.retryAfter());
            case AccountChangeResult.NotSignedIn ignored -> AuthController.notSignedIn();
            case AccountChangeResult.SessionMismatch ignored -> sessionMismatch();
        };
    }

    private static ResponseEntity<?> accepted(MailRequestResult result) {
        return switch (result) {
            case MailRequestResult.Accepted accepted -> ResponseEntity.accepted().body(SessionResponse.success(LINK_ON_ITS_WAY));
            case MailRequestResult.Rejected rejected -> Problems.validationFailed(rejected.violations());
        };
    }

    private static ResponseEntity<?> invalidToken() {
        return Problems.of(HttpStatus.BAD_REQUEST, "Bad request", INVALID_TOKEN);
    }

    private static ResponseEntity<?> sessionMismatch() {
        return Problems.of(HttpStatus.FORBIDDEN, "Forbidden", AuthController.SESSION_MISMATCH);
    }

    private ResponseEntity<?> signedOut(SessionResponse body) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.ok();
        for (ResponseCookie cookie : cookies.cleared()) {
            builder.header(HttpHeaders.SET_COOKIE, cookie.toString());
        }
        return builder.body(body);
    }
}

package dev.accounts.adapters.web.auth;

import dev.accounts.adapters.web.auth.AccountRequests.ChangePasswordRequest;
import dev.accounts.adapters.web.auth.AccountRequests.EmailRequest;
import dev.accounts.adapters.web.auth.AccountRequests.PasswordRequest;
import dev.accounts.adapters.web.auth.AccountRequests.ResetPasswordRequest;
import dev.accounts.adapters.web.auth.AccountRequests.TokenRequest;
import dev.accounts.adapters.web.client.ClientAddresses;
import dev.accounts.adapters.web.openapi.ApiDocumentation;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
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

    private static final String ACCEPTED_EXAMPLE = """
            {"successStatus":true,"message":"If an account needs it, a message with a link is on its way to this address."}""";
    private static final String EMAIL_INVALID_EXAMPLE = """
            {"type":"urn:accounts:problem:validation-failed","title":"Validation failed","status":400,
             "detail":"Email must be a valid email address, such as name@example.com.","instance":"/auth/password-reset","successStatus":false,
             "message":"Email must be a valid email address, such as name@example.com.",
             "errors":[{"field":"email","code":"email.invalid","message":"Email must be a valid email address, such as name@example.com."}]}""";
    private static final String TOKEN_INVALID_EXAMPLE = """
            {"type":"urn:accounts:problem:token-invalid","title":"Bad request","status":400,
             "detail":"This link is invalid or has expired, or was already used or replaced by a newer one; ask for a new one.",
             "instance":"/users/verify-email","successStatus":false,
             "message":"This link is invalid or has expired, or was already used or replaced by a newer one; ask for a new one.",
             "errors":[{"field":"token","code":"token.invalid","message":"This link is invalid or has expired, or was already used or replaced by a newer one; ask for a new one."}]}""";
    private static final String PASSWORD_TOO_SHORT_EXAMPLE = """
            {"type":"urn:accounts:problem:validation-failed","title":"Validation failed","status":400,
             "detail":"Password must be at least 15 characters.","instance":"/users/me/password","successStatus":false,
             "message":"Password must be at least 15 characters.",
             "errors":[{"field":"password","code":"password.too_short","message":"Password must be at least 15 characters."}]}""";
    private static final String PASSWORD_CODES = "`password.required`, `password.too_short`, `password.too_long`, `password.invalid`, "
            + "`confirmPassword.required`, `password.mismatch`, `password.contains_email`, `password.too_weak`, `password.breached`";

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

    @Operation(summary = "Verify the email address", tags = "Registration", description = """
            Takes the token of the link mailed at sign-up (the `token` query parameter of `/verify-email?token=…`).""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AccountRequests.TokenRequest.class),
                    examples = @ExampleObject(name = "example", value = """
                            {"token":"q8m1c0Wc7n0nP3sQm9lH5wS2kA7YtY4rV1bN6xZ3fE0"}"""))))
    @ApiResponse(responseCode = "200", description = "Verified",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SessionResponse.class),
                    examples = @ExampleObject(name = "done", value = """
                            {"successStatus":true,"message":"Your email address is verified."}""")))
    @ApiResponse(responseCode = "400", description = "The token is unknown, used, superseded by a newer link or expired, one code for all (`token.invalid`), or the body is not a JSON object of strings",
            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(ref = ApiDocumentation.PROBLEM), examples = {
                    @ExampleObject(name = "token-invalid", value = TOKEN_INVALID_EXAMPLE),
                    @ExampleObject(name = "malformed-json", ref = ApiDocumentation.MALFORMED_JSON_EXAMPLE)}))
    @ApiResponse(responseCode = "403", ref = ApiDocumentation.CROSS_SITE_REFUSED)
    @ApiResponse(responseCode = "413", ref = ApiDocumentation.REQUEST_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
    @PostMapping(path = "/users/verify-email", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> verifyEmail(@RequestBody TokenRequest request) {
        return verifyEmail.verify(request.token()).map(outcome -> switch (outcome) {
            case VERIFIED -> ResponseEntity.ok().body(SessionResponse.success("Your email address is verified."));
            case INVALID_TOKEN -> invalidToken();
        });
    }

    @Operation(summary = "Mail a new verification link", tags = "Registration", description = """
            Answers alike, in the same time, for every address; only an account whose address is unverified gets a link, \
            which supersedes the earlier one. Limited per client address together with password resets (10 an hour, 5 at once).""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AccountRequests.EmailRequest.class),
                    examples = @ExampleObject(name = "example", value = """
                            {"email":"ada@example.com"}"""))))
    @ApiResponse(responseCode = "202", description = "The same answer for every address", headers = {@Header(name = "RateLimit", ref = ApiDocumentation.RATE_LIMIT),
            @Header(name = "RateLimit-Policy", ref = ApiDocumentation.RATE_LIMIT_POLICY)},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SessionResponse.class),
                    examples = @ExampleObject(name = "accepted", value = ACCEPTED_EXAMPLE)))
    @ApiResponse(responseCode = "400", description = "Not an address (`validation-failed`: `email.required`, `email.invalid`, `email.too_long`), or not a JSON object of strings",
            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(ref = ApiDocumentation.PROBLEM), examples = {
                    @ExampleObject(name = "email-invalid", value = EMAIL_INVALID_EXAMPLE),
                    @ExampleObject(name = "malformed-json", ref = ApiDocumentation.MALFORMED_JSON_EXAMPLE)}))
    @ApiResponse(responseCode = "403", ref = ApiDocumentation.CROSS_SITE_REFUSED)
    @ApiResponse(responseCode = "413", ref = ApiDocumentation.REQUEST_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "429", ref = ApiDocumentation.RATE_LIMITED)
    @PostMapping(path = "/users/verify-email/resend", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> resendVerification(@RequestBody EmailRequest request) {
        return resendVerification.resend(request.email()).map(AccountController::accepted);
    }

    @Operation(summary = "Mail a password-reset link", tags = "Account", description = """
            Answers alike, in the same time, for every address; the owner of an account gets a link valid for 30 minutes. \
            Limited per client address together with verification links (10 an hour, 5 at once).""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AccountRequests.EmailRequest.class),
                    examples = @ExampleObject(name = "example", value = """
                            {"email":"ada@example.com"}"""))))
    @ApiResponse(responseCode = "202", description = "The same answer for every address", headers = {@Header(name = "RateLimit", ref = ApiDocumentation.RATE_LIMIT),
            @Header(name = "RateLimit-Policy", ref = ApiDocumentation.RATE_LIMIT_POLICY)},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SessionResponse.class),
                    examples = @ExampleObject(name = "accepted", value = ACCEPTED_EXAMPLE)))
    @ApiResponse(responseCode = "400", description = "Not an address (`validation-failed`: `email.required`, `email.invalid`, `email.too_long`), or not a JSON object of strings",
            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(ref = ApiDocumentation.PROBLEM), examples = {
                    @ExampleObject(name = "email-invalid", value = EMAIL_INVALID_EXAMPLE),
                    @ExampleObject(name = "malformed-json", ref = ApiDocumentation.MALFORMED_JSON_EXAMPLE)}))
    @ApiResponse(responseCode = "403", ref = ApiDocumentation.CROSS_SITE_REFUSED)
    @ApiResponse(responseCode = "413", ref = ApiDocumentation.REQUEST_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "429", ref = ApiDocumentation.RATE_LIMITED)
    @PostMapping(path = "/auth/password-reset", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> requestPasswordReset(@RequestBody EmailRequest request) {
        return requestPasswordReset.request(request.email()).map(AccountController::accepted);
    }

    @Operation(summary = "Set a new password with a reset link", tags = "Account", description = """
            Stores the new password: every session of the account ends, its sign-in throttle is cleared and the address \
            counts as verified. After a 400 for the password the link still works.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AccountRequests.ResetPasswordRequest.class),
                    examples = @ExampleObject(name = "example", value = """
                            {"token":"q8m1c0Wc7n0nP3sQm9lH5wS2kA7YtY4rV1bN6xZ3fE0","password":"walnut lantern glacier oboe","confirmPassword":"walnut lantern glacier oboe"}"""))))
    @ApiResponse(responseCode = "200", description = "Changed; every device was signed out", headers = {@Header(name = "RateLimit", ref = ApiDocumentation.RATE_LIMIT),
            @Header(name = "RateLimit-Policy", ref = ApiDocumentation.RATE_LIMIT_POLICY)},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SessionResponse.class),
                    examples = @ExampleObject(name = "done", value = """
                            {"successStatus":true,"message":"Your password is changed; every device was signed out."}""")))
    @ApiResponse(responseCode = "400", description = "The new password breaks a rule (`validation-failed`: " + PASSWORD_CODES + "), the token is not valid (`token.invalid`), or the body is not a JSON object of strings",
            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(ref = ApiDocumentation.PROBLEM), examples = {
                    @ExampleObject(name = "password-too-short", value = PASSWORD_TOO_SHORT_EXAMPLE),
                    @ExampleObject(name = "token-invalid", value = TOKEN_INVALID_EXAMPLE),
                    @ExampleObject(name = "malformed-json", ref = ApiDocumentation.MALFORMED_JSON_EXAMPLE)}))
    @ApiResponse(responseCode = "403", ref = ApiDocumentation.CROSS_SITE_REFUSED)
    @ApiResponse(responseCode = "413", ref = ApiDocumentation.REQUEST_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "429", ref = ApiDocumentation.RATE_LIMITED)
    @PostMapping(path = "/auth/password-reset/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> resetPassword(@RequestBody ResetPasswordRequest request) {
        return resetPassword.reset(request.token(), request.password(), request.confirmPassword()).map(result -> switch (result) {
            case ResetPasswordUseCase.PasswordReset reset ->
                    ResponseEntity.ok().body(SessionResponse.success("Your password is changed; every device was signed out."));
            case ResetPasswordUseCase.Rejected rejected -> Problems.validationFailed(rejected.violations());
            case ResetPasswordUseCase.InvalidToken invalid -> invalidToken();
        });
    }

    @Operation(summary = "Change the password", tags = "Account", description = """
            Needs the current password. Every other session of the user ends; this one goes on.""",
            security = {@SecurityRequirement(name = ApiDocumentation.ACCESS_COOKIE), @SecurityRequirement(name = ApiDocumentation.BEARER)},
            parameters = @Parameter(in = ParameterIn.HEADER, name = "X-CSRF-Token",
                    description = ApiDocumentation.CSRF_HEADER_DESCRIPTION, schema = @Schema(type = "string")),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AccountRequests.ChangePasswordRequest.class),
                    examples = @ExampleObject(name = "example", value = """
                            {"currentPassword":"tangerine otter kayak mosaic","password":"walnut lantern glacier oboe","confirmPassword":"walnut lantern glacier oboe"}"""))))
    @ApiResponse(responseCode = "200", description = "Changed; other devices were signed out", headers = {@Header(name = "RateLimit", ref = ApiDocumentation.RATE_LIMIT),
            @Header(name = "RateLimit-Policy", ref = ApiDocumentation.RATE_LIMIT_POLICY)},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SessionResponse.class),
                    examples = @ExampleObject(name = "done", value = """
                            {"successStatus":true,"message":"Your password is changed; your other devices were signed out."}""")))
    @ApiResponse(responseCode = "400", description = "The new password breaks a rule (`validation-failed`: " + PASSWORD_CODES + "), `currentPassword.required`, `currentPassword.incorrect`, or the body is not a JSON object of strings",
            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(ref = ApiDocumentation.PROBLEM), examples = {
                    @ExampleObject(name = "password-too-short", value = PASSWORD_TOO_SHORT_EXAMPLE),
                    @ExampleObject(name = "malformed-json", ref = ApiDocumentation.MALFORMED_JSON_EXAMPLE)}))
    @ApiResponse(responseCode = "401", ref = ApiDocumentation.NOT_SIGNED_IN)
    @ApiResponse(responseCode = "403", ref = ApiDocumentation.CSRF_REFUSED)
    @ApiResponse(responseCode = "413", ref = ApiDocumentation.REQUEST_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "429", description = """
            Too many wrong passwords for this account, counted with sign-in failures (`auth.throttled`); or too many \
            requests from this client address (`rate_limit.exceeded`); Retry-After says when to try again""", headers = {
            @Header(name = "Retry-After", ref = ApiDocumentation.RETRY_AFTER),
            @Header(name = "RateLimit", ref = ApiDocumentation.RATE_LIMIT),
            @Header(name = "RateLimit-Policy", ref = ApiDocumentation.RATE_LIMIT_POLICY)},
            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(ref = ApiDocumentation.PROBLEM),
                    examples = @ExampleObject(name = "auth-throttled", value = """
                            {"type":"urn:accounts:problem:auth-throttled","title":"Too many requests","status":429,
                             "detail":"Too many wrong passwords for this account; wait before trying again.","instance":"/users/me/password",
                             "successStatus":false,"message":"Too many wrong passwords for this account; wait before trying again.",
                             "errors":[{"field":"password","code":"auth.throttled","message":"Too many wrong passwords for this account; wait before trying again."}]}""")))
    @PostMapping(path = "/users/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> changePassword(@RequestBody ChangePasswordRequest request, ServerWebExchange exchange) {
        return signedIn(exchange, command -> changePassword.change(command, request.currentPassword(), request.password(), request.confirmPassword())
                .map(result -> answer(result, () -> ResponseEntity.ok().body(
                        SessionResponse.success("Your password is changed; your other devices were signed out.")))));
    }

    @Operation(summary = "Sign out everywhere", tags = "Account", description = """
            Ends every session of the user and clears this client's cookies; this service refuses their access tokens at once.""",
            security = {@SecurityRequirement(name = ApiDocumentation.ACCESS_COOKIE), @SecurityRequirement(name = ApiDocumentation.BEARER)},
            parameters = @Parameter(in = ParameterIn.HEADER, name = "X-CSRF-Token",
                    description = ApiDocumentation.CSRF_HEADER_DESCRIPTION, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "Every session ended", headers = {@Header(name = "Set-Cookie", ref = ApiDocumentation.CLEARED_COOKIES)},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SessionResponse.class),
                    examples = @ExampleObject(name = "done", value = """
                            {"successStatus":true,"message":"Every session of yours has ended."}""")))
    @ApiResponse(responseCode = "401", ref = ApiDocumentation.NOT_SIGNED_IN)
    @ApiResponse(responseCode = "403", ref = ApiDocumentation.CSRF_REFUSED)
    @PostMapping("/auth/logout-everywhere")
    Mono<ResponseEntity<?>> logoutEverywhere(ServerWebExchange exchange) {
        return signedIn(exchange, command -> signOutEverywhere.signOutEverywhere(command).map(outcome -> switch (outcome) {
            case SIGNED_OUT -> signedOut(SessionResponse.success("Every session of yours has ended."));
            case NOT_SIGNED_IN -> AuthController.notSignedIn();
            case SESSION_MISMATCH -> sessionMismatch();
        }));
    }

    @Operation(summary = "Delete the account", tags = "Account", description = """
            Needs the password. The user, their sessions, link tokens, sign-in failure records and undelivered messages \
            are deleted in one transaction; the address is free again.""",
            security = {@SecurityRequirement(name = ApiDocumentation.ACCESS_COOKIE), @SecurityRequirement(name = ApiDocumentation.BEARER)},
            parameters = @Parameter(in = ParameterIn.HEADER, name = "X-CSRF-Token",
                    description = ApiDocumentation.CSRF_HEADER_DESCRIPTION, schema = @Schema(type = "string")),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AccountRequests.PasswordRequest.class),
                    examples = @ExampleObject(name = "example", value = """
                            {"password":"tangerine otter kayak mosaic"}"""))))
    @ApiResponse(responseCode = "200", description = "Deleted", headers = {@Header(name = "Set-Cookie", ref = ApiDocumentation.CLEARED_COOKIES),
            @Header(name = "RateLimit", ref = ApiDocumentation.RATE_LIMIT),
            @Header(name = "RateLimit-Policy", ref = ApiDocumentation.RATE_LIMIT_POLICY)},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SessionResponse.class),
                    examples = @ExampleObject(name = "done", value = """
                            {"successStatus":true,"message":"Your account and everything kept about it are deleted."}""")))
    @ApiResponse(responseCode = "400", description = "`password.required`, `password.incorrect`, or the body is not a JSON object of strings",
            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(ref = ApiDocumentation.PROBLEM), examples = {
                    @ExampleObject(name = "password-incorrect", value = """
                            {"type":"urn:accounts:problem:password-incorrect","title":"Bad request","status":400,
                             "detail":"The password you entered is not your current password.","instance":"/users/me","successStatus":false,
                             "message":"The password you entered is not your current password.",
                             "errors":[{"field":"password","code":"password.incorrect","message":"The password you entered is not your current password."}]}"""),
                    @ExampleObject(name = "malformed-json", ref = ApiDocumentation.MALFORMED_JSON_EXAMPLE)}))
    @ApiResponse(responseCode = "401", ref = ApiDocumentation.NOT_SIGNED_IN)
    @ApiResponse(responseCode = "403", ref = ApiDocumentation.CSRF_REFUSED)
    @ApiResponse(responseCode = "413", ref = ApiDocumentation.REQUEST_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "429", description = """
            Too many wrong passwords for this account, counted with sign-in failures (`auth.throttled`); or too many \
            requests from this client address (`rate_limit.exceeded`); Retry-After says when to try again""", headers = {
            @Header(name = "Retry-After", ref = ApiDocumentation.RETRY_AFTER),
            @Header(name = "RateLimit", ref = ApiDocumentation.RATE_LIMIT),
            @Header(name = "RateLimit-Policy", ref = ApiDocumentation.RATE_LIMIT_POLICY)},
            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(ref = ApiDocumentation.PROBLEM),
                    examples = @ExampleObject(name = "auth-throttled", value = """
                            {"type":"urn:accounts:problem:auth-throttled","title":"Too many requests","status":429,
                             "detail":"Too many wrong passwords for this account; wait before trying again.","instance":"/users/me/password",
                             "successStatus":false,"message":"Too many wrong passwords for this account; wait before trying again.",
                             "errors":[{"field":"password","code":"auth.throttled","message":"Too many wrong passwords for this account; wait before trying again."}]}""")))
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

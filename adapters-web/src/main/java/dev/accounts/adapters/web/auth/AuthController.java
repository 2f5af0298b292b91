package dev.accounts.adapters.web.auth;

import dev.accounts.adapters.web.client.ClientAddresses;
import dev.accounts.adapters.web.openapi.ApiDocumentation;
import dev.accounts.adapters.web.problem.FieldError;
import dev.accounts.adapters.web.problem.Problems;
import dev.accounts.application.port.in.GetCurrentUserUseCase;
import dev.accounts.application.port.in.PublishSigningKeysUseCase;
import dev.accounts.application.port.in.RefreshSessionUseCase.RefreshResult.Refreshed;
import dev.accounts.application.port.in.RefreshSessionUseCase.RefreshResult.Refused;
import dev.accounts.application.port.in.RefreshSessionUseCase;
import dev.accounts.application.port.in.SessionTokens;
import dev.accounts.application.port.in.SignInCommand;
import dev.accounts.application.port.in.SignInResult.EmailUnverified;
import dev.accounts.application.port.in.SignInResult.InvalidCredentials;
import dev.accounts.application.port.in.SignInResult.Rejected;
import dev.accounts.application.port.in.SignInResult.SignedIn;
import dev.accounts.application.port.in.SignInResult.Throttled;
import dev.accounts.application.port.in.SignInUseCase;
import dev.accounts.application.port.in.SignOutUseCase;
import dev.accounts.application.port.in.UserProfile;
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
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in, refresh, sign-out and the current user, with tokens in cookies only. Nothing here may be cached,
 * which every answer says without being told ({@code SecurityHeadersFilter}).
 */
@RestController
public class AuthController {

    private static final String USER_EXAMPLE = """
            {"successStatus":true,"message":"success",
             "user":{"userId":"55f73d9c-eb7b-4f01-8453-c16ea6a66e20","email":"ada@example.com","firstName":"Ada",
                     "lastName":"Lovelace","emailVerified":false}}""";
    private static final String SUCCESS_EXAMPLE = """
            {"successStatus":true,"message":"success"}""";

    private static final FieldError INVALID_CREDENTIALS =
            new FieldError("credentials", "auth.invalid_credentials", "Email or password is incorrect.");
    private static final FieldError THROTTLED =
            new FieldError("email", "auth.throttled", "Too many failed sign-ins for this account; wait before trying again.");
    private static final FieldError NOT_SIGNED_IN =
            new FieldError("session", "auth.unauthenticated", "Sign in first: no valid access token was presented.");
    private static final FieldError NO_SUCH_USER =
            new FieldError("id", "user.not_found", "There is no user with this id that you may see.");
    private static final FieldError EMAIL_UNVERIFIED = new FieldError("email", "auth.email_unverified",
            "Verify your email address first: follow the link we sent, or ask for a new one at /users/verify-email/resend.");
    static final FieldError SESSION_MISMATCH =
            new FieldError("X-CSRF-Token", "csrf.token_invalid", "The CSRF token belongs to another session.");

    private final SignInUseCase signIn;
    private final RefreshSessionUseCase refreshSession;
    private final SignOutUseCase signOut;
    private final GetCurrentUserUseCase currentUser;
    private final PublishSigningKeysUseCase signingKeys;
    private final SessionCookies cookies;
    private final ClientAddresses clients;

    public AuthController(SignInUseCase signIn, RefreshSessionUseCase refreshSession, SignOutUseCase signOut,
                   GetCurrentUserUseCase currentUser, PublishSigningKeysUseCase signingKeys, SessionCookies cookies,
                   ClientAddresses clients) {
        this.signIn = signIn;
        this.refreshSession = refreshSession;
        this.signOut = signOut;
        this.currentUser = currentUser;
        this.signingKeys = signingKeys;
        this.cookies = cookies;
        this.clients = clients;
    }

    @Operation(summary = "Sign in", tags = "Session", description = """
            Checks the email and password and starts a session: the tokens come in cookies only, never in the body. An \
            unknown email and a wrong password get the same answer in the same time. Limited per client address (30 a \
            minute) and throttled per account after 5 failures in a row.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SignInRequest.class),
                    examples = @ExampleObject(name = "ada", value = """
                            {"email":"ada@example.com","password":"tangerine otter kayak mosaic"}"""))))
    @ApiResponse(responseCode = "200", description = "Signed in", headers = {
            @Header(name = "Set-Cookie", ref = ApiDocumentation.SESSION_COOKIES),
            @Header(name = "X-CSRF-Token", ref = ApiDocumentation.CSRF_TOKEN),
            @Header(name = "RateLimit", ref = ApiDocumentation.RATE_LIMIT),
            @Header(name = "RateLimit-Policy", ref = ApiDocumentation.RATE_LIMIT_POLICY)},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SessionResponse.class),
                    examples = @ExampleObject(name = "signed-in", value = USER_EXAMPLE)))
    @ApiResponse(responseCode = "400", description = """
            A field is missing or unusable (`validation-failed`: `email.required`, `password.required`, `password.invalid`), \
            or the body is not a JSON object of strings (`malformed-json`, `not-an-object`, `missing-body`, `invalid-type`)""",
            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(ref = ApiDocumentation.PROBLEM), examples = {
                    @ExampleObject(name = "validation-failed", value = """
                            {"type":"urn:accounts:problem:validation-failed","title":"Validation failed","status":400,
                             "detail":"Password is required.","instance":"/auth/login","successStatus":false,"message":"Password is required.",
                             "errors":[{"field":"password","code":"password.required","message":"Password is required."}]}"""),
                    @ExampleObject(name = "malformed-json", ref = ApiDocumentation.MALFORMED_JSON_EXAMPLE)}))
    @ApiResponse(responseCode = "401", description = "Unknown email or wrong password, alike (`auth.invalid_credentials`)",
            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(ref = ApiDocumentation.PROBLEM),
                    examples = @ExampleObject(name = "auth-invalid-credentials", value = """
                            {"type":"urn:accounts:problem:auth-invalid-credentials","title":"Unauthorized","status":401,
                             "detail":"Email or password is incorrect.","instance":"/auth/login","successStatus":false,
                             "message":"Email or password is incorrect.",
                             "errors":[{"field":"credentials","code":"auth.invalid_credentials","message":"Email or password is incorrect."}]}""")))
    @ApiResponse(responseCode = "403", description = """
            The right password of an unverified address, with `accounts.sign-in.require-verified-email=true` \
            (`auth.email_unverified`), or a browser sent it from another site (`csrf.origin_rejected`)""",
            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(ref = ApiDocumentation.PROBLEM), examples = {
                    @ExampleObject(name = "auth-email-unverified", value = """
                            {"type":"urn:accounts:problem:auth-email-unverified","title":"Forbidden","status":403,
                             "detail":"Verify your email address first: follow the link we sent, or ask for a new one at /users/verify-email/resend.",
                             "instance":"/auth/login","successStatus":false,
                             "message":"Verify your email address first: follow the link we sent, or ask for a new one at /users/verify-email/resend.",
                             "errors":[{"field":"email","code":"auth.email_unverified","message":"Verify your email address first: follow the link we sent, or ask for a new one at /users/verify-email/resend."}]}"""),
                    @ExampleObject(name = "csrf-origin-rejected", ref = ApiDocumentation.CROSS_SITE_EXAMPLE)}))
    @ApiResponse(responseCode = "413", ref = ApiDocumentation.REQUEST_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "429", description = """
            Too many failures for this account: wait as long as Retry-After says (`auth.throttled`); or too many \
            requests from this client address (`rate_limit.exceeded`)""", headers = {
            @Header(name = "Retry-After", ref = ApiDocumentation.RETRY_AFTER),
            @Header(name = "RateLimit", ref = ApiDocumentation.RATE_LIMIT),
            @Header(name = "RateLimit-Policy", ref = ApiDocumentation.RATE_LIMIT_POLICY)},
            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(ref = ApiDocumentation.PROBLEM),
                    examples = @ExampleObject(name = "auth-throttled", value = """
                            {"type":"urn:accounts:problem:auth-throttled","title":"Too many requests","status":429,
                             "detail":"Too many failed sign-ins for this account; wait before trying again.","instance":"/auth/login",
                             "successStatus":false,"message":"Too many failed sign-ins for this account; wait before trying again.",
                             "errors":[{"field":"email","code":"auth.throttled","message":"Too many failed sign-ins for this account; wait before trying again."}]}""")))
    @ApiResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    @PostMapping(path = "/auth/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> login(@RequestBody SignInRequest request, ServerHttpRequest http) {
        return signIn.signIn(new SignInCommand(request.email(), request.password(), clients.of(http))).map(result -> switch (result) {
            case SignedIn signedIn -> withSession(signedIn.tokens()).body(SessionResponse.of(UserView.of(signedIn.user())));
            case Rejected rejected -> Problems.validationFailed(rejected.violations());
            case InvalidCredentials invalid -> Problems.of(HttpStatus.UNAUTHORIZED, "Unauthorized", INVALID_CREDENTIALS);
            case Throttled throttled -> Problems.tooManyRequests(THROTTLED, throttled.retryAfter());
            case EmailUnverified unverified -> Problems.of(HttpStatus.FORBIDDEN, "Forbidden", EMAIL_UNVERIFIED);
        });
    }

    @Operation(summary = "Refresh the session", tags = "Session", description = """
            Exchanges the refresh cookie for a new access token and a new refresh token. A refresh token presented again \
            more than 10 s after its rotation ends the whole session.""",
            security = @SecurityRequirement(name = ApiDocumentation.REFRESH_COOKIE),
            parameters = @Parameter(in = ParameterIn.HEADER, name = "X-CSRF-Token", required = true,
                    description = ApiDocumentation.CSRF_HEADER_DESCRIPTION, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "Fresh cookies", headers = {
            @Header(name = "Set-Cookie", ref = ApiDocumentation.SESSION_COOKIES),
            @Header(name = "X-CSRF-Token", ref = ApiDocumentation.CSRF_TOKEN)},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SessionResponse.class),
                    examples = @ExampleObject(name = "refreshed", value = SUCCESS_EXAMPLE)))
    @ApiResponse(responseCode = "401", description = """
            The refresh token is missing, unknown, reused, revoked or its session expired (`auth.refresh_refused`); \
            the cookies are cleared""", headers = @Header(name = "Set-Cookie", ref = ApiDocumentation.CLEARED_COOKIES),
            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(ref = ApiDocumentation.PROBLEM),
                    examples = @ExampleObject(name = "auth-refresh-refused", value = """
                            {"type":"urn:accounts:problem:auth-refresh-refused","title":"Unauthorized","status":401,
                             "detail":"No valid refresh token was presented; sign in again.","instance":"/auth/refresh","successStatus":false,
                             "message":"No valid refresh token was presented; sign in again.",
                             "errors":[{"field":"session","code":"auth.refresh_refused","message":"No valid refresh token was presented; sign in again."}]}""")))
    @ApiResponse(responseCode = "403", ref = ApiDocumentation.CSRF_REFUSED)
    @PostMapping("/auth/refresh")
    Mono<ResponseEntity<?>> refresh(ServerWebExchange exchange) {
        Optional<String> token = cookies.refreshToken(exchange.getRequest());
        SessionId session = exchange.getAttribute(CsrfProtectionFilter.VERIFIED_SESSION);
        if (token.isEmpty() || session == null) {
            return Mono.just(signedOut(refused(RefreshSessionUseCase.Reason.UNKNOWN)));
        }
        return refreshSession.refresh(token.get(), session).map(result -> switch (result) {
            case Refreshed refreshed -> withSession(refreshed.tokens()).body(SessionResponse.success());
            case Refused refusal when refusal.reason() == RefreshSessionUseCase.Reason.SESSION_MISMATCH ->
                    Problems.of(HttpStatus.FORBIDDEN, "Forbidden", SESSION_MISMATCH);
            case Refused refusal -> signedOut(refused(refusal.reason()));
        });
    }

    /**
     * Ends the session of the refresh cookie or, without one, of the access token: the bearer token of a
     * program that holds no cookies, or the access cookie. Cookies go with the CSRF token, which must name
     * the same session. With no token at all there is no session to end and the answer only clears cookies.
     */
    @Operation(summary = "Sign out", tags = "Session", description = """
            Ends the session of the refresh cookie or, without one, of the access token (the access cookie, or a bearer \
            token for programs without cookies), and clears the cookies. Cookies go with X-CSRF-Token. With no token at \
            all there is no session to end, and the answer is 200 all the same.""",
            security = {@SecurityRequirement(name = ApiDocumentation.REFRESH_COOKIE), @SecurityRequirement(name = ApiDocumentation.ACCESS_COOKIE),
                    @SecurityRequirement(name = ApiDocumentation.BEARER)},
            parameters = @Parameter(in = ParameterIn.HEADER, name = "X-CSRF-Token",
                    description = ApiDocumentation.CSRF_HEADER_DESCRIPTION, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "Signed out, or there was no session", headers = @Header(name = "Set-Cookie",
            ref = ApiDocumentation.CLEARED_COOKIES), content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = SessionResponse.class), examples = @ExampleObject(name = "signed-out", value = SUCCESS_EXAMPLE)))
    @ApiResponse(responseCode = "401", ref = ApiDocumentation.NOT_SIGNED_IN)
    @ApiResponse(responseCode = "403", ref = ApiDocumentation.CSRF_REFUSED)
    @PostMapping("/auth/logout")
    Mono<ResponseEntity<?>> logout(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        Optional<String> token = cookies.refreshToken(request);
        SessionId session = exchange.getAttribute(CsrfProtectionFilter.VERIFIED_SESSION);
        if (token.isEmpty()) {
            Optional<String> bearer = bearerToken(request);
            Optional<String> accessToken = bearer.or(() -> cookies.accessToken(request));
            if (accessToken.isEmpty()) {
                return Mono.just(signedOut(ResponseEntity.ok().body(SessionResponse.success())));
            }
            Optional<SessionId> expected = bearer.isPresent() ? Optional.empty() : Optional.ofNullable(session);
            return signOut.signOutAccessToken(accessToken.get(), expected).map(outcome -> switch (outcome) {
                case SIGNED_OUT -> signedOut(ResponseEntity.ok().body(SessionResponse.success()));
                case NOT_SIGNED_IN -> notSignedIn();
                case SESSION_MISMATCH -> Problems.of(HttpStatus.FORBIDDEN, "Forbidden", SESSION_MISMATCH);
            });
        }
        return signOut.signOut(token.get(), session).map(done -> done
                ? signedOut(ResponseEntity.ok().body(SessionResponse.success()))
                : Problems.of(HttpStatus.FORBIDDEN, "Forbidden", SESSION_MISMATCH));
    }

    @Operation(summary = "The signed-in user", tags = "Session",
            security = {@SecurityRequirement(name = ApiDocumentation.ACCESS_COOKIE), @SecurityRequirement(name = ApiDocumentation.BEARER)})
    @ApiResponse(responseCode = "200", description = "The profile", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = SessionResponse.class), examples = @ExampleObject(name = "profile", value = USER_EXAMPLE)))
    @ApiResponse(responseCode = "401", ref = ApiDocumentation.NOT_SIGNED_IN)
    @GetMapping("/users/me")
    Mono<ResponseEntity<?>> me(ServerHttpRequest request) {
        return signedInUser(request)
                .<ResponseEntity<?>>map(AuthController::profile)
                .defaultIfEmpty(notSignedIn());
    }

    /**
     * Where {@code Location} of a registration points: the signed-in user's own profile. Any other id is
     * 404, whether or not a user has it, so the answer tells nobody which ids exist.
     */
    @Operation(summary = "A user by id: only the signed-in user's own", tags = "Session", description = """
            Where a registration's Location points. Any other id is 404, whether or not a user has it.""",
            security = {@SecurityRequirement(name = ApiDocumentation.ACCESS_COOKIE), @SecurityRequirement(name = ApiDocumentation.BEARER)})
    @ApiResponse(responseCode = "200", description = "The profile", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = SessionResponse.class), examples = @ExampleObject(name = "profile", value = USER_EXAMPLE)))
    @ApiResponse(responseCode = "401", ref = ApiDocumentation.NOT_SIGNED_IN)
    @ApiResponse(responseCode = "404", description = "Not the signed-in user's id (`user.not_found`)",
            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(ref = ApiDocumentation.PROBLEM),
                    examples = @ExampleObject(name = "user-not-found", value = """
                            {"type":"urn:accounts:problem:user-not-found","title":"Not found","status":404,
                             "detail":"There is no user with this id that you may see.","instance":"/users/0b6f1f5e-3a44-4b8e-9d7b-2f4e0d1c9a11",
                             "successStatus":false,"message":"There is no user with this id that you may see.",
                             "errors":[{"field":"id","code":"user.not_found","message":"There is no user with this id that you may see."}]}""")))
    @GetMapping("/users/{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}")
    Mono<ResponseEntity<?>> user(@Parameter(description = "The user id (a UUID)", example = "55f73d9c-eb7b-4f01-8453-c16ea6a66e20")
                                 @PathVariable String id, ServerHttpRequest request) {
        return signedInUser(request)
                .<ResponseEntity<?>>map(user -> user.id().value().toString().equalsIgnoreCase(id)
                        ? profile(user)
                        : Problems.of(HttpStatus.NOT_FOUND, "Not found", NO_SUCH_USER))
                .defaultIfEmpty(notSignedIn());
    }

    @Operation(summary = "The public signing keys", tags = "Keys", description = """
            The JWK Set that verifies access tokens (ES256), for other services. Access tokens name their key by `kid`.""")
    @ApiResponse(responseCode = "200", description = "The JWK Set", headers = @Header(name = "Cache-Control",
            description = "public, max-age=300", schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"),
                    examples = @ExampleObject(name = "keys", value = """
                            {"keys":[{"kty":"EC","use":"sig","crv":"P-256","kid":"NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs",
                                      "x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
                                      "alg":"ES256"}]}""")))
    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(signingKeys.publicKeySet());
    }

    private Mono<UserProfile> signedInUser(ServerHttpRequest request) {
        return Mono.justOrEmpty(bearerToken(request).or(() -> cookies.accessToken(request))).flatMap(currentUser::currentUser);
    }

    private static ResponseEntity<?> profile(UserProfile user) {
        return ResponseEntity.ok().body(SessionResponse.of(UserView.of(user)));
    }

    static ResponseEntity<?> notSignedIn() {
        ResponseEntity<ProblemDetail> problem = Problems.of(HttpStatus.UNAUTHORIZED, "Unauthorized", NOT_SIGNED_IN);
        return ResponseEntity.status(problem.getStatusCode()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"accounts\"")
                .body(problem.getBody());
    }

    private ResponseEntity.BodyBuilder withSession(SessionTokens tokens) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.ok();
        for (ResponseCookie cookie : cookies.forSession(tokens)) {
            builder.header(HttpHeaders.SET_COOKIE, cookie.toString());
        }
        // For pages on another origin of the same site, which cannot read this host's cookie.
        return builder.header(SessionCookies.CSRF_HEADER, cookies.csrfToken(tokens));
    }

    private ResponseEntity<?> signedOut(ResponseEntity<?> answer) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders());
        cookies.cleared().forEach(cookie -> builder.header(HttpHeaders.SET_COOKIE, cookie.toString()));
        return builder.body(answer.getBody());
    }

    private static ResponseEntity<ProblemDetail> refused(RefreshSessionUseCase.Reason reason) {
        String message = switch (reason) {
            case EXPIRED -> "The session has expired; sign in again.";
            case REVOKED -> "The session has ended; sign in again.";
            case REUSED -> "This refresh token was already used, so the session has been ended for safety; sign in again.";
            case UNKNOWN, SESSION_MISMATCH -> "No valid refresh token was presented; sign in again.";
        };
        return Problems.of(HttpStatus.UNAUTHORIZED, "Unauthorized", new FieldError("session", "auth.refresh_refused", message));
    }

    static Optional<String> bearerToken(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(7).strip()).filter(token -> !token.isEmpty());
    }
}

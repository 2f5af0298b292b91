package dev.accounts.adapters.web.auth;

import dev.accounts.adapters.web.client.ClientAddresses;
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
    @GetMapping("/users/{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}")
    Mono<ResponseEntity<?>> user(@PathVariable String id, ServerHttpRequest request) {
        return signedInUser(request)
                .<ResponseEntity<?>>map(user -> user.id().value().toString().equalsIgnoreCase(id)
                        ? profile(user)
                        : Problems.of(HttpStatus.NOT_FOUND, "Not found", NO_SUCH_USER))
                .defaultIfEmpty(notSignedIn());
    }

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

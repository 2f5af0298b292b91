package dev.accounts.bootstrap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AuthEndToEndIT extends EndToEndTest {

    private static final String PASSWORD = "tangerine otter kayak mosaic";
    private static final String ACCESS = "__Host-access_token";
    private static final String REFRESH = "__Secure-refresh_token";
    private static final String CSRF = "__Host-csrf_token";

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient database;

    @Autowired
    dev.accounts.application.port.out.PasswordHasher hasher;

    @Autowired
    ECKey signingKey;

    /** What a browser keeps of a session: its cookies by name. */
    private record Cookies(Map<String, String> values) {

        String access() {
            return values.get(ACCESS);
        }

        String refresh() {
            return values.get(REFRESH);
        }

        String csrf() {
            return values.get(CSRF);
        }
    }

    private static Cookies cookiesOf(EntityExchangeResult<?> result) {
        Map<String, String> values = new HashMap<>();
        result.getResponseCookies().forEach((name, cookies) -> values.put(name, cookies.getFirst().getValue()));
        return new Cookies(values);
    }

    private String registered() {
        String email = anyEmail();
        client.post().uri("/users/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("firstName", "Ada", "lastName", "Lovelace", "email", email, "password", PASSWORD, "confirmPassword", PASSWORD))
                .exchange().expectStatus().isCreated();
        return email;
    }

    private WebTestClient.ResponseSpec login(String email, String password) {
        return client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password)).exchange();
    }

    private Cookies signIn(String email) {
        return cookiesOf(login(email, PASSWORD).expectStatus().isOk().expectBody(String.class).returnResult());
    }

    private WebTestClient.ResponseSpec refresh(Cookies cookies) {
        return client.post().uri("/auth/refresh").cookie(REFRESH, cookies.refresh()).cookie(CSRF, cookies.csrf())
                .header("X-CSRF-Token", cookies.csrf()).exchange();
    }

    private Cookies refreshed(Cookies cookies) {
        return cookiesOf(refresh(cookies).expectStatus().isOk().expectBody(String.class).returnResult());
    }

    private WebTestClient.ResponseSpec me(String accessToken) {
        return client.get().uri("/users/me").cookie(ACCESS, accessToken).exchange();
    }

    private WebTestClient.ResponseSpec meWithBearer(String accessToken) {
        return client.get().uri("/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken).exchange();
    }

    @Test
    void livesAWholeSession() {
        String email = registered();

        Cookies session = signIn(email);
        me(session.access()).expectStatus().isOk().expectBody().jsonPath("$.user.email").isEqualTo(email)
                .jsonPath("$.user.firstName").isEqualTo("Ada");
        Cookies rotated = refreshed(session);
        me(rotated.access()).expectStatus().isOk();
        client.post().uri("/auth/logout").cookie(REFRESH, rotated.refresh()).header("X-CSRF-Token", rotated.csrf()).exchange()
                .expectStatus().isOk()
                .expectHeader().values(HttpHeaders.SET_COOKIE, cookies -> assertThat(cookies).allSatisfy(c -> assertThat(c).contains("Max-Age=0")));

        refresh(rotated).expectStatus().isUnauthorized();
        me(rotated.access()).expectStatus().isUnauthorized();
    }

    @Test
    void setsCookiesWithExactlyTheDocumentedAttributes() {
        var result = login(registered(), PASSWORD).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(String.class).returnResult();

        ResponseCookie access = result.getResponseCookies().getFirst(ACCESS);
        ResponseCookie refresh = result.getResponseCookies().getFirst(REFRESH);
        ResponseCookie csrf = result.getResponseCookies().getFirst(CSRF);
        assertThat(access.isHttpOnly()).isTrue();
        assertThat(access.isSecure()).isTrue();
        assertThat(access.getPath()).isEqualTo("/");
        assertThat(access.getSameSite()).isEqualTo("Lax");
        assertThat(access.getMaxAge()).isEqualTo(Duration.ofMinutes(15));
        assertThat(access.getDomain()).isNull();
        assertThat(refresh.isHttpOnly()).isTrue();
        assertThat(refresh.isSecure()).isTrue();
        assertThat(refresh.getPath()).isEqualTo("/auth");
        assertThat(refresh.getDomain()).isNull();
        assertThat(refresh.getMaxAge()).isEqualTo(Duration.ofDays(14));
        assertThat(csrf.isHttpOnly()).isFalse();
        assertThat(csrf.getPath()).isEqualTo("/");
    }

    @Test
    void keepsTokensOutOfTheBodyAndPersonalDataOutOfTheToken() throws Exception {
        String email = registered();
        var result = login(email, PASSWORD).expectStatus().isOk().expectBody(String.class).returnResult();
        Cookies cookies = cookiesOf(result);

        assertThat(result.getResponseBody()).doesNotContain(cookies.access(), cookies.refresh());
        String payload = SignedJWT.parse(cookies.access()).getPayload().toString();
        assertThat(payload).doesNotContain(email, "Ada", "Lovelace");
        String storedHash = database.sql("SELECT token_hash FROM session_tokens WHERE token_hash = encode(sha256(convert_to(:value, 'UTF8')), 'hex')")
                .bind("value", cookies.refresh()).map(row -> row.get(0, String.class)).one().block();
        assertThat(storedHash).isNotNull().isNotEqualTo(cookies.refresh());
        assertThat(database.sql("SELECT count(*) FROM session_tokens WHERE token_hash = :value").bind("value", cookies.refresh())
                .map(row -> row.get(0, Long.class)).one().block()).isZero();
    }

    @Test
    void refusesARotatedTokenAfterTheGraceIntervalAndEndsOnlyThatSession() {
        String email = registered();
        Cookies laptop = signIn(email);
        Cookies phone = signIn(email);
        Cookies laptopRotated = refreshed(laptop);
        CLOCK.advance(Duration.ofSeconds(11));

        refresh(laptop).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("auth.refresh_refused");

        refresh(laptopRotated).expectStatus().isUnauthorized();
        me(laptopRotated.access()).expectStatus().isUnauthorized();
        me(phone.access()).expectStatus().isOk();
        refreshed(phone);
    }

    @Test
    void givesEveryConcurrentRefreshWithinGraceAValidPair() {
        Cookies session = signIn(registered());

        List<Integer> statuses = Flux.range(0, 6)
                .flatMap(i -> reactor.core.publisher.Mono.fromCallable(() -> refresh(session).expectBody().returnResult().getStatus().value())
                        .subscribeOn(Schedulers.boundedElastic()))
                .collectList().block(Duration.ofSeconds(30));

        assertThat(statuses).containsOnly(200);
        me(session.access()).expectStatus().isOk();
    }

    @Test
    void leavesExactlyOneLiveRefreshTokenAfterTwentyParallelRefreshes() {
        Cookies session = signIn(registered());

        List<String> handedOut = Flux.range(0, 20)
                .flatMap(i -> reactor.core.publisher.Mono.fromCallable(() -> cookiesOf(refresh(session).expectStatus().isOk()
                        .expectBody(String.class).returnResult()).refresh()).subscribeOn(Schedulers.boundedElastic()))
                .collectList().block(Duration.ofSeconds(30));

        assertThat(handedOut).hasSize(20).containsOnly(handedOut.getFirst());
        String sessionId = SignedJWTs.session(session.access());
        // The session moved on once: its first token and the one successor every refresh was handed.
        assertThat(database.sql("SELECT count(*) FROM session_tokens WHERE session_id = :session::uuid")
                .bind("session", sessionId).map(row -> row.get(0, Long.class)).one().block()).isEqualTo(2);
        assertThat(database.sql("SELECT current_token_hash = encode(sha256(convert_to(:value, 'UTF8')), 'hex') FROM sessions WHERE session_id = :session::uuid")
                .bind("value", handedOut.getFirst()).bind("session", sessionId).map(row -> row.get(0, Boolean.class)).one().block()).isTrue();
    }

    @Test
    void refusesAnExpiredAccessToken() {
        Cookies session = signIn(registered());

        CLOCK.advance(Duration.ofMinutes(15));

        me(session.access()).expectStatus().isUnauthorized();
        me(refreshed(session).access()).expectStatus().isOk();
    }

    @Test
    void endsASessionAtItsAbsoluteLifetimeHoweverOftenItIsRefreshed() {
        Cookies session = signIn(registered());
        for (int day = 0; day < 13; day++) {
            CLOCK.advance(Duration.ofDays(1));
            session = refreshed(session);
        }

        CLOCK.advance(Duration.ofDays(1));

        refresh(session).expectStatus().isUnauthorized();
    }

    @Test
    void refusesForgedTamperedUnsignedAndMisaddressedAccessTokens() throws Exception {
        Cookies session = signIn(registered());
        SignedJWT genuine = SignedJWT.parse(session.access());
        String[] parts = session.access().split("\\.");
        JWTClaimsSet claims = genuine.getJWTClaimsSet();

        meWithBearer(session.access()).expectStatus().isOk();
        meWithBearer(parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse()).expectStatus().isUnauthorized();
        meWithBearer(new PlainJWT(claims).serialize()).expectStatus().isUnauthorized();
        meWithBearer(signed(new JWTClaimsSet.Builder(claims).audience("another-service").build())).expectStatus().isUnauthorized();
        meWithBearer(signed(new JWTClaimsSet.Builder(claims).issuer("someone-else").build())).expectStatus().isUnauthorized();
        meWithBearer(signed(claims)).expectStatus().isOk();
    }

    /** Claims of this service's access tokens, read without verifying: the tests want ids, not trust. */
    private static final class SignedJWTs {

        static String session(String token) {
            return claim(token, "sid");
        }

        static String subject(String token) {
            return claim(token, "sub");
        }

        private static String claim(String token, String name) {
            try {
                return SignedJWT.parse(token).getJWTClaimsSet().getStringClaim(name);
            } catch (java.text.ParseException e) {
                throw new AssertionError(e);
            }
        }
    }

    private String signed(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signingKey.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(signingKey));
        return jwt.serialize();
    }

    @Test
    void refusesATokenWhoseSessionBelongsToAnotherUser() throws Exception {
        Cookies victim = signIn(registered());
        Cookies attacker = signIn(registered());
        JWTClaimsSet attackers = SignedJWT.parse(attacker.access()).getJWTClaimsSet();
        String victimsSession = SignedJWTs.session(victim.access());

        String mixed = signed(new JWTClaimsSet.Builder(attackers).claim("sid", victimsSession).build());

        meWithBearer(mixed).expectStatus().isUnauthorized();
        meWithBearer(victim.access()).expectStatus().isOk();
    }

    @Test
    void showsUsersTheirOwnProfileAtTheRegistrationsLocationAndNobodyElses() {
        String email = anyEmail();
        String location = client.post().uri("/users/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD, "confirmPassword", PASSWORD))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseHeaders().getLocation().toString();
        Cookies session = signIn(email);

        client.get().uri(location).cookie(ACCESS, session.access()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.user.email").isEqualTo(email);
        client.get().uri(location).exchange().expectStatus().isUnauthorized();
        client.get().uri("/users/" + UUID.randomUUID()).cookie(ACCESS, session.access()).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:accounts:problem:user-not-found");
        client.get().uri("/users/" + SignedJWTs.subject(signIn(registered()).access())).cookie(ACCESS, session.access()).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void signsOutTheSessionOfABearerTokenAndRefusesAnInvalidOne() {
        Cookies session = signIn(registered());

        client.post().uri("/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + session.access()).exchange().expectStatus().isOk();

        meWithBearer(session.access()).expectStatus().isUnauthorized();
        refresh(session).expectStatus().isUnauthorized();
        client.post().uri("/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("auth.unauthenticated");
    }

    @Test
    void signsOutTheSessionOfAnAccessCookieWithItsCsrfTokenAndNoOtherWay() {
        Cookies session = signIn(registered());

        client.post().uri("/auth/logout").cookie(ACCESS, session.access()).exchange().expectStatus().isForbidden();
        me(session.access()).expectStatus().isOk();
        client.post().uri("/auth/logout").cookie(ACCESS, session.access()).header("X-CSRF-Token", session.csrf()).exchange()
                .expectStatus().isOk();

        me(session.access()).expectStatus().isUnauthorized();
        client.post().uri("/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + session.access()).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void refusesAPasswordNoEncodingCanRepresentWithA400() {
        client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + registered() + "\",\"password\":\"\\ud800\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("password.invalid");
    }

    @Test
    void letsOtherServicesVerifyAccessTokensWithThePublishedKeys() throws Exception {
        Cookies session = signIn(registered());

        String jwks = client.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        ECKey published = (ECKey) JWKSet.parse(jwks).getKeyByKeyId(SignedJWT.parse(session.access()).getHeader().getKeyID());
        assertThat(published.isPrivate()).isFalse();
        assertThat(SignedJWT.parse(session.access()).verify(new ECDSAVerifier(published))).isTrue();
    }

    @Test
    void refusesRefreshAndLogoutWithoutTheSignedCsrfToken() {
        Cookies session = signIn(registered());

        client.post().uri("/auth/refresh").cookie(REFRESH, session.refresh()).exchange().expectStatus().isForbidden();
        client.post().uri("/auth/refresh").cookie(REFRESH, session.refresh()).header("X-CSRF-Token", UUID.randomUUID() + ".forged")
                .exchange().expectStatus().isForbidden();
        Cookies other = signIn(registered());
        client.post().uri("/auth/refresh").cookie(REFRESH, session.refresh()).header("X-CSRF-Token", other.csrf())
                .exchange().expectStatus().isForbidden();
        client.post().uri("/auth/logout").cookie(REFRESH, session.refresh()).exchange().expectStatus().isForbidden();
        client.post().uri("/auth/logout").cookie(REFRESH, session.refresh()).header("X-CSRF-Token", other.csrf())
                .exchange().expectStatus().isForbidden();

        me(session.access()).expectStatus().isOk();
        refreshed(session);
    }

    @Test
    void refusesCrossSiteSignIns() {
        String email = registered();

        client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON).header("Sec-Fetch-Site", "cross-site")
                .bodyValue(Map.of("email", email, "password", PASSWORD)).exchange().expectStatus().isForbidden();
        client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.ORIGIN, "https://evil.example")
                .bodyValue(Map.of("email", email, "password", PASSWORD)).exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void throttlesAnAccountAfterFiveFailuresAndResetsOnSuccess() {
        String email = registered();
        for (int i = 0; i < 5; i++) {
            login(email, "wrong password " + i).expectStatus().isUnauthorized();
        }

        login(email, PASSWORD).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1");
        login(email.toUpperCase(), "wrong again").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        CLOCK.advance(Duration.ofSeconds(1));
        login(email, PASSWORD).expectStatus().isOk();

        login(email, "wrong once more").expectStatus().isUnauthorized();
        login(email, PASSWORD).expectStatus().isOk();
    }

    @Test
    void throttlesAnUnknownEmailAlike() {
        String ghost = anyEmail();
        for (int i = 0; i < 5; i++) {
            login(ghost, PASSWORD).expectStatus().isUnauthorized().expectBody().jsonPath("$.errors[0].code").isEqualTo("auth.invalid_credentials");
        }

        login(ghost, PASSWORD).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void spendsOneVerificationOnAnUnknownEmailAndOneOnAWrongPassword() {
        String email = registered();
        CountingPasswordHasher counting = (CountingPasswordHasher) hasher;

        int before = counting.verifications();
        login(anyEmail(), PASSWORD).expectStatus().isUnauthorized();
        int afterUnknown = counting.verifications();
        login(email, "not the password").expectStatus().isUnauthorized();

        assertThat(afterUnknown - before).isEqualTo(1);
        assertThat(counting.verifications() - afterUnknown).isEqualTo(1);
    }

    @Test
    void rehashesABcryptPasswordWithArgon2idOnSignIn() {
        String email = anyEmail();
        database.sql("INSERT INTO users (user_id, email, email_normalized, password_hash, created_at) VALUES (:id, :email, :email, :hash, now())")
                .bind("id", UUID.randomUUID()).bind("email", email).bind("hash", "{bcrypt}" + new BCryptPasswordEncoder(10).encode(PASSWORD))
                .then().block();

        login(email, PASSWORD).expectStatus().isOk();

        String hash = database.sql("SELECT password_hash FROM users WHERE email_normalized = :email").bind("email", email)
                .map(row -> row.get(0, String.class)).one().block();
        assertThat(hash).startsWith("{argon2}$argon2id$");
        login(email, PASSWORD).expectStatus().isOk();
    }

    @Test
    void signsOutIdempotently() {
        client.post().uri("/auth/logout").exchange().expectStatus().isOk();
        Cookies session = signIn(registered());
        for (int i = 0; i < 2; i++) {
            client.post().uri("/auth/logout").cookie(REFRESH, session.refresh()).header("X-CSRF-Token", session.csrf()).exchange()
                    .expectStatus().isOk();
        }
    }

    @Test
    void answersMissingOrMalformedCredentialsWithProblems() {
        client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"email\":1}").exchange()
                .expectStatus().isBadRequest();
        client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isBadRequest();
        client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "not an email", "password", PASSWORD)).exchange().expectStatus().isUnauthorized();
        client.get().uri("/auth/login").exchange().expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    }

}

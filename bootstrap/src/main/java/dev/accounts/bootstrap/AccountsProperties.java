package dev.accounts.bootstrap;

import dev.accounts.domain.credentials.PasswordPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Everything under {@code accounts.*}; the README's configuration table lists each key. */
@ConfigurationProperties("accounts")
public record AccountsProperties(@DefaultValue Password password, @DefaultValue Hashing hashing, @DefaultValue EmbeddedPostgres embeddedPostgres,
                                 @DefaultValue Tokens tokens, @DefaultValue Sessions sessions, @DefaultValue SignIn signIn,
                                 @DefaultValue Cookies cookies, @DefaultValue Csrf csrf, @DefaultValue RateLimit rateLimit,
                                 @DefaultValue Server server, @DefaultValue Hsts hsts,
                                 @DefaultValue("http://localhost:8080") URI publicUrl, @DefaultValue Registration registration,
                                 @DefaultValue Mail mail, @DefaultValue BreachedPasswords breachedPasswords) {

    /** @param minLength at least 8; 15 by default, as NIST SP 800-63B-4 asks of a password that is the only factor */
    public record Password(@DefaultValue("" + PasswordPolicy.RECOMMENDED_MIN_LENGTH) int minLength) {
    }

    /**
     * @param algorithm         for new hashes; stored hashes of either algorithm keep verifying
     * @param threads           hashing threads; 0 means one per CPU core
     * @param concurrency       requests doing password work at once; 0 means two per thread, which keeps the
     *                          threads busy while each request does its queries
     * @param maxWait           the longest a request waits for its turn; one that would wait longer gets 503
     * @param maxSharePerClient of the concurrent places, what one client address may hold while others wait
     * @param refusalDelay      how long a 503 for full capacity is held back, so that clients retrying at once
     *                          come back a few times a second, not thousands
     * @param retryAfter        the least a 503 for full capacity tells the client to wait
     * @param warmUp            the longest start-up spends hashing before readiness, so that the first users
     *                          do not wait for the JIT compiler (0: not at all)
     */
    public record Hashing(@DefaultValue("argon2id") Algorithm algorithm, @DefaultValue("0") int threads,
                          @DefaultValue("0") int concurrency, @DefaultValue("1s") Duration maxWait,
                          @DefaultValue("0.5") double maxSharePerClient, @DefaultValue("15ms") Duration refusalDelay,
                          @DefaultValue("1s") Duration retryAfter, @DefaultValue("3s") Duration warmUp) {

        public enum Algorithm { ARGON2ID, BCRYPT }

        int effectiveThreads() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }

        int effectiveConcurrency() {
            return concurrency > 0 ? concurrency : 2 * effectiveThreads();
        }
    }

    /**
     * @param enabled     start one when no {@code spring.r2dbc.url} is set
     * @param dataDir     where its data lives across restarts, with its password
     * @param binariesDir where its binaries are unpacked, readable by the service's user only
     */
    public record EmbeddedPostgres(@DefaultValue("true") boolean enabled, @DefaultValue("data/postgres") Path dataDir,
                                   @DefaultValue("data/postgres-binaries") Path binariesDir) {
    }

    /**
     * @param issuer              {@code iss} of access tokens
     * @param audience            {@code aud} of access tokens; other services check it
     * @param accessTokenLifetime how long an access token lasts
     * @param signingKey          a PKCS#8 PEM EC P-256 private key; when unset, {@code signingKeyFile} is used
     * @param signingKeyFile      where the generated development key is kept (created at first start)
     */
    public record Tokens(@DefaultValue("accounts") String issuer, @DefaultValue("accounts") String audience,
                         @DefaultValue("15m") Duration accessTokenLifetime, String signingKey,
                         @DefaultValue("data/jwt-signing-key.pem") Path signingKeyFile) {
    }

    /**
     * @param lifetime      how long a session lasts from sign-in; refreshing never extends it
     * @param grace         how long a just-rotated refresh token is still honoured (two tabs refreshing at once)
     * @param purgeInterval how often ended sessions and old sign-in failures are deleted
     * @param activeCheckMemory how long an instance trusts a session it read, as every signed-in request asks
     *                          whether its session is active; a sign-out through another instance takes this
     *                          long to be seen here (0: ask every time)
     */
    public record Sessions(@DefaultValue("14d") Duration lifetime, @DefaultValue("10s") Duration grace,
                           @DefaultValue("1h") Duration purgeInterval, @DefaultValue("1s") Duration activeCheckMemory) {
    }

    /**
     * @param freeFailures consecutive failures per account before attempts must wait
     * @param firstDelay   the first wait, doubled after every further failure
     * @param maxDelay     the longest wait
     */
    public record SignIn(@DefaultValue("5") int freeFailures, @DefaultValue("1s") Duration firstDelay,
                         @DefaultValue("15m") Duration maxDelay, @DefaultValue("false") boolean requireVerifiedEmail) {
    }

    /**
     * @param enumerationSafe     a sign-up for a taken address is answered as a new one is, and its owner is mailed instead
     *                            (off by default: the original service answers 409)
     * @param takenAddressMemory  how long an instance remembers an address as registered; after an account is deleted
     *                            through another instance, this one may answer 409 for it for at most this long
     */
    public record Registration(@DefaultValue("false") boolean enumerationSafe, @DefaultValue("30s") Duration takenAddressMemory) {
    }

    /**
     * @param from               the sender of every message
     * @param developmentMailbox keep messages in memory at {@code /dev/mail} instead of sending them (development only)
     * @param evenAnswerTime     the least time a request for a mailed link takes, so that its timing tells nothing
     * @param deliveryInterval   how often each instance looks for messages to send
     * @param batchSize          messages claimed at a time
     * @param lease              how long a claimed message is left alone by other instances: longer than a whole batch
     *                           can take to send (batch size × the SMTP time-outs), or a slow batch is sent twice
     */
    public record Mail(@DefaultValue("accounts@localhost") String from, @DefaultValue("false") boolean developmentMailbox,
                       @DefaultValue("250ms") Duration evenAnswerTime, @DefaultValue("1s") Duration deliveryInterval,
                       @DefaultValue("20") int batchSize, @DefaultValue("15m") Duration lease) {
    }

    /**
     * @param enabled    check new passwords against Have I Been Pwned's range API (only 5 hex characters of a SHA-1 leave)
     * @param url        the range API's base
     * @param timeout    how long to wait for it
     * @param failClosed when it cannot answer: refuse with 503 (true) or accept the password (false)
     */
    public record BreachedPasswords(@DefaultValue("false") boolean enabled, @DefaultValue("https://api.pwnedpasswords.com") URI url,
                                    @DefaultValue("2s") Duration timeout, @DefaultValue("false") boolean failClosed) {
    }

    /**
     * @param secure   {@code Secure} cookies with {@code __Host-}/{@code __Secure-} names; off only for plain-http development
     * @param sameSite {@code Lax} or {@code Strict}
     */
    public record Cookies(@DefaultValue("true") boolean secure, @DefaultValue("Lax") String sameSite,
                          @DefaultValue("__Host-access_token") String accessTokenName,
                          @DefaultValue("__Secure-refresh_token") String refreshTokenName,
                          @DefaultValue("__Host-csrf_token") String csrfTokenName) {
    }

    /**
     * @param allowedOrigins origins besides this service's own whose pages may send state-changing requests
     * @param secret         base64 key (32 bytes or more) for CSRF tokens; derived from the signing key when unset
     */
    public record Csrf(@DefaultValue List<String> allowedOrigins, String secret) {
    }

    /**
     * @param enabled           one switch for all limits (off for benchmarks and tests from a single address)
     * @param register          registrations per client address (defaults in application.yml: 10 per hour, burst 5)
     * @param login             sign-in attempts per client address (30 per minute)
     * @param mail              requests for a mailed link (verification, reset) per client address (10 per hour)
     * @param password          password changes, reset confirmations and deletions per client address (20 per hour)
     * @param trustedProxies    addresses or CIDR ranges whose X-Forwarded-For is believed
     * @param maxTrackedClients how many addresses the in-memory store remembers at most
     */
    public record RateLimit(@DefaultValue("true") boolean enabled, Rule register, Rule login, Rule mail, Rule password,
                            @DefaultValue List<String> trustedProxies, @DefaultValue("100000") long maxTrackedClients) {
    }

    /**
     * @param headerReadTimeout from a request's first byte to the end of its headers; slower clients are cut off
     * @param bodyReadTimeout   from the end of the headers to the end of the body
     * @param maxConnections    open connections at most; idle ones close after {@code server.netty.idle-timeout}
     * @param maxConnectionsPerAddress open connections from one client address (trusted proxies excepted); 0 means half of {@code maxConnections}
     * @param longestRetryAfterHold the most a request that ignored its connection's last {@code Retry-After} is held
     */
    public record Server(@DefaultValue("10s") Duration headerReadTimeout, @DefaultValue("10s") Duration bodyReadTimeout,
                         @DefaultValue("1024") int maxConnections, @DefaultValue("0") int maxConnectionsPerAddress,
                         @DefaultValue("5s") Duration longestRetryAfterHold) {

        int effectiveMaxConnectionsPerAddress() {
            return maxConnectionsPerAddress > 0 ? maxConnectionsPerAddress : Math.max(1, maxConnections / 2);
        }
    }

    /**
     * @param enabled           send {@code Strict-Transport-Security} on answers to requests that came over TLS
     * @param maxAge            how long browsers keep to https for this host
     * @param includeSubdomains whether that holds for every subdomain too
     */
    public record Hsts(@DefaultValue("true") boolean enabled, @DefaultValue("365d") Duration maxAge,
                       @DefaultValue("false") boolean includeSubdomains) {
    }

    /** {@code limit} requests per {@code period}, at most {@code burst} at once. */
    public record Rule(long limit, Duration period, long burst) {
    }
}

package dev.accounts.adapters.security.breach;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.accounts.application.port.out.BreachedPasswords;
import dev.accounts.application.port.out.TemporarilyUnavailableException;
import dev.accounts.domain.credentials.Password;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks the Have I Been Pwned Pwned Passwords range API by k-anonymity: only the first five hex characters
 * of the password's SHA-1 leave the service, and the answer lists every known suffix under them. Answers
 * are remembered by prefix, so a repeated check sends nothing.
 */
public final class PwnedPasswordsRange implements BreachedPasswords {

    static final String USER_AGENT = "dev.accounts-accounts (sign-up and sign-in service)";
    /** About 8 KB each (see {@link BreachedSuffixes}), so some 80 MB when full. */
    static final long DEFAULT_CACHED_PREFIXES = 10_000;
    static final Duration DEFAULT_CACHED_FOR = Duration.ofHours(1);
    /** Told to callers when failing closed: a third-party outage seldom ends within seconds. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);
    private static final int PREFIX_LENGTH = 5;

    private static final Logger log = LoggerFactory.getLogger(PwnedPasswordsRange.class);
    private static final HexFormat UPPERCASE_HEX = HexFormat.of().withUpperCase();

    private final HttpClient http;
    private final String rangeUrl;
    private final Duration timeout;
    private final boolean failClosed;
    private final Clock clock;
    private final AsyncCache<String, Range> ranges;
    private final AtomicReference<Instant> nextWarning = new AtomicReference<>(Instant.MIN);
    private final AtomicLong uncheckedSinceWarning = new AtomicLong();

    /**
     * @param baseUrl    where the API lives, {@code https://api.pwnedpasswords.com} in production
     * @param timeout    the longest a check waits for the API, connecting included
     * @param failClosed when the API cannot answer: true refuses with {@link TemporarilyUnavailableException},
     *                   false lets the password through as not breached
     */
    public PwnedPasswordsRange(URI baseUrl, Duration timeout, boolean failClosed) {
        this(baseUrl, timeout, failClosed, DEFAULT_CACHED_PREFIXES, DEFAULT_CACHED_FOR, Clock.systemUTC());
    }

    /**
     * @param cachedPrefixes how many ranges to remember, the least used forgotten first
     * @param cachedFor      how long a range is remembered after it was fetched
     * @param clock          drives the expiry of ranges and the spacing of warnings
     */
    public PwnedPasswordsRange(URI baseUrl, Duration timeout, boolean failClosed,
                               long cachedPrefixes, Duration cachedFor, Clock clock) {
        this.rangeUrl = rangeUrl(baseUrl);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.failClosed = failClosed;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.create()
                .headers(headers -> headers.set(HttpHeaderNames.USER_AGENT, USER_AGENT).set("Add-Padding", "true"));
        // Upkeep on the caller rather than waking a pool thread; the clock as ticker lets tests pass an hour at once.
        this.ranges = Caffeine.newBuilder()
                .executor(Runnable::run)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .maximumSize(cachedPrefixes)
                // Timed from the answer, not from when Caffeine sees the future complete, which may be a moment later.
                .expireAfter(Expiry.writing((String prefix, Range range) -> {
                    Duration remaining = cachedFor.minus(Duration.between(range.fetchedAt(), clock.instant()));
                    return remaining.isNegative() ? Duration.ZERO : remaining;
                }))
                .buildAsync();
    }

    @Override
    public Mono<Boolean> isBreached(Password password) {
        return Mono.defer(() -> {
            String hash = UPPERCASE_HEX.formatHex(sha1(password.text()));
            String prefix = hash.substring(0, PREFIX_LENGTH);
            String suffix = hash.substring(PREFIX_LENGTH);
            // Checks under one prefix share one request. One check giving up must not cancel the request
            // the others wait for, hence suppressCancel.
            CompletableFuture<Range> range = ranges.get(prefix, (key, executor) -> fetch(key).toFuture());
            return Mono.fromFuture(range, true)
                    .map(answer -> answer.suffixes().contains(suffix))
                    .onErrorResume(failure -> {
                        // Caffeine forgets a failed range too, but maybe only after the next check has found it.
                        ranges.asMap().remove(prefix, range);
                        return unanswered(failure);
                    });
        });
    }

    private Mono<Range> fetch(String prefix) {
        return http.get()
                .uri(rangeUrl + prefix)
                .responseSingle((response, body) -> {
                    int status = response.status().code();
                    if (status < 200 || status > 299) {
                        return Mono.error(new UnusableRangeAnswer("the range API answered status " + status));
                    }
                    return body.asString(StandardCharsets.US_ASCII).defaultIfEmpty("");
                })
                // Over the whole exchange: a per-read timeout would let a server trickling bytes hold a sign-up.
                .timeout(timeout)
                .map(body -> new Range(BreachedSuffixes.parse(body), clock.instant()));
    }

    /** One prefix's answer and when it came. */
    private record Range(BreachedSuffixes suffixes, Instant fetchedAt) {
    }

    private Mono<Boolean> unanswered(Throwable failure) {
        if (failClosed) {
            return Mono.error(new TemporarilyUnavailableException("the breached-password check is unavailable", RETRY_AFTER, failure));
        }
        warnAtMostOncePerInterval(failure);
        return Mono.just(false);
    }

    /** One line a minute is enough to page someone; one per sign-up during an outage would drown the log. */
    private void warnAtMostOncePerInterval(Throwable failure) {
        uncheckedSinceWarning.incrementAndGet();
        Instant now = clock.instant();
        Instant due = nextWarning.get();
        if (now.isBefore(due) || !nextWarning.compareAndSet(due, now.plus(WARNING_INTERVAL))) {
            return;
        }
        log.warn("Breached-password check failing open: the Pwned Passwords range API did not answer ({}); "
                + "{} password(s) accepted unchecked since the previous warning", describe(failure), uncheckedSinceWarning.getAndSet(0));
    }

    /** Our own messages, or just the failure's kind: a library's message might quote the URL, prefix and all. */
    private static String describe(Throwable failure) {
        return failure instanceof UnusableRangeAnswer ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-1", e);
        }
    }

    private static String rangeUrl(URI baseUrl) {
        String scheme = Objects.requireNonNull(baseUrl, "baseUrl").getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("the range API needs an http(s) URL, not " + baseUrl);
        }
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/range/";
    }
}

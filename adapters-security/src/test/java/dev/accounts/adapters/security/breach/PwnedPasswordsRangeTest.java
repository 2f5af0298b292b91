package dev.accounts.adapters.security.breach;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.accounts.application.port.out.TemporarilyUnavailableException;
import dev.accounts.application.testing.MutableClock;
import dev.accounts.domain.credentials.Password;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PwnedPasswordsRangeTest {

    // SHA-1("password") = 5BAA6 1E4C9B93F3F0682250B6CF8331B7EE68FD8
    private static final Password PASSWORD = Password.normalise("password");
    private static final String HASH = "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8";
    private static final String PREFIX = "5BAA6";
    private static final String SUFFIX = "1E4C9B93F3F0682250B6CF8331B7EE68FD8";
    // SHA-1("neighbour-161095") = 5BAA6 CD55E06FC0D43B64F2A0EBA557969F2A0A9: found by search to share the prefix.
    private static final Password NEIGHBOUR = Password.normalise("neighbour-161095");
    private static final String NEIGHBOUR_SUFFIX = "CD55E06FC0D43B64F2A0EBA557969F2A0A9";
    private static final String UNRELATED_SUFFIX = "0018A45C4D1DEF81644B54AB7F969B88D65";

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    /** Far beyond the timeout, so a check that waited for it could not pass the time limits below. */
    private static final Duration SLOW_ANSWER = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeRangeApi api = FakeRangeApi.start();

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void findsAPasswordTheRangeListsWithACount() {
        api.answers(UNRELATED_SUFFIX + ":3", SUFFIX + ":52256179");

        assertThat(failingOpen().isBreached(PASSWORD).block()).isTrue();
    }

    @Test
    void doesNotCountAPaddingLineAsBreached() {
        api.answers(UNRELATED_SUFFIX + ":3", SUFFIX + ":0");

        assertThat(failingOpen().isBreached(PASSWORD).block()).isFalse();
    }

    @Test
    void findsNothingForASuffixTheRangeDoesNotList() {
        api.answers(UNRELATED_SUFFIX + ":3", NEIGHBOUR_SUFFIX + ":8");

        assertThat(failingOpen().isBreached(PASSWORD).block()).isFalse();
    }

    @Test
    void asksForTheUppercasePrefixWithPaddingAndNamesItself() {
        api.answers(SUFFIX + ":1");

        failingOpen().isBreached(PASSWORD).block();

        assertThat(api.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.uri()).isEqualTo("/range/" + PREFIX);
            assertThat(request.header("Add-Padding")).isEqualTo("true");
            assertThat(request.header("User-Agent")).isEqualTo(PwnedPasswordsRange.USER_AGENT);
        });
    }

    @Test
    void sendsNothingOfThePasswordButThePrefixOfItsHash() {
        api.answers(SUFFIX + ":1");

        failingOpen().isBreached(PASSWORD).block();

        String sent = api.requests().getFirst().wholeRequest();
        assertThat(sent).doesNotContainIgnoringCase(PASSWORD.text())
                .doesNotContainIgnoringCase(HASH)
                .doesNotContainIgnoringCase(SUFFIX.substring(0, 8));
        assertThat(api.requests().getFirst().body()).isEmpty();
    }

    @Test
    void hashesTheUtf8BytesOfTheNormalisedPassword() {
        // SHA-1 of the UTF-8 of "Pässwörd" (composed) = E7C95 5D7E7B732CB34B694BD5AE16A058C09AA60
        api.answers("5D7E7B732CB34B694BD5AE16A058C09AA60:2");

        boolean breached = failingOpen().isBreached(Password.normalise("Pa\u0308sswo\u0308rd")).block();

        assertThat(api.requests().getFirst().uri()).isEqualTo("/range/E7C95");
        assertThat(breached).isTrue();
    }

    @Test
    void remembersARangeSoAnotherCheckUnderItsPrefixSendsNothing() {
        api.answers(SUFFIX + ":3", NEIGHBOUR_SUFFIX + ":0");
        PwnedPasswordsRange range = failingOpen();

        boolean first = range.isBreached(PASSWORD).block();
        boolean again = range.isBreached(PASSWORD).block();
        boolean neighbour = range.isBreached(NEIGHBOUR).block();

        assertThat(api.requests()).hasSize(1);
        assertThat(first).isTrue();
        assertThat(again).isTrue();
        assertThat(neighbour).isFalse();
    }

    @Test
    void sendsOneRequestForChecksUnderOnePrefixWhileItIsInFlight() {
        Sinks.Empty<Void> release = Sinks.empty();
        api.answersAfter(release.asMono(), SUFFIX + ":3");
        PwnedPasswordsRange range = new PwnedPasswordsRange(api.baseUrl(), Duration.ofSeconds(10), false, 100, Duration.ofHours(1), clock);

        CompletableFuture<Boolean> first = range.isBreached(PASSWORD).toFuture();
        await().until(() -> api.requests().size() == 1);
        CompletableFuture<Boolean> second = range.isBreached(NEIGHBOUR).toFuture();
        release.tryEmitEmpty();

        assertThat(first.join()).isTrue();
        assertThat(second.join()).isFalse();
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void asksAgainOnceTheRangeExpires() {
        api.answers(SUFFIX + ":3");
        PwnedPasswordsRange range = failingOpen();
        range.isBreached(PASSWORD).block();

        clock.advance(Duration.ofMinutes(59));
        range.isBreached(PASSWORD).block();
        assertThat(api.requests()).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        range.isBreached(PASSWORD).block();
        assertThat(api.requests()).hasSize(2);
    }

    @Test
    void doesNotRememberAFailedAnswer() {
        PwnedPasswordsRange range = failingOpen();
        api.answersStatus(503);
        range.isBreached(PASSWORD).block();

        api.answers(SUFFIX + ":3");
        boolean breached = range.isBreached(PASSWORD).block();

        assertThat(breached).isTrue();
        assertThat(api.requests()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource
    void answersNotBreachedWhenFailingOpenAndTheApiCannotAnswer(Outage outage) {
        PwnedPasswordsRange range = new PwnedPasswordsRange(outage.prepare(api), TIMEOUT, false, 100, Duration.ofHours(1), clock);

        StepVerifier.create(range.isBreached(PASSWORD))
                .expectNext(false)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @EnumSource
    void refusesForNowWhenFailingClosedAndTheApiCannotAnswer(Outage outage) {
        PwnedPasswordsRange range = new PwnedPasswordsRange(outage.prepare(api), TIMEOUT, true, 100, Duration.ofHours(1), clock);

        StepVerifier.create(range.isBreached(PASSWORD))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(TemporarilyUnavailableException.class,
                        unavailable -> assertThat(unavailable.retryAfter()).isEqualTo(PwnedPasswordsRange.RETRY_AFTER)))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void warnsAtMostOnceAMinuteWhenFailingOpenAndNeverNamesThePrefix() {
        api.answersStatus(503);
        PwnedPasswordsRange range = failingOpen();
        Logger logger = (Logger) LoggerFactory.getLogger(PwnedPasswordsRange.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            range.isBreached(NEIGHBOUR).block();
            range.isBreached(NEIGHBOUR).block();
            clock.advance(Duration.ofSeconds(59));
            range.isBreached(NEIGHBOUR).block();
            assertThat(logged.list).hasSize(1);

            clock.advance(Duration.ofSeconds(1));
            range.isBreached(NEIGHBOUR).block();
        } finally {
            logger.detachAppender(logged);
        }

        assertThat(logged.list).hasSize(2).allSatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("status 503")
                    .doesNotContain(PREFIX).doesNotContain(PREFIX.toLowerCase(Locale.ROOT))
                    .doesNotContain(NEIGHBOUR.text()).doesNotContainIgnoringCase(NEIGHBOUR_SUFFIX.substring(0, 8));
            assertThat(event.getThrowableProxy()).isNull();
        });
        assertThat(logged.list.get(1).getFormattedMessage()).contains("3 password(s) accepted unchecked");
    }

    private PwnedPasswordsRange failingOpen() {
        return new PwnedPasswordsRange(api.baseUrl(), TIMEOUT, false, 100, Duration.ofHours(1), clock);
    }

    /** Ways the range API fails to answer; each sets the fake up and returns the URL to ask. */
    enum Outage {
        SLOW {
            @Override
            URI prepare(FakeRangeApi api) {
                api.answersAfter(Mono.delay(SLOW_ANSWER), SUFFIX + ":3");
                return api.baseUrl();
            }
        },
        SERVICE_UNAVAILABLE {
            @Override
            URI prepare(FakeRangeApi api) {
                api.answersStatus(503);
                return api.baseUrl();
            }
        },
        CONNECTION_REFUSED {
            @Override
            URI prepare(FakeRangeApi api) {
                return FakeRangeApi.refusingUrl();
            }
        },
        MALFORMED_BODY {
            @Override
            URI prepare(FakeRangeApi api) {
                api.answersBody("<html><body>Checking your browser…</body></html>");
                return api.baseUrl();
            }
        };

        abstract URI prepare(FakeRangeApi api);
    }
}

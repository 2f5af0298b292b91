package dev.accounts.bootstrap.observability;

import dev.accounts.adapters.security.password.PasswordWorkAtCapacityException;
import dev.accounts.application.port.in.RefreshSessionUseCase;
import dev.accounts.application.port.in.RefreshSessionUseCase.RefreshResult;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.in.RegistrationResult;
import dev.accounts.application.port.in.SignInResult;
import dev.accounts.application.port.in.SignInUseCase;
import dev.accounts.application.port.out.TemporarilyUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Counts what became of each sign-up, sign-in and refresh, by outcome only: never an email, an address or a
 * user id, so the number of series stays fixed. Decorators of the in-ports, so the use cases know nothing of it.
 * A request refused at the password-work queue is {@code shed}; one whose dependency is down (the database) is
 * {@code unavailable}; anything else that failed is {@code failed}. A client that hung up is not counted.
 */
public final class UseCaseOutcomes {

    private static final List<String> FAILURES = List.of("shed", "unavailable", "failed");

    private final Outcomes signUps;
    private final Outcomes signIns;
    private final Outcomes refreshes;

    public UseCaseOutcomes(MeterRegistry meters) {
        this.signUps = new Outcomes(meters, "accounts.sign_ups", "Sign-ups by outcome", List.of("created", "taken", "refused"));
        this.signIns = new Outcomes(meters, "accounts.sign_ins", "Sign-ins by outcome",
                List.of("signed_in", "invalid_credentials", "email_unverified", "throttled", "refused"));
        this.refreshes = new Outcomes(meters, "accounts.refreshes", "Refresh-token exchanges by outcome",
                List.of("rotated", "grace_replay", "reuse_detected", "unknown", "expired", "revoked", "session_mismatch"));
    }

    public RegisterUserUseCase counted(RegisterUserUseCase registrations) {
        return command -> signUps.counted(registrations.register(command), result -> switch (result) {
            case RegistrationResult.Registered registered -> "created";
            case RegistrationResult.EmailTaken taken -> "taken";
            case RegistrationResult.Rejected rejected -> "refused";
        });
    }

    public SignInUseCase counted(SignInUseCase signIn) {
        return command -> signIns.counted(signIn.signIn(command), result -> switch (result) {
            case SignInResult.SignedIn signedIn -> "signed_in";
            case SignInResult.InvalidCredentials invalid -> "invalid_credentials";
            case SignInResult.EmailUnverified unverified -> "email_unverified";
            case SignInResult.Throttled throttled -> "throttled";
            case SignInResult.Rejected rejected -> "refused";
        });
    }

    public RefreshSessionUseCase counted(RefreshSessionUseCase refresh) {
        return (token, expectedSession) -> refreshes.counted(refresh.refresh(token, expectedSession), result -> switch (result) {
            case RefreshResult.Refreshed refreshed -> refreshed.graceReplay() ? "grace_replay" : "rotated";
            case RefreshResult.Refused refused -> switch (refused.reason()) {
                case REUSED -> "reuse_detected";
                case UNKNOWN -> "unknown";
                case EXPIRED -> "expired";
                case REVOKED -> "revoked";
                case SESSION_MISMATCH -> "session_mismatch";
            };
        });
    }

    /** One counter per outcome, registered up front so that an outcome not seen yet reads 0 rather than nothing. */
    private static final class Outcomes {

        private final Map<String, Counter> counters;

        Outcomes(MeterRegistry meters, String name, String description, List<String> outcomes) {
            this.counters = Stream.concat(outcomes.stream(), FAILURES.stream()).collect(Collectors.toUnmodifiableMap(Function.identity(),
                    outcome -> Counter.builder(name).description(description).tag("outcome", outcome).register(meters)));
        }

        <T> Mono<T> counted(Mono<T> answer, Function<T, String> outcomeOf) {
            return answer
                    .doOnNext(result -> counters.get(outcomeOf.apply(result)).increment())
                    .doOnError(failure -> counters.get(failureOf(failure)).increment());
        }

        private static String failureOf(Throwable failure) {
            if (failure instanceof PasswordWorkAtCapacityException) {
                return "shed";
            }
            return failure instanceof TemporarilyUnavailableException ? "unavailable" : "failed";
        }
    }
}

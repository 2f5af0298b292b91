package dev.accounts.adapters.security.password;

import dev.accounts.application.port.out.TemporarilyUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class HashingExecutorTest {

    private final HashingExecutor executor = new HashingExecutor(1, 1, Duration.ofSeconds(2));
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        executor.close();
    }

    private String blockUntilReleased() throws InterruptedException {
        release.await(10, TimeUnit.SECONDS);
        return "done";
    }

    @Test
    void refusesWorkAtOnceWhenTheQueueIsFull() {
        executor.submit(this::blockUntilReleased).subscribe();
        executor.submit(this::blockUntilReleased).subscribe();
        executor.submit(this::blockUntilReleased).subscribe();

        StepVerifier.create(executor.submit(() -> "fourth"))
                .expectError(TemporarilyUnavailableException.class)
                .verify(Duration.ofSeconds(1));
    }

    @Test
    void freesTheQueuePlaceOfACancelledRequest() {
        executor.submit(this::blockUntilReleased).subscribe();
        Disposable queued = executor.submit(this::blockUntilReleased).subscribe();

        queued.dispose();

        release.countDown();
        StepVerifier.create(executor.submit(() -> "next")).expectNext("next").verifyComplete();
    }

    @Test
    void runsTheWorkOnAHashingThread() {
        StepVerifier.create(executor.submit(() -> Thread.currentThread().getName()))
                .assertNext(name -> assertThat(name).startsWith("password-hashing-"))
                .verifyComplete();
    }

    @Test
    void continuesOnTheHashingThreadWhereTheNextPieceOfWorkIsNeverRefused() {
        Mono<String> twoSteps = executor.submit(() -> "first")
                .flatMap(first -> executor.submit(() -> first + " then second on " + Thread.currentThread().getName()));

        StepVerifier.create(Mono.zip(twoSteps, twoSteps))
                .assertNext(both -> assertThat(List.of(both.getT1(), both.getT2()))
                        .allSatisfy(result -> assertThat(result).startsWith("first then second on password-hashing-")))
                .verifyComplete();
    }

    @Test
    void passesOnTheWorksFailure() {
        StepVerifier.create(executor.submit(() -> {
            throw new IllegalStateException("boom");
        })).expectError(IllegalStateException.class).verify(Duration.ofSeconds(5));
    }
}

package dev.accounts.bootstrap;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Proves the end-to-end tests' silence means something: BlockHound is installed and does catch blocking calls. */
class BlockHoundIsWatchingIT extends EndToEndTest {

    @Test
    void catchesASleepOnANonBlockingThread() {
        Mono<Void> sleepy = Mono.<Void>fromRunnable(() -> {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).subscribeOn(Schedulers.parallel());

        assertThatThrownBy(() -> sleepy.block(Duration.ofSeconds(5))).hasCauseInstanceOf(BlockingOperationError.class);
    }
}

package dev.accounts.bootstrap;

import dev.accounts.adapters.security.password.HashingAlgorithm;
import dev.accounts.domain.registration.PasswordPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/** Everything under {@code accounts.*}; the README's configuration table lists each key. */
@ConfigurationProperties("accounts")
public record AccountsProperties(@DefaultValue Password password, @DefaultValue Hashing hashing, @DefaultValue EmbeddedPostgres embeddedPostgres) {

    /** @param minLength at least 8; 15 by default, as NIST SP 800-63B-4 asks of a password that is the only factor */
    public record Password(@DefaultValue("" + PasswordPolicy.RECOMMENDED_MIN_LENGTH) int minLength) {
    }

    /**
     * @param algorithm     for new hashes; stored hashes of either algorithm keep verifying
     * @param threads       hashing threads; 0 means one per CPU core
     * @param queueCapacity hashes that may wait for a thread; -1 means four per thread. Past it: 503
     * @param retryAfter    what a 503 for full hashing capacity tells the client to wait
     */
    public record Hashing(@DefaultValue("argon2id") HashingAlgorithm algorithm, @DefaultValue("0") int threads,
                          @DefaultValue("-1") int queueCapacity, @DefaultValue("1s") Duration retryAfter) {

        int effectiveThreads() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }

        int effectiveQueueCapacity() {
            return queueCapacity >= 0 ? queueCapacity : 4 * effectiveThreads();
        }
    }

    /**
     * @param enabled start one when no {@code spring.r2dbc.url} is set
     * @param dataDir where its data lives across restarts
     */
    public record EmbeddedPostgres(@DefaultValue("true") boolean enabled, @DefaultValue("data/postgres") Path dataDir) {
    }
}

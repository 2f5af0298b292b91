package dev.accounts.application.port.in;

import reactor.core.publisher.Mono;

/** Use case: housekeeping deletes ended sessions and sign-in failures that can no longer matter. */
public interface PurgeStaleRecordsUseCase {

    /** The number of records deleted. */
    Mono<Long> purge();
}

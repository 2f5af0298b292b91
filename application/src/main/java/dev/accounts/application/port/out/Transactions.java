package dev.accounts.application.port.out;

import reactor.core.publisher.Mono;

import java.util.function.Supplier;

/** Runs stored changes so that they happen all together or not at all. */
public interface Transactions {

    /** Every change the work makes through the out-ports is committed if it completes, and rolled back if it fails. */
    <T> Mono<T> atomically(Supplier<Mono<T>> work);
}

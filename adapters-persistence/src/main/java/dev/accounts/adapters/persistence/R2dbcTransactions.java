package dev.accounts.adapters.persistence;

import dev.accounts.application.port.out.Transactions;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.util.function.Supplier;

/**
 * Transactions of the R2DBC connection factory the manager was made for. The transaction travels in the
 * Reactor context, and every adapter's DatabaseClient on that factory joins it, so the work needs no handle.
 */
public final class R2dbcTransactions implements Transactions {

    private final TransactionalOperator operator;

    public R2dbcTransactions(ReactiveTransactionManager transactionManager) {
        this.operator = TransactionalOperator.create(transactionManager);
    }

    @Override
    public <T> Mono<T> atomically(Supplier<Mono<T>> work) {
        return operator.transactional(Mono.defer(work));
    }
}

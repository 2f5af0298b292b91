package dev.accounts.adapters.persistence;

import dev.accounts.application.port.out.TemporarilyUnavailableException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Tells an unreachable or overloaded database, which clients may retry, from a bug, which they may not.
 * Every adapter of this module is handed out through {@link #translating}, so none of them repeats the rule.
 */
public final class DatabaseFailures {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private DatabaseFailures() {
    }

    /**
     * {@code adapter} as its {@code port}, with every failure of its answers that means the database is out
     * of reach turned into a {@link TemporarilyUnavailableException}. A proxy rather than an aspect: the
     * ports answer with {@link Mono} and {@link Flux}, whose errors arrive after the call has returned.
     */
    public static <T> T translating(Class<T> port, T adapter) {
        Object proxy = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[]{port}, (self, method, arguments) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == arguments[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> port.getSimpleName() + "[" + adapter + "]";
                };
            }
            Object answer = invoke(method, adapter, arguments);
            if (answer instanceof Mono<?> mono) {
                return mono.onErrorMap(DatabaseFailures::isUnavailability, DatabaseFailures::unavailable);
            }
            if (answer instanceof Flux<?> flux) {
                return flux.onErrorMap(DatabaseFailures::isUnavailability, DatabaseFailures::unavailable);
            }
            return answer;
        });
        return port.cast(proxy);
    }

    private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static boolean isUnavailability(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof R2dbcNonTransientResourceException
                    || cause instanceof R2dbcTransientException
                    || cause instanceof R2dbcTimeoutException
                    || cause instanceof TimeoutException
                    || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static TemporarilyUnavailableException unavailable(Throwable error) {
        return new TemporarilyUnavailableException("the database is unavailable", RETRY_AFTER, error);
    }
}

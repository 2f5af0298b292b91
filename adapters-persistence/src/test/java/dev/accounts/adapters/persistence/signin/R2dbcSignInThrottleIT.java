package dev.accounts.adapters.persistence.signin;

import dev.accounts.adapters.persistence.testing.MigratedTestDatabase;
import dev.accounts.application.port.out.SignInThrottle;
import dev.accounts.application.testing.SignInThrottleContract;
import org.springframework.r2dbc.core.DatabaseClient;

class R2dbcSignInThrottleIT extends SignInThrottleContract {

    private final R2dbcSignInThrottle throttle = new R2dbcSignInThrottle(DatabaseClient.create(MigratedTestDatabase.connectionFactory()));

    @Override
    protected SignInThrottle throttle() {
        return throttle;
    }
}

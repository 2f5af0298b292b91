package dev.accounts.application.testing;

import dev.accounts.application.port.out.SignInThrottle;

class InMemorySignInThrottleTest extends SignInThrottleContract {

    private final InMemorySignInThrottle throttle = new InMemorySignInThrottle();

    @Override
    protected SignInThrottle throttle() {
        return throttle;
    }
}

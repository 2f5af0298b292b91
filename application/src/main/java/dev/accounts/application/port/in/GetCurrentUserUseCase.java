package dev.accounts.application.port.in;

import reactor.core.publisher.Mono;

/** Use case: a signed-in client asks whose session it holds. */
public interface GetCurrentUserUseCase {

    /** Empty when the access token is not a current one of this service or its session has ended. */
    Mono<UserProfile> currentUser(String accessToken);
}

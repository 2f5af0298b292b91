package dev.accounts.adapters.web.headers;

import dev.accounts.adapters.web.WebSliceTest;
import dev.accounts.application.port.in.RegistrationResult;
import dev.accounts.domain.user.UserId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

class UnreadableAcceptHeaderTest extends WebSliceTest {

    @ParameterizedTest
    @ValueSource(strings = {"\"/!", "/", "text/", "*/html;q=", ";;"})
    void answersAsIfAnythingWereAccepted(String accept) {
        when(registerUser.register(any())).thenReturn(Mono.just(new RegistrationResult.Registered(UserId.random())));

        client.post().uri("/users/register").header("Accept", accept).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.successStatus").isEqualTo(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"/!", "text/"})
    void stillAnswersProblemsAsJson(String accept) {
        client.post().uri("/users/register").header("Accept", accept).contentType(MediaType.APPLICATION_JSON).bodyValue("[")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}

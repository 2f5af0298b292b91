package dev.accounts.adapters.web.registration;

import dev.accounts.adapters.web.client.ClientAddresses;
import dev.accounts.adapters.web.problem.Problems;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.in.RegistrationResult.EmailTaken;
import dev.accounts.application.port.in.RegistrationResult.Registered;
import dev.accounts.application.port.in.RegistrationResult.Rejected;
import dev.accounts.domain.registration.RegistrationRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;

@RestController
@RequestMapping("/users")
public class UserRegistrationController {

    private static final Logger log = LoggerFactory.getLogger(UserRegistrationController.class);

    private final RegisterUserUseCase registerUser;
    private final ClientAddresses clients;
    private final RegistrationWebMapper mapper = new RegistrationWebMapperImpl();

    public UserRegistrationController(RegisterUserUseCase registerUser, ClientAddresses clients) {
        this.registerUser = registerUser;
        this.clients = clients;
    }

    @PostMapping(path = "/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> register(@RequestBody RegisterUserRequest request, ServerHttpRequest http) {
        return registerUser.register(mapper.toCommand(request, clients.of(http))).<ResponseEntity<?>>map(result -> switch (result) {
            case Registered registered -> {
                log.info("user registered userId={}", registered.id());
                yield ResponseEntity.created(URI.create("/users/" + registered.id())).body(RegisterUserResponse.of(registered.id()));
            }
            case Rejected rejected -> Problems.validationFailed(rejected.violations());
            case EmailTaken taken -> Problems.conflict(RegistrationRules.EMAIL_TAKEN);
        });
    }
}

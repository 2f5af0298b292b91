package dev.accounts.adapters.web.registration;

import dev.accounts.adapters.web.client.ClientAddresses;
import dev.accounts.adapters.web.openapi.ApiDocumentation;
import dev.accounts.adapters.web.problem.Problems;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.in.RegistrationResult.EmailTaken;
import dev.accounts.application.port.in.RegistrationResult.Registered;
import dev.accounts.application.port.in.RegistrationResult.Rejected;
import dev.accounts.domain.registration.RegistrationRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Registration")
public class UserRegistrationController {

    private static final Logger log = LoggerFactory.getLogger(UserRegistrationController.class);

    private final RegisterUserUseCase registerUser;
    private final ClientAddresses clients;
    private final RegistrationWebMapper mapper = new RegistrationWebMapperImpl();

    public UserRegistrationController(RegisterUserUseCase registerUser, ClientAddresses clients) {
        this.registerUser = registerUser;
        this.clients = clients;
    }

    @Operation(summary = "Register a user", description = """
            Checks every rule at once and stores the user; mails a link that proves the address. `firstName` and \
            `lastName` are optional, unknown fields are ignored. Limited per client address (10 an hour, 5 at once).""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RegisterUserRequest.class),
                    examples = @ExampleObject(name = "ada", value = """
                            {"firstName":"Ada","lastName":"Lovelace","email":"ada@example.com",
                             "password":"tangerine otter kayak mosaic","confirmPassword":"tangerine otter kayak mosaic"}"""))))
    @ApiResponse(responseCode = "201", description = "Registered", headers = {
            @Header(name = "Location", description = "GET /users/{id}, the new user's profile", schema = @Schema(type = "string")),
            @Header(name = "RateLimit", ref = ApiDocumentation.RATE_LIMIT),
            @Header(name = "RateLimit-Policy", ref = ApiDocumentation.RATE_LIMIT_POLICY)},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RegisterUserResponse.class),
                    examples = @ExampleObject(name = "registered", value = """
                            {"successStatus":true,"message":"success","userId":"55f73d9c-eb7b-4f01-8453-c16ea6a66e20"}""")))
    @ApiResponse(responseCode = "400", description = """
            A rule is broken (`validation-failed`, every violation in `errors`: `email.required`, `email.invalid`, \
            `email.too_long`, `password.required`, `password.too_short`, `password.too_long`, `password.invalid`, \
            `confirmPassword.required`, `password.mismatch`, `password.contains_email`, `password.too_weak`, \
            `password.breached`, `firstName.too_long`, `lastName.too_long`, `firstName.invalid`, `lastName.invalid`), or the \
            body is not a JSON object of strings (`malformed-json`, `not-an-object`, `missing-body`, `invalid-type`)""",
            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(ref = ApiDocumentation.PROBLEM), examples = {
                    @ExampleObject(name = "validation-failed", value = """
                            {"type":"urn:accounts:problem:validation-failed","title":"Validation failed","status":400,
                             "detail":"The request has 2 problems; see errors.","instance":"/users/register","successStatus":false,
                             "message":"Email must be a valid email address, such as name@example.com.",
                             "errors":[{"field":"email","code":"email.invalid","message":"Email must be a valid email address, such as name@example.com."},
                                       {"field":"password","code":"password.too_short","message":"Password must be at least 15 characters."}]}"""),
                    @ExampleObject(name = "malformed-json", ref = ApiDocumentation.MALFORMED_JSON_EXAMPLE)}))
    @ApiResponse(responseCode = "403", ref = ApiDocumentation.CROSS_SITE_REFUSED)
    @ApiResponse(responseCode = "409", description = "The address is already registered, in any letter case (`email.taken`)",
            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(ref = ApiDocumentation.PROBLEM),
                    examples = @ExampleObject(name = "email-taken", value = """
                            {"type":"urn:accounts:problem:email-taken","title":"Conflict","status":409,
                             "detail":"An account with this email address already exists.","instance":"/users/register",
                             "successStatus":false,"message":"An account with this email address already exists.",
                             "errors":[{"field":"email","code":"email.taken","message":"An account with this email address already exists."}]}""")))
    @ApiResponse(responseCode = "413", ref = ApiDocumentation.REQUEST_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "429", ref = ApiDocumentation.RATE_LIMITED)
    @ApiResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
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

package dev.accounts.application.service;

import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.RegistrationResult;
import dev.accounts.application.testing.Accounts;
import dev.accounts.domain.messages.AccountMessage.SignUpAttempted;
import dev.accounts.domain.messages.AccountMessage.VerifyEmail;
import org.junit.jupiter.api.Test;

import static dev.accounts.application.testing.Accounts.BREACHED_PASSWORD;
import static dev.accounts.application.testing.Accounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

class EnumerationSafeRegistrationTest {

    private final Accounts accounts = new Accounts(true, false);

    private RegistrationResult register(String email, String password) {
        return accounts.registration.register(new RegisterUserCommand("Eve", "Intruder", email, password, password, "198.51.100.9")).block();
    }

    @Test
    void aTakenAddressGetsTheAnswerANewOneGetsAtTheSameCostAndTheOwnerIsTold() {
        accounts.register("ada@example.com");
        accounts.verifyEmail.verify(accounts.latestToken("ada@example.com", VerifyEmail.class)).block();
        int hashesBefore = accounts.hasher.hashes();

        RegistrationResult taken = register("ADA@example.com", PASSWORD);
        RegistrationResult fresh = register("new@example.com", PASSWORD);

        assertThat(taken).isInstanceOf(RegistrationResult.Registered.class).hasSameClassAs(fresh);
        assertThat(((RegistrationResult.Registered) taken).id()).isNotEqualTo(accounts.users.findByEmail("ada@example.com").orElseThrow().id());
        assertThat(accounts.hasher.hashes() - hashesBefore).as("a taken address costs a hash too").isEqualTo(2);
        assertThat(accounts.mailTo("ada@example.com", SignUpAttempted.class)).singleElement()
                .satisfies(message -> assertThat(message.firstName()).isEqualTo("Ada"));
        assertThat(accounts.mailTo("ada@example.com", VerifyEmail.class)).hasSize(1);
        assertThat(accounts.users.findByEmail("ada@example.com").orElseThrow().name().first()).isEqualTo("Ada");
    }

    @Test
    void aTakenAddressIsRefusedForItsPasswordJustAsANewOneIs() {
        accounts.register("ada@example.com");

        assertThat(register("ada@example.com", BREACHED_PASSWORD)).isEqualTo(register("new@example.com", BREACHED_PASSWORD));
        assertThat(accounts.mailTo("ada@example.com", SignUpAttempted.class)).isEmpty();
    }

    @Test
    void outsideTheModeATakenAddressIsRefusedWithoutAHash() {
        Accounts compatible = new Accounts();
        compatible.register("ada@example.com");
        int hashesBefore = compatible.hasher.hashes();

        assertThat(compatible.registration.register(new RegisterUserCommand("Eve", null, "ada@example.com", PASSWORD, PASSWORD, "x")).block())
                .isInstanceOf(RegistrationResult.EmailTaken.class);
        assertThat(compatible.hasher.hashes()).isEqualTo(hashesBefore);
        assertThat(compatible.mailTo("ada@example.com", SignUpAttempted.class)).isEmpty();
    }
}

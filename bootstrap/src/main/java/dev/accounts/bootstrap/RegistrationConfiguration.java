package dev.accounts.bootstrap;

import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.service.AccountMailer;
import dev.accounts.application.service.NewPasswords;
import dev.accounts.application.service.RegisterUserService;
import dev.accounts.bootstrap.observability.UseCaseOutcomes;
import dev.accounts.bootstrap.throughput.CoalescedRegistrations;
import dev.accounts.bootstrap.throughput.PasswordWorkAdmission;
import dev.accounts.domain.credentials.PasswordRules;
import dev.accounts.domain.registration.RegistrationRules;
import dev.accounts.domain.user.EmailAddresses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Signing up: the rules, the use case, and around it the coalescing of bursts and admission to password work. */
@Configuration(proxyBeanMethods = false)
class RegistrationConfiguration {

    @Bean
    RegistrationRules registrationRules(PasswordRules passwordRules, EmailAddresses emails) {
        return new RegistrationRules(passwordRules, emails);
    }

    /** A burst for one address waits outside the queue, so that only its first request takes a place; each one's outcome is counted. */
    @Bean
    RegisterUserUseCase registerUserUseCase(RegistrationRules rules, UserRepository users, NewPasswords newPasswords, AccountMailer mailer,
                                            Transactions transactions, PasswordWorkAdmission admission, UseCaseOutcomes outcomes,
                                            AccountsProperties properties, Clock clock) {
        RegisterUserService registrations = new RegisterUserService(rules, properties.registration().enumerationSafe(), users, newPasswords,
                mailer, transactions, clock);
        return outcomes.counted(new CoalescedRegistrations(admission.admittedRegistrations(registrations), rules));
    }
}

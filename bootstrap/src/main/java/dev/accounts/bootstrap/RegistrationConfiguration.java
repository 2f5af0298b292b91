package dev.accounts.bootstrap;

import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.PasswordStrengthEstimator;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.service.RegisterUserService;
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

    /** A burst for one address waits outside the queue, so that only its first request takes a place. */
    @Bean
    RegisterUserUseCase registerUserUseCase(RegistrationRules rules, UserRepository users, PasswordHasher hasher,
                                            PasswordStrengthEstimator strengthEstimator, PasswordWorkAdmission admission, Clock clock) {
        RegisterUserService registrations = new RegisterUserService(rules, users, hasher, strengthEstimator, clock);
        return new CoalescedRegistrations(admission.admittedRegistrations(registrations), rules);
    }
}

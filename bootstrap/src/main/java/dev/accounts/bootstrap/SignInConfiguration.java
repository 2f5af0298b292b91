package dev.accounts.bootstrap;

import dev.accounts.adapters.security.audit.LoggingSignInAudit;
import dev.accounts.application.port.in.SignInUseCase;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.SignInAudit;
import dev.accounts.application.port.out.SignInThrottle;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.service.SessionIssuer;
import dev.accounts.application.service.SignInService;
import dev.accounts.bootstrap.observability.UseCaseOutcomes;
import dev.accounts.bootstrap.throughput.PasswordWorkAdmission;
import dev.accounts.domain.signin.ThrottlePolicy;
import dev.accounts.domain.user.EmailAddresses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Signing in: the per-account throttle, the audit trail, and the use case, admitted to password work and counted. */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    @Bean
    SignInAudit signInAudit() {
        return new LoggingSignInAudit();
    }

    @Bean
    ThrottlePolicy throttlePolicy(AccountsProperties properties) {
        AccountsProperties.SignIn signIn = properties.signIn();
        return new ThrottlePolicy(signIn.freeFailures(), signIn.firstDelay(), signIn.maxDelay());
    }

    @Bean
    SignInUseCase signInUseCase(UserRepository users, PasswordHasher hasher, SessionIssuer sessions, SignInThrottle throttle,
                                ThrottlePolicy throttlePolicy, SignInAudit audit, EmailAddresses emails, PasswordWorkAdmission admission,
                                UseCaseOutcomes outcomes, AccountsProperties properties, Clock clock) {
        AccountsProperties.SignIn signIn = properties.signIn();
        return outcomes.counted(admission.admittedSignIns(new SignInService(users, hasher, sessions, throttle, throttlePolicy, audit, emails,
                signIn.requireVerifiedEmail(), clock)));
    }
}

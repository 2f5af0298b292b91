package dev.accounts.adapters.web;

import dev.accounts.adapters.web.auth.CookieSettings;
import dev.accounts.adapters.web.client.ClientAddresses;
import dev.accounts.adapters.web.auth.CsrfProtectionFilter;
import dev.accounts.adapters.web.auth.CsrfTokens;
import dev.accounts.adapters.web.auth.SessionCookies;
import dev.accounts.adapters.web.problem.ProblemResponses;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/** The slice tests' application: the web adapter alone, its use cases mocked (see {@link WebSliceTest}). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(WebAdapterConfiguration.class)
class WebTestApplication {

    static final byte[] CSRF_SECRET = "0123456789abcdef0123456789abcdef".getBytes();

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CsrfTokens csrfTokens() {
        return new CsrfTokens(CSRF_SECRET);
    }

    @Bean
    SessionCookies sessionCookies(CsrfTokens csrfTokens, Clock clock) {
        return new SessionCookies(CookieSettings.defaults(), csrfTokens, clock);
    }

    @Bean
    ClientAddresses clientAddresses() {
        return new ClientAddresses(List.of());
    }

    @Bean
    CsrfProtectionFilter csrfProtectionFilter(SessionCookies cookies, CsrfTokens csrfTokens, ProblemResponses problems) {
        return new CsrfProtectionFilter(Set.of("https://app.example.com"), cookies, csrfTokens, problems);
    }
}

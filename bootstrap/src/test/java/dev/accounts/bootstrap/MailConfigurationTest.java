package dev.accounts.bootstrap;

import dev.accounts.adapters.mail.DevelopmentMailbox;
import dev.accounts.adapters.mail.DevelopmentMailboxRoutes;
import dev.accounts.application.port.out.MailTransport;
import dev.accounts.application.port.out.Outbox;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class MailConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
            .withUserConfiguration(Collaborators.class, MailConfiguration.class);

    @Test
    void refusesToStartWithNowhereToSendMail() {
        context.run(started -> assertThat(started).hasFailed().getFailure()
                .rootCause().hasMessageContaining("No SMTP server is configured").hasMessageContaining("spring.mail.host"));
    }

    @Test
    void sendsOverSmtpWhenAServerIsConfiguredAndServesNoMailbox() {
        context.withPropertyValues("spring.mail.host=127.0.0.1").run(started -> {
            assertThat(started).hasNotFailed().hasSingleBean(MailTransport.class).doesNotHaveBean(DevelopmentMailboxRoutes.class);
            assertThat(started.getBean(MailTransport.class)).isNotInstanceOf(DevelopmentMailbox.class);
        });
    }

    @Test
    void keepsMessagesInTheDevelopmentMailboxOnlyWhenAskedTo() {
        context.withPropertyValues("accounts.mail.development-mailbox=true", "spring.mail.host=127.0.0.1").run(started -> {
            assertThat(started).hasNotFailed().hasSingleBean(MailTransport.class).hasSingleBean(DevelopmentMailboxRoutes.class);
            assertThat(started.getBean(MailTransport.class)).isInstanceOf(DevelopmentMailbox.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AccountsProperties.class)
    static class Collaborators {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        Outbox outbox() {
            return mock(Outbox.class);
        }
    }
}

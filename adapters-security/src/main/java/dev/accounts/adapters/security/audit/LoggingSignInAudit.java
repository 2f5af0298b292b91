package dev.accounts.adapters.security.audit;

import dev.accounts.application.port.out.SignInAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per sign-in attempt, as key=value pairs a log pipeline can parse, on its own logger
 * ({@code accounts.audit.sign-in}) so it can be routed or retained apart. Never the email or password.
 */
public final class LoggingSignInAudit implements SignInAudit {

    private static final Logger log = LoggerFactory.getLogger("accounts.audit.sign-in");

    @Override
    public void record(Event event) {
        log.atInfo()
                .addKeyValue("outcome", event.outcome())
                .addKeyValue("userId", event.user())
                .addKeyValue("clientIp", event.clientIp())
                .log("event=sign-in outcome={} userId={} clientIp={}", event.outcome(),
                        event.user() == null ? "-" : event.user(), event.clientIp());
    }
}

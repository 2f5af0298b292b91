package dev.accounts.adapters.security.audit;

import dev.accounts.application.port.out.SignInAudit;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.user.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One log line per sign-in attempt and per reused refresh token, on its own logger
 * ({@code accounts.audit.sign-in}) so it can be routed or retained apart. The facts travel as SLF4J key-value
 * pairs named after ECS fields where ECS has one ({@code event.action}, {@code user.id}, {@code client.ip}), which
 * structured logging (ECS, Logstash) writes as fields of their own, and are repeated in the
 * message as {@code key=value} for people reading plain lines. Never the email, password or a token.
 */
public final class LoggingSignInAudit implements SignInAudit {

    private static final Logger log = LoggerFactory.getLogger("accounts.audit.sign-in");

    @Override
    public void record(Event event) {
        LoggingEventBuilder line = log.atInfo()
                .addKeyValue("event.action", "sign-in")
                .addKeyValue("outcome", event.outcome().name())
                .addKeyValue("client.ip", event.clientIp());
        if (event.user() != null) {
            line = line.addKeyValue("user.id", event.user().value().toString());
        }
        line.log("event=sign-in outcome={} userId={} clientIp={}", event.outcome(), event.user() == null ? "-" : event.user().value(),
                event.clientIp());
    }

    @Override
    public void refreshTokenReused(UserId user, SessionId session) {
        log.atWarn()
                .addKeyValue("event.action", "refresh-token-reuse")
                .addKeyValue("outcome", "SESSION_REVOKED")
                .addKeyValue("user.id", user.value().toString())
                .addKeyValue("session.id", session.value().toString())
                .log("event=refresh-token-reuse outcome=SESSION_REVOKED userId={} sessionId={}", user.value(), session.value());
    }
}

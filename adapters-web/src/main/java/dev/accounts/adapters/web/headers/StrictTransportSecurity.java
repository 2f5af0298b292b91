package dev.accounts.adapters.web.headers;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code Strict-Transport-Security} header sent on answers to requests that came over TLS: browsers
 * then use https for this host for {@code maxAge}, also where a link or a typed address says http.
 */
public record StrictTransportSecurity(Duration maxAge, boolean includeSubDomains) {

    public StrictTransportSecurity {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("max-age cannot be negative");
        }
    }

    String headerValue() {
        return "max-age=" + maxAge.toSeconds() + (includeSubDomains ? "; includeSubDomains" : "");
    }
}

package dev.accounts.adapters.web.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a client may take to send a request, and how many connections the server holds at once.
 *
 * @param headerReadTimeout from a request's first byte to the end of its headers
 * @param bodyReadTimeout   from the end of the headers to the end of the body
 * @param maxConnections    open connections at most; further ones are closed as soon as they are accepted
 * @param maxConnectionsPerAddress open connections from one client address at most
 */
public record ConnectionLimits(Duration headerReadTimeout, Duration bodyReadTimeout, int maxConnections, int maxConnectionsPerAddress) {

    public ConnectionLimits {
        Objects.requireNonNull(headerReadTimeout, "headerReadTimeout");
        Objects.requireNonNull(bodyReadTimeout, "bodyReadTimeout");
        if (!headerReadTimeout.isPositive() || !bodyReadTimeout.isPositive() || maxConnections < 1 || maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException("read time-outs must be positive and at least one connection allowed");
        }
    }
}

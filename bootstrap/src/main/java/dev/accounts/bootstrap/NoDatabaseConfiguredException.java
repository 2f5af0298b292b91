package dev.accounts.bootstrap;

/**
 * No {@code spring.r2dbc.url}, and no embedded PostgreSQL to start in its place: the production jar carries none.
 * {@link NoDatabaseConfiguredFailureAnalyzer} turns it into a start-up error that says what to set.
 */
final class NoDatabaseConfiguredException extends RuntimeException {

    NoDatabaseConfiguredException() {
        super("No database is configured (spring.r2dbc.url) and this jar carries no embedded PostgreSQL");
    }
}

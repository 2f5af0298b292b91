package dev.accounts.bootstrap;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Spring Boot's "APPLICATION FAILED TO START" report for a production jar started without a database. */
class NoDatabaseConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<NoDatabaseConfiguredException> {

    static final String DESCRIPTION = "No database is configured: spring.r2dbc.url is not set, and this jar carries no embedded"
            + " PostgreSQL to start in its place (the production jar never does).";
    static final String ACTION = "Set SPRING_R2DBC_URL (r2dbc:postgresql://host:5432/db), SPRING_R2DBC_USERNAME and"
            + " SPRING_R2DBC_PASSWORD. For a development database with nothing installed, use ./run: it starts the"
            + " development jar (accounts-dev.jar), which brings an embedded PostgreSQL.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoDatabaseConfiguredException cause) {
        return new FailureAnalysis(DESCRIPTION, ACTION, cause);
    }
}

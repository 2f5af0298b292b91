-- A session is one row, the state its aggregate decided, guarded by a version for optimistic concurrency;
-- session_tokens maps the SHA-256 of every refresh token it issued to it, so a rotated token still finds
-- the session that has moved on (to forgive a replay, or to end the session on reuse).
CREATE TABLE sessions (
    session_id            uuid          PRIMARY KEY,
    user_id               uuid          NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    expires_at            timestamptz   NOT NULL,
    current_token_hash    char(64)      NOT NULL,
    replaced_token_hashes text[]        NOT NULL DEFAULT '{}',
    replaced_at           timestamptz[] NOT NULL DEFAULT '{}',
    revoked_at            timestamptz,
    version               bigint        NOT NULL DEFAULT 0
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

CREATE TABLE session_tokens (
    token_hash char(64) PRIMARY KEY,
    session_id uuid     NOT NULL REFERENCES sessions (session_id) ON DELETE CASCADE
);
CREATE INDEX session_tokens_session_id_idx ON session_tokens (session_id);

-- Every refresh-token family becomes a session. Its current token is the one not yet replaced (the latest
-- issued, if a reuse revoked them all); tokens rotated in the last seconds lose their grace, which at worst
-- ends a session whose client raced itself across the upgrade.
INSERT INTO sessions (session_id, user_id, expires_at, current_token_hash, revoked_at)
SELECT DISTINCT ON (family_id) family_id, user_id, expires_at, token_hash,
       max(revoked_at) OVER (PARTITION BY family_id)
FROM refresh_tokens
ORDER BY family_id, replaced_at IS NULL DESC, issued_at DESC;

INSERT INTO session_tokens (token_hash, session_id)
SELECT token_hash, family_id FROM refresh_tokens;

DROP TABLE refresh_tokens;

-- Refresh tokens, by the SHA-256 of their value (the value itself is never stored). Every token of
-- one sign-in shares family_id and expires_at; replaced_by links a rotated token to its successor.
CREATE TABLE refresh_tokens (
    id          uuid        PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    family_id   uuid        NOT NULL,
    token_hash  char(64)    NOT NULL,
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    replaced_by uuid,
    replaced_at timestamptz,
    revoked_at  timestamptz,
    CONSTRAINT refresh_tokens_token_hash_key UNIQUE (token_hash)
);
CREATE INDEX refresh_tokens_family_id_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_expires_at_idx ON refresh_tokens (expires_at);
CREATE INDEX refresh_tokens_user_id_idx ON refresh_tokens (user_id);

-- Consecutive failed sign-ins per normalised email, whether or not an account has that email.
CREATE TABLE sign_in_failures (
    email_key       varchar(254) PRIMARY KEY,
    failures        integer      NOT NULL,
    last_failure_at timestamptz  NOT NULL
);
CREATE INDEX sign_in_failures_last_failure_at_idx ON sign_in_failures (last_failure_at);

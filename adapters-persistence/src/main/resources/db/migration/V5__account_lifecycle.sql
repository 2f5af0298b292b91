-- A user proves their address by a mailed link, and every change to a user is checked against the version it
-- was made from, so that a password reset and a verification racing each other cannot both win.
ALTER TABLE users
    ADD COLUMN email_verified_at timestamptz,
    ADD COLUMN version           bigint      NOT NULL DEFAULT 0;

-- The single-use tokens of mailed links, by the SHA-256 of their value: one per user and purpose, so a
-- newer link supersedes the older one.
CREATE TABLE one_time_tokens (
    user_id    uuid        NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    purpose    text        NOT NULL,
    token_hash text        NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, purpose),
    CONSTRAINT one_time_tokens_token_hash_key UNIQUE (token_hash)
);

-- Messages written in the transaction of the change that caused them and delivered afterwards. A link's
-- token must be mailed, so it is kept, but sealed (AES-256-GCM, bound to the message id) with a key the
-- database never sees. A deliverer claims a message until claimed_until; one that dies leaves its claim
-- to run out.
CREATE TABLE outbox_messages (
    message_id    uuid         PRIMARY KEY,
    -- The order messages were enqueued in, which instants cannot tell apart when they are equal.
    enqueued      bigint       GENERATED ALWAYS AS IDENTITY,
    -- Kept, stripped, when its user is deleted: the per-inbox cap must outlive a deleted account.
    user_id       uuid         REFERENCES users (user_id) ON DELETE SET NULL,
    kind          text         NOT NULL,
    recipient     varchar(254) NOT NULL,
    recipient_key varchar(254) NOT NULL,
    -- SHA-256 of recipient_key, what the per-inbox cap counts by once the address itself is forgotten.
    recipient_digest char(64)  NOT NULL,
    first_name    varchar(200),
    sealed_token  bytea,
    created_at    timestamptz  NOT NULL,
    due_at        timestamptz  NOT NULL,
    claimed_until timestamptz,
    attempts      integer      NOT NULL DEFAULT 0,
    delivered_at  timestamptz,
    abandoned_at  timestamptz
);
-- Only messages still to be sent are searched for due ones, however many settled ones are kept.
CREATE INDEX outbox_messages_due_idx ON outbox_messages (due_at, enqueued) WHERE delivered_at IS NULL AND abandoned_at IS NULL;
CREATE INDEX outbox_messages_user_id_idx ON outbox_messages (user_id);
CREATE INDEX outbox_messages_recipient_digest_kind_created_at_idx ON outbox_messages (recipient_digest, kind, created_at);

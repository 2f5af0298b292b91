-- Users of the service. The id is assigned by the application; email_normalized (lower-cased, ASCII
-- domain) is the unique key, so one mailbox typed in two letter cases is one account.
CREATE TABLE users (
    user_id          uuid         PRIMARY KEY,
    email            varchar(254) NOT NULL,
    email_normalized varchar(254) NOT NULL,
    first_name       varchar(200),
    last_name        varchar(200),
    password_hash    varchar(255) NOT NULL,
    created_at       timestamptz  NOT NULL,
    CONSTRAINT users_email_normalized_key UNIQUE (email_normalized)
);

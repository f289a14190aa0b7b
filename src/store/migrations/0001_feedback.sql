-- Votes on answers. A user's second vote on the same answer replaces the first.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
) STRICT;

CREATE TABLE feedback (
    id         INTEGER PRIMARY KEY,
    -- The message the answer is on, and which answer of it (1 = best).
    message_id TEXT NOT NULL,
    rank       INTEGER NOT NULL CHECK (rank >= 1),
    -- SHA-256 of a per-database random salt and the Discord user id: votes can be told
    -- apart, users cannot be named.
    user_hash  TEXT NOT NULL,
    -- NULL in direct messages.
    guild_id   TEXT,
    question   TEXT NOT NULL,
    -- The cited sentence, verbatim, and where it is; empty when the bot found no answer.
    answer     TEXT NOT NULL,
    source     TEXT NOT NULL,
    corpus     TEXT NOT NULL,
    vote       INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    voted_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (message_id, rank, user_hash)
) STRICT;

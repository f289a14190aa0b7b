-- Open a thread on each answer (NULL: the default, off).
ALTER TABLE guild_settings ADD COLUMN answers_in_threads INTEGER CHECK (answers_in_threads IN (0, 1));

-- Threads the bot opened on its answers: every message in one is a follow-up question.
CREATE TABLE bot_threads (
    thread_id  TEXT PRIMARY KEY,
    guild_id   TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

-- Which answer the bot posted to which question message, kept for 15 minutes so that
-- editing the question updates the answer and deleting it deletes the answer.
CREATE TABLE answered_messages (
    question_id   TEXT PRIMARY KEY,
    channel_id    TEXT NOT NULL,
    answer_id     TEXT NOT NULL,
    -- NULL in direct messages.
    guild_id      TEXT,
    -- SHA-256 of the question as asked: an edit that leaves it unchanged (a link preview
    -- added) changes nothing. The question itself is not kept.
    question_hash TEXT NOT NULL,
    -- The conversation the question continued, as it was before the question (NULL: none),
    -- so an edited question is answered in the same place in it.
    conversation  TEXT,
    -- Seconds since 1970.
    answered_at   INTEGER NOT NULL
) STRICT;

CREATE INDEX answered_messages_by_time ON answered_messages (answered_at);
CREATE INDEX answered_messages_by_answer ON answered_messages (answer_id);

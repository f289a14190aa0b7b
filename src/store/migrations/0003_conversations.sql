-- The last few turns of each conversation, so that a follow-up question can be read against
-- them after a restart. Keys are chosen by the front end ("cli:<id>", "thread:<id>"); a key
-- ending in "@<user id>" belongs to that user. Rows idle past the expiry are deleted.
CREATE TABLE conversations (
    key        TEXT PRIMARY KEY,
    -- The conversation as JSON (answer::Conversation).
    body       TEXT NOT NULL,
    -- Unix seconds of the last turn.
    updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX conversations_updated_at ON conversations (updated_at);

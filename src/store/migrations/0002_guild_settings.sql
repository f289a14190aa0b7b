-- Per-server settings from /config. A NULL column means "the default".
CREATE TABLE guild_settings (
    guild_id        TEXT PRIMARY KEY,
    private_answers INTEGER CHECK (private_answers IN (0, 1)),
    mentions        INTEGER CHECK (mentions IN (0, 1)),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

-- Channels the bot answers in; none listed means every channel.
CREATE TABLE guild_channels (
    guild_id   TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
) STRICT;

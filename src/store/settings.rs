//! Per-server settings from `/config`: private answers, answering @mentions, threads on
//! answers, and the channels the bot answers in. A server that never ran `/config` gets the defaults.

use std::collections::BTreeSet;

use rusqlite::{params, OptionalExtension as _};

use super::{Store, StoreError};

/// One server's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuildSettings {
    /// Answers are shown only to the person who asked (with a Share button), unless they
    /// ask otherwise.
    pub private_answers: bool,
    /// The bot answers questions in messages that @mention it.
    pub mentions: bool,
    /// Each public answer gets a thread, where every message is a follow-up question.
    pub answers_in_threads: bool,
    /// The channels the bot answers in; empty means every channel.
    pub channels: BTreeSet<u64>,
}

impl Default for GuildSettings {
    fn default() -> Self {
        GuildSettings { private_answers: false, mentions: true, answers_in_threads: false, channels: BTreeSet::new() }
    }
}

impl GuildSettings {
    /// Whether the bot answers in `channel`.
    pub fn allows(&self, channel: u64) -> bool {
        self.channels.is_empty() || self.channels.contains(&channel)
    }

    /// Whether the bot answers in `channel`, a thread or forum post of `parent` when it has
    /// one: listing a channel lists its threads and posts.
    pub fn allows_in(&self, channel: u64, parent: Option<u64>) -> bool {
        self.allows(channel) || parent.is_some_and(|p| self.channels.contains(&p))
    }
}

/// A change asked for with `/config`; `None` leaves a setting as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    pub private_answers: Option<bool>,
    pub mentions: Option<bool>,
    pub answers_in_threads: Option<bool>,
    pub allow_channel: Option<u64>,
    pub remove_channel: Option<u64>,
    /// Answer in every channel again.
    pub all_channels: bool,
}

impl Change {
    pub fn is_empty(&self) -> bool {
        *self == Change::default()
    }
}

impl Store {
    /// The settings of `guild` (the defaults for a server that never changed them).
    ///
    /// # Errors
    /// The database is locked or damaged.
    pub fn settings(&self, guild: u64) -> Result<GuildSettings, StoreError> {
        self.with(|conn| read(conn, guild))
    }

    /// Applies `change` to `guild`'s settings in one transaction and returns the result.
    ///
    /// # Errors
    /// The database is locked, damaged or unwritable.
    pub fn change_settings(&self, guild: u64, change: &Change) -> Result<GuildSettings, StoreError> {
        self.with(|conn| {
            let tx = conn.transaction()?;
            let id = guild.to_string();
            tx.execute(
                "INSERT INTO guild_settings (guild_id, private_answers, mentions, answers_in_threads)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (guild_id) DO UPDATE SET
                     private_answers = COALESCE(excluded.private_answers, private_answers),
                     mentions = COALESCE(excluded.mentions, mentions),
                     answers_in_threads = COALESCE(excluded.answers_in_threads, answers_in_threads),
                     updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
                params![id, change.private_answers, change.mentions, change.answers_in_threads],
            )?;
            if change.all_channels {
                tx.execute("DELETE FROM guild_channels WHERE guild_id = ?1", [&id])?;
            }
            if let Some(channel) = change.allow_channel {
                tx.execute(
                    "INSERT OR IGNORE INTO guild_channels (guild_id, channel_id) VALUES (?1, ?2)",
                    [&id, &channel.to_string()],
                )?;
            }
            if let Some(channel) = change.remove_channel {
                tx.execute(
                    "DELETE FROM guild_channels WHERE guild_id = ?1 AND channel_id = ?2",
                    [&id, &channel.to_string()],
                )?;
            }
            let settings = read(&tx, guild)?;
            tx.commit()?;
            Ok(settings)
        })
    }
}

fn read(conn: &rusqlite::Connection, guild: u64) -> rusqlite::Result<GuildSettings> {
    let id = guild.to_string();
    let defaults = GuildSettings::default();
    let row: Option<(Option<bool>, Option<bool>, Option<bool>)> = conn
        .query_row(
            "SELECT private_answers, mentions, answers_in_threads FROM guild_settings WHERE guild_id = ?1",
            [&id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()?;
    let (private_answers, mentions, answers_in_threads) = row.unwrap_or_default();
    let mut statement = conn.prepare("SELECT channel_id FROM guild_channels WHERE guild_id = ?1")?;
    let channels = statement
        .query_map([&id], |row| row.get::<_, String>(0))?
        .filter_map(|c| c.map(|c| c.parse::<u64>().ok()).transpose())
        .collect::<rusqlite::Result<BTreeSet<u64>>>()?;
    Ok(GuildSettings {
        private_answers: private_answers.unwrap_or(defaults.private_answers),
        mentions: mentions.unwrap_or(defaults.mentions),
        answers_in_threads: answers_in_threads.unwrap_or(defaults.answers_in_threads),
        channels,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_without_settings_gets_the_defaults() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(dir.path())?;
        let settings = store.settings(42)?;
        assert_eq!(settings, GuildSettings::default());
        assert!(!settings.private_answers && settings.mentions && settings.allows(99));
        Ok(())
    }

    #[test]
    fn changes_apply_to_one_server_and_leave_other_settings_alone() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(dir.path())?;
        store.change_settings(1, &Change { private_answers: Some(true), ..Change::default() })?;
        let after = store.change_settings(1, &Change { allow_channel: Some(5), ..Change::default() })?;
        assert!(after.private_answers && after.mentions);
        assert!(after.allows(5) && !after.allows(6));
        assert!(after.allows_in(7, Some(5)) && !after.allows_in(7, Some(6)) && !after.allows_in(7, None));
        assert_eq!(store.settings(2)?, GuildSettings::default());
        let after = store
            .change_settings(1, &Change { mentions: Some(false), remove_channel: Some(5), ..Change::default() })?;
        assert!(after.private_answers && !after.mentions && after.allows(6));
        store.change_settings(1, &Change { allow_channel: Some(5), ..Change::default() })?;
        store.change_settings(1, &Change { allow_channel: Some(8), ..Change::default() })?;
        assert_eq!(store.settings(1)?.channels.len(), 2);
        assert!(store.change_settings(1, &Change { all_channels: true, ..Change::default() })?.channels.is_empty());
        Ok(())
    }

    #[test]
    fn answers_in_threads_is_off_until_a_server_turns_it_on() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(dir.path())?;
        assert!(!store.settings(1)?.answers_in_threads);
        let on = store.change_settings(1, &Change { answers_in_threads: Some(true), ..Change::default() })?;
        assert!(on.answers_in_threads && on.mentions);
        let still = store.change_settings(1, &Change { private_answers: Some(true), ..Change::default() })?;
        assert!(still.answers_in_threads, "other changes leave it alone");
        assert!(!store.settings(2)?.answers_in_threads);
        Ok(())
    }

    #[test]
    fn settings_survive_reopening_the_database() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        Store::open(dir.path())?.change_settings(3, &Change { mentions: Some(false), ..Change::default() })?;
        assert!(!Store::open(dir.path())?.settings(3)?.mentions);
        Ok(())
    }
}

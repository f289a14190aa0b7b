//! The threads the bot opened on its answers: a message in one of them is a follow-up.

use rusqlite::OptionalExtension as _;

use super::{Store, StoreError};

impl Store {
    /// Records `thread` (in `guild`) as one the bot opened.
    ///
    /// # Errors
    /// The database is locked, damaged or unwritable.
    pub fn remember_thread(&self, thread: u64, guild: u64) -> Result<(), StoreError> {
        self.with(|conn| {
            conn.execute(
                "INSERT OR IGNORE INTO bot_threads (thread_id, guild_id) VALUES (?1, ?2)",
                [thread.to_string(), guild.to_string()],
            )
            .map(drop)
        })
    }

    /// Whether the bot opened `thread`.
    ///
    /// # Errors
    /// The database is locked or damaged.
    pub fn is_bot_thread(&self, thread: u64) -> Result<bool, StoreError> {
        self.with(|conn| {
            conn.query_row("SELECT 1 FROM bot_threads WHERE thread_id = ?1", [thread.to_string()], |_| Ok(()))
                .optional()
                .map(|found| found.is_some())
        })
    }

    /// Forgets `thread` (deleted in Discord).
    ///
    /// # Errors
    /// As [`Store::remember_thread`].
    pub fn forget_thread(&self, thread: u64) -> Result<(), StoreError> {
        self.with(|conn| conn.execute("DELETE FROM bot_threads WHERE thread_id = ?1", [thread.to_string()]).map(drop))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thread_is_the_bots_once_remembered_and_until_forgotten() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(dir.path())?;
        assert!(!store.is_bot_thread(7)?);
        store.remember_thread(7, 1)?;
        store.remember_thread(7, 1)?;
        assert!(store.is_bot_thread(7)? && !store.is_bot_thread(8)?);
        assert!(Store::open(dir.path())?.is_bot_thread(7)?, "kept across restarts");
        store.forget_thread(7)?;
        assert!(!store.is_bot_thread(7)?);
        Ok(())
    }
}

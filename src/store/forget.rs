//! Deleting what the database keeps: votes past their retention period, everything about a
//! server that removed the bot, and one person's votes and conversations on request.

use super::{Store, StoreError};

/// What a deletion removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Forgotten {
    pub votes: usize,
    /// Servers whose settings (and allowed channels) were deleted.
    pub settings: usize,
    /// Conversations whose key names the user (`…@<user id>`).
    pub conversations: usize,
}

impl Store {
    /// Deletes votes cast more than `days` days ago.
    ///
    /// # Errors
    /// The database is locked, damaged or unwritable.
    pub fn prune_votes(&self, days: u32) -> Result<usize, StoreError> {
        let cutoff = format!("-{days} days");
        self.with(|conn| {
            conn.execute("DELETE FROM feedback WHERE voted_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?1)", [cutoff])
        })
    }

    /// Deletes every vote cast in `guild`, the server's settings, and the threads and answers
    /// the bot remembers there, in one transaction.
    ///
    /// # Errors
    /// As [`Store::prune_votes`].
    pub fn forget_guild(&self, guild: u64) -> Result<Forgotten, StoreError> {
        let id = guild.to_string();
        self.with(|conn| {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let votes = tx.execute("DELETE FROM feedback WHERE guild_id = ?1", [&id])?;
            tx.execute("DELETE FROM guild_channels WHERE guild_id = ?1", [&id])?;
            let settings = tx.execute("DELETE FROM guild_settings WHERE guild_id = ?1", [&id])?;
            tx.execute("DELETE FROM bot_threads WHERE guild_id = ?1", [&id])?;
            tx.execute("DELETE FROM answered_messages WHERE guild_id = ?1", [&id])?;
            tx.commit()?;
            Ok(Forgotten { votes, settings, ..Forgotten::default() })
        })
    }

    /// Deletes every vote by the Discord user `user` (found through the salted hash) and the
    /// conversations whose key ends in `@<user>`, in one transaction.
    ///
    /// # Errors
    /// As [`Store::prune_votes`].
    pub fn forget_user(&self, user: u64) -> Result<Forgotten, StoreError> {
        let hash = self.user_hash(user);
        self.with(|conn| {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let votes = tx.execute("DELETE FROM feedback WHERE user_hash = ?1", [hash])?;
            // Compared as text, not LIKE: a key may hold % or _.
            let conversations =
                tx.execute("DELETE FROM conversations WHERE substr(key, -length(?1)) = ?1", [format!("@{user}")])?;
            tx.commit()?;
            Ok(Forgotten { votes, settings: 0, conversations })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::feedback::Vote;
    use crate::store::settings::{Change, GuildSettings};

    fn vote(message_id: u64, user_id: u64, guild_id: Option<u64>) -> Vote {
        Vote {
            message_id,
            rank: 1,
            user_id,
            guild_id,
            question: "Who is the CEO of SoftBank?".into(),
            answer: "Masayoshi Son runs it.".into(),
            source: "The story · paragraph 1, sentence 1".into(),
            corpus: "abc".into(),
            up: true,
        }
    }

    fn votes(store: &Store) -> anyhow::Result<i64> {
        Ok(store.with(|conn| conn.query_row("SELECT COUNT(*) FROM feedback", [], |row| row.get(0)))?)
    }

    #[test]
    fn removing_a_server_deletes_its_votes_and_settings_and_nothing_else() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(dir.path())?;
        store.record_vote(&vote(1, 10, Some(7)))?;
        store.record_vote(&vote(2, 11, Some(7)))?;
        store.record_vote(&vote(3, 10, Some(8)))?;
        store.record_vote(&vote(4, 10, None))?;
        store.change_settings(7, &Change { mentions: Some(false), allow_channel: Some(5), ..Change::default() })?;
        store.change_settings(8, &Change { mentions: Some(false), ..Change::default() })?;
        assert_eq!(store.forget_guild(7)?, Forgotten { votes: 2, settings: 1, ..Forgotten::default() });
        assert_eq!(votes(&store)?, 2);
        assert_eq!(store.settings(7)?, GuildSettings::default());
        assert!(!store.settings(8)?.mentions);
        assert_eq!(store.forget_guild(7)?, Forgotten::default());
        Ok(())
    }

    #[test]
    fn forgetting_a_user_deletes_their_votes_everywhere_and_only_theirs() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(dir.path())?;
        store.record_vote(&vote(1, 10, Some(7)))?;
        store.record_vote(&vote(2, 10, None))?;
        store.record_vote(&vote(1, 11, Some(7)))?;
        assert_eq!(store.forget_user(10)?.votes, 2);
        assert_eq!(votes(&store)?, 1);
        assert_eq!(store.forget_user(12)?.votes, 0);
        Ok(())
    }

    #[test]
    fn forgetting_a_user_deletes_the_conversations_keyed_to_them_and_only_those() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(dir.path())?;
        let conversation = crate::answer::Conversation::new();
        let now = crate::store::now_secs();
        for key in ["thread:5@10", "dm:6@10", "thread:5@110", "cli:10"] {
            store.save_conversation(key, &conversation, now)?;
        }
        assert_eq!(store.forget_user(10)?.conversations, 2);
        assert!(store.conversation("thread:5@10", now)?.is_none());
        assert!(store.conversation("thread:5@110", now)?.is_some(), "another user whose id ends the same");
        assert!(store.conversation("cli:10", now)?.is_some(), "a key that names no user");
        Ok(())
    }

    #[test]
    fn pruning_deletes_votes_older_than_the_retention_period() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(dir.path())?;
        store.record_vote(&vote(1, 10, Some(7)))?;
        store.record_vote(&vote(2, 10, Some(7)))?;
        store.with(|conn| {
            conn.execute("UPDATE feedback SET voted_at = '2020-01-01T00:00:00Z' WHERE message_id = '1'", [])
        })?;
        assert_eq!(store.prune_votes(180)?, 1);
        assert_eq!(votes(&store)?, 1);
        assert_eq!(store.prune_votes(180)?, 0);
        Ok(())
    }
}

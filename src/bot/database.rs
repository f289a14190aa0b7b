//! The bot's use of the database: server settings (cached, read once per server), votes, and
//! conversations (so a follow-up question is read against the turns before it).
//!
//! The database is a convenience, never a reason not to answer: when it is missing, locked
//! or damaged, settings fall back to the defaults, votes are not kept, the operator's log
//! says why, and the user gets one short sentence.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use crate::answer::Conversation;
use crate::error::UserError;
use crate::ops::metrics;
use crate::store::feedback::Vote;
use crate::store::now_secs;
use crate::store::settings::{Change, GuildSettings};
use crate::store::{Store, StoreError};

/// What a user sees when their vote could not be kept.
pub const VOTE_NOT_SAVED: &str = "Thanks! Your vote could not be saved right now, though; please try again later.";

/// What a server admin sees when settings could not be saved.
pub const SETTINGS_NOT_SAVED: &str =
    "The settings could not be saved right now; nothing was changed. Please try again later.";

/// The database, if it opened, and the settings read from it so far.
pub struct Database {
    store: Option<Arc<Store>>,
    settings: Mutex<HashMap<u64, GuildSettings>>,
    /// Held while settings are read from the database: a burst of requests from a server not
    /// yet cached makes one read, not one blocking thread each.
    loading: tokio::sync::Mutex<()>,
}

impl Database {
    pub fn new(store: Option<Arc<Store>>) -> Database {
        Database { store, settings: Mutex::default(), loading: tokio::sync::Mutex::new(()) }
    }

    /// The settings of `guild` (the defaults in direct messages, or when the database fails).
    pub async fn settings(&self, guild: Option<u64>) -> GuildSettings {
        let Some(guild) = guild else { return GuildSettings::default() };
        if let Some(known) = self.cached(guild) {
            return known;
        }
        let Some(store) = self.store.clone() else { return GuildSettings::default() };
        let _one_read = self.loading.lock().await;
        if let Some(known) = self.cached(guild) {
            return known;
        }
        match blocking(move || store.settings(guild)).await {
            Ok(settings) => {
                self.settings.lock().unwrap_or_else(PoisonError::into_inner).insert(guild, settings.clone());
                settings
            }
            Err(err) => {
                log_failure("reading server settings", &err);
                GuildSettings::default()
            }
        }
    }

    /// Applies a `/config` change and returns the settings now in force.
    ///
    /// # Errors
    /// A [`UserError`] when the database cannot be written (the cause is logged).
    pub async fn change(&self, guild: u64, change: Change) -> Result<GuildSettings, UserError> {
        let Some(store) = self.store.clone() else {
            return Err(UserError::new(
                "Settings cannot be changed: this bot runs without its database (its log says why).",
            ));
        };
        match blocking(move || store.change_settings(guild, &change)).await {
            Ok(settings) => {
                self.settings.lock().unwrap_or_else(PoisonError::into_inner).insert(guild, settings.clone());
                Ok(settings)
            }
            Err(err) => {
                log_failure("saving server settings", &err);
                Err(UserError::new(SETTINGS_NOT_SAVED))
            }
        }
    }

    /// Keeps a vote; `false` when it could not be kept (the cause is logged).
    pub async fn record_vote(&self, vote: Vote) -> bool {
        let up = vote.up;
        let stored = match self.store.clone() {
            None => false,
            Some(store) => match blocking(move || store.record_vote(&vote)).await {
                Ok(()) => true,
                Err(err) => {
                    log_failure("recording a vote", &err);
                    false
                }
            },
        };
        metrics::vote(up, stored);
        stored
    }

    /// Deletes a server's votes and settings, when the bot was removed from it.
    pub async fn forget_guild(&self, guild: u64) {
        self.settings.lock().unwrap_or_else(PoisonError::into_inner).remove(&guild);
        let Some(store) = self.store.clone() else { return };
        match blocking(move || store.forget_guild(guild)).await {
            Ok(gone) => tracing::info!(
                guild,
                votes = gone.votes,
                settings = gone.settings,
                "removed from a server: its data was deleted"
            ),
            Err(err) => log_failure("deleting a server's data", &err),
        }
    }

    /// The conversation kept under `key` (see [`crate::store::conversations`] for keys): an
    /// empty one when there is none, it expired, or the database fails (the cause is logged).
    pub async fn conversation(&self, key: &str) -> Conversation {
        let Some(store) = self.store.clone() else { return Conversation::new() };
        let key = key.to_string();
        match blocking(move || store.conversation(&key, now_secs())).await {
            Ok(found) => found.unwrap_or_else(Conversation::new),
            Err(err) => {
                log_failure("reading a conversation", &err);
                Conversation::new()
            }
        }
    }

    /// Keeps `conversation` under `key`; when it cannot be kept the cause is logged and the
    /// next question is read on its own.
    pub async fn save_conversation(&self, key: &str, conversation: &Conversation) {
        let Some(store) = self.store.clone() else { return };
        let (key, conversation) = (key.to_string(), conversation.clone());
        if let Err(err) = blocking(move || store.save_conversation(&key, &conversation, now_secs())).await {
            log_failure("saving a conversation", &err);
        }
    }

    fn cached(&self, guild: u64) -> Option<GuildSettings> {
        self.settings.lock().unwrap_or_else(PoisonError::into_inner).get(&guild).cloned()
    }
}

/// Deletes votes older than `days` days, and conversations idle past their expiry (a save
/// deletes them too, but a quiet bot saves nothing), now and then once a day, for as long as
/// the bot runs.
pub fn prune_daily(store: Arc<Store>, days: u32) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every_day = tokio::time::interval(std::time::Duration::from_secs(24 * 60 * 60));
        loop {
            every_day.tick().await;
            let votes = store.clone();
            match blocking(move || votes.prune_votes(days)).await {
                Ok(0) => {}
                Ok(pruned) => tracing::info!(pruned, days, "deleted votes past their retention period"),
                Err(err) => log_failure("deleting old votes", &err),
            }
            let idle = store.clone();
            match blocking(move || idle.prune_conversations(crate::store::now_secs())).await {
                Ok(0) => {}
                Ok(pruned) => tracing::info!(pruned, "deleted idle conversations"),
                Err(err) => log_failure("deleting idle conversations", &err),
            }
        }
    })
}

/// SQLite calls block (a busy database waits up to its timeout): keep them off the threads
/// that run the gateway and the other requests.
pub(super) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, anyhow::Error> {
    match tokio::task::spawn_blocking(f).await {
        Ok(result) => result.map_err(anyhow::Error::new),
        Err(err) => Err(anyhow::anyhow!("the database call stopped unexpectedly: {err}")),
    }
}

pub(super) fn log_failure(what: &str, err: &anyhow::Error) {
    metrics::store_error();
    tracing::error!(error = %format!("{err:#}"), "{what} failed; the bot goes on without it");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_saved_conversation_is_read_back_and_without_a_database_it_is_empty() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let database = Database::new(Some(Arc::new(Store::open(dir.path())?)));
        assert!(database.conversation("thread:1").await.is_empty());
        let engine = crate::answer::tests::ferry_engine()?;
        let mut conversation = Conversation::new();
        engine.ask_in(&mut conversation, "How much will the boat cost?", 1)?;
        database.save_conversation("thread:1", &conversation).await;
        assert_eq!(database.conversation("thread:1").await.to_json(), conversation.to_json());
        let without = Database::new(None);
        without.save_conversation("thread:1", &conversation).await;
        assert!(without.conversation("thread:1").await.is_empty());
        Ok(())
    }
}

//! Conversations: the last turns asked under one key, kept so that a follow-up question is
//! read against them even after a restart, and forgotten once idle for [`EXPIRY_SECS`].
//!
//! Keys are opaque strings the front ends choose ("cli:<id>", "dm:<channel>",
//! "thread:<id>"); one that ends in `@<user id>` belongs to that user and is deleted with
//! their other data ([`Store::forget_user`]).

use rusqlite::OptionalExtension as _;

use super::{Store, StoreError};
use crate::answer::Conversation;

/// A conversation idle this long is over: the next question starts a new one (30 minutes).
pub const EXPIRY_SECS: i64 = 30 * 60;

impl Store {
    /// The conversation kept under `key`, or `None` when there is none, it has been idle
    /// longer than [`EXPIRY_SECS`] at `now_secs` (Unix seconds), or its data is unreadable.
    ///
    /// # Errors
    /// The database is locked, damaged or unreadable.
    pub fn conversation(&self, key: &str, now_secs: i64) -> Result<Option<Conversation>, StoreError> {
        let row: Option<(String, i64)> = self.with(|conn| {
            conn.query_row("SELECT body, updated_at FROM conversations WHERE key = ?1", [key], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()
        })?;
        Ok(row.filter(|(_, at)| !expired(*at, now_secs)).and_then(|(body, _)| Conversation::from_json(&body)))
    }

    /// Keeps `conversation` under `key` as of `now_secs`, and deletes the conversations that
    /// have expired by then (so the table holds only live ones, without a timer).
    ///
    /// # Errors
    /// The database is locked, damaged or unwritable.
    pub fn save_conversation(&self, key: &str, conversation: &Conversation, now_secs: i64) -> Result<(), StoreError> {
        let body = conversation.to_json();
        self.with(|conn| {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            tx.execute(
                "INSERT INTO conversations (key, body, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
                rusqlite::params![key, body, now_secs],
            )?;
            tx.execute(DELETE_EXPIRED, [now_secs - EXPIRY_SECS])?;
            tx.commit()
        })
    }

    /// Deletes the conversations idle longer than [`EXPIRY_SECS`] at `now_secs`.
    ///
    /// # Errors
    /// As [`Store::save_conversation`].
    pub fn prune_conversations(&self, now_secs: i64) -> Result<usize, StoreError> {
        self.with(|conn| conn.execute(DELETE_EXPIRED, [now_secs - EXPIRY_SECS]))
    }
}

/// Deletes the conversations last updated before its one parameter.
const DELETE_EXPIRED: &str = "DELETE FROM conversations WHERE updated_at < ?1";

fn expired(updated_at: i64, now_secs: i64) -> bool {
    now_secs - updated_at > EXPIRY_SECS
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use anyhow::Context as _;

    use super::*;
    use crate::answer::{Engine, MAX_TURNS};
    use crate::corpus::{Corpus, Source};

    const NOW: i64 = 1_800_000_000;

    fn engine(body: &str) -> anyhow::Result<Engine> {
        let text = format!("+++\ntitle = \"Ferry\"\n+++\n{body}");
        let corpus = Corpus::from_sources(vec![Source { path: PathBuf::from("ferry.txt"), bytes: text.into_bytes() }])?;
        Engine::in_memory(corpus)
    }

    const STORY: &str = "The council voted on Monday to buy a new ferry. The boat will cost $12 million.\n\n\
        Critics said the money should fix the harbour wall. The wall cracked in January.\n";

    /// A conversation of `turns` questions about the ferry story.
    fn talk(engine: &Engine, turns: usize) -> anyhow::Result<Conversation> {
        let mut conversation = Conversation::new();
        for question in
            ["How much will the boat cost?", "what else?", "What cracked?", "when?", "What did critics say?"]
                .iter()
                .take(turns)
        {
            engine.ask_in(&mut conversation, question, 1)?;
        }
        Ok(conversation)
    }

    #[test]
    fn a_conversation_survives_reopening_the_database() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let engine = engine(STORY)?;
        let conversation = talk(&engine, 2)?;
        Store::open(dir.path())?.save_conversation("cli:a", &conversation, NOW)?;
        let back = Store::open(dir.path())?.conversation("cli:a", NOW + 60)?.context("kept")?;
        assert_eq!(back.to_json(), conversation.to_json());
        assert!(Store::open(dir.path())?.conversation("cli:b", NOW)?.is_none(), "another key has nothing");
        Ok(())
    }

    #[test]
    fn a_conversation_idle_past_the_expiry_is_gone() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(dir.path())?;
        let conversation = talk(&engine(STORY)?, 1)?;
        store.save_conversation("dm:1", &conversation, NOW)?;
        assert!(store.conversation("dm:1", NOW + EXPIRY_SECS)?.is_some());
        assert!(store.conversation("dm:1", NOW + EXPIRY_SECS + 1)?.is_none());
        store.save_conversation("dm:2", &conversation, NOW + EXPIRY_SECS + 1)?;
        let rows: i64 = store.with(|c| c.query_row("SELECT COUNT(*) FROM conversations", [], |r| r.get(0)))?;
        assert_eq!(rows, 1, "saving deleted the expired conversation");
        assert_eq!(store.prune_conversations(NOW + 3 * EXPIRY_SECS)?, 1);
        Ok(())
    }

    #[test]
    fn a_stored_conversation_keeps_at_most_its_last_turns() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(dir.path())?;
        store.save_conversation("cli:long", &talk(&engine(STORY)?, MAX_TURNS + 1)?, NOW)?;
        assert_eq!(store.conversation("cli:long", NOW)?.context("kept")?.len(), MAX_TURNS);
        Ok(())
    }

    #[test]
    fn a_conversation_from_another_story_version_keeps_its_words_but_not_its_ids() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(dir.path())?;
        let old = engine(STORY)?;
        store.save_conversation("cli:v", &talk(&old, 1)?, NOW)?;
        // Same sentences in the same places, one word changed: another version all the same.
        let new = engine(&STORY.replace("January", "February"))?;
        assert_ne!(old.version(), new.version());
        let mut conversation = store.conversation("cli:v", NOW)?.context("kept")?;
        let next = new.ask_in(&mut conversation, "what else?", 1)?;
        assert_eq!(
            next.read_as.as_deref(),
            Some("more answers to: How much will the boat cost?"),
            "the words are kept"
        );
        let best = new.corpus().text(next.answers[0].sentence());
        assert!(best.contains("$12 million"), "the old id is not trusted to mean the same sentence: {best}");
        Ok(())
    }

    #[test]
    fn unreadable_stored_data_is_no_conversation() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(dir.path())?;
        store.with(|c| {
            c.execute("INSERT INTO conversations (key, body, updated_at) VALUES ('k', '{broken', ?1)", [NOW])
        })?;
        assert!(store.conversation("k", NOW)?.is_none());
        Ok(())
    }
}

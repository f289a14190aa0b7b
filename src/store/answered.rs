//! Which answer the bot posted to which question message, for a short while: editing the
//! question updates the answer, deleting it deletes the answer. Older links are pruned.

use rusqlite::{params, OptionalExtension as _};
use sha2::{Digest as _, Sha256};

use super::{Store, StoreError};

/// How long after the answer an edit or a deletion of the question is followed.
pub const EDIT_WINDOW_SECS: i64 = 15 * 60;

/// An answer to a question message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    pub question: u64,
    pub channel: u64,
    pub answer: u64,
    /// `None` in direct messages.
    pub guild: Option<u64>,
    /// [`question_hash`] of the question as answered.
    pub question_hash: String,
    /// The key of the conversation the question continued, as it was before the question.
    pub conversation: Option<String>,
    /// Seconds since 1970.
    pub at: i64,
}

/// A hash of a question's text, so an edit that leaves it unchanged is recognised without
/// keeping the text.
pub fn question_hash(question: &str) -> String {
    Sha256::digest(question.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    /// Records `answered` (replacing an earlier answer to the same question) and prunes the
    /// links older than [`EDIT_WINDOW_SECS`].
    ///
    /// # Errors
    /// The database is locked, damaged or unwritable.
    pub fn remember_answer(&self, answered: &Answered) -> Result<(), StoreError> {
        let a = answered;
        self.with(|conn| {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            tx.execute("DELETE FROM answered_messages WHERE answered_at < ?1", [a.at - EDIT_WINDOW_SECS])?;
            tx.execute(
                "INSERT OR REPLACE INTO answered_messages
                     (question_id, channel_id, answer_id, guild_id, question_hash, conversation, answered_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    a.question.to_string(),
                    a.channel.to_string(),
                    a.answer.to_string(),
                    a.guild.map(|g| g.to_string()),
                    a.question_hash,
                    a.conversation,
                    a.at
                ],
            )?;
            tx.commit()
        })
    }

    /// The answer to `question` if it was posted within [`EDIT_WINDOW_SECS`] of `now`.
    ///
    /// # Errors
    /// The database is locked or damaged.
    pub fn answer_to(&self, question: u64, now: i64) -> Result<Option<Answered>, StoreError> {
        self.with(|conn| {
            conn.query_row(
                "SELECT channel_id, answer_id, guild_id, question_hash, conversation, answered_at FROM answered_messages
                 WHERE question_id = ?1 AND answered_at >= ?2",
                params![question.to_string(), now - EDIT_WINDOW_SECS],
                |row| {
                    let id = |i: usize| row.get::<_, String>(i).map(|s| s.parse::<u64>().unwrap_or(0));
                    Ok(Answered {
                        question,
                        channel: id(0)?,
                        answer: id(1)?,
                        guild: row.get::<_, Option<String>>(2)?.and_then(|g| g.parse().ok()),
                        question_hash: row.get(3)?,
                        conversation: row.get(4)?,
                        at: row.get(5)?,
                    })
                },
            )
            .optional()
        })
    }

    /// Forgets the link of `question`, and any link to the answer `answer` (deleted).
    ///
    /// # Errors
    /// As [`Store::remember_answer`].
    pub fn forget_answer(&self, question: Option<u64>, answer: Option<u64>) -> Result<(), StoreError> {
        let (question, answer) = (question.map(|q| q.to_string()), answer.map(|a| a.to_string()));
        self.with(|conn| {
            conn.execute(
                "DELETE FROM answered_messages WHERE question_id = ?1 OR answer_id = ?2",
                params![question, answer],
            )
            .map(drop)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answered(question: u64, at: i64) -> Answered {
        Answered {
            question,
            channel: 5,
            answer: question + 100,
            guild: Some(9),
            question_hash: question_hash("q"),
            conversation: Some("message:4".into()),
            at,
        }
    }

    #[test]
    fn an_answer_is_found_from_its_question_for_fifteen_minutes() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(dir.path())?;
        store.remember_answer(&answered(1, 1_000_000))?;
        assert_eq!(store.answer_to(1, 1_000_000 + EDIT_WINDOW_SECS)?, Some(answered(1, 1_000_000)));
        assert_eq!(store.answer_to(1, 1_000_001 + EDIT_WINDOW_SECS)?, None, "too old");
        assert_eq!(store.answer_to(2, 1_000_000)?, None);
        Ok(())
    }

    #[test]
    fn old_links_are_pruned_and_forgetting_works_from_either_side() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(dir.path())?;
        store.remember_answer(&answered(1, 1_000))?;
        store.remember_answer(&answered(2, 5_000))?;
        store.remember_answer(&answered(3, 5_000))?;
        let rows: i64 = store.with(|c| c.query_row("SELECT COUNT(*) FROM answered_messages", [], |r| r.get(0)))?;
        assert_eq!(rows, 2, "the link from 1,000 s is gone once one from 5,000 s is kept");
        store.forget_answer(None, Some(102))?;
        assert_eq!(store.answer_to(2, 5_000)?, None, "its answer was deleted");
        store.forget_answer(Some(3), None)?;
        assert_eq!(store.answer_to(3, 5_000)?, None);
        Ok(())
    }

    #[test]
    fn the_question_hash_tells_an_edit_from_an_unchanged_text() {
        assert_eq!(question_hash("who runs SoftBank?"), question_hash("who runs SoftBank?"));
        assert_ne!(question_hash("who runs SoftBank?"), question_hash("who runs OpenAI?"));
        assert_eq!(question_hash("").len(), 64);
    }
}

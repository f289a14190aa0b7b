//! 👍/👎 votes on answers, and their export as evaluation cases.
//!
//! The export writes the lines of `tests/eval/questions.txt` (`split | question | phrase`),
//! so real questions can be added to the quality tests as they are: an answer people liked
//! becomes a case whose expected phrase is the sentence it cited (or `-` when the bot rightly
//! found no answer). A disliked answer cannot say what the right one is, so it is exported as
//! a comment for a person to complete.

use rusqlite::params;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{Store, StoreError};

/// One vote, as the bot records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vote {
    /// The Discord message the answer is on.
    pub message_id: u64,
    /// Which answer of the question (1 = best).
    pub rank: usize,
    pub user_id: u64,
    /// `None` in direct messages.
    pub guild_id: Option<u64>,
    pub question: String,
    /// The cited sentence, verbatim; empty when the bot found no answer.
    pub answer: String,
    /// Where the sentence is ("title · paragraph 2, sentence 1").
    pub source: String,
    /// The corpus fingerprint the answer came from.
    pub corpus: String,
    pub up: bool,
}

/// Votes on one (question, cited answer), for export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Case {
    /// Always `held-out`: real questions were never used to tune the ranking.
    pub split: &'static str,
    pub question: String,
    /// The evaluation phrases: the cited sentence for a liked answer, none for a liked
    /// "the story doesn't say" (and for disliked answers, which need a person to fill them).
    pub phrases: Vec<String>,
    pub answer: String,
    pub source: String,
    pub up: u32,
    pub down: u32,
    /// Servers the votes came from (ids), without users.
    pub guilds: Vec<String>,
    pub first_vote: String,
    pub last_vote: String,
}

impl Case {
    /// Whether people liked the answer more than they disliked it.
    pub fn liked(&self) -> bool {
        self.up > self.down
    }
}

/// The split name exported cases carry.
pub const SPLIT: &str = "held-out";

impl Store {
    /// Records a vote; the same user voting again on the same answer replaces their vote.
    ///
    /// # Errors
    /// The database is locked, damaged or unwritable.
    pub fn record_vote(&self, vote: &Vote) -> Result<(), StoreError> {
        let user_hash = self.user_hash(vote.user_id);
        self.with(|conn| {
            conn.execute(
                "INSERT INTO feedback (message_id, rank, user_hash, guild_id, question, answer, source, corpus, vote)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (message_id, rank, user_hash) DO UPDATE SET
                     vote = excluded.vote, voted_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
                params![
                    vote.message_id.to_string(),
                    vote.rank as i64,
                    user_hash,
                    vote.guild_id.map(|g| g.to_string()),
                    vote.question,
                    vote.answer,
                    vote.source,
                    vote.corpus,
                    if vote.up { 1 } else { -1 },
                ],
            )
            .map(|_| ())
        })
    }

    /// Every voted (question, answer), oldest first.
    ///
    /// # Errors
    /// The database is locked or damaged.
    pub fn cases(&self) -> Result<Vec<Case>, StoreError> {
        self.with(|conn| {
            let mut statement = conn.prepare(
                "SELECT question, answer, source,
                        SUM(vote = 1), SUM(vote = -1),
                        COALESCE(GROUP_CONCAT(DISTINCT guild_id), ''),
                        MIN(voted_at), MAX(voted_at)
                 FROM feedback
                 GROUP BY question, answer, source
                 ORDER BY MIN(voted_at), MIN(id)",
            )?;
            let rows = statement.query_map([], |row| {
                let answer: String = row.get(1)?;
                let up: u32 = row.get(3)?;
                let down: u32 = row.get(4)?;
                let guilds: String = row.get(5)?;
                let mut guilds: Vec<String> = guilds.split(',').filter(|g| !g.is_empty()).map(str::to_string).collect();
                guilds.sort();
                Ok(Case {
                    split: SPLIT,
                    question: row.get(0)?,
                    phrases: if up > down && !answer.is_empty() { vec![answer.clone()] } else { Vec::new() },
                    answer,
                    source: row.get(2)?,
                    up,
                    down,
                    guilds,
                    first_vote: row.get(6)?,
                    last_vote: row.get(7)?,
                })
            })?;
            rows.collect()
        })
    }

    /// The salted hash that stands for a user in the database.
    pub(super) fn user_hash(&self, user_id: u64) -> String {
        let mut hasher = Sha256::new();
        hasher.update(&self.salt);
        hasher.update(user_id.to_be_bytes());
        hasher.finalize()[..16].iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// The cases as lines of the evaluation set: liked answers as cases, disliked ones as
/// comments to complete.
pub fn eval_lines(cases: &[Case]) -> String {
    let mut out = String::new();
    let (up, down): (u32, u32) = cases.iter().fold((0, 0), |(u, d), c| (u + c.up, d + c.down));
    out.push_str(&format!(
        "# storybot feedback: {} answers, {up} liked, {down} disliked; lines in the format of tests/eval/questions.txt\n",
        cases.len()
    ));
    for case in cases {
        let question = field(&case.question);
        if case.liked() {
            let phrase = if case.phrases.is_empty() { "-".to_string() } else { field(&case.phrases.join(" || ")) };
            out.push_str(&format!("{} | {question} | {phrase}\n", case.split));
        } else {
            let cited = if case.answer.is_empty() { "no answer".to_string() } else { field(&case.answer) };
            out.push_str(&format!(
                "# disliked ({} of {} votes), cited: {cited} ({})\n# {} | {question} | <the phrase that answers it, or - >\n",
                case.down,
                case.up + case.down,
                field(&case.source),
                case.split
            ));
        }
    }
    out
}

/// A value safe inside one `a | b | c` line: one line, and no separator inside it.
fn field(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    one_line.replace(" || ", " / ").replace(" | ", " / ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vote(message_id: u64, user_id: u64, answer: &str, up: bool) -> Vote {
        Vote {
            message_id,
            rank: 1,
            user_id,
            guild_id: Some(7),
            question: "Who runs SoftBank?".into(),
            answer: answer.into(),
            source: "The story · paragraph 1, sentence 1".into(),
            corpus: "abc".into(),
            up,
        }
    }

    #[test]
    fn a_second_vote_by_the_same_user_replaces_the_first() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(dir.path())?;
        store.record_vote(&vote(1, 10, "Masayoshi Son runs it.", true))?;
        store.record_vote(&vote(1, 10, "Masayoshi Son runs it.", false))?;
        store.record_vote(&vote(1, 11, "Masayoshi Son runs it.", false))?;
        let cases = store.cases()?;
        assert_eq!(cases.len(), 1);
        assert_eq!((cases[0].up, cases[0].down), (0, 2));
        assert_eq!(cases[0].guilds, vec!["7".to_string()]);
        Ok(())
    }

    #[test]
    fn user_ids_are_stored_only_as_salted_hashes() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(dir.path())?;
        let user = 1_500_000_000_000_000_001u64;
        store.record_vote(&vote(1, user, "x", true))?;
        let stored: String = store.with(|c| c.query_row("SELECT user_hash FROM feedback", [], |r| r.get(0)))?;
        assert!(!stored.contains(&user.to_string()));
        assert_eq!(stored.len(), 32);
        let other = tempfile::tempdir()?;
        let elsewhere = Store::open(other.path())?;
        assert_ne!(elsewhere.user_hash(user), stored, "each database has its own salt");
        Ok(())
    }

    #[test]
    fn liked_answers_become_cases_and_disliked_ones_comments() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(dir.path())?;
        store.record_vote(&vote(1, 10, "Masayoshi Son | runs\nit.", true))?;
        let mut none = vote(2, 10, "", true);
        none.question = "What is the weather?".into();
        store.record_vote(&none)?;
        let mut wrong = vote(3, 10, "Oracle builds it.", false);
        wrong.question = "Who pays?".into();
        store.record_vote(&wrong)?;
        let lines = eval_lines(&store.cases()?);
        let cases: Vec<&str> = lines.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(
            cases,
            ["held-out | Who runs SoftBank? | Masayoshi Son / runs it.", "held-out | What is the weather? | -"]
        );
        assert!(lines.contains("# disliked (1 of 1 votes), cited: Oracle builds it."));
        assert!(lines.contains("# held-out | Who pays? |"));
        Ok(())
    }

    #[test]
    fn an_export_reads_the_database_while_the_bot_has_it_open() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let bot = Store::open(dir.path())?;
        bot.record_vote(&vote(1, 10, "Masayoshi Son runs it.", true))?;
        let export = Store::open_read_only(dir.path())?;
        assert_eq!(export.cases()?.len(), 1);
        assert_eq!(export.user_hash(10), bot.user_hash(10), "the same salt, read not made");
        bot.record_vote(&vote(2, 10, "Another answer.", true))?;
        assert_eq!(export.cases()?.len(), 2, "the export sees votes written after it opened");
        Ok(())
    }

    #[test]
    fn exporting_without_a_database_says_where_it_looked() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let err = Store::open_read_only(dir.path()).unwrap_err();
        assert!(err.downcast_ref::<crate::UserError>().is_some_and(|e| e.to_string().contains("nobody has voted yet")));
        assert!(!dir.path().join(super::super::FILE_NAME).exists(), "looking creates nothing");
        Ok(())
    }

    #[test]
    fn writers_on_separate_connections_lose_no_vote() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        Store::open(dir.path())?;
        let threads: Vec<_> = (0..8u64)
            .map(|t| {
                let dir = dir.path().to_path_buf();
                std::thread::spawn(move || -> Result<(), StoreError> {
                    // One connection per thread, as separate processes would have.
                    let store = Store::open(&dir)?;
                    for i in 0..25u64 {
                        store.record_vote(&vote(t * 100 + i, t, "x", i % 2 == 0))?;
                    }
                    Ok(())
                })
            })
            .collect();
        for t in threads {
            t.join().map_err(|_| anyhow::anyhow!("a writer panicked"))??;
        }
        let store = Store::open(dir.path())?;
        let count: i64 = store.with(|c| c.query_row("SELECT COUNT(*) FROM feedback", [], |r| r.get(0)))?;
        assert_eq!(count, 200);
        Ok(())
    }
}

//! Conversations with known answers: each follow-up turn scored as the next turn of its
//! conversation ([`Engine::ask_in`]) and, beside it, asked on its own ([`Engine::ask`]), the
//! baseline a follow-up reading has to beat.
//!
//! The file holds one conversation per JSON line: `{"split", "corpus" (optional: a folder
//! under the corpora; none for the configured corpus), "turns": [{"q", "gold": [phrase, …]}]}`
//! with two to four turns, each answerable.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Case, Miss, Tally, DEPTH};
use crate::answer::{Conversation, Engine};
use crate::error::UserError;

/// One conversation with the answer expected at each turn.
#[derive(Debug, Clone)]
pub struct Dialogue {
    pub split: String,
    /// Folder of its corpus; `None`: the configured corpus.
    pub corpus: Option<PathBuf>,
    /// Its turns, each with the question's line for messages.
    pub turns: Vec<Case>,
}

#[derive(Deserialize)]
struct JsonDialogue {
    split: String,
    corpus: Option<String>,
    turns: Vec<JsonTurn>,
}

#[derive(Deserialize)]
struct JsonTurn {
    q: String,
    gold: Vec<String>,
}

/// The conversations of a file.
///
/// # Errors
/// A [`UserError`] naming the file and line of the first malformed conversation, or a file
/// that cannot be read or holds none.
pub fn read(path: &Path, corpora: &Path) -> anyhow::Result<Vec<Dialogue>> {
    let parsed = super::parse_lines(path, |line| dialogue(line, corpora))?;
    if parsed.is_empty() {
        return Err(UserError::new(format!("{} holds no conversations", path.display())).into());
    }
    Ok(parsed
        .into_iter()
        .map(|(line, mut d)| {
            d.turns.iter_mut().for_each(|t| t.line = line);
            d
        })
        .collect())
}

fn dialogue(line: &str, corpora: &Path) -> Result<Dialogue, String> {
    let raw: JsonDialogue = serde_json::from_str(line).map_err(|e| format!("not a conversation object: {e}"))?;
    if !(2..=crate::answer::MAX_TURNS).contains(&raw.turns.len()) {
        return Err(format!("a conversation has 2 to {} turns", crate::answer::MAX_TURNS));
    }
    if let Some(name) = raw.corpus.as_deref().filter(|n| n.is_empty() || n.contains(['/', '\\']) || *n == "..") {
        return Err(format!("`{name}` is not a corpus folder name"));
    }
    let corpus = raw.corpus.map(|name| corpora.join(name));
    let turns = raw
        .turns
        .into_iter()
        .map(|t| match t.q.trim().is_empty() || t.gold.is_empty() || t.gold.iter().any(|g| g.trim().is_empty()) {
            true => Err("every turn needs a question and a gold phrase".to_string()),
            false => Ok(Case { corpus: corpus.clone(), question: t.q, gold: t.gold, line: 0, kind: None }),
        })
        .collect::<Result<_, _>>()?;
    Ok(Dialogue { split: raw.split, corpus, turns })
}

/// The figures of one corpus and split.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub corpus: String,
    pub split: String,
    pub conversations: usize,
    /// Follow-up turns asked as turns of their conversation.
    pub follow_ups: Tally,
    /// The same turns asked on their own.
    pub standalone: Tally,
    /// First turns (they read the same either way).
    pub openers: Tally,
}

/// Every row, and the misses (in the file's order).
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub rows: Vec<Row>,
    pub misses: Vec<Miss>,
}

/// Asks every conversation. `default_corpus` is the folder of conversations that name none.
///
/// # Errors
/// A [`UserError`] for a corpus folder that is missing or broken; anything else is internal.
pub fn run(
    dialogues: &[Dialogue],
    default_corpus: &Path,
    transformer: Option<&std::sync::Arc<crate::semantic::Transformer>>,
) -> anyhow::Result<Report> {
    let mut rows: BTreeMap<(String, String), Row> = BTreeMap::new();
    let mut misses = Vec::new();
    for (folder, group) in super::by_corpus(dialogues, |d| d.corpus.as_deref(), default_corpus) {
        let engine = super::open(&folder, group[0].turns[0].line, transformer)?;
        let name = super::corpus_name(&folder);
        for dialogue in group {
            let row = rows.entry((name.clone(), dialogue.split.clone())).or_insert_with(|| Row {
                corpus: name.clone(),
                split: dialogue.split.clone(),
                ..Row::default()
            });
            row.conversations += 1;
            judge(&engine, dialogue, row, &mut misses)?;
        }
    }
    misses.sort_by_key(|m: &Miss| m.line);
    Ok(Report { rows: rows.into_values().collect(), misses })
}

fn judge(engine: &Engine, dialogue: &Dialogue, row: &mut Row, misses: &mut Vec<Miss>) -> anyhow::Result<()> {
    let mut conversation = Conversation::new();
    for (i, case) in dialogue.turns.iter().enumerate() {
        let answers = engine.ask_in(&mut conversation, &case.question, DEPTH)?;
        let texts: Vec<&str> = answers.answers.iter().map(|a| engine.corpus().text(a.sentence())).collect();
        let rank = texts.iter().position(|t| case.answered_by(t));
        if i == 0 {
            row.openers.add(true, !texts.is_empty(), rank);
            continue;
        }
        row.follow_ups.add(true, !texts.is_empty(), rank);
        if rank != Some(0) {
            misses.push(Miss {
                line: case.line,
                question: case.question.clone(),
                read_as: answers.read_as.clone(),
                expected: case.gold.clone(),
                got: texts.first().map(|t| t.to_string()),
            });
        }
        let alone = engine.ask(&case.question, DEPTH)?;
        let rank = alone.answers.iter().position(|a| case.answered_by(engine.corpus().text(a.sentence())));
        row.standalone.add(true, !alone.answers.is_empty(), rank);
    }
    Ok(())
}

impl Report {
    /// Every row summed: the figures the README quotes.
    pub fn overall(&self, split: Option<&str>) -> Row {
        let mut all = Row { corpus: "overall".into(), split: split.unwrap_or("all").into(), ..Row::default() };
        for row in self.rows.iter().filter(|r| split.is_none_or(|s| r.split == s)) {
            all.conversations += row.conversations;
            all.follow_ups.merge(&row.follow_ups);
            all.standalone.merge(&row.standalone);
            all.openers.merge(&row.openers);
        }
        all
    }

    pub fn to_json(&self, misses: bool) -> serde_json::Value {
        let with_rates = |row: &Row| {
            serde_json::json!({
                "corpus": row.corpus, "split": row.split, "conversations": row.conversations,
                "follow_ups": {"counts": row.follow_ups, "rates": row.follow_ups.rates()},
                "standalone": {"counts": row.standalone, "rates": row.standalone.rates()},
                "openers": {"counts": row.openers, "rates": row.openers.rates()},
            })
        };
        let mut json = serde_json::json!({
            "rows": self.rows.iter().map(with_rates).collect::<Vec<_>>(),
            "overall": with_rates(&self.overall(None)),
        });
        if misses {
            json["misses"] = serde_json::json!(self.misses);
        }
        json
    }

    /// The follow-up turns answered wrongly at rank 1 in their conversation, one block each.
    pub fn misses(&self) -> String {
        self.misses.iter().map(ToString::to_string).collect()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<24} {:<9} {:>5} {:>9}  {:>22}  {:>13}",
            "corpus", "split", "conv", "follow-up", "hit@1 (asked alone)", "opener hit@1"
        )?;
        let splits: Vec<&str> = self.rows.iter().map(|r| r.split.as_str()).collect();
        let overall: Vec<Row> = std::iter::once(None)
            .chain(splits.iter().copied().collect::<std::collections::BTreeSet<_>>().into_iter().map(Some))
            .map(|s| self.overall(s))
            .collect();
        for row in self.rows.iter().chain(&overall) {
            let rate = |t: &Tally| t.rates().hit1.map_or_else(|| "-".to_string(), |r| format!("{r:.2}"));
            writeln!(
                f,
                "{:<24} {:<9} {:>5} {:>9}  {:>12} ({:>4})        {:>13}",
                row.corpus,
                row.split,
                row.conversations,
                row.follow_ups.answerable,
                rate(&row.follow_ups),
                rate(&row.standalone),
                rate(&row.openers)
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_conversation_line_names_its_corpus_and_its_turns_their_line() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("c.jsonl");
        std::fs::write(
            &path,
            "# two turns\n{\"split\": \"tune\", \"corpus\": \"bbc-1\", \"turns\": [{\"q\": \"Who?\", \"gold\": [\"A\"]}, {\"q\": \"when?\", \"gold\": [\"B\"]}]}\n",
        )?;
        let read = read(&path, Path::new("corpora"))?;
        assert_eq!(read[0].corpus.as_deref(), Some(Path::new("corpora/bbc-1")));
        assert_eq!(read[0].turns[1].line, 2);
        Ok(())
    }

    #[test]
    fn a_conversation_of_one_turn_or_without_gold_is_refused_with_its_line() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("c.jsonl");
        for bad in [
            "{\"split\": \"tune\", \"turns\": [{\"q\": \"Who?\", \"gold\": [\"A\"]}]}",
            "{\"split\": \"tune\", \"turns\": [{\"q\": \"Who?\", \"gold\": [\"A\"]}, {\"q\": \"when?\", \"gold\": []}]}",
            "{\"split\": \"tune\", \"corpus\": \"../x\", \"turns\": []}",
        ] {
            std::fs::write(&path, format!("{bad}\n"))?;
            let err = read(&path, Path::new("corpora")).unwrap_err();
            assert!(err.to_string().contains("c.jsonl:1: "), "{err}");
        }
        Ok(())
    }
}

//! The figures of an evaluation, as a table for people and JSON for machines.

use std::fmt;

use serde::Serialize;

use super::score::Tally;

/// One corpus's figures, the engine beside plain BM25.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub corpus: String,
    pub storybot: Tally,
    pub bm25: Tally,
    /// Questions the engine got wrong at rank 1 (or answered when it should not have).
    pub misses: Vec<Miss>,
}

/// A question the engine did not get right at rank 1.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    pub line: usize,
    pub question: String,
    /// How a follow-up was read, when it was rewritten.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_as: Option<String>,
    /// Empty when the story does not answer the question.
    pub expected: Vec<String>,
    /// The engine's first answer, if any.
    pub got: Option<String>,
}

/// One block of `--misses`.
impl fmt::Display for Miss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "line {}: {}", self.line, self.question)?;
        if let Some(read) = &self.read_as {
            writeln!(f, "  read as:  {read}")?;
        }
        let expected = if self.expected.is_empty() { "no answer".to_string() } else { self.expected.join(" || ") };
        writeln!(f, "  expected: {expected}")?;
        writeln!(f, "  got:      {}", self.got.as_deref().unwrap_or("(no answer)"))
    }
}

/// How one question went, for the engine and for plain BM25.
#[derive(Debug, Clone, Copy)]
pub struct Outcome {
    pub answered: bool,
    /// Where the first right answer stood among those scored.
    pub rank: Option<usize>,
    pub plain_answered: bool,
    pub plain_rank: Option<usize>,
}

impl Outcome {
    pub fn add_to(&self, row: &mut Row, answerable: bool) {
        row.storybot.add(answerable, self.answered, self.rank);
        row.bm25.add(answerable, self.plain_answered, self.plain_rank);
    }
}

/// Every corpus's figures, the total, and the figures of each kind of question the file
/// names (in the order they first appear).
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub corpora: Vec<Row>,
    pub overall: Row,
    pub kinds: Vec<Row>,
}

impl Report {
    pub fn add_kind(&mut self, kind: &str, answerable: bool, outcome: &Outcome) {
        if !self.kinds.iter().any(|r| r.corpus == kind) {
            self.kinds.push(Row { corpus: kind.to_string(), ..Row::default() });
        }
        if let Some(row) = self.kinds.iter_mut().find(|r| r.corpus == kind) {
            outcome.add_to(row, answerable);
        }
    }

    pub fn add(&mut self, row: Row) {
        self.overall.corpus = "overall".into();
        self.overall.storybot.merge(&row.storybot);
        self.overall.bm25.merge(&row.bm25);
        self.corpora.push(row);
    }

    /// The report as JSON, with rates beside the counts; misses only when asked for.
    pub fn to_json(&self, misses: bool) -> serde_json::Value {
        let figures = |name: &str, r: &Row| {
            serde_json::json!({
                name: r.corpus,
                "storybot": {"counts": r.storybot, "rates": r.storybot.rates()},
                "bm25": {"counts": r.bm25, "rates": r.bm25.rates()},
            })
        };
        let row = |r: &Row| {
            let mut v = figures("corpus", r);
            if misses {
                v["misses"] = serde_json::json!(r.misses);
            }
            v
        };
        let mut out = serde_json::json!({
            "corpora": self.corpora.iter().map(row).collect::<Vec<_>>(),
            "overall": row(&self.overall),
        });
        if !self.kinds.is_empty() {
            out["types"] = self.kinds.iter().map(|k| figures("type", k)).collect();
        }
        out
    }

    /// The misses, one block each, for `--misses`.
    pub fn misses(&self) -> String {
        let mut out = String::new();
        for row in &self.corpora {
            for m in &row.misses {
                out.push_str(&format!("{} {m}", row.corpus));
            }
        }
        out
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names = self.corpora.iter().chain(&self.kinds).map(|r| r.corpus.chars().count());
        let width = names.max().unwrap_or(0).max(7);
        header(f, "corpus", width)?;
        for row in self.corpora.iter().chain(std::iter::once(&self.overall)) {
            if self.corpora.len() == 1 && row.corpus == "overall" {
                break;
            }
            line(f, row, width)?;
        }
        if !self.kinds.is_empty() {
            writeln!(f)?;
            header(f, "type", width)?;
            for row in &self.kinds {
                line(f, row, width)?;
            }
        }
        Ok(())
    }
}

fn header(f: &mut fmt::Formatter<'_>, first: &str, width: usize) -> fmt::Result {
    writeln!(
        f,
        "{:<width$}  {:>10}  {:>13}  {:>13}  {:>13}  {:>13}  {:>13}",
        first, "answerable", "hit@1 (BM25)", "hit@3 (BM25)", "MRR@3 (BM25)", "false abstain", "unans. abst."
    )
}

fn line(f: &mut fmt::Formatter<'_>, row: &Row, width: usize) -> fmt::Result {
    let (s, b) = (row.storybot.rates(), row.bm25.rates());
    writeln!(
        f,
        "{:<width$}  {:>10}  {:>13}  {:>13}  {:>13}  {:>13}  {:>13}",
        row.corpus,
        row.storybot.answerable,
        pair(s.hit1, b.hit1),
        pair(s.hit3, b.hit3),
        pair(s.mrr3, b.mrr3),
        share(s.false_abstain),
        abstained(&row.storybot),
    )
}

fn pair(ours: Option<f64>, anchor: Option<f64>) -> String {
    match (ours, anchor) {
        (Some(a), Some(b)) => format!("{a:.3} ({b:.3})"),
        _ => "–".into(),
    }
}

fn share(value: Option<f64>) -> String {
    value.map_or_else(|| "–".into(), |v| format!("{:.1} %", v * 100.0))
}

fn abstained(t: &Tally) -> String {
    if t.unanswerable == 0 {
        "–".into()
    } else {
        format!("{}/{}", t.abstained, t.unanswerable)
    }
}

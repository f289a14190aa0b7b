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

/// Every corpus's figures and the total.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub corpora: Vec<Row>,
    pub overall: Row,
}

impl Report {
    pub fn add(&mut self, row: Row) {
        self.overall.corpus = "overall".into();
        self.overall.storybot.merge(&row.storybot);
        self.overall.bm25.merge(&row.bm25);
        self.corpora.push(row);
    }

    /// The report as JSON, with rates beside the counts; misses only when asked for.
    pub fn to_json(&self, misses: bool) -> serde_json::Value {
        let row = |r: &Row| {
            let mut v = serde_json::json!({
                "corpus": r.corpus,
                "storybot": {"counts": r.storybot, "rates": r.storybot.rates()},
                "bm25": {"counts": r.bm25, "rates": r.bm25.rates()},
            });
            if misses {
                v["misses"] = serde_json::json!(r.misses);
            }
            v
        };
        serde_json::json!({
            "corpora": self.corpora.iter().map(row).collect::<Vec<_>>(),
            "overall": row(&self.overall),
        })
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
        let width = self.corpora.iter().map(|r| r.corpus.chars().count()).max().unwrap_or(0).max(7);
        writeln!(
            f,
            "{:<width$}  {:>10}  {:>13}  {:>13}  {:>13}  {:>13}  {:>13}",
            "corpus", "answerable", "hit@1 (BM25)", "hit@3 (BM25)", "MRR@3 (BM25)", "false abstain", "unans. abst."
        )?;
        for row in self.corpora.iter().chain(std::iter::once(&self.overall)) {
            if self.corpora.len() == 1 && row.corpus == "overall" {
                break;
            }
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
            )?;
        }
        Ok(())
    }
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

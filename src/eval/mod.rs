//! `storybot eval`: the engine measured on questions with known answers, beside plain BM25
//! over the same sentences in the same run; and ([`attribution`]) the story commands
//! measured on hand-labelled articles.
//!
//! Every question is run in process against an in-memory index of its corpus, so an
//! evaluation never touches the index folder. Figures are per corpus and overall.

pub mod attribution;
pub mod cases;
pub mod conversations;
mod report;
pub mod score;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;

pub use cases::Case;
pub use report::{Miss, Outcome, Report, Row};
pub use score::{Rates, Tally};

use crate::answer::Engine;
use crate::corpus::Corpus;
use crate::error::UserError;
use crate::semantic::Transformer;

/// Answers per question that are scored (hit@3, MRR@3).
pub const DEPTH: usize = 3;

/// Runs every case through the engine and the BM25 anchor. `default_corpus` is the folder
/// of cases that name none; `transformer`, the model the engine reranks with, if any;
/// `progress` is told after each question.
///
/// # Errors
/// A [`UserError`] for a corpus folder that is missing or broken (with the case's line);
/// anything else is internal.
pub fn run(
    cases: &[Case],
    default_corpus: &Path,
    transformer: Option<&Arc<Transformer>>,
    mut signals: Option<&mut dyn Write>,
    mut progress: impl FnMut(),
) -> anyhow::Result<Report> {
    let mut report = Report::default();
    for (folder, group) in by_corpus(cases, |c| c.corpus.as_deref(), default_corpus) {
        let engine = open(&folder, group[0].line, transformer)?;
        let mut row = Row { corpus: corpus_name(&folder), ..Row::default() };
        for case in group {
            let outcome = judge(&engine, case, &mut row)?;
            if let Some(kind) = &case.kind {
                report.add_kind(kind, case.answerable(), &outcome);
            }
            if let Some(out) = signals.as_deref_mut() {
                dump_signals(&engine, case, &row.corpus, out)?;
            }
            progress();
        }
        report.add(row);
    }
    Ok(report)
}

fn judge(engine: &Engine, case: &Case, row: &mut Row) -> anyhow::Result<Outcome> {
    let answers = engine.ask(&case.question, DEPTH)?;
    let texts: Vec<&str> = answers.answers.iter().map(|a| engine.corpus().text(a.sentence())).collect();
    let rank = texts.iter().position(|t| case.answered_by(t));
    let plain = engine.plain_bm25(&case.question, DEPTH)?;
    let plain_rank = plain.iter().position(|&id| case.answered_by(engine.corpus().text(id)));
    let outcome = Outcome { answered: !texts.is_empty(), rank, plain_answered: !plain.is_empty(), plain_rank };
    outcome.add_to(row, case.answerable());
    let right = if case.answerable() { rank == Some(0) } else { texts.is_empty() };
    if !right {
        row.misses.push(Miss {
            line: case.line,
            question: case.question.clone(),
            read_as: None,
            expected: case.gold.clone(),
            got: texts.first().map(|t| t.to_string()),
        });
    }
    Ok(outcome)
}

/// One JSON line with every candidate's signals and whether it holds a gold phrase: what
/// `scripts/fit_ranking.py` fits the ranking's weights on.
fn dump_signals(engine: &Engine, case: &Case, corpus: &str, out: &mut dyn Write) -> anyhow::Result<()> {
    let (analysed, ranked) = engine.explain(&case.question)?;
    let candidates: Vec<serde_json::Value> = ranked
        .iter()
        .map(|r| {
            let text = engine.corpus().text(r.sentence);
            serde_json::json!({
                "sentence": r.sentence.index(),
                "text": text,
                "gold": case.answered_by(text),
                "signals": r.signals.to_vec(),
            })
        })
        .collect();
    let line = serde_json::json!({
        "corpus": corpus,
        "line": case.line,
        "question": case.question,
        "answerable": case.answerable(),
        "asks": format!("{:?}", analysed.asks),
        "concepts": analysed.concepts.len(),
        "names": crate::answer::signals::Signals::NAMES,
        "candidates": candidates,
    });
    writeln!(out, "{line}")?;
    Ok(())
}

/// `items` grouped by the corpus folder `corpus_of` names (`default_corpus` when none), in the
/// order the folders first appear: each group is asked with one engine, dropped after it.
fn by_corpus<'a, T>(
    items: &'a [T],
    corpus_of: impl Fn(&T) -> Option<&Path>,
    default_corpus: &Path,
) -> Vec<(PathBuf, Vec<&'a T>)> {
    let mut groups: Vec<(PathBuf, Vec<&T>)> = Vec::new();
    for item in items {
        let folder = corpus_of(item).unwrap_or(default_corpus).to_path_buf();
        match groups.iter_mut().find(|(f, _)| *f == folder) {
            Some((_, group)) => group.push(item),
            None => groups.push((folder, vec![item])),
        }
    }
    groups
}

fn open(folder: &Path, line: usize, transformer: Option<&Arc<Transformer>>) -> anyhow::Result<Engine> {
    if !folder.is_dir() {
        return Err(UserError::new(format!(
            "line {line}: there is no corpus folder {} (pass --corpora with the folder of one-story corpora)",
            folder.display()
        ))
        .into());
    }
    let corpus = Corpus::load_dir(folder).map_err(|e| UserError::new(format!("{e:#}")))?;
    let engine = Engine::in_memory(corpus).with_context(|| format!("cannot index {}", folder.display()))?;
    Ok(engine.with_transformer(transformer.cloned()))
}

/// The non-blank, non-`#` lines of an evaluation file, each parsed by `parse` and returned with
/// its 1-based line number. A [`UserError`] for a file that cannot be read or a line that does
/// not parse, naming the file and line.
pub(crate) fn parse_lines<T>(
    path: &Path,
    mut parse: impl FnMut(&str) -> Result<T, String>,
) -> anyhow::Result<Vec<(usize, T)>> {
    let text =
        std::fs::read_to_string(path).map_err(|e| UserError::new(format!("cannot read {}: {e}", path.display())))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let item = parse(trimmed).map_err(|why| UserError::new(format!("{}:{}: {why}", path.display(), i + 1)))?;
        out.push((i + 1, item));
    }
    Ok(out)
}

fn corpus_name(folder: &Path) -> String {
    folder.file_name().map_or_else(|| folder.display().to_string(), |n| n.to_string_lossy().into_owned())
}

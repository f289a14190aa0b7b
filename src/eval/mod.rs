//! Measures the story commands against hand-labelled articles: quotes found and their
//! speakers, people and roles, amounts and dates, and (from a `checks.jsonl` beside the gold
//! file) `whosaid` and `verify`.
//!
//! The gold file has one line per article (see [`gold`]); the corpora folder has one folder
//! per article id holding that story as its only corpus. Conventions: a quote is found when a
//! quote of the story shares at least half of the longer of the two spans with it; a speaker
//! is right when it holds one of the gold `accept` words (by default the gold speaker's last
//! word); people match by surname; amounts and dates match when one string holds the other
//! with the same numbers. `other` quotes (titles, scare quotes) are neither needed nor false.

pub mod gold;
mod report;
mod score;

use std::path::Path;

use crate::answer::Engine;
use crate::corpus::Corpus;
use crate::error::UserError;

pub use report::{Count, Report, Scores};

/// Scores every article of `gold` against its corpus under `corpora`.
///
/// # Errors
/// A [`UserError`] naming the file (and line) of a malformed gold or checks line, or the
/// article whose corpus folder is missing or unusable.
pub fn run(gold: &Path, corpora: &Path) -> anyhow::Result<Report> {
    let articles: Vec<gold::Article> = gold::read_lines(gold)?;
    let checks_path = gold.with_file_name("checks.jsonl");
    let checks: Vec<gold::Checks> = if checks_path.is_file() { gold::read_lines(&checks_path)? } else { Vec::new() };
    let mut report = Report::default();
    for article in &articles {
        let dir = corpora.join(&article.id);
        if !dir.is_dir() {
            return Err(UserError::new(format!(
                "{}: article {} has no corpus folder {}",
                gold.display(),
                article.id,
                dir.display()
            ))
            .into());
        }
        let corpus = Corpus::load_dir(&dir).map_err(|e| UserError::new(format!("article {}: {e:#}", article.id)))?;
        let engine = Engine::in_memory(corpus)?;
        let check = checks.iter().find(|c| c.id == article.id);
        report.add(&article.id, score::article(&engine, article, check));
    }
    Ok(report)
}

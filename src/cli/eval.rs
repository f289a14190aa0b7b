//! `storybot eval`: measure the answers on questions with known answers.

use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;

use crate::config::Paths;
use crate::eval;

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Questions with expected answers: lines of `split | question | phrase || phrase` (as in
    /// tests/eval/questions.txt and `feedback export`) about the corpus, or JSON lines
    /// `{"corpus", "q", "gold", "impossible"}` about one-story corpora under --corpora
    #[arg(value_name = "QUESTIONS", default_value = "tests/eval/questions.txt")]
    pub questions: PathBuf,
    /// Folder holding one folder per corpus named in JSON lines [default: `corpora` beside
    /// the questions file]
    #[arg(long, value_name = "DIR")]
    pub corpora: Option<PathBuf>,
    /// Print the figures as one JSON object
    #[arg(long)]
    pub json: bool,
    /// Also list every question answered wrongly at rank 1, with what was expected (with
    /// --gold: every label missed and every false find, by article)
    #[arg(long)]
    pub misses: bool,
    /// Score the story commands instead (quotes, speakers, people, roles, amounts, dates, and
    /// whosaid/verify from a checks.jsonl beside it) against this file of labelled articles,
    /// one JSON line each, with their corpora under --corpora
    #[arg(long, value_name = "FILE")]
    pub gold: Option<PathBuf>,
    /// Score conversations instead: follow-up questions asked as turns of their conversation,
    /// beside the same questions asked alone (JSON lines, see tests/eval/conversations.jsonl),
    /// with the corpora they name under --corpora
    #[arg(long, value_name = "FILE", conflicts_with_all = ["gold", "dump_signals"])]
    pub conversations: Option<PathBuf>,
    /// Write every candidate's ranking signals as JSON lines to FILE (for fitting weights)
    #[arg(long, value_name = "FILE", hide = true)]
    pub dump_signals: Option<PathBuf>,
}

pub fn run(paths: &Paths, args: &EvalArgs) -> anyhow::Result<()> {
    let beside = |file: &std::path::Path| {
        args.corpora
            .clone()
            .unwrap_or_else(|| file.parent().map_or_else(|| PathBuf::from("corpora"), |p| p.join("corpora")))
    };
    if let Some(gold) = &args.gold {
        return attribution(gold, &beside(gold), args);
    }
    if let Some(file) = &args.conversations {
        return conversations(paths, file, &beside(file), args);
    }
    let corpora = beside(&args.questions);
    let cases = eval::cases::read(&args.questions, &corpora)?;
    let bar = progress_bar(cases.len() as u64);
    let mut dump = match &args.dump_signals {
        Some(path) => Some(std::io::BufWriter::new(std::fs::File::create(path)?)),
        None => None,
    };
    let transformer = super::transformer(paths)?;
    let signals = dump.as_mut().map(|d| d as &mut dyn std::io::Write);
    let report = eval::run(&cases, &paths.corpus, transformer.as_ref(), signals, || bar.inc(1))?;
    if let Some(mut dump) = dump {
        dump.flush()?;
    }
    bar.finish_and_clear();
    let footer = format!("(storybot, with plain BM25 over the same sentences in brackets; {} questions)", cases.len());
    print(args, || report.to_json(args.misses), || report.misses(), &report, &footer)
}

/// A bar on stderr at a terminal, nothing otherwise (logs and pipes stay clean).
fn progress_bar(total: u64) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() || total < 50 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} questions, {eta} left") {
        bar.set_style(style);
    }
    bar
}

fn conversations(
    paths: &Paths,
    file: &std::path::Path,
    corpora: &std::path::Path,
    args: &EvalArgs,
) -> anyhow::Result<()> {
    let dialogues = eval::conversations::read(file, corpora)?;
    let report = eval::conversations::run(&dialogues, &paths.corpus, super::transformer(paths)?.as_ref())?;
    let footer = "(follow-up turns asked in their conversation, the same turns asked alone in brackets)";
    print(args, || report.to_json(args.misses), || report.misses(), &report, footer)
}

/// Prints a report as `--json` and `--misses` ask: the JSON alone, or the misses (when asked),
/// the table and what its brackets hold.
fn print(
    args: &EvalArgs,
    json: impl FnOnce() -> serde_json::Value,
    misses: impl FnOnce() -> String,
    table: &dyn std::fmt::Display,
    footer: &str,
) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", json())?;
    } else {
        if args.misses {
            writeln!(out, "{}", misses())?;
        }
        write!(out, "{table}")?;
        writeln!(out, "{footer}")?;
    }
    Ok(out.flush()?)
}

fn attribution(gold: &std::path::Path, corpora: &std::path::Path, args: &EvalArgs) -> anyhow::Result<()> {
    let report = eval::attribution::run(gold, corpora)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer(&mut out, &report)?;
        writeln!(out)?;
    } else {
        if args.misses {
            write!(out, "{}", report.misses())?;
        }
        write!(out, "{report}")?;
    }
    Ok(out.flush()?)
}

//! The `storybot` command line: `index`, `ask` and `quotes`.
//!
//! Exit codes: 0 when the command ran (a question the story cannot answer is still a
//! success), 1 for a broken corpus or index folder or any internal error, 2 for a usage
//! error or an unusable question.

mod ask;
mod quotes;

use std::io::Write as _;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::answer::Engine;
use crate::config::Paths;
use crate::error::UserError;

#[derive(Debug, Parser)]
#[command(name = "storybot", version, about = "Answers questions about a news story with sourced, verbatim snippets.")]
pub struct Cli {
    #[command(flatten)]
    pub paths: Paths,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build (or rebuild) the search index from the corpus
    Index,
    /// Answer a question about the story; with no question, answer one per line of stdin
    Ask(ask::AskArgs),
    /// List the story's direct quotes
    Quotes(quotes::QuotesArgs),
}

impl Cli {
    /// Log filter used when `RUST_LOG` is not set.
    pub fn default_log_filter(&self) -> &'static str {
        "storybot=warn"
    }
}

/// Runs one command and turns its outcome into the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Index => index(&cli.paths),
        Command::Ask(args) => ask::run(&cli.paths, &args),
        Command::Quotes(args) => quotes::run(&cli.paths, &args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => match err.downcast_ref::<UserError>() {
            Some(user) => {
                eprintln!("storybot: {user}");
                ExitCode::from(2)
            }
            None => {
                eprintln!("storybot: {err:#}");
                ExitCode::FAILURE
            }
        },
    }
}

fn index(paths: &Paths) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let corpus = crate::corpus::Corpus::load_dir(&paths.corpus)?;
    crate::index::rebuild(&paths.index, &corpus)?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Indexed {} sentences from {} document(s) into {} in {} ms.",
        corpus.sentences.len(),
        corpus.docs.len(),
        paths.index.display(),
        started.elapsed().as_millis()
    )?;
    Ok(())
}

fn open(paths: &Paths) -> anyhow::Result<Engine> {
    Engine::open(&paths.corpus, &paths.index)
}

// Piping into `head` closes stdout early; that is the reader's choice, not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .any(|e| e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}

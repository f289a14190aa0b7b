//! `storybot feedback export`: the votes people gave in Discord, as evaluation cases.

use std::io::Write as _;

use crate::config::Paths;
use crate::store::feedback::eval_lines;
use crate::store::Store;

#[derive(Debug, clap::Args)]
pub struct FeedbackArgs {
    #[command(subcommand)]
    pub command: FeedbackCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum FeedbackCommand {
    /// Write the votes out as evaluation cases: lines for tests/eval/questions.txt, or JSON
    Export {
        /// One JSON array of cases (split, question, phrases, the cited answer and its votes)
        #[arg(long)]
        json: bool,
    },
}

pub fn run(paths: &Paths, args: &FeedbackArgs) -> anyhow::Result<()> {
    match args.command {
        FeedbackCommand::Export { json } => export(paths, json),
    }
}

fn export(paths: &Paths, json: bool) -> anyhow::Result<()> {
    let store = Store::open_read_only(&paths.data)?;
    let cases = store.cases()?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &cases)?;
        writeln!(out)?;
    } else {
        out.write_all(eval_lines(&cases).as_bytes())?;
    }
    Ok(())
}

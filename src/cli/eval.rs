//! `storybot eval --gold FILE --corpora DIR`: scores the story commands against labelled
//! articles (see [`crate::eval`]).

use std::io::Write as _;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// The gold labels, one JSON line per article (a `checks.jsonl` beside it adds `whosaid`
    /// and `verify` cases)
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,
    /// The folder holding one corpus folder per article id
    #[arg(long, value_name = "DIR")]
    pub corpora: PathBuf,
    /// Print JSON, with every miss and false find
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &EvalArgs) -> anyhow::Result<()> {
    let report = crate::eval::run(&args.gold, &args.corpora)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer(&mut out, &report)?;
        writeln!(out)?;
    } else {
        write!(out, "{report}")?;
    }
    Ok(())
}

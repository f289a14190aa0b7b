//! `storybot quotes`: the story's quotes, with their speakers, kinds and sources.

use std::io::Write as _;

use super::story::{print_json, quote_line, url_line};
use crate::config::Paths;
use crate::corpus::Corpus;
use crate::story::json;
use crate::story::view::{messages, QuoteView};

#[derive(Debug, clap::Args)]
pub struct QuotesArgs {
    /// Only quotes by this person (any part of the name or an alias, any case)
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(paths: &Paths, args: &QuotesArgs) -> anyhow::Result<()> {
    let corpus = Corpus::load_dir(&paths.corpus)?;
    let quotes = QuoteView::list(&corpus, &corpus.quotes_by(args.speaker.as_deref()));
    if args.json {
        return print_json(&json::quotes(&quotes));
    }
    let mut out = std::io::stdout().lock();
    if quotes.is_empty() {
        writeln!(out, "{}", messages::NO_QUOTES_MATCH)?;
    }
    for q in &quotes {
        writeln!(out, "{}", quote_line(q))?;
        writeln!(out, "   {} · Source: {}{}", q.kind.label(), q.source.label(), url_line(&q.source))?;
    }
    Ok(())
}

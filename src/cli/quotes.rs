//! `storybot quotes`: the story's quotes, with their speakers, kinds and sources.

use std::io::Write as _;

use crate::answer::Citation;
use crate::config::Paths;
use crate::corpus::Corpus;
use crate::story::json::JsonQuote;

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
    let quotes = corpus.quotes_by(args.speaker.as_deref());
    let mut out = std::io::stdout().lock();
    if args.json {
        let list: Vec<JsonQuote<'_>> = quotes.iter().map(|q| JsonQuote::new(&corpus, q)).collect();
        serde_json::to_writer(&mut out, &serde_json::json!({ "quotes": list }))?;
        writeln!(out)?;
        return Ok(());
    }
    if quotes.is_empty() {
        writeln!(out, "No quotes match.")?;
    }
    for q in quotes {
        let cite = Citation::of(&corpus, q.sentence);
        writeln!(out, "{}: “{}”", q.speaker, corpus.quote_text(q))?;
        writeln!(out, "   {} · Source: {}", q.kind().label(), cite.label())?;
        if let Some(url) = q.url.as_deref().or(cite.url) {
            writeln!(out, "           {url}")?;
        }
    }
    Ok(())
}

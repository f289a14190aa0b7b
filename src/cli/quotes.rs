//! `storybot quotes`: the direct quotes the corpus lists, with their sources.

use std::io::Write as _;

use serde::Serialize;

use crate::answer::{Citation, JsonSource};
use crate::config::Paths;
use crate::corpus::Corpus;

#[derive(Debug, clap::Args)]
pub struct QuotesArgs {
    /// Only quotes by this person (any part of the name or an alias, any case)
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Serialize)]
struct JsonQuote<'a> {
    speaker: &'a str,
    /// The quoted words, verbatim: `path[start..end]`.
    quote: &'a str,
    /// Where the quote is; `start..end` are the quoted words' own offsets.
    source: JsonSource<'a>,
}

pub fn run(paths: &Paths, args: &QuotesArgs) -> anyhow::Result<()> {
    let corpus = Corpus::load_dir(&paths.corpus)?;
    let quotes = corpus.quotes_by(args.speaker.as_deref());
    let mut out = std::io::stdout().lock();
    if args.json {
        let list: Vec<JsonQuote<'_>> = quotes
            .iter()
            .map(|q| {
                let cite = Citation::of(&corpus, q.sentence);
                JsonQuote {
                    speaker: &q.speaker,
                    quote: corpus.quote_text(q),
                    source: JsonSource::new(&cite, q.span.clone(), q.url.as_deref().or(cite.url)),
                }
            })
            .collect();
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
        writeln!(out, "   Source: {}", cite.label())?;
        if let Some(url) = q.url.as_deref().or(cite.url) {
            writeln!(out, "           {url}")?;
        }
    }
    Ok(())
}

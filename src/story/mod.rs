//! Story intelligence: who said what, whether a circulating quote is real, who the story
//! names, the amounts and dates it states, and the order of its events.
//!
//! Everything here reads what [`crate::corpus`] extracted (attribution, names, listed facts)
//! and answers with byte ranges of the corpus files, so every front end shows verbatim text
//! with its citation.
//!
//! - [`whosaid`]: a paraphrase or fragment → the quotes it most likely means.
//! - [`verify`]: a quote from chat → exact, altered (with a word diff) or not in the story.
//! - [`people`]: the roster of people and organisations, and one person's quotes.
//! - [`facts`]: amounts, counts and dates, each with what it measures.
//! - [`dates`]: what a date stands for given the story's date, and the order of dates.
//! - [`timeline`]: the reported events in time order, dates resolved from the story's date.
//! - [`view`]: what each command shows, as plain data every front end formats; [`json`]: its
//!   `--json` shapes.

pub mod dates;
pub mod facts;
pub mod json;
pub mod people;
pub mod timeline;
pub mod verify;
pub mod view;
pub mod whosaid;

use crate::corpus::{Corpus, UNATTRIBUTED};
use crate::error::UserError;

/// How many words of a quote the example of an empty `verify` shows.
const EXAMPLE_WORDS: usize = 6;

/// `text` trimmed, or a [`UserError`] saying what to give instead (the same limits as a
/// question). The example is only made for an empty `text`: it may read the corpus.
pub(crate) fn check_text<'a>(
    text: &'a str,
    what: &str,
    example: impl FnOnce() -> String,
) -> Result<&'a str, UserError> {
    crate::answer::check_text(text, "That", || format!("Give {what}, for example: {}", example()))
}

/// A name to give as an example: the last word of the first person the corpus names (its own
/// stories, not the shipped one's), or a placeholder when it names nobody.
fn example_name(corpus: &Corpus) -> String {
    let roster = people::roster(corpus);
    let first = roster.iter().find(|p| *p.kind() == crate::corpus::EntityKind::Person).or(roster.first());
    first.and_then(|p| p.entity.name.split_whitespace().last()).unwrap_or("a name").to_string()
}

/// A quote to give as an example: the opening words of the corpus's first attributed quote
/// with its speaker's last name.
fn example_quote(corpus: &Corpus) -> String {
    match first_quote(corpus) {
        Some((words, speaker)) => format!("“{words}” — {speaker}"),
        None => "“the words as quoted” — who said them".to_string(),
    }
}

/// Some words of a quote to give as an example: the opening words of the corpus's first.
fn example_words(corpus: &Corpus) -> String {
    first_quote(corpus).map_or_else(|| "a few words you remember".to_string(), |(words, _)| words)
}

/// The opening words of the corpus's first attributed quote ("…" when cut) and the last word
/// of its speaker's name.
fn first_quote(corpus: &Corpus) -> Option<(String, String)> {
    let (doc, quote) = corpus
        .docs
        .iter()
        .flat_map(|d| d.quotes.iter().map(move |q| (d, q)))
        .find(|(_, q)| q.speaker != UNATTRIBUTED)?;
    let words: Vec<&str> = doc.text[quote.span.clone()].split_whitespace().collect();
    let cut = if words.len() > EXAMPLE_WORDS { "…" } else { "" };
    let speaker = quote.speaker.split_whitespace().last().unwrap_or(&quote.speaker);
    let opening = words[..words.len().min(EXAMPLE_WORDS)].join(" ");
    Some((format!("{}{cut}", opening.trim_end_matches([',', ';', ':'])), speaker.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_name_or_quote_is_answered_with_an_example_from_the_corpus_itself() {
        let c = Corpus::of_story(
            "The Harbor Ferry Company hired Linda Ortiz. “The boats will run all night from May,” Ortiz said.",
        );
        let error = |r: Result<Vec<people::Profile<'_>>, UserError>| r.err().map(|e| e.to_string());
        assert_eq!(error(people::lookup(&c, " ")).as_deref(), Some("Give a name, for example: Ortiz"));
        let claim = verify::verify(&c, "").err().map(|e| e.to_string());
        assert_eq!(
            claim.as_deref(),
            Some("Give the quote to check, for example: “The boats will run all night…” — Ortiz")
        );
        let nobody = Corpus::of_story("The ferry runs all night.");
        assert_eq!(example_name(&nobody), "a name");
        assert_eq!(example_words(&nobody), "a few words you remember");
    }
}

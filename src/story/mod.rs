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

use crate::error::UserError;

/// `text` trimmed, or a [`UserError`] saying what to give instead (the same limits as a
/// question).
pub(crate) fn check_text<'a>(text: &'a str, what: &str, example: &str) -> Result<&'a str, UserError> {
    crate::answer::check_text(text, "That", &format!("Give {what}, for example: {example}"))
}

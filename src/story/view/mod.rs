//! What each story command shows, built once from the story's results and the corpus.
//!
//! A view model is owned, plain data: the verbatim texts, their sources and places, the
//! counts, and the sentences a command says when it has nothing to show. The three front
//! ends (the command line's text, its `--json`, and the Discord replies) only format these,
//! so they never read the corpus and cannot drift apart in what they say.
//!
//! - [`quote`]: a quote, the candidates of `whosaid`, and the quotes list.
//! - [`verification`]: a checked claim, with what it matched and the word diff.
//! - [`people`]: the roster and the profiles of one name.
//! - [`facts`]: the amounts and dates, with what each measures.
//! - [`timeline`]: the events in time order.
//! - [`messages`]: the sentences said to people, the same in every front end.

pub mod facts;
pub mod messages;
pub mod people;
pub mod quote;
pub mod timeline;
pub mod verification;

#[cfg(test)]
mod tests;

use std::fmt;
use std::ops::Range;

pub use facts::{FactView, FactsView, MeasuresFrom};
pub use messages::Front;
pub use people::{PersonView, ProfileView, ProfilesView, RosterView, SentenceView};
pub use quote::{CandidateView, QuoteView, WhosaidView};
pub use timeline::{EventView, TimelineView};
pub use verification::{DiffMarks, FoundView, VerificationView};

use crate::answer::{Citation, Source};
use crate::corpus::{Corpus, SentenceId};

/// Where a sentence is in its document, both 1-based; and which document, when the corpus
/// holds several (a timeline or a roster of several stories would not say whose line it is).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The story's title, when the corpus holds others too.
    pub story: Option<String>,
    pub paragraph: usize,
    pub sentence: usize,
}

impl Place {
    pub fn of(source: &Source) -> Place {
        let story = source.among_others.then(|| source.title.clone());
        Place { story, paragraph: source.paragraph, sentence: source.sentence }
    }
}

/// "paragraph 3, sentence 5", or "Title, paragraph 3, sentence 5".
impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(story) = &self.story {
            write!(f, "{story}, ")?;
        }
        write!(f, "paragraph {}, sentence {}", self.paragraph, self.sentence)
    }
}

/// The source of sentence `id`, the whole sentence cited.
fn sentence_source(corpus: &Corpus, id: SentenceId) -> Source {
    Source::of(&Citation::of(corpus, id))
}

/// The source of `span`, a part of sentence `id` (a quote, a value, a mention): the part's
/// own link when it has one (a quote's), else the sentence's.
fn part_source(corpus: &Corpus, id: SentenceId, span: Range<usize>, url: Option<&str>) -> Source {
    let sentence = sentence_source(corpus, id);
    let url = url.map(str::to_string).or(sentence.url.clone());
    Source { span, url, ..sentence }
}

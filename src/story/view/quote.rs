//! A quote as every front end shows it, the candidates `whosaid` found, and the quotes list.

use super::messages::{self, Front};
use super::{part_source, Place};
use crate::answer::Source;
use crate::corpus::{Corpus, Kind, Quote};
use crate::story::whosaid::Candidate;

/// One quote: who said it, the words verbatim, and where they are.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteView {
    pub speaker: String,
    /// Direct or partial quote.
    pub kind: Kind,
    /// The quoted words, verbatim (without the quote marks around them).
    pub text: String,
    /// Where the text names the speaker ("Altman replied", "he replied"), verbatim.
    pub named_by: Option<String>,
    /// The quote's own span; its link, or else the sentence's.
    pub source: Source,
}

impl QuoteView {
    pub fn new(corpus: &Corpus, q: &Quote) -> QuoteView {
        let doc = corpus.doc_of(q.sentence);
        QuoteView {
            speaker: q.speaker.clone(),
            kind: q.kind(),
            text: corpus.quote_text(q).to_string(),
            named_by: q.cue.clone().map(|c| doc.text[c].to_string()),
            source: part_source(corpus, q.sentence, q.span.clone(), q.url.as_deref()),
        }
    }

    /// Every quote of `quotes`, in their order.
    pub fn list(corpus: &Corpus, quotes: &[&Quote]) -> Vec<QuoteView> {
        quotes.iter().map(|q| QuoteView::new(corpus, q)).collect()
    }

    pub fn place(&self) -> Place {
        Place::of(&self.source)
    }
}

/// One quote `whosaid` offers, with how much of the text it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct CandidateView {
    /// Share of the text's content the quotation covers, 0 to 1.
    pub coverage: f32,
    pub quote: QuoteView,
}

/// What `whosaid` found for a text.
#[derive(Debug, Clone, PartialEq)]
pub struct WhosaidView {
    /// The text as given.
    pub text: String,
    /// Best first; empty when no quote is close.
    pub candidates: Vec<CandidateView>,
}

impl WhosaidView {
    pub fn new(corpus: &Corpus, text: &str, found: &[Candidate<'_>]) -> WhosaidView {
        let candidates = found
            .iter()
            .map(|c| CandidateView { coverage: c.coverage, quote: QuoteView::new(corpus, c.quote) })
            .collect();
        WhosaidView { text: text.to_string(), candidates }
    }

    /// What to say before the candidates: that none is close, or that several could be
    /// meant; nothing for a single one.
    pub fn heading(&self, front: Front) -> Option<String> {
        match self.candidates.len() {
            0 => Some(messages::no_close_quote(front)),
            1 => None,
            n => Some(messages::quotes_could_be_meant(n)),
        }
    }
}

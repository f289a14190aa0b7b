//! The amounts, counts and dates the story states, each with what it measures.

use super::{part_source, Place};
use crate::answer::Source;
use crate::corpus::Corpus;
use crate::story::facts::{Fact, Kind, Measures};

/// Who put into words what a value measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasuresFrom {
    /// The front matter, written by whoever curates the corpus: shown as is.
    Corpus,
    /// A phrase of the story's sentence: shown in quote marks, as the story's words.
    Text,
}

impl MeasuresFrom {
    /// The name the `--json` output gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            MeasuresFrom::Corpus => "corpus",
            MeasuresFrom::Text => "text",
        }
    }
}

/// One stated value.
#[derive(Debug, Clone, PartialEq)]
pub struct FactView {
    /// The value as written.
    pub value: String,
    pub kind: Kind,
    /// For dates: the calendar date or range it stands for ("2025-01-21").
    pub resolved: Option<String>,
    /// What it measures, in the words of [`FactView::measures_from`].
    pub measures: String,
    pub measures_from: MeasuresFrom,
    /// The sentence it is in, verbatim.
    pub sentence: String,
    /// The value's span in its sentence.
    pub source: Source,
}

impl FactView {
    pub fn new(corpus: &Corpus, f: &Fact) -> FactView {
        let text = &corpus.doc_of(f.sentence).text;
        let (measures, measures_from) = match &f.measures {
            Measures::Listed(m) => (m.clone(), MeasuresFrom::Corpus),
            Measures::Phrase(r) => (text[r.clone()].to_string(), MeasuresFrom::Text),
        };
        FactView {
            value: text[f.span.clone()].to_string(),
            kind: f.kind,
            resolved: f.resolved.as_ref().map(ToString::to_string),
            measures,
            measures_from,
            sentence: corpus.text(f.sentence).to_string(),
            source: part_source(corpus, f.sentence, f.span.clone(), None),
        }
    }

    pub fn place(&self) -> Place {
        Place::of(&self.source)
    }

    /// What it measures as shown to people: the story's own words in quote marks, the
    /// corpus's as they are; `escape` applied to the words either way.
    pub fn measures_shown(&self, escape: fn(&str) -> String) -> String {
        match self.measures_from {
            MeasuresFrom::Corpus => escape(&self.measures),
            MeasuresFrom::Text => format!("“{}”", escape(&self.measures)),
        }
    }

    /// " (2025-01-21)" after the value, or nothing (nor when it is the value: "2022").
    pub fn resolved_suffix(&self) -> String {
        self.resolved.as_ref().filter(|r| **r != self.value).map(|r| format!(" ({r})")).unwrap_or_default()
    }
}

/// The facts shown, and the words they were narrowed to.
#[derive(Debug, Clone, PartialEq)]
pub struct FactsView {
    /// The words the facts were narrowed to, as given; `None` for every fact.
    pub about: Option<String>,
    pub facts: Vec<FactView>,
}

impl FactsView {
    pub fn new(corpus: &Corpus, about: Option<&str>, facts: &[&Fact]) -> FactsView {
        FactsView { about: about.map(str::to_string), facts: facts.iter().map(|f| FactView::new(corpus, f)).collect() }
    }
}

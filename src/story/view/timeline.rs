//! The events the story reports, in time order, each with when it happened.

use super::messages;
use super::{sentence_source, Place};
use crate::answer::Source;
use crate::corpus::Corpus;
use crate::story::timeline::{Dating, Event};

/// One reported event.
#[derive(Debug, Clone, PartialEq)]
pub struct EventView {
    /// The time expression as written ("On Tuesday").
    pub when: Option<String>,
    /// The date it resolves to ("2025-01-21", "after 2025-01-21").
    pub resolved: Option<String>,
    pub dating: Dating,
    /// The event's sentence, verbatim.
    pub text: String,
    pub source: Source,
}

impl EventView {
    pub fn new(corpus: &Corpus, e: &Event) -> EventView {
        let doc = corpus.doc_of(e.sentence);
        EventView {
            when: e.when.clone().map(|w| doc.text[w].to_string()),
            resolved: e.resolved.as_ref().map(ToString::to_string),
            dating: e.dating,
            text: corpus.text(e.sentence).to_string(),
            source: sentence_source(corpus, e.sentence),
        }
    }

    pub fn place(&self) -> Place {
        Place::of(&self.source)
    }

    /// "2025-01-21 (“On Tuesday”)", "2022", "after 2025-01-21", "undated (story order)": the
    /// date, and the words it was read from when they differ.
    pub fn when_label(&self) -> String {
        match (&self.resolved, &self.when) {
            (Some(r), Some(w)) if r == w => r.clone(),
            (Some(r), Some(w)) => format!("{r} (“{w}”)"),
            (Some(r), None) => r.clone(),
            (None, Some(w)) => format!("“{w}” (no date to resolve it against)"),
            (None, None) => "undated (story order)".into(),
        }
    }
}

/// The story's events, and the date they were resolved against.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineView {
    pub events: Vec<EventView>,
    /// The story's date, `YYYY-MM-DD`, when the corpus holds one story and it gives one.
    pub story_date: Option<String>,
    /// The corpus holds several stories and some give a date: each is read against its own.
    pub several_dated: bool,
}

impl TimelineView {
    pub fn new(corpus: &Corpus, events: &[Event]) -> TimelineView {
        let one = corpus.docs.len() == 1;
        TimelineView {
            events: events.iter().map(|e| EventView::new(corpus, e)).collect(),
            story_date: corpus.docs.first().filter(|_| one).and_then(|d| d.date.clone()),
            several_dated: !one && corpus.docs.iter().any(|d| d.date.is_some()),
        }
    }

    /// How the dates were read, when a story has a date to read them against.
    pub fn dates_note(&self) -> Option<String> {
        match &self.story_date {
            Some(date) => Some(messages::dates_resolved_against(date)),
            None => self.several_dated.then(|| messages::DATES_RESOLVED_AGAINST_EACH.to_string()),
        }
    }
}

//! The events a story reports, in time order (the stories of a corpus in one order).
//!
//! An event is a sentence with a time expression ("On Tuesday", "in 2022"), one that goes on
//! from the last event ("Afterward", "Later"), or a quote or reported statement that follows
//! one. Dates resolve against the story's own date: a story dated 2025-01-25 (a Saturday)
//! puts "On Tuesday" on 2025-01-21; a story without one places only years and days that
//! state their year. Events after another take its date as "after …" (in a dated story);
//! events with nothing to date them keep story order at the end, and say so.

use std::collections::HashMap;
use std::ops::Range;

use time::Date;

use super::dates::{parse_date, Anchor, Resolved};
use super::facts::{self, Fact};
use crate::corpus::{self, Corpus, Document, SentenceId};
use crate::words::events::{PAST, SEQUENCE, UNDATED};

/// One reported event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub sentence: SentenceId,
    /// The time expression as written, a byte range of the file.
    pub when: Option<Range<usize>>,
    /// The date it resolves to (`2025-01-21`, `2022`, `2025-01-18 to 2025-01-24`), or
    /// `after 2025-01-21` for an event that follows a dated one.
    pub resolved: Option<Resolved>,
    pub dating: Dating,
}

/// How an event got its place in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dating {
    /// Its own time expression.
    Stated,
    /// It follows the event before it in the story.
    After,
    /// Nothing dates it: it keeps its place in the story.
    StoryOrder,
}

/// The events of every story in the corpus, in time order (story order among equals: the
/// corpus's order of stories, then each one's own); undated ones last, in story order.
pub fn events(corpus: &Corpus) -> Vec<Event> {
    let all_facts = facts::all(corpus);
    // The first time a sentence states, looked up once per sentence of every story.
    let mut times: HashMap<SentenceId, &Fact> = HashMap::new();
    for fact in all_facts.iter().filter(|f| f.kind.says_when()) {
        times.entry(fact.sentence).or_insert(fact);
    }
    let (mut dated, undated): (Vec<Event>, Vec<Event>) =
        corpus.docs.iter().flat_map(|doc| doc_events(corpus, doc, &times)).partition(|e| e.resolved.is_some());
    // Sentence ids run through the corpus story by story, so they give story order.
    dated.sort_by(|a, b| a.resolved.cmp(&b.resolved).then(a.sentence.cmp(&b.sentence)));
    dated.extend(undated);
    dated
}

/// One document's events in story order, each read against the document's own date.
fn doc_events(corpus: &Corpus, doc: &Document, times: &HashMap<SentenceId, &Fact>) -> Vec<Event> {
    let mut reading = Reading { story: doc.date.as_deref().and_then(parse_date), last: None };
    doc.sentence_ids()
        .filter_map(|id| match times.get(&id) {
            Some(fact) => Some(reading.stated(id, fact)),
            None => reading.unstated(corpus, doc, id),
        })
        .collect()
}

/// What a document's reading has reached so far.
struct Reading {
    story: Option<Date>,
    /// Where the latest dated event the story has reached starts.
    last: Option<Anchor>,
}

impl Reading {
    /// The event of a sentence with a time expression.
    fn stated(&mut self, id: SentenceId, fact: &Fact) -> Event {
        if let Some(resolved) = &fact.resolved {
            // What follows goes on from the latest date the story has reached: not from
            // background ("ridership fell in 2023") nor from plans ("expected in 2026"); a
            // story without a date of its own cannot tell which is which ("secured by
            // Margaret Thatcher in 1984"), so nothing goes on from its dates.
            let start = resolved.start();
            let reached = self.story.is_some_and(|d| start <= Anchor::Day(d));
            if reached && self.last.as_ref().is_none_or(|l| start > *l) {
                self.last = Some(start);
            }
        }
        Event { sentence: id, when: Some(fact.span.clone()), resolved: fact.resolved.clone(), dating: Dating::Stated }
    }

    /// The event of a sentence without a time expression, if it reports one: after the last
    /// dated event when it goes on from it, else undated.
    fn unstated(&self, corpus: &Corpus, doc: &Document, id: SentenceId) -> Option<Event> {
        let sentence = corpus.sentence(id);
        let first_word =
            corpus::tokens::words(&doc.text, sentence.span.clone()).first().map(|w| doc.text[w.clone()].to_lowercase());
        let starts_with = |list: &[&str]| first_word.as_deref().is_some_and(|w| list.contains(&w));
        let sequenced = starts_with(SEQUENCE);
        let follows = sequenced || sentence.kind != corpus::Kind::Narration && sentence.speaker.is_some();
        let undated = Event { sentence: id, when: None, resolved: None, dating: Dating::StoryOrder };
        if follows {
            match &self.last {
                Some(anchor) => Some(Event {
                    sentence: id,
                    when: None,
                    resolved: Some(Resolved::After(anchor.clone())),
                    dating: Dating::After,
                }),
                None => (sequenced || sentence.speaker.is_some()).then_some(undated),
            }
        } else {
            (starts_with(UNDATED) || someone_did_something(corpus, id)).then_some(undated)
        }
    }
}

/// A person (named, or "he"/"she") followed within two words by a verb in the past tense:
/// "He spent an estimated …", "Eventually, though, Musk left OpenAI".
fn someone_did_something(corpus: &Corpus, id: SentenceId) -> bool {
    let sentence = corpus.sentence(id);
    let doc = corpus.doc(sentence.doc);
    let ws = corpus::tokens::words(&doc.text, sentence.span.clone());
    let is_person_at = |w: &Range<usize>| {
        let word = doc.text[w.clone()].to_lowercase();
        word == "he"
            || word == "she"
            || doc.mentions.iter().any(|m| {
                m.span.start <= w.start
                    && w.end <= m.span.end
                    && doc.entities[m.entity].kind == Some(corpus::EntityKind::Person)
            })
    };
    ws.iter().take(6).enumerate().any(|(i, w)| {
        is_person_at(w)
            && ws.iter().skip(i + 1).take(2).any(|v| {
                let verb = doc.text[v.clone()].to_lowercase();
                (verb.ends_with("ed") && verb.len() > 4) || PAST.contains(&verb.as_str())
            })
    })
}

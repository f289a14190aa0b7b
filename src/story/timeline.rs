//! The events a story reports, in time order.
//!
//! An event is a sentence with a time expression ("On Tuesday", "in 2022"), one that goes on
//! from the last event ("Afterward", "Later"), or a quote or reported statement that follows
//! one. Dates resolve against the story's own date: a story dated 2025-01-25 (a Saturday)
//! puts "On Tuesday" on 2025-01-21. Events after another take its date as "after …";
//! events with nothing to date them keep story order at the end, and say so.

use std::ops::Range;

use time::{Date, Duration, Month, Weekday};

use super::facts::{self, Kind};
use crate::corpus::{self, Corpus};

/// One reported event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Index into [`Corpus::sentences`].
    pub sentence: usize,
    /// The time expression as written, a byte range of the file.
    pub when: Option<Range<usize>>,
    /// The date it resolves to: `2025-01-21`, `2022`, `2025-01-18 to 2025-01-24`, or
    /// `after 2025-01-21` for an event that follows a dated one.
    pub resolved: Option<String>,
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

/// Words at the start of a sentence that carry it on from the event before.
const SEQUENCE: &[&str] = &["afterward", "afterwards", "later", "then", "next", "subsequently", "finally", "soon"];

/// Words at the start of a sentence that place it at an unstated time.
const UNDATED: &[&str] = &["eventually", "once", "earlier", "previously", "before"];

/// Common irregular past-tense verbs ("He spent …", "Musk left …").
const PAST: &[&str] = &[
    "left", "bought", "sold", "spent", "made", "took", "went", "came", "gave", "got", "won", "lost", "met", "paid",
    "built", "began", "became", "brought", "told", "said", "wrote", "ran", "sent", "set", "put", "held", "led",
    "found", "fell", "rose", "quit", "hired", "fired", "sued", "signed", "struck", "threw", "chose", "drove", "flew",
];

/// `YYYY-MM-DD` as a date.
pub fn parse_date(s: &str) -> Option<Date> {
    let mut parts = s.split('-').map(|p| p.parse::<i32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    Date::from_calendar_date(y, Month::try_from(u8::try_from(m).ok()?).ok()?, u8::try_from(d).ok()?).ok()
}

fn weekday(name: &str) -> Option<Weekday> {
    Some(match name {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// What a time expression stands for, given the story's date.
pub fn resolve(kind: Kind, written: &str, story: Date) -> Option<String> {
    let lower = written.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match kind {
        Kind::Year => Some(written.trim_end_matches('s').to_string()).filter(|_| !written.ends_with('s')),
        Kind::Weekday => {
            let day = weekday(words.last()?)?;
            let back = (story.weekday().number_days_from_monday() + 7 - day.number_days_from_monday()) % 7;
            let date = match words.first().copied() {
                Some("next") => story + Duration::days(i64::from((7 - back) % 7).max(1)),
                Some("last") if back == 0 => story - Duration::days(7),
                _ => story - Duration::days(i64::from(back)),
            };
            Some(date.to_string())
        }
        Kind::Relative => {
            let span = |from: Date, to: Date| Some(format!("{from} to {to}"));
            match words.as_slice() {
                ["yesterday"] => Some((story - Duration::days(1)).to_string()),
                ["today"] => Some(story.to_string()),
                ["tomorrow"] => Some((story + Duration::days(1)).to_string()),
                [.., "past" | "previous", "week"] => span(story - Duration::days(7), story - Duration::days(1)),
                [.., "last", "week"] => span(story - Duration::days(7), story - Duration::days(1)),
                [.., "last", "year"] => Some((story.year() - 1).to_string()),
                [.., "this", "year"] => Some(story.year().to_string()),
                [.., "next", "year"] => Some((story.year() + 1).to_string()),
                _ => None,
            }
        }
        Kind::Date => {
            let month_at = words.iter().position(|w| month(w).is_some())?;
            let m = month(words[month_at])?;
            let day: u8 =
                words.iter().find_map(|w| w.trim_end_matches([',', 's', 't', 'n', 'd', 'r', 'h']).parse().ok())?;
            let year = words.iter().filter_map(|w| w.parse::<i32>().ok()).find(|y| *y > 31).unwrap_or(story.year());
            Date::from_calendar_date(year, m, day).ok().map(|d| d.to_string())
        }
        _ => None,
    }
}

fn month(word: &str) -> Option<Month> {
    let names = corpus::wordlists::CALENDAR;
    let at = names.iter().position(|n| *n == word.trim_end_matches(','))?;
    at.checked_sub(7).and_then(|m| Month::try_from(u8::try_from(m + 1).ok()?).ok())
}

/// The story's events, in time order; undated ones last, in story order.
pub fn events(corpus: &Corpus) -> Vec<Event> {
    let all_facts = facts::all(corpus);
    let mut out = Vec::new();
    for doc in &corpus.docs {
        let mut dated: Vec<(String, usize, Event)> = Vec::new();
        let mut undated: Vec<Event> = Vec::new();
        let mut last: Option<String> = None;
        let story_date = doc.date.clone();
        for ord in doc.sentences.clone() {
            let sentence = &corpus.sentences[ord];
            let time = all_facts.iter().find(|f| f.sentence == ord && f.kind.is_time());
            let first_word = corpus::tokens::words(&doc.text, sentence.span.clone())
                .first()
                .map(|w| doc.text[w.clone()].to_lowercase());
            let sequenced = first_word.as_deref().is_some_and(|w| SEQUENCE.contains(&w));
            let unstated =
                first_word.as_deref().is_some_and(|w| UNDATED.contains(&w)) || someone_did_something(corpus, ord);
            let follows = sequenced || sentence.kind != corpus::Kind::Narration && sentence.speaker.is_some();
            if let Some(fact) = time {
                let key = fact.resolved.clone().unwrap_or_default();
                let event = Event {
                    sentence: ord,
                    when: Some(fact.span.clone()),
                    resolved: fact.resolved.clone(),
                    dating: Dating::Stated,
                };
                if fact.resolved.is_some() {
                    // What follows goes on from the latest date the story has reached: not
                    // from background ("ridership fell in 2023") nor from plans ("expected
                    // in 2026").
                    let start = key.split(' ').next().unwrap_or_default().to_string();
                    let reached = story_date.as_deref().is_none_or(|d| start.as_str() <= d);
                    if reached && last.as_ref().is_none_or(|l| start > *l) {
                        last = Some(start);
                    }
                    dated.push((key, ord, event));
                } else {
                    undated.push(event);
                }
            } else if follows {
                match &last {
                    Some(anchor) => dated.push((
                        format!("{anchor}~"),
                        ord,
                        Event {
                            sentence: ord,
                            when: None,
                            resolved: Some(format!("after {anchor}")),
                            dating: Dating::After,
                        },
                    )),
                    None if sequenced || sentence.speaker.is_some() => {
                        undated.push(Event { sentence: ord, when: None, resolved: None, dating: Dating::StoryOrder })
                    }
                    None => {}
                }
            } else if unstated {
                undated.push(Event { sentence: ord, when: None, resolved: None, dating: Dating::StoryOrder });
            }
        }
        dated.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        out.extend(dated.into_iter().map(|d| d.2));
        out.extend(undated);
    }
    out
}

/// "2025-01-21 (On Tuesday)", "after 2025-01-21", "undated (story order)".
pub fn when(corpus: &Corpus, e: &Event) -> String {
    let doc = corpus.doc_of(e.sentence);
    let written = e.when.clone().map(|w| &doc.text[w]);
    match (&e.resolved, written) {
        (Some(r), Some(w)) if *r == w => r.clone(),
        (Some(r), Some(w)) => format!("{r} (“{w}”)"),
        (Some(r), None) => r.clone(),
        (None, Some(w)) => format!("“{w}” (no date to resolve it against)"),
        (None, None) => "undated (story order)".into(),
    }
}

/// A person (named, or "he"/"she") followed within two words by a verb in the past tense:
/// "He spent an estimated …", "Eventually, though, Musk left OpenAI".
fn someone_did_something(corpus: &Corpus, ord: usize) -> bool {
    let sentence = &corpus.sentences[ord];
    let doc = &corpus.docs[sentence.doc];
    let ws = corpus::tokens::words(&doc.text, sentence.span.clone());
    let is_person_at = |w: &Range<usize>| {
        let word = doc.text[w.clone()].to_lowercase();
        word == "he"
            || word == "she"
            || doc.mentions.iter().any(|m| {
                m.span.start <= w.start
                    && w.end <= m.span.end
                    && doc.entities[m.entity].kind.as_deref() == Some("person")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_resolve_to_the_last_such_day_on_or_before_the_story_date() {
        let story = parse_date("2025-01-25").unwrap_or_else(|| panic!("a date"));
        assert_eq!(resolve(Kind::Weekday, "On Tuesday", story).as_deref(), Some("2025-01-21"));
        assert_eq!(resolve(Kind::Weekday, "Saturday", story).as_deref(), Some("2025-01-25"));
        assert_eq!(resolve(Kind::Weekday, "last Saturday", story).as_deref(), Some("2025-01-18"));
        assert_eq!(resolve(Kind::Weekday, "next Monday", story).as_deref(), Some("2025-01-27"));
        assert_eq!(resolve(Kind::Relative, "the past week", story).as_deref(), Some("2025-01-18 to 2025-01-24"));
        assert_eq!(resolve(Kind::Date, "January 3", story).as_deref(), Some("2025-01-03"));
        assert_eq!(resolve(Kind::Year, "1990s", story), None);
    }

    #[test]
    fn bad_dates_are_not_dates() {
        assert!(parse_date("2025-02-30").is_none());
        assert!(parse_date("soon").is_none());
    }
}

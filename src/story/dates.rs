//! The dates a story states, resolved against the story's own date, and the order the
//! timeline puts them in.
//!
//! A resolved date is a day, a span of days, a year, a span of years as the story writes it,
//! or "after" one of those for an event that goes on from a dated one. They print in ISO
//! form ("2025-01-21", "2025-01-18 to 2025-01-24", "2022", "2003/2004", "after 2025-01-21"),
//! which is what the story commands show and serialise, and they sort by where they start: a
//! year before the days in it, a day before a span from it, and "after X" after X and
//! everything that starts with it. That is also the order of their ISO text; a span of
//! years, kept as written, takes the place its text gives it ("2004-05" at the start of May
//! 2004).

use std::cmp::Ordering;
use std::fmt;

use time::{Date, Duration, Month};

use crate::words::calendar::{MONTHS, WEEKDAYS};

/// What a time expression stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    Day(Date),
    /// From one day to another, both included ("the past week").
    Span(Date, Date),
    Year(i32),
    Years(YearSpan),
    /// An event that follows a dated one, with nothing to date it but that.
    After(Anchor),
}

/// A span of years as the story writes it ("2003/2004", "2022-23"). It is kept verbatim
/// because the story commands print it verbatim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearSpan(String);

/// Where a resolved date starts, which is what an event after it goes on from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    Day(Date),
    Year(i32),
    Years(YearSpan),
}

/// `YYYY-MM-DD` as a date.
pub fn parse_date(s: &str) -> Option<Date> {
    let mut parts = s.split('-').map(|p| p.parse::<i32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    Date::from_calendar_date(y, Month::try_from(u8::try_from(m).ok()?).ok()?, u8::try_from(d).ok()?).ok()
}

/// A year or span of years as written ("2022", "2003/2004", "between 2002 and 2003", kept as
/// "2002-2003"); a decade ("1990s") is no date.
pub fn year(written: &str) -> Option<Resolved> {
    if written.ends_with('s') {
        return None;
    }
    let span = match written.get(..8).filter(|head| head.eq_ignore_ascii_case("between ")) {
        Some(_) => written[8..].replacen(" and ", "-", 1),
        None => written.to_string(),
    };
    Some(match plain_year(&span) {
        Some(y) => Resolved::Year(y),
        None => Resolved::Years(YearSpan(span)),
    })
}

/// "On Tuesday", "last Saturday", "next Monday": the last such day on or before the story's
/// date, or the one after it.
pub fn weekday(written: &str, story: Date) -> Option<Resolved> {
    let lower = written.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    // "on Friday night": the day is among the words, not always the last.
    let day = words.iter().find_map(|w| lookup(&WEEKDAYS, w))?;
    let back = (story.weekday().number_days_from_monday() + 7 - day.number_days_from_monday()) % 7;
    let date = match words.first().copied() {
        // "next Saturday" on a Saturday is a week on, as "last Saturday" is a week back.
        Some("next") => story.checked_add(Duration::days(i64::from(7 - back))),
        Some("last") if back == 0 => story.checked_sub(Duration::days(7)),
        _ => story.checked_sub(Duration::days(i64::from(back))),
    };
    date.map(Resolved::Day)
}

/// "yesterday", "the past week", "last year": a day, span or year counted from the story's
/// date. Longer or vaguer spans ("recent months") stay unresolved.
pub fn relative(written: &str, story: Date) -> Option<Resolved> {
    let lower = written.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let week_before =
        || Some(Resolved::Span(story.checked_sub(Duration::days(7))?, story.checked_sub(Duration::days(1))?));
    match words.as_slice() {
        ["yesterday"] => story.previous_day().map(Resolved::Day),
        ["today"] => Some(Resolved::Day(story)),
        ["tomorrow"] => story.next_day().map(Resolved::Day),
        [.., "past" | "previous" | "last", "week"] => week_before(),
        [.., "last", "year"] => Some(Resolved::Year(story.year() - 1)),
        [.., "this", "year"] => Some(Resolved::Year(story.year())),
        [.., "next", "year"] => Some(Resolved::Year(story.year() + 1)),
        _ => None,
    }
}

/// "January 3", "5th March 2022": a day of a month, in the year written or else the story's.
pub fn day_of_month(written: &str, story_year: Option<i32>) -> Option<Resolved> {
    let lower = written.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let month = words.iter().find_map(|w| lookup(&MONTHS, w.trim_end_matches(',')))?;
    let day_of = |w: &str| w.trim_end_matches([',', 's', 't', 'n', 'd', 'r', 'h']).parse::<u8>().ok();
    // "24-26 June": a range of days is a span from the first to the last.
    let (first, last) = words.iter().find_map(|w| match w.split_once(['-', '–']) {
        Some((from, to)) => Some((day_of(from)?, Some(day_of(to)?))),
        None => Some((day_of(w)?, None)),
    })?;
    // A number too big to be a day of the month is the year.
    let year = words.iter().filter_map(|w| w.parse::<i32>().ok()).find(|y| *y > 31).or(story_year)?;
    let start = Date::from_calendar_date(year, month, first).ok()?;
    match last {
        Some(last) => {
            Some(Resolved::Span(start, Date::from_calendar_date(year, month, last).ok().filter(|end| *end > start)?))
        }
        None => Some(Resolved::Day(start)),
    }
}

fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(name, _)| *name == word).map(|(_, value)| *value)
}

/// `written` as a year when it is just one, digits that print back the same.
fn plain_year(written: &str) -> Option<i32> {
    written.parse::<i32>().ok().filter(|y| y.to_string() == written)
}

impl Resolved {
    /// Where it starts: a span's first day, a year, or a span of years up to its first space
    /// ("2022 - 23" starts at 2022).
    pub fn start(&self) -> Anchor {
        match self {
            Resolved::Day(d) | Resolved::Span(d, _) => Anchor::Day(*d),
            Resolved::Year(y) => Anchor::Year(*y),
            Resolved::Years(span) => span.start(),
            Resolved::After(anchor) => anchor.clone(),
        }
    }

    /// Where it falls in time; none where the timeline's order has never been time order: a
    /// span of years, kept as written, and years of other than four digits.
    fn place(&self) -> Option<Place> {
        let place = match self {
            Resolved::Day(d) => Place::on(*d, Step::Day),
            Resolved::Span(from, to) if four_digit(to.year()) => Place::on(*from, Step::Until(*to)),
            Resolved::Year(y) => Place { year: *y, within: Within::Whole },
            Resolved::After(Anchor::Day(d)) => Place::on(*d, Step::After),
            Resolved::After(Anchor::Year(y)) => Place { year: *y, within: Within::AfterAll },
            Resolved::Span(..) | Resolved::Years(_) | Resolved::After(Anchor::Years(_)) => return None,
        };
        four_digit(place.year).then_some(place)
    }

    /// Its ISO text, with "after X" as X followed by '~' (which sorts after every character
    /// of an ISO date): the order the timeline has always had, kept for what has no place.
    fn text_order(&self) -> String {
        match self {
            Resolved::After(anchor) => format!("{anchor}~"),
            _ => self.to_string(),
        }
    }
}

impl YearSpan {
    /// Up to its first space, as the timeline has always taken it: "2022 - 23" starts at 2022.
    fn start(&self) -> Anchor {
        match self.0.split_once(' ') {
            Some((head, _)) => match plain_year(head) {
                Some(y) => Anchor::Year(y),
                None => Anchor::Years(YearSpan(head.to_string())),
            },
            None => Anchor::Years(self.clone()),
        }
    }
}

impl From<Anchor> for Resolved {
    fn from(anchor: Anchor) -> Resolved {
        match anchor {
            Anchor::Day(d) => Resolved::Day(d),
            Anchor::Year(y) => Resolved::Year(y),
            Anchor::Years(span) => Resolved::Years(span),
        }
    }
}

/// A date's place in time: its first year, then where in that year.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Place {
    year: i32,
    within: Within,
}

/// Variants in the order they fall within a year.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Within {
    /// The year as a whole, before anything in it.
    Whole,
    From(Date, Step),
    /// After the year: after everything in it.
    AfterAll,
}

/// What stands on a day, in the order it sorts there.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Day,
    /// A span from the day, the shorter first.
    Until(Date),
    After,
}

impl Place {
    fn on(day: Date, step: Step) -> Place {
        Place { year: day.year(), within: Within::From(day, step) }
    }
}

/// Only four-digit years sort in time order as text ("998" sorts after "0999-01-01"), so the
/// rare others keep the text order: mixing the two orders could make a cycle.
fn four_digit(year: i32) -> bool {
    (1000..=9999).contains(&year)
}

/// Time order where both have a place, else text order; the two agree wherever both apply
/// (a tested property), so the order is total.
impl Ord for Resolved {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.place(), other.place()) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => self.text_order().cmp(&other.text_order()),
        }
    }
}

impl PartialOrd for Resolved {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Anchor {
    fn cmp(&self, other: &Self) -> Ordering {
        Resolved::from(self.clone()).cmp(&Resolved::from(other.clone()))
    }
}

impl PartialOrd for Anchor {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Resolved {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Resolved::Day(d) => write!(f, "{d}"),
            Resolved::Span(from, to) => write!(f, "{from} to {to}"),
            Resolved::Year(y) => write!(f, "{y}"),
            Resolved::Years(span) => f.write_str(&span.0),
            Resolved::After(anchor) => write!(f, "after {anchor}"),
        }
    }
}

impl fmt::Display for Anchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Anchor::Day(d) => write!(f, "{d}"),
            Anchor::Year(y) => write!(f, "{y}"),
            Anchor::Years(span) => f.write_str(&span.0),
        }
    }
}

/// As its ISO text: the `--json` field is a string.
impl serde::Serialize for Resolved {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests;

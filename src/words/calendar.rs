//! The names of months and weekdays, and what each one is.

use time::{Month, Weekday};

/// Month names in lower case, with the month each one names. The table says so explicitly:
/// no list's order decides which month a name is.
pub const MONTHS: [(&str, Month); 12] = [
    ("january", Month::January),
    ("february", Month::February),
    ("march", Month::March),
    ("april", Month::April),
    ("may", Month::May),
    ("june", Month::June),
    ("july", Month::July),
    ("august", Month::August),
    ("september", Month::September),
    ("october", Month::October),
    ("november", Month::November),
    ("december", Month::December),
];

/// Weekday names in lower case, with the day each one names.
pub const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

/// Words that place something in time without a date: an age, a span, or a time preposition
/// ("after the war": "when" is answered by an event as often as by a year).
#[rustfmt::skip]
pub const TIME_WORDS: &[&str] = &[
    "century", "centuries", "decade", "decades", "ago", "era", "age", "ages", "until", "after", "before", "since",
    "during", "days", "weeks", "months", "years",
];

/// Whether a lower-case word names a month or a weekday: a date, not a name.
pub fn is_calendar_word(lower: &str) -> bool {
    MONTHS.iter().map(|(name, _)| *name).chain(WEEKDAYS.iter().map(|(name, _)| *name)).any(|name| name == lower)
}

/// The month names as a regular-expression alternation, capitalised as text writes them
/// ("January|February|…").
pub fn month_pattern() -> String {
    alternation(MONTHS.iter().map(|(name, _)| *name))
}

/// The weekday names as a regular-expression alternation ("Monday|Tuesday|…").
pub fn weekday_pattern() -> String {
    alternation(WEEKDAYS.iter().map(|(name, _)| *name))
}

fn alternation<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names.map(capitalised).collect::<Vec<_>>().join("|")
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_patterns_name_every_month_and_weekday_in_calendar_order() {
        assert_eq!(weekday_pattern(), "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday");
        assert_eq!(
            month_pattern(),
            "January|February|March|April|May|June|July|August|September|October|November|December"
        );
    }

    #[test]
    fn month_and_weekday_names_are_calendar_words_and_other_words_are_not() {
        assert!(is_calendar_word("may") && is_calendar_word("sunday") && is_calendar_word("december"));
        assert!(!is_calendar_word("May") && !is_calendar_word("mayor") && !is_calendar_word("weekend"));
    }
}

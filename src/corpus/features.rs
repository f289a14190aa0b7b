//! What kind of information a sentence carries, so that question types can favour it:
//! "how much" prefers amounts, "when" prefers dates, "who" prefers people and speakers.

use std::sync::LazyLock;

use regex::Regex;

use crate::words::calendar;
use crate::words::numbers::{NUMBER_WORDS, QUANTITY_WORDS};

/// Kinds of information a sentence can carry (and a question can ask for).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Features {
    pub amount: bool,
    pub date: bool,
    pub place: bool,
    pub person: bool,
    pub quote: bool,
}

// Constant patterns: the tests below fail if one stops compiling, so a `None` never ships.
// ASCII classes and boundaries (`(?-u)`): every process that loads a corpus builds these, and
// Unicode ones take several times longer to build.
static AMOUNT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?:\$|€|£|¥)(?-u:\s)?[0-9]|(?i-u)\b[0-9][0-9,.]*\s?(?:%|(?:percent|thousand|million|billion|trillion|dollars?|euros?|pounds?)\b)|\b[0-9]{1,3}(?:,[0-9]{3})+\b|\b(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens?)\b",
    )
    .ok()
});

static DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let (days, months) = (calendar::weekday_pattern(), calendar::month_pattern());
    Regex::new(&format!(
        r"(?-u)\b(?:1[5-9][0-9][0-9]|20[0-9][0-9])s?\b|\b(?:{days}|{months})\b|(?i-u)\b(?:yesterday|today|tomorrow|last (?:week|month|year)|this (?:week|month|year)|next (?:week|month|year)|(?:past|previous) (?:week|month|year))\b",
    ))
    .ok()
});

/// Whether a sentence states a number, in digits or in words: what answers "how many" or "what
/// year". Read when a question asks, not at load, so that loading a corpus builds no pattern
/// for it.
pub fn states_number(sentence: &str) -> bool {
    let is_number_word = |w: &&str| {
        let listed = |list: &[&str]| list.iter().any(|n| n.eq_ignore_ascii_case(w));
        !w.eq_ignore_ascii_case("one") && (listed(NUMBER_WORDS) || listed(QUANTITY_WORDS))
    };
    sentence.bytes().any(|b| b.is_ascii_digit())
        || sentence.split(|c: char| !c.is_alphanumeric()).any(|w| is_number_word(&w))
}

/// Features found by patterns alone; people and places come from the corpus's entities.
pub fn detect(sentence: &str) -> Features {
    Features {
        amount: AMOUNT.as_ref().is_some_and(|r| r.is_match(sentence)),
        date: DATE.as_ref().is_some_and(|r| r.is_match(sentence)),
        quote: sentence.contains('“') || sentence.matches('"').count() >= 2,
        ..Features::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_patterns_compile() {
        assert!(AMOUNT.is_some() && DATE.is_some());
    }

    #[test]
    fn money_and_counts_are_amounts() {
        assert!(detect("a $500 billion partnership").amount);
        assert!(detect("He spent an estimated $250 million.").amount);
        assert!(detect("Sales rose 12 percent.").amount);
        // A word boundary after "%" would need a letter next: "3.1%." and "3.1% of" are amounts.
        assert!(detect("Inflation fell to 3.1%.").amount);
        assert!(detect("About 40% of staff left").amount);
        assert!(detect("The strike involves 180,000 workers.").amount);
        assert!(!detect("It happened in 2025.").amount);
        assert!(!detect("Musk left OpenAI to do his own thing.").amount);
    }

    #[test]
    fn digits_and_number_words_state_a_number_but_one_alone_does_not() {
        assert!(states_number("only four of the 12 were convicted"));
        assert!(states_number("The club has twice been fined."));
        assert!(states_number("It happened in 2025."));
        assert!(states_number("Several hundred came."));
        assert!(!states_number("No one knows which one of them left."));
        assert!(!states_number("Hundredth anniversaries aside, nothing was said."));
    }

    #[test]
    fn years_weekdays_and_relative_times_are_dates() {
        assert!(detect("bought back in 2022.").date);
        assert!(detect("On Tuesday, Altman was at the White House").date);
        assert!(detect("All of which is why the past week has been hilarious.").date);
        assert!(!detect("Altman replied.").date);
    }

    #[test]
    fn curly_or_paired_straight_quotes_mark_a_quotation() {
        assert!(detect("“They don’t actually have the money,” he replied").quote);
        assert!(detect("he said \"no\" twice").quote);
        assert!(!detect("Musk’s involvement").quote);
    }
}

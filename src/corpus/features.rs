//! What kind of information a sentence carries, so that question types can favour it:
//! "how much" prefers amounts, "when" prefers dates, "who" prefers people and speakers.

use std::sync::LazyLock;

use regex::Regex;

use crate::words::calendar;
use crate::words::numbers::{
    currency_class, is_currency, is_number_word, CURRENCY_SYMBOLS, MONEY_SCALES, QUANTITY_WORDS,
};

/// Kinds of information a sentence carries that loading reads (amounts and dates are read
/// when a question asks for them: [`states_amount`], [`states_date`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Features {
    pub place: bool,
    pub person: bool,
    pub quote: bool,
}

// Constant patterns: the tests below fail if one stops compiling, so a `None` never ships.
// ASCII classes and boundaries (`(?-u)`): Unicode ones take several times longer to build.
// Built on the first question that asks for an amount or a date, not at load: building them
// was about half the work of a `quotes` or `who` process.
static AMOUNT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{}(?-u:\s)?[0-9]|(?i-u)\b[0-9][0-9,.]*\s?(?:%|(?:percent|thousand|million|billion|trillion|dollars?|euros?|pounds?)\b)|\b[0-9]{{1,3}}(?:,[0-9]{{3}})+\b|\b(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens?)\b",
        currency_class()
    ))
    .ok()
});

static DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let (days, months) = (calendar::weekday_pattern(), calendar::month_pattern());
    Regex::new(&format!(
        r"(?-u)\b(?:1[5-9][0-9][0-9]|20[0-9][0-9])s?\b|\b(?:{days}|{months})\b|(?i-u)\b(?:yesterday|today|tomorrow|last (?:week|month|year)|this (?:week|month|year)|next (?:week|month|year)|(?:past|previous) (?:week|month|year))\b",
    ))
    .ok()
});

/// A figure a question can ask for, which only a sentence stating one answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// "how many": a count, not a year.
    Count,
    /// "how much": an amount, not a year.
    Amount,
    /// "how much" with a word about money ("how much did it cost?"): money.
    Money,
    /// "what year", "which year".
    Year,
    /// "when …?": a time (a date, a year, a month, a weekday, "last week", "two centuries ago").
    Time,
}

/// Whether a sentence states the figure a question asks for: a year in digits for "what year";
/// for "how much" a number in digits that is not a year, or in words; for "how many" the same
/// but for percentages and ranks ("8%", "4th"); for money a currency or a scale ("$44
/// billion", "£800m", "260.75bn roubles"); for "when" a date, digits or a word placing it in
/// time ("centuries ago", "in weeks", "until the empire fell"). Read when a question asks,
/// not at load, so that loading a corpus builds no pattern for it.
pub fn states(figure: Figure, sentence: &str) -> bool {
    match figure {
        Figure::Year => sentence.bytes().any(|b| b.is_ascii_digit()),
        Figure::Amount => words(sentence).any(|(w, _)| states_quantity_in_words(w) || is_number(w)),
        Figure::Count => words(sentence)
            .any(|(w, after)| states_quantity_in_words(w) || (is_number(w) && !is_ordinal(w) && !is_share(after))),
        Figure::Money => sentence.contains(CURRENCY_SYMBOLS) || words(sentence).any(|(w, _)| is_money_word(w)),
        Figure::Time => {
            states_date(sentence)
                || sentence.bytes().any(|b| b.is_ascii_digit())
                || words(sentence).any(|(w, _)| calendar::TIME_WORDS.iter().any(|t| t.eq_ignore_ascii_case(w)))
        }
    }
}

/// The words of a sentence, each with the text after it. Split at hyphens too, unlike
/// [`super::tokens::words`]: "two-thirds" and "five-year" state numbers.
fn words(sentence: &str) -> impl Iterator<Item = (&str, &str)> {
    sentence
        .split_inclusive(|c: char| !c.is_alphanumeric())
        .scan(0, move |at, piece| {
            let start = *at;
            *at += piece.len();
            let word = piece.trim_end_matches(|c: char| !c.is_alphanumeric());
            Some((word, &sentence[start + word.len()..]))
        })
        .filter(|(w, _)| !w.is_empty())
}

/// A currency or a scale, alone or after digits ("bn" in "260.75bn", "m" in "800m").
fn is_money_word(word: &str) -> bool {
    let unit = if starts_with_digit(word) { word.trim_start_matches(|c: char| c.is_ascii_digit()) } else { word };
    is_currency(unit)
        || MONEY_SCALES.iter().any(|m| m.eq_ignore_ascii_case(unit))
        || (starts_with_digit(word) && unit.eq_ignore_ascii_case("m"))
}

/// A number in digits that is not a year.
fn is_number(word: &str) -> bool {
    starts_with_digit(word) && !is_year(word)
}

/// "4th", "21st": a rank, not a count.
fn is_ordinal(word: &str) -> bool {
    ["st", "nd", "rd", "th"].iter().any(|s| word.ends_with(s))
}

/// A percentage: a share of something, not how many of it.
fn is_share(after: &str) -> bool {
    let after = after.trim_start();
    after.starts_with('%')
        || ["per cent", "percent"].iter().any(|p| after.get(..p.len()).is_some_and(|s| s.eq_ignore_ascii_case(p)))
}

fn starts_with_digit(word: &str) -> bool {
    word.bytes().next().is_some_and(|b| b.is_ascii_digit())
}

/// "1998", "2022", "1990s".
pub fn is_year(word: &str) -> bool {
    let digits = word.strip_suffix('s').unwrap_or(word);
    digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits.starts_with("20") || digits.starts_with('1') && digits.as_bytes()[1] >= b'5')
}

/// A quantity in words ("four", "twice", "several"), but not "one": a pronoun as often.
fn states_quantity_in_words(word: &str) -> bool {
    (is_number_word(word) && !word.eq_ignore_ascii_case("one"))
        || QUANTITY_WORDS.iter().any(|q| q.eq_ignore_ascii_case(word))
}

/// Features found by the text alone; people and places come from the corpus's entities.
pub fn detect(sentence: &str) -> Features {
    Features { quote: sentence.contains('“') || sentence.matches('"').count() >= 2, ..Features::default() }
}

/// Whether a sentence states an amount as the "carries" signal reads it: money, a
/// percentage, a large count (stricter than [`states`] with [`Figure::Amount`], for which any
/// number that is not a year will do).
pub fn states_amount(sentence: &str) -> bool {
    AMOUNT.as_ref().is_some_and(|r| r.is_match(sentence))
}

/// Whether a sentence states a date: a year, a weekday or month, a relative time.
pub fn states_date(sentence: &str) -> bool {
    DATE.as_ref().is_some_and(|r| r.is_match(sentence))
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
        assert!(states_amount("a $500 billion partnership"));
        assert!(states_amount("He spent an estimated $250 million."));
        assert!(states_amount("Sales rose 12 percent."));
        // A word boundary after "%" would need a letter next: "3.1%." and "3.1% of" are amounts.
        assert!(states_amount("Inflation fell to 3.1%."));
        assert!(states_amount("About 40% of staff left"));
        assert!(states_amount("The strike involves 180,000 workers."));
        assert!(!states_amount("It happened in 2025."));
        assert!(!states_amount("Musk left OpenAI to do his own thing."));
    }

    #[test]
    fn a_date_a_year_an_age_or_a_time_preposition_places_a_sentence_in_time() {
        let time = |s| states(Figure::Time, s);
        assert!(time("Repairs start in March."));
        assert!(time("It was built in 1871."));
        assert!(time("The Alps rose millions of years ago."));
        assert!(time("The border held until the empire fell."));
        assert!(!time("Engineers found cracks in the bridge supports."));
    }

    #[test]
    fn digits_and_number_words_state_a_quantity_but_a_year_or_one_alone_does_not() {
        let quantity = |s| states(Figure::Count, s);
        assert!(quantity("only four of the 12 were convicted"));
        assert!(quantity("The club has twice been fined."));
        assert!(quantity("Several hundred came."));
        assert!(quantity("The 1990s cost 3,000 jobs."));
        assert!(!quantity("It happened in 2025."));
        assert!(!quantity("Prices rose in the 1990s."));
        assert!(!quantity("No one knows which one of them left."));
        assert!(!quantity("Hundredth anniversaries aside, nothing was said."));
        assert!(states(Figure::Year, "It happened in 2025."));
        assert!(!states(Figure::Year, "It happened last spring."));
    }

    #[test]
    fn a_percentage_or_a_rank_states_an_amount_but_no_count() {
        for sentence in ["Prices fell by about 8% from April.", "Sales rose 300 per cent.", "a 4th German Reich"] {
            assert!(!states(Figure::Count, sentence), "{sentence}");
        }
        assert!(states(Figure::Amount, "Prices fell by about 8% from April."));
        assert!(states(Figure::Count, "Some 8 customers of 300 left, 2% of the total."));
        assert!(states(Figure::Count, "As many as 27 million jobs could be lost."));
    }

    #[test]
    fn a_currency_or_a_scale_states_money_but_a_share_or_a_ratio_does_not() {
        let money = |s| states(Figure::Money, s);
        assert!(money("The $1.2 billion stadium opened in 2014."));
        assert!(money("Baikal paid 260.75bn roubles."));
        assert!(money("an offer that values the club at 800m"));
        assert!(money("a fine of 500 euros"));
        assert!(money("one dollar a day") && money("It costs 50 cents."), "a currency in either number");
        assert!(!money("CD album sales fell by 13.8%."));
        assert!(!money("the UK pays two and a half times more than France"));
    }

    #[test]
    fn years_weekdays_and_relative_times_are_dates() {
        assert!(states_date("bought back in 2022."));
        assert!(states_date("On Tuesday, Altman was at the White House"));
        assert!(states_date("All of which is why the past week has been hilarious."));
        assert!(!states_date("Altman replied."));
    }

    #[test]
    fn curly_or_paired_straight_quotes_mark_a_quotation() {
        assert!(detect("“They don’t actually have the money,” he replied").quote);
        assert!(detect("he said \"no\" twice").quote);
        assert!(!detect("Musk’s involvement").quote);
    }
}

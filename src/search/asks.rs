//! What a question asks for (an amount, a date, a place, a person, a quote), read from its
//! wording with the question words of [`crate::words::questions`] and
//! [`crate::words::speech`].

use crate::corpus::Figure;
use crate::words::numbers::MONEY_ASKING;
use crate::words::questions::{AMOUNT_WORDS, DATE_WORDS, HOW_AMOUNT, HOW_TIME, QUESTION_WORDS};
use crate::words::speech::QUOTE_WORDS;

/// What a question asks for, when its wording says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Asks {
    Amount,
    Date,
    Place,
    Person,
    /// What someone said ("What did Altman say about Musk?").
    Quote,
    /// Who said something ("Who said they have no money?").
    Speaker,
    #[default]
    Anything,
}

/// Reads what the question asks for from its lowercased words, and returns the positions of
/// words that only served to say so (the "much" of "how much").
pub fn asks(words: &[String]) -> (Asks, Vec<usize>) {
    let mut filler = Vec::new();
    let at = |i: usize| words.get(i).map(String::as_str).unwrap_or_default();
    for (i, w) in words.iter().enumerate() {
        match w.as_str() {
            "how" if HOW_AMOUNT.contains(&at(i + 1)) => {
                filler.push(i + 1);
                return (Asks::Amount, filler);
            }
            "how" if HOW_TIME.contains(&at(i + 1)) => {
                filler.push(i + 1);
                return (Asks::Date, filler);
            }
            "when" => return (Asks::Date, filler),
            "what" | "which" if DATE_WORDS.contains(&at(i + 1)) => {
                filler.push(i + 1);
                return (Asks::Date, filler);
            }
            "where" => return (Asks::Place, filler),
            "who" | "whom" | "whose" => {
                let quote = words.iter().any(|w| QUOTE_WORDS.contains(&w.as_str()));
                return (if quote { Asks::Speaker } else { Asks::Person }, filler);
            }
            _ => {}
        }
    }
    if words.iter().any(|w| AMOUNT_WORDS.contains(&w.as_str())) {
        return (Asks::Amount, filler);
    }
    if words.iter().any(|w| QUOTE_WORDS.contains(&w.as_str())) {
        return (Asks::Quote, filler);
    }
    (Asks::Anything, filler)
}

/// The figure the question asks for, if its wording asks for one: money for a "how much"
/// about paying or worth, but not for a share or a comparison ("how much of the ticket
/// money …", "how much more does the UK pay …": "14 times as much"); a time for "when …?" and
/// "how long"; an amount for "how old" and "how far".
pub fn figure(words: &[String]) -> Option<Figure> {
    const SHARE_OR_COMPARISON: &[&str] = &["of", "more", "less"];
    let opens_with_when = words.first().is_some_and(|w| w == "when" || w == "when's");
    let asks_more = words.iter().any(|w| w != "when" && QUESTION_WORDS.contains(&w.as_str()));
    if opens_with_when && !asks_more {
        return Some(Figure::Time);
    }
    let about_money = words.iter().any(|w| MONEY_ASKING.contains(&w.as_str()));
    words.windows(2).enumerate().find_map(|(i, w)| match (w[0].as_str(), w[1].as_str()) {
        ("how", "many") => Some(Figure::Count),
        ("how", "much")
            if about_money && words.get(i + 2).is_none_or(|next| !SHARE_OR_COMPARISON.contains(&next.as_str())) =>
        {
            Some(Figure::Money)
        }
        ("how", "much") => Some(Figure::Amount),
        ("how", "long") => Some(Figure::Time),
        ("how", "old" | "far") => Some(Figure::Amount),
        ("what" | "which", "year") => Some(Figure::Year),
        _ => None,
    })
}

/// The words after "how many", which open with the thing a count question counts.
pub fn counted(words: &[String]) -> &[String] {
    let at = words.windows(2).position(|w| w[0] == "how" && w[1] == "many");
    at.map_or(&[], |i| &words[i + 2..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(q: &str) -> Vec<String> {
        q.split_whitespace().map(str::to_lowercase).collect()
    }

    #[test]
    fn how_many_and_how_much_ask_for_a_quantity_what_year_for_a_year_and_how_big_for_none() {
        assert_eq!(figure(&words("of those convicted, how many were muslim?")), Some(Figure::Count));
        assert_eq!(figure(&words("How much water flows through it")), Some(Figure::Amount));
        assert_eq!(figure(&words("In which year did he retire")), Some(Figure::Year));
        assert_eq!(figure(&words("How big is Project Stargate")), None);
        assert_eq!(figure(&words("What is the amount of land")), None);
    }

    #[test]
    fn how_much_about_paying_or_worth_asks_for_money_but_how_much_of_asks_for_a_share() {
        assert_eq!(figure(&words("How much did it cost")), Some(Figure::Money));
        assert_eq!(figure(&words("how much is the partnership worth")), Some(Figure::Money));
        assert_eq!(figure(&words("how much of the ticket money goes to the fund")), Some(Figure::Amount));
        assert_eq!(figure(&words("how much more does the uk pay than france")), Some(Figure::Amount));
        assert_eq!(figure(&words("how much")), Some(Figure::Amount));
    }

    #[test]
    fn a_question_opening_with_when_asks_for_a_time_unless_it_asks_something_else_after_it() {
        assert_eq!(figure(&words("When was the treaty signed")), Some(Figure::Time));
        assert_eq!(figure(&words("when's the ireland game")), Some(Figure::Time));
        assert_eq!(figure(&words("When a cell is eaten, what vesicle traps it")), None);
        assert_eq!(figure(&words("What happened when the bridge closed")), None);
    }

    #[test]
    fn how_long_asks_for_a_time_and_how_old_or_how_far_for_an_amount() {
        assert_eq!(figure(&words("How long has she taught ballet")), Some(Figure::Time));
        assert_eq!(figure(&words("how old was she")), Some(Figure::Amount));
        assert_eq!(figure(&words("How far is the depot")), Some(Figure::Amount));
        assert_eq!(figure(&words("much")), None);
    }

    #[test]
    fn how_much_asks_for_an_amount_and_drops_much() {
        assert_eq!(asks(&words("how much did it cost")), (Asks::Amount, vec![1]));
        assert_eq!(asks(&words("How big is Project Stargate")).0, Asks::Amount);
    }

    #[test]
    fn when_and_what_year_ask_for_a_date() {
        assert_eq!(asks(&words("when did he buy twitter")).0, Asks::Date);
        assert_eq!(asks(&words("what year did he buy it")), (Asks::Date, vec![1]));
    }

    #[test]
    fn who_said_asks_for_a_speaker_what_said_for_a_quote_and_who_alone_for_a_person() {
        assert_eq!(asks(&words("who said they have no money")).0, Asks::Speaker);
        assert_eq!(asks(&words("what did musk say about it")).0, Asks::Quote);
        assert_eq!(asks(&words("who runs softbank")).0, Asks::Person);
        assert_eq!(asks(&words("where was altman")).0, Asks::Place);
        assert_eq!(asks(&words("why is it funny")).0, Asks::Anything);
    }
}

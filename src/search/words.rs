//! Word lists for reading questions: what to ignore and what a question asks for.
//!
//! These are general English, not about any one story; story-specific names live in the
//! corpus files as entity aliases.

/// Words that carry no content in a question: Lucene's English stop words, question words,
/// auxiliaries, pronouns, the pieces apostrophes leave behind, and chat filler.
pub const STOP_WORDS: &[&str] = &[
    // Lucene's English list
    "a",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "but",
    "by",
    "for",
    "if",
    "in",
    "into",
    "is",
    "it",
    "no",
    "not",
    "of",
    "on",
    "or",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "to",
    "was",
    "will",
    "with",
    // question words and auxiliaries
    "what",
    "whats",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "why",
    "how",
    "do",
    "does",
    "did",
    "done",
    "doing",
    "am",
    "were",
    "been",
    "being",
    "has",
    "have",
    "had",
    "having",
    "can",
    "could",
    "would",
    "should",
    "shall",
    "may",
    "might",
    "must",
    "get",
    "got",
    // pronouns and determiners
    "i",
    "me",
    "my",
    "we",
    "us",
    "our",
    "you",
    "your",
    "he",
    "him",
    "his",
    "she",
    "her",
    "its",
    "them",
    "those",
    "any",
    "some",
    "all",
    "about",
    "from",
    "so",
    "than",
    "too",
    "very",
    "just",
    "also",
    "really",
    "much",
    "many",
    "up",
    "out",
    "over",
    "anything",
    "something",
    "actually",
    "ever",
    "still",
    "even",
    "already",
    "yet",
    "exactly",
    "currently",
    // prepositions the Lucene list leaves out
    "against",
    "besides",
    "except",
    "without",
    "within",
    "among",
    "around",
    "before",
    "after",
    "during",
    "until",
    "via",
    "per",
    "upon",
    "off",
    "toward",
    "towards",
    "through",
    "other",
    "else",
    "between",
    "behind",
    "beyond",
    "together",
    // apostrophe pieces: don’t → don + t, Musk’s → musk + s
    "s",
    "t",
    "d",
    "ll",
    "m",
    "re",
    "ve",
    "don",
    "doesn",
    "didn",
    "isn",
    "wasn",
    "aren",
    "weren",
    "hasn",
    "haven",
    "couldn",
    "wouldn",
    "shouldn",
    // talking to the bot about the story
    "tell",
    "please",
    "say",
    "said",
    "says",
    "saying",
    "story",
    "article",
    "bot",
    "storybot",
    "hey",
    "hi",
    "hello",
    "know",
    "mention",
    "mentioned",
    "mentions",
    "according",
    "explain",
    "describe",
    "give",
    "show",
    "find",
    "let",
    "happen",
    "happened",
    "happening",
    "thing",
    "things",
    "kind",
    "sort",
    "like",
    "one",
];

/// What a question asks for, when its wording says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Asks {
    Amount,
    Date,
    Place,
    Person,
    Quote,
    #[default]
    Anything,
}

/// Adjectives that only say "a quantity" after "how".
const HOW_AMOUNT: &[&str] = &["much", "many", "big", "large", "expensive", "costly", "huge", "small"];
const HOW_TIME: &[&str] = &["long", "soon", "often", "old"];
const AMOUNT_WORDS: &[&str] = &["cost", "costs", "price", "worth", "amount"];
const DATE_WORDS: &[&str] = &["year", "day", "date", "month", "time", "week"];
const QUOTE_WORDS: &[&str] = &[
    "say",
    "said",
    "says",
    "quote",
    "quoted",
    "quotes",
    "tweet",
    "tweeted",
    "post",
    "posted",
    "reply",
    "replied",
    "respond",
    "responded",
    "claim",
    "claimed",
    "words",
    "wrote",
];

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
                return (if quote { Asks::Quote } else { Asks::Person }, filler);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn words(q: &str) -> Vec<String> {
        q.split_whitespace().map(str::to_lowercase).collect()
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
    fn who_said_asks_for_a_quote_and_who_alone_for_a_person() {
        assert_eq!(asks(&words("who said they have no money")).0, Asks::Quote);
        assert_eq!(asks(&words("who runs softbank")).0, Asks::Person);
        assert_eq!(asks(&words("where was altman")).0, Asks::Place);
        assert_eq!(asks(&words("why is it funny")).0, Asks::Anything);
    }
}

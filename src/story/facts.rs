//! The amounts, counts and dates a story states, each with what it measures.
//!
//! Values are found by pattern; what a value measures is the noun phrase that follows it
//! ("$100 billion investment") or else its clause, verbatim, unless the document's front
//! matter says in its own words what the value measures.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use time::Date;

use super::dates::{self, Resolved};
use crate::corpus::tokens::words;
use crate::corpus::{Corpus, SentenceId};
use crate::words::calendar;
use crate::words::grammar::{AUXILIARIES, DETERMINERS, FUNCTION_WORDS, PHRASE_STOPS};
use crate::words::numbers::{currency_class, is_number_word, CHANGE_VERBS, CURRENCIES, CURRENCY_SYMBOLS};

/// What kind of value a fact is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Money,
    Percent,
    Count,
    Year,
    Date,
    Weekday,
    Relative,
    /// A span of time that says how long, not when ("over a decade", "within a year").
    Duration,
}

impl Kind {
    pub fn is_time(self) -> bool {
        matches!(self, Kind::Year | Kind::Date | Kind::Weekday | Kind::Relative | Kind::Duration)
    }

    /// A time that says when, which a timeline can place ("within a decade" says how long).
    pub fn says_when(self) -> bool {
        self.is_time() && self != Kind::Duration
    }
}

/// One stated value.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub sentence: SentenceId,
    /// The value as written, a byte range of the file.
    pub span: Range<usize>,
    pub kind: Kind,
    /// What it measures: the front matter's words, or a verbatim phrase of the sentence.
    pub measures: Measures,
    /// For dates: the calendar date or range it stands for, when the story's date allows.
    pub resolved: Option<Resolved>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Measures {
    /// Written in the front matter by whoever curates the corpus.
    Listed(String),
    /// A phrase of the sentence, as a byte range of the file.
    Phrase(Range<usize>),
}

const SCALE: &str = r"(?:\s?(?:thousand|million|billion|trillion|bn|[mk])(?-u:\b))?";
/// Units of measure written onto a number ("6.6km", "10ft", "22secs"): metric and imperial
/// lengths, masses and volumes, speeds, times, power and data sizes, in lower case.
const UNIT: &str =
    r"(?-i:km|cm|mm|m|kg|mg|g|lbs?|oz|ft|mi|mph|kph|ha|ml|secs?|mins?|hrs?|kwh|kw|mw|gw|gb|mb|tb|ghz|mhz)";
const QUALIFIER: &str =
    r"(?:(?:less|more|fewer) than |(?:nearly|almost|about|around|roughly|over|under|some|at least|up to|just|only) )?";
/// The counts a span relative to the story's date is written with ("the next five years").
const SMALL_COUNTS: &str = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
/// The counts from thirteen to nineteen, for spans of time ("the past eighteen months").
const TEENS: &str = "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
/// Numbers written as words, from which counts are made ("eleven", "three million").
const NUMBER_PATTERN: &str = "(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a thousand|a million|a dozen|hundreds|thousands|millions|billions|dozens)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand|million|billion))*";

// ASCII word boundaries: Unicode ones make these patterns several times slower to build,
// and every value they look for is ASCII. Earlier patterns win where two overlap.
static PATTERNS: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| {
    let months = calendar::month_pattern();
    let days = calendar::weekday_pattern();
    let n = r"\d[\d,]*(?:\.\d+)?";
    let (symbol, currencies) = (currency_class(), CURRENCIES.join("|"));
    [
        // A country's letters before the symbol are part of it ("A$3.1bn", "HK$10").
        (Kind::Money, format!(r"(?i){QUALIFIER}(?:(?-u:\b)(?-i:[A-Z]{{1,2}}))?{symbol}\s?{n}(?:\s?(?:-|–|to)\s?{symbol}?{n})?{SCALE}")),
        (Kind::Money, format!(r"(?i){QUALIFIER}(?-u:\b){n}\s?(?:million|billion|trillion|bn|m)?\s?(?:{currencies})(?-u:\b)")),
        (Kind::Money, r"(?-u:\b)\d+(?:\.\d+)?p(?-u:\b)".to_string()),
        (Kind::Percent, format!(r"(?i){QUALIFIER}(?-u:\b){n}(?:\s?(?:-|–|to)\s?{n})?\s?(?:%|percent(?-u:\b)|per cent(?-u:\b)|percentage points?(?-u:\b))")),
        (Kind::Date, format!(r"(?-u:\b)(?:{months})\s\d{{1,2}}(?:st|nd|rd|th)?(?:,\s\d{{4}})?(?-u:\b)|(?-u:\b)(?:\d{{1,2}}[-–])?\d{{1,2}}(?:st|nd|rd|th)?\s(?:{months})(?:\s\d{{4}})?(?-u:\b)")),
        // A month alone: "May" only with a year or after a preposition (it is also a verb).
        (Kind::Date, r"(?-u:\b)(?:(?:early|late|mid|mid-|the end of|the start of)\s?)?(?:(?:January|February|March|April|June|July|August|September|October|November|December)(?:\s\d{4})?|May\s\d{4})(?-u:\b)".to_string()),
        (Kind::Date, r"(?:(?-u:\b)(?:in|since|until|by|from|last|next|this|early|late|mid-)\s)May(?-u:\b)".to_string()),
        (Kind::Date, r"(?-u:\b)(?:\d{1,2}[:.]\d{2}\s?(?:am|pm|GMT|BST|UTC)?|\d{4}\s(?:GMT|BST|UTC))(?-u:\b)".to_string()),
        // The world wars are dated by name ("after World War II"); nothing resolves them.
        (Kind::Date, r"(?-u:\b)(?:World War (?:One|Two|II|I)|the (?:First|Second) World War)(?-u:\b)".to_string()),
        // Centuries ("the 19th and early 20th centuries", "the 1st century BC").
        (Kind::Date, r"(?-u:\b)\d{1,2}(?:st|nd|rd|th)(?:\s(?:and|or|to)\s(?:early\s|late\s)?\d{1,2}(?:st|nd|rd|th))?\s[Cc]entur(?:y|ies)(?:\s(?:BC|AD))?(?-u:\b)".to_string()),
        (Kind::Year, r"(?-u:\b)[Bb]etween (?:1[89]\d\d|20\d\d) and (?:1[89]\d\d|20\d\d)(?-u:\b)".to_string()),
        (Kind::Year, r"(?-u:\b)(?:1[89]\d\d|20\d\d)(?:\s?[-–/]\s?(?:1[89]\d\d|20\d\d|\d\d))?s?(?-u:\b)".to_string()),
        (Kind::Weekday, format!(r"(?-u:\b)(?:(?i:last|next|this|on)\s)?(?:{days})(?:\s(?:morning|afternoon|evening|night))?(?-u:\b)")),
        // Spans of time, before the relative spans that would take their last words.
        (Kind::Duration, r"(?i)(?-u:\b)(?:over|within|in\sthe\sspace\sof)\s(?:a|an|one)\s(?:week|month|year|decade|century)(?-u:\b)".to_string()),
        // Spans relative to the story's date, with a count or not ("the next five years",
        // "recent months", "three decades ago", "in a month", "the autumn", "the new year").
        (Kind::Relative, format!(r"(?i)(?-u:\b)(?:yesterday|today|tomorrow|(?:earlier |later )?(?:the\s)?(?:past|previous|last|this|next|coming)\s(?:(?:few|several|couple\sof|\d+|{SMALL_COUNTS}|{TEENS})\s)?(?:weeks?|months?|years?|weekend|decades?|century|season|quarter(?:\sof\sthe\syear)?)|this\s(?:morning|afternoon|evening)|the\srest\sof\sthe\s(?:week|month|year|season|decade)|the\s(?:first|second|third|fourth|final|last)\squarter(?:\sof\s(?:this|last|next|the)\syear)?|the\s(?:first|second)\shalf\sof\s(?:this|last|next|the)\syear|recent\s(?:days|weeks|months|years)|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|many|several|a few|\d+)\s(?:days?|weeks?|months?|years?|decades?)\s(?:ago|later|earlier)|in\sa\s(?:week|month|year)|(?:the\s)?new\syear|(?:the|this|last|next)\s(?:spring|summer|autumn|winter))(?-u:\b)")),
        (Kind::Count, r"(?-u:\b)\d+[-–]\d+(?-u:\b)".to_string()),
        // An ordinal in digits before a word in lower case ("the 50th consecutive quarter");
        // before a capital it names something ("the 40th Army").
        (Kind::Count, r"(?-u:\b)\d+(?:st|nd|rd|th)\s[a-z]+(?-u:\b)".to_string()),
        // A range or a share of counts ("10 or 11", "20 or 30 years", "two out of their 12",
        // "16 of the 21"), and large round counts ("one million", "tens of thousands").
        (Kind::Count, format!(r"(?i){QUALIFIER}(?-u:\b)(?:{n}|{NUMBER_PATTERN})\s(?:or|to)\s(?:{n}|{NUMBER_PATTERN})(?:\s[a-z]+s)?(?-u:\b)")),
        (Kind::Count, format!(r"(?i){QUALIFIER}(?-u:\b)(?:{n}|{NUMBER_PATTERN})\s(?:out\s)?of\s(?:the\s|their\s|its\s)?(?:{n}|{NUMBER_PATTERN})(?-u:\b)")),
        (Kind::Count, format!(r"(?i){QUALIFIER}(?-u:\b)(?:one\s(?:hundred|thousand|million|billion)|(?:tens|hundreds)\sof\s(?:thousands|millions))(?:\s[a-z]+s)?(?-u:\b)")),
        // Multiples and fractions ("two and a half times", "more than twice as many",
        // "around a quarter of"), after the ranges so that "two or three times" stays one; a
        // fraction only with a qualifier before it and "of" or "the" after it ("half" alone,
        // "only half joking" and "about a third party" are no amounts).
        (Kind::Count, format!(r"(?i){QUALIFIER}(?-u:\b)(?:{n}|{NUMBER_PATTERN}|one)(?:\sand\sa\shalf)?\s(?-i:times)(?-u:\b)")),
        (Kind::Count, format!(r"(?i){QUALIFIER}(?-u:\b)twice\sas\s(?:many|much)(?-u:\b)")),
        (Kind::Count, r"(?i)(?-u:\b)(?:(?:less|more|fewer) than |(?:nearly|almost|about|around|roughly|over|under|some|at least|up to|just|only) )(?:a\s(?:quarter|third|fifth|tenth)|half|two[- ]thirds|three[- ]quarters)\s(?:of|the)(?-u:\b)".to_string()),
        // A number with the plural noun it counts ("twenty years"), else the number alone.
        (Kind::Count, format!(r"(?i){QUALIFIER}(?-u:\b)(?:{n}{SCALE}|{NUMBER_PATTERN})\s(?:[a-z]+\s)?[a-z]+s(?-u:\b)")),
        // A unit written onto its number ("the 6.6km race", "a 10ft table") is part of it.
        (Kind::Count, format!(r"(?i){QUALIFIER}(?-u:\b)(?:{n}{UNIT}|{n}{SCALE}|{NUMBER_PATTERN})(?:\s(?:times|out of \d+|of the \d+))?(?-u:\b)")),
    ]
    .into_iter()
    .filter_map(|(k, p)| Regex::new(&p).ok().map(|r| (k, r)))
    .collect()
});

/// A duration with a number ("five years", "12 months"): inside a span relative to the story's
/// date it is also an amount of time ("the next five years" states both when and how long).
/// "A few weeks" or "one year" state no number worth listing.
static DURATION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)(?-u:\b)(?:\d+|{SMALL_COUNTS}|{TEENS})\s(?:days|weeks|months|years|decades)(?-u:\b)"))
        .ok()
});

/// The duration a relative span states, as an amount of its own.
fn duration_in(text: &str, sentence: &Range<usize>, id: SentenceId, relative: &Range<usize>) -> Option<Fact> {
    let found = DURATION.as_ref()?.find(&text[relative.clone()])?;
    let span = relative.start + found.start()..relative.start + found.end();
    let measures = Measures::Phrase(measured(text, sentence.clone(), span.clone(), Kind::Count));
    Some(Fact { sentence: id, span, kind: Kind::Count, measures, resolved: None })
}

/// Every fact of the corpus, in story order.
pub fn all(corpus: &Corpus) -> Vec<Fact> {
    let mut out = Vec::new();
    for (d, doc) in corpus.doc_ids().zip(&corpus.docs) {
        let date = doc.date.as_deref().and_then(dates::parse_date);
        let mut doc_facts: Vec<Fact> = Vec::new();
        for id in doc.sentence_ids() {
            let span = corpus.sentence(id).span.clone();
            let sentence = &doc.text[span.clone()];
            let mut taken: Vec<Range<usize>> = Vec::new();
            for (kind, re) in PATTERNS.iter() {
                for m in re.find_iter(sentence) {
                    let value = without_link(&doc.text, span.start + m.start()..span.start + m.end());
                    if taken.iter().any(|t| t.start < value.end && value.start < t.end)
                        || (*kind == Kind::Count && is_change(&doc.text, &value))
                    {
                        continue;
                    }
                    taken.push(value.clone());
                    if part_of_name(&doc.text, span.start, &value, *kind) {
                        continue;
                    }
                    let value = if *kind == Kind::Count {
                        ordinal_alone(&doc.text, without_trailing_function_words(&doc.text, value))
                    } else {
                        value
                    };
                    let in_name =
                        *kind == Kind::Count && names_something(&doc.text[value.clone()], &doc.text[value.end..]);
                    let Some(value) = (if in_name { count_before_name(&doc.text, &value) } else { Some(value) }) else {
                        continue;
                    };
                    let resolved = resolve(*kind, &doc.text[value.clone()], date);
                    let measures = Measures::Phrase(measured(&doc.text, span.clone(), value.clone(), *kind));
                    if *kind == Kind::Relative {
                        doc_facts.extend(duration_in(&doc.text, &span, id, &value));
                    }
                    doc_facts.push(Fact { sentence: id, span: value, kind: *kind, measures, resolved });
                }
            }
        }
        for listed in &doc.listed_facts {
            match doc_facts.iter_mut().find(|f| f.span.start < listed.span.end && listed.span.start < f.span.end) {
                Some(f) => f.measures = Measures::Listed(listed.measures.clone()),
                None => {
                    if let Some(sentence) = corpus.sentence_at(d, listed.span.start) {
                        let text = &doc.text[listed.span.clone()];
                        let kind = if text.contains(CURRENCY_SYMBOLS) { Kind::Money } else { Kind::Count };
                        doc_facts.push(Fact {
                            sentence,
                            span: listed.span.clone(),
                            kind,
                            measures: Measures::Listed(listed.measures.clone()),
                            resolved: None,
                        });
                    }
                }
            }
        }
        doc_facts.sort_by_key(|f| f.span.start);
        out.extend(doc_facts);
    }
    out
}

/// A fraction is matched with the "of" or "the" that shows it is one ("around a quarter of
/// the company"); the value is the fraction alone.
fn without_link(text: &str, value: Range<usize>) -> Range<usize> {
    let written = &text[value.clone()];
    match [" of", " the"].iter().find(|link| written.ends_with(*link)) {
        Some(link) => value.start..value.end - link.len(),
        None => value,
    }
}

/// "fell from 7,613 to 6,630", "rose by 17,000 to 4.483 million": two values, not a range of
/// one.
fn is_change(text: &str, value: &Range<usize>) -> bool {
    let mut before = text[..value.start].split_whitespace().rev().map(str::to_lowercase);
    let (last, verb) = (before.next().unwrap_or_default(), before.next().unwrap_or_default());
    let by_change = last == "by" && CHANGE_VERBS.contains(&verb.as_str());
    text[value.clone()].contains(" to ") && (last == "from" || by_change)
}

/// What a time value stands for, given the story's date; a year, or a day of the month that
/// states its year, stands for itself in a story without one.
fn resolve(kind: Kind, written: &str, story: Option<Date>) -> Option<Resolved> {
    match kind {
        Kind::Year => dates::year(written),
        Kind::Date => dates::day_of_month(written, story.map(|d| d.year())),
        Kind::Weekday => dates::weekday(written, story?),
        Kind::Relative => dates::relative(written, story?),
        Kind::Money | Kind::Percent | Kind::Count | Kind::Duration => None,
    }
}

/// Whether a count is part of a name ("the Six Nations", "three Six Nations games", "Radio
/// Five Live"): a capitalised number word followed by a capitalised word.
fn names_something(value: &str, after: &str) -> bool {
    let next = after.strip_prefix(' ').and_then(|rest| rest.split_whitespace().next());
    let words: Vec<&str> = value.split_whitespace().chain(next).collect();
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    words.windows(2).any(|pair| capitalised(pair[0]) && in_number_words(pair[0]) && capitalised(pair[1]))
}

/// Whether a value is part of a name rather than an amount or a time: a number in digits right
/// after a capitalised word ("BBC Radio 4", "Chapter 11 protection"; not "Some 37", "The 25",
/// "June 4"), a capitalised relative time inside a sentence ("BBC Radio 4's Today programme"),
/// or a capitalised century before a capital ("20th Century Fox").
fn part_of_name(text: &str, sentence_start: usize, value: &Range<usize>, kind: Kind) -> bool {
    let written = &text[value.clone()];
    let before = text[sentence_start..value.start].trim_end_matches(' ');
    let mid_sentence = before.chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '\'' || c == '’');
    if kind == Kind::Count && names_with_number(text, value) {
        return true;
    }
    match kind {
        Kind::Count
            if written.bytes().all(|b| b.is_ascii_digit()) && before.len() + 1 == value.start - sentence_start =>
        {
            let previous = before.rsplit(' ').next().unwrap_or_default();
            let lower = previous.to_lowercase();
            previous.chars().next().is_some_and(char::is_uppercase)
                && previous.chars().all(char::is_alphanumeric)
                && !FUNCTION_WORDS.contains(&lower.as_str())
                && !calendar::is_calendar_word(&lower)
        }
        Kind::Relative => mid_sentence && written.starts_with(char::is_uppercase),
        // "20th Century Fox": a century written with a capital before another capital.
        Kind::Date if written.ends_with("Century") => {
            text[value.end..].strip_prefix(' ').is_some_and(|rest| rest.starts_with(char::is_uppercase))
        }
        _ => false,
    }
}

/// "50 Cent", "Radio 5 Live": a number in digits opening a value, before a capitalised word
/// (or "'s") where the story writes that number and word together twice or more, is a name.
/// Months and weekdays are dates' ("5 May").
fn names_with_number(text: &str, value: &Range<usize>) -> bool {
    let written = &text[value.clone()];
    let number_end = written.find(|c: char| !c.is_ascii_digit()).unwrap_or(written.len());
    if number_end == 0 {
        return false;
    }
    let number = &written[..number_end];
    let rest = &text[value.start + number_end..];
    let pair = |word: &str| {
        word.starts_with(char::is_uppercase)
            && !calendar::is_calendar_word(&word.to_lowercase())
            && text.matches(&format!("{number} {word}")).count() >= 2
    };
    let next_word = |after: &str| after.split(|c: char| !c.is_alphanumeric()).next().map(str::to_string);
    match rest.strip_prefix(' ') {
        Some(after) => next_word(after).is_some_and(|w| pair(&w)),
        // "50's beef" where the story also writes "50 Cent" twice.
        None if rest.starts_with("'s") || rest.starts_with("’s") => {
            let boundary = |at: usize| !text[..at].ends_with(|c: char| c.is_alphanumeric());
            boundary(value.start)
                && text
                    .match_indices(&format!("{number} "))
                    .any(|(at, _)| boundary(at) && next_word(&text[at + number.len() + 1..]).is_some_and(|w| pair(&w)))
        }
        None => false,
    }
}

/// "20 and has" of "from 24 weeks to 20 and has said": a counted noun is never a function
/// word, so a value ending in one stops before the first one after its number ("two or
/// three", "16 of the 21" end in numbers and stay whole).
fn without_trailing_function_words(text: &str, value: Range<usize>) -> Range<usize> {
    let ws = words(text, value.clone());
    let is_function = |w: &Range<usize>| {
        let lower = text[w.clone()].to_lowercase();
        FUNCTION_WORDS.contains(&lower.as_str()) || AUXILIARIES.contains(&lower.as_str())
    };
    if !ws.last().is_some_and(is_function) {
        return value;
    }
    let Some(number) = ws.iter().position(|w| {
        text[w.clone()].starts_with(|c: char| c.is_ascii_digit()) || in_number_words(&text[w.clone()].to_lowercase())
    }) else {
        return value;
    };
    match ws.iter().skip(number + 1).position(is_function) {
        Some(k) => value.start..ws[number + k].end,
        None => value,
    }
}

/// "50th" of "50th consecutive": the word after an ordinal was matched only to see that it is
/// not a name's ("the 40th Army"); what the ordinal ranks is what it measures.
fn ordinal_alone(text: &str, value: Range<usize>) -> Range<usize> {
    let written = &text[value.clone()];
    match written.split_once(' ') {
        Some((first, _))
            if first.starts_with(|c: char| c.is_ascii_digit())
                && ["st", "nd", "rd", "th"].iter().any(|s| first.ends_with(s)) =>
        {
            value.start..value.start + first.len()
        }
        _ => value,
    }
}

/// "seven", "twenty-five": a number written in words.
fn in_number_words(word: &str) -> bool {
    word.split('-').all(is_number_word)
}

/// "three Six Nations games": the count in lower case before a name that holds a number.
fn count_before_name(text: &str, value: &Range<usize>) -> Option<Range<usize>> {
    let first = text[value.clone()].split_whitespace().next()?;
    let lower = first.chars().next().is_some_and(char::is_lowercase);
    (lower && in_number_words(first)).then(|| value.start..value.start + first.len())
}

/// The phrase a value measures: the noun phrase right after it (or its "of …" phrase), else
/// the clause around it, widened when it says little more than the value.
fn measured(text: &str, sentence: Range<usize>, value: Range<usize>, kind: Kind) -> Range<usize> {
    with_closing_mark(text, measured_open(text, sentence, value, kind))
}

/// A phrase that opens a quotation ends with its closing mark when the mark comes right after
/// it (`… offer competitors "real equality of access to its phone lines"`), so that it reads
/// whole when shown between quotation marks of its own.
fn with_closing_mark(text: &str, phrase: Range<usize>) -> Range<usize> {
    let written = &text[phrase.clone()];
    let rest = &text[phrase.end..];
    let open_straight = written.matches('"').count() % 2 == 1;
    let open_curly = written.matches('“').count() > written.matches('”').count();
    match (open_straight && rest.starts_with('"'), open_curly && rest.starts_with('”')) {
        (true, _) => phrase.start..phrase.end + 1,
        (_, true) => phrase.start..phrase.end + '”'.len_utf8(),
        _ => phrase,
    }
}

fn measured_open(text: &str, sentence: Range<usize>, value: Range<usize>, kind: Kind) -> Range<usize> {
    if !kind.is_time() {
        let clause_end = clause_bounds(text, sentence.clone(), value.clone()).end;
        let after = words(text, value.end..clause_end);
        let of_phrase = after.first().is_some_and(|w| &text[w.clone()] == "of");
        let mut phrase: Vec<Range<usize>> = Vec::new();
        for (i, w) in after.iter().enumerate() {
            let word = text[w.clone()].to_lowercase();
            let after_of = i > 0 && text[after[i - 1].clone()].eq_ignore_ascii_case("of");
            let determiner = after_of && DETERMINERS.contains(&word.as_str());
            let stops = PHRASE_STOPS.contains(&word.as_str()) && !determiner && !(of_phrase && i == 0);
            if phrase.len() >= 5 || stops {
                break;
            }
            phrase.push(w.clone());
        }
        if phrase.iter().any(|w| &text[w.clone()] != "of") {
            if let (Some(first), Some(last)) = (phrase.first(), phrase.last()) {
                return first.start..last.end;
            }
        }
    }
    let clause = clause_bounds(text, sentence.clone(), value.clone());
    let content = |r: &Range<usize>| {
        words(text, r.clone()).len() - words(text, value.clone()).len().min(words(text, r.clone()).len())
    };
    if content(&clause) >= 3 {
        return clause;
    }
    let widened = if clause.start > sentence.start {
        clause_bounds(text, sentence.clone(), clause.start.saturating_sub(2)..clause.start.saturating_sub(1)).start
            ..clause.end
    } else {
        clause.start..clause_bounds(text, sentence.clone(), clause.end + 1..clause.end + 2).end
    };
    let trimmed = text[widened.clone()].trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')');
    widened.start..widened.start + trimmed.len()
}

/// The clause holding `range`: between the nearest ',', ';', ':', '—' or sentence edge, trimmed.
fn clause_bounds(text: &str, sentence: Range<usize>, range: Range<usize>) -> Range<usize> {
    // A comma between digits ("180,000") is part of a number, not a cut.
    let is_cut = |at: usize, c: char| {
        let digit = |b: Option<&u8>| b.is_some_and(u8::is_ascii_digit);
        match c {
            ',' => !(digit(text.as_bytes().get(at.wrapping_sub(1))) && digit(text.as_bytes().get(at + 1))),
            ';' | ':' | '—' | '–' => true,
            _ => false,
        }
    };
    let start_at = char_floor(text, range.start.clamp(sentence.start, sentence.end));
    let end_at = char_floor(text, range.end.clamp(start_at, sentence.end));
    let before = &text[sentence.start..start_at];
    let start = before
        .char_indices()
        .rev()
        .find(|&(i, c)| is_cut(sentence.start + i, c))
        .map_or(sentence.start, |(i, c)| sentence.start + i + c.len_utf8());
    let after = &text[end_at..sentence.end];
    let end = after.char_indices().find(|&(i, c)| is_cut(end_at + i, c)).map_or(sentence.end, |(i, _)| end_at + i);
    let part = &text[start..end];
    let lead = part.len() - part.trim_start().len();
    let trimmed = part.trim().trim_end_matches(['.', '!', '?', '…', '”', '"']);
    start + lead..start + lead + trimmed.len()
}

/// The nearest char boundary at or before `at`.
fn char_floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The facts whose sentence or measure mentions `terms` (by the engine's reading of them), or
/// of the kind they name ("money", "dates"), best match first.
///
/// # Errors
/// A [`crate::UserError`] for overlong terms; anything else is internal.
pub fn about<'a>(engine: &crate::Engine, facts: &'a [Fact], terms: &str) -> anyhow::Result<Vec<&'a Fact>> {
    let terms = super::check_text(terms, "what the facts should be about", || "money".into())?;
    let lower = terms.to_lowercase();
    let kinds: Vec<Kind> = [
        (["money", "dollar", "cost", "price", "spent", "amount"].as_slice(), [Kind::Money].as_slice()),
        (
            ["date", "when", "time", "day", "year"].as_slice(),
            [Kind::Year, Kind::Date, Kind::Weekday, Kind::Relative, Kind::Duration].as_slice(),
        ),
        (["percent", "share"].as_slice(), [Kind::Percent].as_slice()),
        (["count", "number", "how many"].as_slice(), [Kind::Count].as_slice()),
    ]
    .iter()
    .filter(|(words, _)| words.iter().any(|w| lower.contains(w)))
    .flat_map(|(_, kinds)| kinds.iter().copied())
    .collect();
    let analysed = engine.read(terms)?;
    let corpus = engine.corpus();
    let mut scored: Vec<(f32, &Fact)> = facts
        .iter()
        .filter_map(|f| {
            let doc = corpus.doc_of(f.sentence);
            let measure = match &f.measures {
                Measures::Listed(m) => m.clone(),
                Measures::Phrase(r) => doc.text[r.clone()].to_string(),
            };
            // A fact whose measure names the terms beats one whose sentence merely does.
            let coverage =
                2.0 * engine.coverage(&analysed, &measure) + engine.coverage(&analysed, corpus.text(f.sentence));
            let by_kind = kinds.contains(&f.kind);
            (coverage > 0.0 || by_kind).then_some((coverage + if by_kind { 3.0 } else { 0.0 }, f))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.span.start.cmp(&b.1.span.start)));
    Ok(scored.into_iter().map(|(_, f)| f).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts_of(text: &str) -> Vec<(String, Kind, String, Option<String>)> {
        let corpus = Corpus::of_story(text);
        let doc = &corpus.docs[0];
        all(&corpus)
            .into_iter()
            .map(|f| {
                let measures = match f.measures {
                    Measures::Listed(m) => m,
                    Measures::Phrase(r) => doc.text[r].to_string(),
                };
                (doc.text[f.span].to_string(), f.kind, measures, f.resolved.map(|r| r.to_string()))
            })
            .collect()
    }

    #[test]
    fn amounts_measure_the_noun_phrase_after_them() {
        let got = facts_of("The initial phase includes a $100 billion investment, with more later. SoftBank had less than $10 billion of the commitment on hand.");
        assert_eq!(got[0], ("$100 billion".into(), Kind::Money, "investment".into(), None));
        assert_eq!(got[1], ("less than $10 billion".into(), Kind::Money, "of the commitment".into(), None));
    }

    #[test]
    fn a_change_by_one_amount_to_another_is_two_values_but_a_range_stays_one() {
        let values = |text: &str| facts_of(text).into_iter().map(|f| f.0).collect::<Vec<_>>();
        assert_eq!(values("The total rose by 17,000 to 4.483 million."), ["17,000", "4.483 million"]);
        assert_eq!(values("It was 10 to 12 people."), ["10 to 12"]);
    }

    #[test]
    fn a_range_of_days_in_a_month_is_one_date_spanning_them() {
        let got = facts_of("The festival runs on 24-26 June 2005.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].0.as_str(), got[0].1), ("24-26 June 2005", Kind::Date));
        assert_eq!(got[0].3.as_deref(), Some("2005-06-24 to 2005-06-26"));
    }

    #[test]
    fn a_unit_written_onto_its_number_is_part_of_the_amount_but_other_letters_are_not() {
        let got = facts_of("He won the 6.6km race by 22secs at a 10ft table. The 49ers won by 2n points.");
        let values: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(values, ["6.6km", "22secs", "10ft"]);
    }

    #[test]
    fn a_phrase_that_opens_a_quotation_keeps_its_closing_mark() {
        let got = facts_of(
            "Ofcom said in November that BT must offer \"real equality of access\". It promised “a fix by May”.",
        );
        let measures: Vec<&str> = got.iter().map(|g| g.2.as_str()).collect();
        assert_eq!(
            measures,
            ["Ofcom said in November that BT must offer \"real equality of access\"", "It promised “a fix by May”"]
        );
    }

    #[test]
    fn a_number_in_a_name_is_not_a_count_but_the_count_before_it_is() {
        let got =
            facts_of("England won three Six Nations games, Hare told BBC Radio Five Live. More than 40 MEPs agreed.");
        let values: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(values, ["three", "More than 40 MEPs"], "the count before the name stays");
    }

    #[test]
    fn a_number_inside_a_name_and_a_capitalised_time_inside_a_sentence_are_no_values() {
        let got = facts_of(
            "He told BBC Radio 4's Today programme about Chapter 11 protection. Some 37 countries could benefit today.",
        );
        let values: Vec<(&str, Kind)> = got.iter().map(|g| (g.0.as_str(), g.1)).collect();
        assert_eq!(values, [("Some 37 countries", Kind::Count), ("today", Kind::Relative)]);
    }

    #[test]
    fn a_counted_noun_is_never_a_function_word() {
        let got = facts_of("The Tory leader wants the limit cut from 24 weeks to 20 and has said so.");
        let values: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(values, ["24 weeks", "20"]);
    }

    #[test]
    fn a_comma_inside_a_number_does_not_end_the_clause_a_value_measures() {
        let got = facts_of("More than 180,000 women had terminations last year.");
        let last_year = got.iter().find(|g| g.0 == "last year").map(|g| g.2.as_str());
        assert_eq!(last_year, Some("More than 180,000 women had terminations last year"));
    }

    #[test]
    fn spans_relative_to_the_story_date_are_dates() {
        let got = facts_of("Prices rose in recent months. Talks go on over the next few weeks. It began three decades ago, and the plan starts in the new year, after the autumn.");
        let dates: Vec<(&str, Kind)> = got.iter().map(|g| (g.0.as_str(), g.1)).collect();
        for phrase in ["recent months", "the next few weeks", "three decades ago", "the new year", "the autumn"] {
            assert!(dates.contains(&(phrase, Kind::Relative)), "{phrase}: {dates:?}");
        }
    }

    #[test]
    fn the_world_wars_are_dates_that_resolve_to_no_day() {
        let got = facts_of(
            "The plan rebuilt Europe after World War II. Veterans of the First World War and World War Two came.",
        );
        let dates: Vec<(&str, Kind, Option<&str>)> = got.iter().map(|g| (g.0.as_str(), g.1, g.3.as_deref())).collect();
        for war in ["World War II", "the First World War", "World War Two"] {
            assert!(dates.contains(&(war, Kind::Date, None)), "{war}: {dates:?}");
        }
    }

    #[test]
    fn centuries_are_dates_unless_a_capital_follows_a_capitalised_one() {
        let got =
            facts_of("It grew in the 19th and early 20th century and the 1st century BC. 20th Century Fox came later.");
        let dates: Vec<(&str, Kind)> = got.iter().map(|g| (g.0.as_str(), g.1)).collect();
        assert!(dates.contains(&("19th and early 20th century", Kind::Date)), "{dates:?}");
        assert!(dates.contains(&("1st century BC", Kind::Date)), "{dates:?}");
        assert!(got.iter().all(|g| !g.0.contains("Century")), "{dates:?}");
    }

    #[test]
    fn an_ordinal_before_a_word_in_lower_case_is_a_count_of_what_follows_but_not_before_a_name() {
        let got = facts_of("Growth marked the 50th consecutive quarter of expansion. The 40th Army moved.");
        assert!(
            got.contains(&("50th".into(), Kind::Count, "consecutive quarter of expansion".into(), None)),
            "{got:?}"
        );
        assert!(got.iter().all(|g| !g.0.contains("40th")), "{got:?}");
    }

    #[test]
    fn ranges_and_shares_of_counts_are_one_value_but_a_change_from_one_to_another_is_two() {
        let got = facts_of("Exams drop after the age of 10 or 11. Only two out of their 12 dancers are British. \
                            Tens of thousands of shareholders lost. Waits fell from 7,613 to 6,630 in the last 12 months.");
        let values: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        for value in ["10 or 11", "Only two out of their 12", "Tens of thousands", "7,613", "6,630"] {
            assert!(values.contains(&value), "{value}: {values:?}");
        }
        assert!(got.iter().any(|g| g.0 == "the last 12 months" && g.1 == Kind::Relative), "{got:?}");
    }

    #[test]
    fn a_number_the_story_writes_twice_before_the_same_capitalised_word_is_a_name() {
        let got =
            facts_of("50 Cent said so. Fans of 50 Cent waited. 50's fans sang. Then 50 Fans left and 12 People came.");
        let values: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(values, ["50 Fans", "12"], "once before another word, a number is a count");
    }

    #[test]
    fn a_countrys_letters_before_a_currency_symbol_are_part_of_the_amount() {
        let got = facts_of("Shares were suspended at A$4.25 after it paid HK$10m.");
        let values: Vec<(&str, Kind)> = got.iter().map(|g| (g.0.as_str(), g.1)).collect();
        assert_eq!(values, [("A$4.25", Kind::Money), ("HK$10m", Kind::Money)]);
    }

    #[test]
    fn spans_of_time_in_words_are_dates_but_a_half_of_a_match_is_not() {
        let got = facts_of(
            "Prices rose over the past eighteen months and in the last couple of months. Sales fell in the fourth quarter and will grow in the first half of this year and the rest of the year. Two years later he came this morning. The try came in the first half.",
        );
        let values: Vec<&str> = got.iter().filter(|g| g.1 == Kind::Relative).map(|g| g.0.as_str()).collect();
        for span in [
            "the past eighteen months",
            "the last couple of months",
            "the fourth quarter",
            "the first half of this year",
            "the rest of the year",
            "Two years later",
            "this morning",
        ] {
            assert!(values.contains(&span), "{span}: {values:?}");
        }
        assert!(!values.contains(&"the first half"), "{values:?}");
        assert!(got.iter().any(|g| g.0 == "eighteen months" && g.1 == Kind::Count), "{got:?}");
    }

    #[test]
    fn a_relative_span_with_a_number_also_states_how_long_and_one_without_does_not() {
        let got = facts_of("Spending grows over the next five years. Talks go on for the next few weeks.");
        let values: Vec<(&str, Kind)> = got.iter().map(|g| (g.0.as_str(), g.1)).collect();
        assert!(values.contains(&("the next five years", Kind::Relative)), "{values:?}");
        assert!(values.contains(&("five years", Kind::Count)), "{values:?}");
        assert!(values.contains(&("the next few weeks", Kind::Relative)), "{values:?}");
        assert_eq!(values.iter().filter(|v| v.1 == Kind::Count).count(), 1, "{values:?}");
    }

    #[test]
    fn a_span_of_time_is_a_duration_without_a_day_it_resolves_to() {
        let got =
            facts_of("+++\ndate = \"2005-01-03\"\n+++\nAid rises over a decade. Sales fell in the space of one year.");
        let values: Vec<(&str, Kind, Option<&str>)> = got.iter().map(|g| (g.0.as_str(), g.1, g.3.as_deref())).collect();
        assert_eq!(
            values,
            [("over a decade", Kind::Duration, None), ("in the space of one year", Kind::Duration, None)]
        );
    }

    #[test]
    fn a_span_between_two_years_is_one_date_from_the_first() {
        let got = facts_of("+++\ndate = \"2005-01-03\"\n+++\nSales fell between 2002 and 2003, then rose in 2004.");
        let values: Vec<(&str, Kind, Option<&str>)> = got.iter().map(|g| (g.0.as_str(), g.1, g.3.as_deref())).collect();
        assert_eq!(values[0].0, "between 2002 and 2003");
        assert_eq!(values[0].1, Kind::Year);
        assert_eq!(values[1].0, "2004");
        assert_eq!(values[0].2, Some("2002-2003"), "{values:?}");
    }

    #[test]
    fn multiples_and_qualified_fractions_are_amounts_but_half_alone_is_not() {
        let got = facts_of(
            "The UK pays two and a half times more. Sales are more than twice as many. \
             Around a quarter of pupils quit. Half the team stayed. He was only half joking \
             about a third party. It costs two or three times more.",
        );
        let values: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            values,
            ["two and a half times", "more than twice as many", "Around a quarter", "two or three times"]
        );
    }

    #[test]
    fn money_from_one_value_to_another_is_never_taken_for_counts_and_a_weekday_with_its_time_resolves() {
        let got = facts_of("+++\ndate = \"2005-01-03\"\n+++\nShares rose from $40 to $45 on Friday night.");
        let values: Vec<(&str, Kind)> = got.iter().map(|g| (g.0.as_str(), g.1)).collect();
        assert!(values.contains(&("$40 to $45", Kind::Money)), "{values:?}");
        let friday = got.iter().find(|g| g.0 == "on Friday night");
        assert_eq!(friday.and_then(|g| g.3.clone()).as_deref(), Some("2004-12-31"), "{got:?}");
    }

    #[test]
    fn a_value_without_a_noun_after_it_measures_its_clause() {
        let got = facts_of("He trolls it on X—the platform he bought for $44 billion back in 2022.");
        assert_eq!(got[0].0, "$44 billion");
        assert_eq!(got[0].2, "the platform he bought for $44 billion back in 2022");
        assert_eq!((got[1].0.as_str(), got[1].1), ("2022", Kind::Year));
    }

    #[test]
    fn weekdays_resolve_against_the_story_date_and_votes_and_percentages_are_found() {
        let text = "+++\ndate = \"2024-03-08\"\n+++\nThe council voted 7-2 on Wednesday to approve it. Ridership fell by 15 percent in 2023.";
        let got = facts_of(text);
        let values: Vec<(&str, Kind, Option<&str>)> = got.iter().map(|g| (g.0.as_str(), g.1, g.3.as_deref())).collect();
        assert_eq!(
            values,
            [
                ("7-2", Kind::Count, None),
                ("on Wednesday", Kind::Weekday, Some("2024-03-06")),
                ("15 percent", Kind::Percent, None),
                ("2023", Kind::Year, Some("2023")),
            ]
        );
    }
}

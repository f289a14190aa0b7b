//! Reading a question as the next turn of a conversation: its pronouns and elliptical forms
//! are read against the turns before it, using only what the corpus knows (its people and
//! organisations, their forms and sex, who speaks each sentence shown).
//!
//! - A pronoun ("he", "her", "it", "they", a closing "that") becomes the most recent earlier
//!   name it can stand for: the earlier question's names first, then the speaker of the
//!   answer shown, then the names in that answer. A man for "he", a woman for "she" (a person
//!   whose sex is unknown when none fits), an organisation or thing for "it" and "they".
//!   A question that names someone a pronoun could stand for is about them, and is left alone.
//!   A closing "that" or "this" stands for what the earlier question asked about, which is
//!   searched for beside the question ("who said that? (about: …)").
//! - "and Oracle?", "what about Oracle?": the earlier question with its name of the same kind
//!   swapped for the new one.
//! - "when?", "how much?" alone: the earlier question with the new question words; "what
//!   for?" and "how come?" with "why".
//! - "what else (did he say)?", "next", "tell me more": the same reading again (or the
//!   question with its pronouns read), past the sentences already shown.
//!
//! A follow-up that needs an earlier turn and has none is a [`UserError`]; a pronoun with no
//! earlier name is left as written.

mod names;

use std::ops::Range;

pub(crate) use names::Names;
use names::{words as words_of, Class, Word};

use super::conversation::Turn;
use crate::corpus::gender::Gender;
use crate::corpus::{Corpus, SentenceId};
use crate::error::UserError;
use crate::words::follow_ups::{
    ADDING, ASKING_WHY, BARE_FILLER, BARE_JOINING, BARE_QUESTION_WORDS, CONTINUE_ANYWHERE, CONTINUE_AT_END,
    CONTINUE_FILLER, CONTRACTED, DEMONSTRATIVES, ELLIPSIS_OPENINGS, FEMALE, MALE, OBJECTS, PLURAL, POSSESSIVES, THING,
};
use crate::words::grammar::{AUXILIARIES, PREPOSITIONS};
use crate::words::questions::{HOW_AMOUNT, HOW_TIME, STOP_WORDS};

/// What a follow-up with nothing to follow is told.
pub const NOTHING_TO_FOLLOW: &str = "That reads as a follow-up, but there is no earlier question to follow here \
     (or the conversation expired). Please ask a full question, naming who or what it is about.";

/// Longest elliptical phrase ("and the first data center?"), in words.
const MAX_ELLIPSIS_WORDS: usize = 6;

/// How a question was read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Reading {
    /// What is searched for.
    pub search: String,
    /// What the user is told the question was read as, when it was rewritten.
    pub shown: Option<String>,
    /// Sentences not to give again.
    pub exclude: Vec<SentenceId>,
    /// The earlier question a pronoun stood for, when one stood for a question rather than a
    /// name.
    pub about: Option<String>,
}

impl Reading {
    fn as_written(question: &str) -> Reading {
        Reading { search: question.to_string(), shown: None, exclude: Vec::new(), about: None }
    }

    fn rewritten(search: String) -> Reading {
        Reading { shown: Some(search.clone()), search, exclude: Vec::new(), about: None }
    }
}

/// Reads `question` after the `earlier` turns (oldest first).
///
/// # Errors
/// A [`UserError`] for a follow-up that only makes sense after an earlier question ("what
/// else?", "how much?") when there is none.
pub(crate) fn read(names: &Names, corpus: &Corpus, question: &str, earlier: &[Turn]) -> Result<Reading, UserError> {
    let reading = read_unchecked(names, corpus, question, earlier)?;
    // Every pronoun of a long question read as a long earlier question would make a query
    // (and a stored turn) many times the longest question: such a question is read as written.
    let too_long = |text: &str| text.chars().count() > super::MAX_QUESTION_CHARS;
    match too_long(&reading.search) || reading.shown.as_deref().is_some_and(too_long) {
        true => Ok(Reading::as_written(question)),
        false => Ok(reading),
    }
}

fn read_unchecked(names: &Names, corpus: &Corpus, question: &str, earlier: &[Turn]) -> Result<Reading, UserError> {
    let words = words_of(question);
    let context = Context { names, corpus, earlier };
    if let Some(kept) = continuation(&words) {
        return context.go_on(question, &words, &kept);
    }
    if is_asking_why(&words) {
        let last = earlier.last().ok_or_else(|| UserError::new(NOTHING_TO_FOLLOW))?;
        return Ok(Reading::rewritten(with_question_words("why", &words_of("why"), asked(last))));
    }
    if is_bare(&words) {
        let last = earlier.last().ok_or_else(|| UserError::new(NOTHING_TO_FOLLOW))?;
        return Ok(Reading::rewritten(with_question_words(question, &words, asked(last))));
    }
    if let (Some(phrase), Some(last)) = (ellipsis(question, &words), earlier.last()) {
        return Ok(Reading::rewritten(context.swap(phrase, asked(last))));
    }
    Ok(match context.resolve(question, &words) {
        Some(resolved) => resolved.reading(Vec::new()),
        None => Reading::as_written(question),
    })
}

/// A question with its pronouns read.
struct Resolved {
    /// The question with the first pronoun standing for each earlier name replaced by it.
    text: String,
    /// For a pronoun that stands for what the earlier question asked about rather than a
    /// name ("who said that?"): that question. Its topic is searched for beside the question;
    /// spliced into it, it would make a garbled one ("who was the MEP say about the EU?").
    about: Option<String>,
}

impl Resolved {
    fn search(&self) -> String {
        match &self.about {
            Some(earlier) => format!("{} {}", self.text, topic_of(earlier)),
            None => self.text.clone(),
        }
    }

    fn shown(&self) -> String {
        match &self.about {
            Some(earlier) => format!("{} (about: {earlier})", self.text),
            None => self.text.clone(),
        }
    }

    fn reading(self, exclude: Vec<SentenceId>) -> Reading {
        Reading { search: self.search(), shown: Some(self.shown()), exclude, about: self.about }
    }
}

/// What a turn asked, as a question a bare follow-up or "and X?" can be read against: for a
/// turn whose "that" stood for an earlier question, that question ("why not?" after "who
/// said that?" asks why of what "that" was).
fn asked(turn: &Turn) -> &str {
    turn.about.as_deref().unwrap_or(&turn.read)
}

/// A turn as its reading was shown: without the earlier topic its search added.
fn as_shown(turn: &Turn) -> String {
    match &turn.about {
        Some(earlier) => {
            let text = turn.read.strip_suffix(&topic_of(earlier)).unwrap_or(&turn.read).trim_end();
            Resolved { text: text.to_string(), about: Some(earlier.clone()) }.shown()
        }
        None => turn.read.clone(),
    }
}

/// What a pronoun stands for.
enum Antecedent {
    /// A name, as written, and which known name it is (`None` for "Altman and Musk").
    Name(Option<usize>, String),
    /// What the earlier question asked about.
    Topic,
}

/// What a question is read against.
struct Context<'a> {
    names: &'a Names,
    corpus: &'a Corpus,
    earlier: &'a [Turn],
}

impl Context<'_> {
    /// "what else did he say?": the question without its going-on words, pronouns read, or
    /// the last reading when nothing else is left; past every sentence shown so far.
    fn go_on(&self, question: &str, words: &[Word], kept: &[usize]) -> Result<Reading, UserError> {
        let without = join_words(question, words, kept);
        let resolved = self.resolve(&without, &words_of(&without));
        let has_content = kept.iter().any(|&i| {
            !STOP_WORDS.contains(&words[i].lower.as_str()) && !CONTINUE_FILLER.contains(&words[i].lower.as_str())
        });
        let Some(last) = self.earlier.last() else {
            return match has_content {
                true => Ok(Reading::as_written(question)),
                false => Err(UserError::new(NOTHING_TO_FOLLOW)),
            };
        };
        let exclude = self.earlier.iter().flat_map(|t| t.shown.iter().copied()).collect();
        Ok(match (resolved, has_content) {
            (Some(resolved), _) => {
                let shown = self.resolve(question, words).map_or_else(|| question.to_string(), |r| r.shown());
                Reading { shown: Some(shown), ..resolved.reading(exclude) }
            }
            (None, true) => Reading {
                search: without.clone(),
                shown: Some(format!("more answers to: {without}")),
                exclude,
                about: None,
            },
            (None, false) => Reading {
                search: last.read.clone(),
                shown: Some(format!("more answers to: {}", as_shown(last))),
                exclude,
                about: last.about.clone(),
            },
        })
    }

    /// The question with the first pronoun that stands for each earlier name replaced by it
    /// (later ones read well as they are: "what does Nattrass say he meant?"); `None` when no
    /// pronoun stands for anything. An object pronoun ("him") is not the subject pronoun
    /// ("he") of the same question: "what did he do for him?" names two people.
    fn resolve(&self, question: &str, words: &[Word]) -> Option<Resolved> {
        let own: Vec<Class> = self.names.in_text(question).iter().map(|n| self.names.get(n.known).class).collect();
        let mut replaced: Vec<(Range<usize>, String)> = Vec::new();
        let mut subjects: Vec<usize> = Vec::new();
        let mut named: Vec<Option<usize>> = Vec::new();
        let mut about = None;
        for (i, word) in words.iter().enumerate() {
            let Some(wants) = pronoun(words, i) else { continue };
            if own.iter().any(|c| wants.fits(*c)) {
                continue;
            }
            let possessive = POSSESSIVES.contains(&word.lower.as_str())
                || (word.lower == "her" && words.get(i + 1).is_some_and(|next| is_content(&next.lower)));
            let object = OBJECTS.contains(&word.lower.as_str()) && !possessive;
            let found = match wants {
                Wants::Topic => Some(Antecedent::Topic),
                _ => self.antecedent(wants, if object { &subjects } else { &[] }),
            };
            match found {
                Some(Antecedent::Topic) => {
                    about = self.earlier.last().map(|t| t.about.clone().unwrap_or(t.read.clone()))
                }
                Some(Antecedent::Name(known, name)) if !named.contains(&known) => {
                    if !object {
                        subjects.extend(known);
                    }
                    named.push(known);
                    replaced.push((word.span.clone(), if possessive { format!("{name}'s") } else { name }));
                }
                _ => {}
            }
        }
        let about = about.filter(|earlier| !topic_of(earlier).is_empty());
        (!replaced.is_empty() || about.is_some()).then(|| Resolved { text: splice(question, &replaced), about })
    }

    /// The most recent earlier name `wants` can stand for (not one in `skip`), as the earlier
    /// question wrote it, or by its full name when it came from an answer. A thing only
    /// counts when a question named it. With none, "it" and "they" are left as written: the
    /// lift near the last answer carries the context (searching for the earlier topic beside
    /// them found the earlier answer again more often than the new one on unseen articles).
    fn antecedent(&self, wants: Wants, skip: &[usize]) -> Option<Antecedent> {
        for turn in self.earlier.iter().rev() {
            if let Some(pair) = self.people_asked_about(turn).filter(|_| wants == Wants::Plural) {
                return Some(Antecedent::Name(None, pair));
            }
            let fits = |c: &&Candidate| {
                wants.fits(self.names.get(c.known).class)
                    && !skip.contains(&c.known)
                    && (c.in_question || wants.is_person())
            };
            if let Some(found) = self.salient(turn).iter().find(fits) {
                let written = found.written.clone().unwrap_or_else(|| self.names.get(found.known).name.clone());
                return Some(Antecedent::Name(Some(found.known), written));
            }
        }
        None
    }

    /// "Altman and Musk" for a turn whose question names two or more people and nothing else:
    /// what "they" then means.
    fn people_asked_about(&self, turn: &Turn) -> Option<String> {
        let named = self.names.in_text(&turn.read);
        let mut people: Vec<(usize, &str)> = named
            .iter()
            .filter(|n| self.names.get(n.known).is_person())
            .map(|n| (n.known, &turn.read[n.span.clone()]))
            .collect();
        people.dedup_by_key(|(known, _)| *known);
        match people.as_slice() {
            [(_, first), .., (_, last)] if named.iter().all(|n| self.names.get(n.known).is_person()) => {
                Some(format!("{first} and {last}"))
            }
            _ => None,
        }
    }

    /// Who a turn was about, most salient first: the names in its question, the speakers of
    /// the sentences shown, the names in those sentences.
    fn salient(&self, turn: &Turn) -> Vec<Candidate> {
        let shown = turn.shown.iter().filter(|id| id.index() < self.corpus.sentences.len());
        let from_answer = |known| Candidate { known, written: None, in_question: false };
        let mut out: Vec<Candidate> = self
            .names
            .in_text(&turn.read)
            .into_iter()
            .map(|n| Candidate { known: n.known, written: Some(turn.read[n.span].to_string()), in_question: true })
            .collect();
        let speakers = shown.clone().filter_map(|&id| self.corpus.sentence(id).speaker.as_deref());
        out.extend(speakers.filter_map(|s| self.names.by_name(s)).map(from_answer));
        out.extend(shown.flat_map(|&id| self.names.in_text(self.corpus.text(id))).map(|n| from_answer(n.known)));
        out
    }

    /// "and Oracle?" after `earlier`: the earlier question with its name of the same kind (or
    /// its first name) swapped for `phrase`; its question words and `phrase` when it names
    /// nobody. A phrase that opens with a preposition ("and without the rebate?") adds to the
    /// earlier question instead.
    fn swap(&self, phrase: &str, earlier: &str) -> String {
        if words_of(phrase).first().is_some_and(|w| ADDING.contains(&w.lower.as_str())) {
            return format!("{} {phrase}", earlier.trim_end_matches(['?', '.', '!', ' ']));
        }
        let new_class = self.names.in_text(phrase).first().map(|n| self.names.get(n.known).class);
        let named = self.names.in_text(earlier);
        let same_kind = |n: &&names::Named| {
            new_class.is_some_and(|c| matches!(c, Class::Person(_)) == self.names.get(n.known).is_person())
        };
        match named.iter().find(same_kind).or(named.first()) {
            Some(target) => splice(earlier, &[(target.span.clone(), phrase.to_string())]),
            None => {
                let words = words_of(earlier);
                let lead = lead_of(&words);
                let end = lead.last().map_or(0, |&i| words[i].span.end);
                format!("{} {phrase}", &earlier[..end]).trim().to_string()
            }
        }
    }
}

/// Someone a turn was about.
struct Candidate {
    known: usize,
    /// How the question wrote the name; `None` when it came from an answer.
    written: Option<String>,
    in_question: bool,
}

/// What a pronoun can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wants {
    Person(Gender),
    Thing,
    Plural,
    /// "that", "this": what the earlier question asked about.
    Topic,
}

impl Wants {
    /// Whether a name of `class` fits: a person whose sex is unknown fits "he" and "she"
    /// (the sex only rules out).
    fn fits(self, class: Class) -> bool {
        match (self, class) {
            (Wants::Person(g), Class::Person(h)) => h.is_none_or(|h| h == g),
            (Wants::Thing | Wants::Plural | Wants::Topic, Class::Thing) => true,
            _ => false,
        }
    }

    fn is_person(self) -> bool {
        matches!(self, Wants::Person(_))
    }
}

/// What word `i` stands for, if it is a pronoun: "that" and "this" only when nothing of their
/// own follows ("how much was that?", "is that true?"), not before a noun ("that company").
fn pronoun(words: &[Word], i: usize) -> Option<Wants> {
    let w = words[i].lower.as_str();
    if MALE.contains(&w) {
        Some(Wants::Person(Gender::Male))
    } else if FEMALE.contains(&w) {
        Some(Wants::Person(Gender::Female))
    } else if THING.contains(&w) {
        Some(Wants::Thing)
    } else if PLURAL.contains(&w) {
        Some(Wants::Plural)
    } else if DEMONSTRATIVES.contains(&w)
        && words.get(i + 1).is_none_or(|next| AUXILIARIES.contains(&next.lower.as_str()))
    {
        Some(Wants::Topic)
    } else {
        None
    }
}

/// For a request to go on ("what else did he say?", "next"): the positions of the words kept
/// once the going-on words are left out.
fn continuation(words: &[Word]) -> Option<Vec<usize>> {
    let anywhere = |w: &Word| CONTINUE_ANYWHERE.contains(&w.lower.as_str());
    let at_end = words.last().is_some_and(|w| CONTINUE_AT_END.contains(&w.lower.as_str()));
    if !at_end && !words.iter().any(anywhere) {
        return None;
    }
    let last = words.len() - 1;
    let dropped = |i: usize| anywhere(&words[i]) || (at_end && i == last);
    Some((0..words.len()).filter(|&i| !dropped(i)).collect())
}

/// "what for?", "how come?": a bare "why" in other words.
fn is_asking_why(words: &[Word]) -> bool {
    let asked: Vec<&str> = words.iter().map(|w| w.lower.as_str()).filter(|w| !BARE_FILLER.contains(w)).collect();
    ASKING_WHY.contains(&asked.as_slice())
}

/// "when?", "and how much?", "why not?", "until when?": question words and nothing else but
/// a preposition or a "not".
fn is_bare(words: &[Word]) -> bool {
    let any_question = words.iter().any(|w| BARE_QUESTION_WORDS.contains(&w.lower.as_str()));
    let fits = |w: &Word| {
        let w = w.lower.as_str();
        BARE_QUESTION_WORDS.contains(&w) || BARE_FILLER.contains(&w) || BARE_JOINING.contains(&w) || ADDING.contains(&w)
    };
    any_question && words.len() <= 4 && words.iter().all(fits)
}

/// What stands in for the earlier subject in "and Oracle?" / "what about the first phase?":
/// a short phrase after an opening, with no question word or verb of its own.
fn ellipsis<'a>(question: &'a str, words: &[Word]) -> Option<&'a str> {
    let opening = ELLIPSIS_OPENINGS
        .iter()
        .find(|o| words.len() > o.len() && words.iter().zip(o.iter()).all(|(w, o)| w.lower == *o))?;
    let rest = &words[opening.len()..];
    let own_question =
        rest.iter().any(|w| BARE_QUESTION_WORDS.contains(&w.lower.as_str()) || AUXILIARIES.contains(&w.lower.as_str()));
    if own_question || rest.len() > MAX_ELLIPSIS_WORDS {
        return None;
    }
    Some(&question[rest[0].span.start..rest[rest.len() - 1].span.end])
}

/// "how much?" after "Who runs SoftBank?": the new question words before what the earlier
/// question asked about.
fn with_question_words(question: &str, words: &[Word], earlier: &str) -> String {
    let asked: Vec<&str> = words
        .iter()
        .filter(|w| !BARE_FILLER.contains(&w.lower.as_str()) || is_how_word(&w.lower))
        .map(|w| &question[w.span.clone()])
        .collect();
    let earlier_words = words_of(earlier);
    let lead = lead_of(&earlier_words);
    let rest_from = lead.last().map_or(0, |&i| earlier_words[i].span.end);
    format!("{} {}", asked.join(" "), earlier[rest_from..].trim())
}

/// What a question asks about: its words after the opening question words and auxiliaries
/// ("Who announced Project Stargate?" → "announced Project Stargate").
fn topic_of(question: &str) -> String {
    let words = words_of(question);
    let skip = lead_of(&words).len();
    let first = words
        .iter()
        .skip(skip)
        .find(|w| !AUXILIARIES.contains(&w.lower.as_str()) && !CONTRACTED.contains(&w.lower.as_str()));
    first.map_or_else(String::new, |w| question[w.span.start..].trim_end_matches(['?', '.', '!', ' ']).to_string())
}

fn is_how_word(word: &str) -> bool {
    HOW_AMOUNT.contains(&word) || HOW_TIME.contains(&word)
}

/// The positions of a question's opening question words ("How much", "Who").
fn lead_of(words: &[Word]) -> Vec<usize> {
    words
        .iter()
        .take_while(|w| BARE_QUESTION_WORDS.contains(&w.lower.as_str()) || is_how_word(&w.lower))
        .enumerate()
        .map(|(i, _)| i)
        .collect()
}

/// A word that carries content: not a stop word, an auxiliary or a preposition.
fn is_content(word: &str) -> bool {
    !STOP_WORDS.contains(&word) && !AUXILIARIES.contains(&word) && !PREPOSITIONS.contains(&word)
}

/// `text` with each range replaced, ranges in order and not overlapping.
fn splice(text: &str, replaced: &[(Range<usize>, String)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for (range, with) in replaced {
        out.push_str(&text[at..range.start]);
        out.push_str(with);
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// `text` keeping only the words at `kept` (and what lies between kept neighbours), spaces
/// tidied.
fn join_words(text: &str, words: &[Word], kept: &[usize]) -> String {
    let dropped: Vec<(Range<usize>, String)> =
        (0..words.len()).filter(|i| !kept.contains(i)).map(|i| (words[i].span.clone(), String::new())).collect();
    let tidy = splice(text, &dropped).split_whitespace().collect::<Vec<_>>().join(" ");
    tidy.replace(" ?", "?").replace(" .", ".").replace(" !", "!")
}

#[cfg(test)]
mod tests;

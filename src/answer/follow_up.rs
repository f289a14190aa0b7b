//! Reading a question as the next turn of a conversation: its pronouns and elliptical forms
//! are read against the turns before it, using only what the corpus knows (its people and
//! organisations, their forms and sex, who speaks each sentence shown).
//!
//! - A pronoun ("he", "her", "it", "they", a closing "that") becomes the most recent earlier
//!   name it can stand for: the earlier question's names first, then the speaker of the
//!   answer shown, then the names in that answer. A man for "he", a woman for "she" (a person
//!   whose sex is unknown when none fits), an organisation or thing for "it" and "they".
//!   A question that names someone a pronoun could stand for is about them, and is left alone;
//!   a reflexive right after a name ("Albania itself") only stresses it.
//!   A closing "that" or "this" stands for what the earlier question asked about, which is
//!   searched for beside the question ("who said that? (about: …)").
//! - "and Oracle?", "what about Oracle?": the earlier question with its name of the same kind
//!   swapped for the new one; "and in 2003?" swaps its year (or month, or weekday).
//! - "when?", "how much?" alone: the earlier question with the new question words; "what
//!   for?" and "how come?" with "why".
//! - "what else (did he say)?", "next", "tell me more": the same reading again (or the
//!   question with its pronouns read), past the sentences already shown.
//!
//! A follow-up that needs an earlier turn and has none is a [`UserError`]; a pronoun with no
//! earlier name is left as written.

mod forms;
mod names;
mod reading;

use std::ops::Range;

use forms::{continuation, ellipsis, is_asking_why, is_bare, lead_of, topic_of, with_question_words};
pub(crate) use names::Names;
use names::{words as words_of, Class, Word};
pub(crate) use reading::Reading;
use reading::{as_shown, asked, Resolved};

use super::conversation::Turn;
use crate::corpus::gender::Gender;
use crate::corpus::{is_year, Corpus};
use crate::error::UserError;
use crate::words::calendar::{MONTHS, WEEKDAYS};
use crate::words::follow_ups::{
    ADDING, CONTINUE_FILLER, DEMONSTRATIVES, FEMALE, MALE, OBJECTS, PLURAL, POSSESSIVES, THING,
};
use crate::words::grammar::{AUXILIARIES, PREPOSITIONS};
use crate::words::questions::STOP_WORDS;

/// What a follow-up with nothing to follow is told.
pub const NOTHING_TO_FOLLOW: &str = "That reads as a follow-up, but there is no earlier question to follow here \
     (or the conversation expired). Please ask a full question, naming who or what it is about.";

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
    let Some(last) = earlier.last() else {
        // Nothing to lean on: a pronoun or "and X?" is read as written (every /ask comes here).
        return Ok(Reading::as_written(question));
    };
    if let Some(phrase) = ellipsis(question, &words) {
        return Ok(context.swap_into(question, phrase, last));
    }
    Ok(match context.resolve(question, &words) {
        Some(resolved) => resolved.reading(Vec::new()),
        None => Reading::as_written(question),
    })
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
            // "what about Albania itself?": a reflexive right after a name stresses that name.
            if word.lower.ends_with("self") || word.lower.ends_with("selves") {
                let after_name =
                    i.checked_sub(1).is_some_and(|p| question[words[p].span.clone()].starts_with(char::is_uppercase));
                if after_name {
                    continue;
                }
            }
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
                Some(Antecedent::Topic) => about = self.earlier.last().map(|t| asked(t).to_string()),
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

    /// "and Putin?" after "what does Yukos say about that? (about: …)": the name swapped in
    /// that turn's own question, whose "that" still stands for the question before; a turn
    /// that names nobody, or a "that" standing for nothing, swaps in what was asked.
    fn swap_into(&self, question: &str, phrase: &str, last: &Turn) -> Reading {
        if let Some(earlier) = &last.about {
            let own = last.read.strip_suffix(&topic_of(earlier)).unwrap_or(&last.read).trim_end();
            if !adds_to(phrase) && self.swap_target(phrase, own).is_some() {
                let text = self.swap(phrase, own);
                return Resolved { text, about: Some(earlier.clone()) }.reading(Vec::new());
            }
        }
        let earlier = asked(last);
        let swapped = self.swap(phrase, earlier);
        // With nothing in the earlier question to stand in for, the search is its question
        // words and the phrase ("How much the depot"): the user is told what it was read
        // against rather than shown that.
        let nothing_to_swap =
            swap_time(phrase, earlier).is_none() && !adds_to(phrase) && self.swap_target(phrase, earlier).is_none();
        match nothing_to_swap {
            true => Reading { shown: Some(format!("{question} (after: {earlier})")), ..Reading::rewritten(swapped) },
            false => Reading::rewritten(swapped),
        }
    }

    /// "and Oracle?" after `earlier`: the earlier question with its name of the same kind (or
    /// its first name) swapped for `phrase`; its question words and `phrase` when it names
    /// nobody. A phrase that opens with a preposition ("and without the rebate?") adds to the
    /// earlier question instead.
    fn swap(&self, phrase: &str, earlier: &str) -> String {
        if let Some(swapped) = swap_time(phrase, earlier) {
            return swapped;
        }
        if adds_to(phrase) {
            return format!("{} {phrase}", earlier.trim_end_matches(['?', '.', '!', ' ']));
        }
        match self.swap_target(phrase, earlier) {
            Some(target) => splice(earlier, &[(target, phrase.to_string())]),
            None => {
                let words = words_of(earlier);
                let lead = lead_of(&words);
                let end = lead.last().map_or(0, |&i| words[i].span.end);
                format!("{} {phrase}", &earlier[..end]).trim().to_string()
            }
        }
    }

    /// Where in `earlier` the name `phrase` stands in for is.
    fn swap_target(&self, phrase: &str, earlier: &str) -> Option<Range<usize>> {
        let new_class = self.names.in_text(phrase).first().map(|n| self.names.get(n.known).class);
        let named = self.names.in_text(earlier);
        let same_kind = |n: &&names::Named| {
            new_class.is_some_and(|c| matches!(c, Class::Person(_)) == self.names.get(n.known).is_person())
        };
        named.iter().find(same_kind).or(named.first()).map(|n| n.span.clone())
    }
}

/// "and in 2003?" after "How much did the economy grow in 2004?": the earlier question with
/// its year, month or weekday swapped for the phrase's of the same kind.
fn swap_time(phrase: &str, earlier: &str) -> Option<String> {
    let new = words_of(phrase).into_iter().find_map(|w| time_kind(phrase, &w).map(|k| (k, w)))?;
    let old = words_of(earlier).into_iter().find(|w| time_kind(earlier, w) == Some(new.0))?;
    Some(splice(earlier, &[(old.span, phrase[new.1.span].to_string())]))
}

/// What kind of time a word names, for swapping one for another of its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TimeKind {
    Year,
    Month,
    Weekday,
}

/// Whether a word of `text` is a year ("2004"), a month or a weekday, and which; a month or
/// weekday is capitalised ("may" and "march" are verbs too).
fn time_kind(text: &str, word: &Word) -> Option<TimeKind> {
    let lower = word.lower.as_str();
    if is_year(lower) {
        return Some(TimeKind::Year);
    }
    if !text[word.span.clone()].starts_with(char::is_uppercase) {
        return None;
    }
    if MONTHS.iter().any(|(m, _)| *m == lower) {
        return Some(TimeKind::Month);
    }
    WEEKDAYS.iter().any(|(d, _)| *d == lower).then_some(TimeKind::Weekday)
}

/// Whether an "and X?" phrase opens with a preposition ("and without the rebate?"), which adds
/// to the earlier question rather than standing in for a name in it.
fn adds_to(phrase: &str) -> bool {
    words_of(phrase).first().is_some_and(|w| ADDING.contains(&w.lower.as_str()))
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

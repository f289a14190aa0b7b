//! Roles the text gives a person only by describing them: "Lord Butler said Mr Blair bypassed
//! the Cabinet. The prime minister's official spokesman said …" makes Blair the prime
//! minister. A definite description ("the prime minister", "the Tory leader", "the Manchester
//! United manager") refers back to the last person named before it whom the text has not
//! already given a role; a person with a role of their own is someone else ("the chancellor"
//! is not "Mr Peston", the Sunday Telegraph journalist). Once the roles are given, a phrase
//! quoted in a sentence that opens with such a description, and that attribution left with no
//! speaker, goes to the one person who holds the office.

use std::ops::Range;

use super::attribution::{last_verb_denies, Found, Speaker};
use super::mention::Mention;
use super::names::{is_honorific, is_title, modifies_title, starts_capitalised};
use super::tokens::{without_possessive, words};
use super::{Entity, EntityKind};
use crate::words::grammar::FUNCTION_WORDS;
use crate::words::speech::UNNAMED_SOURCES;
use crate::words::titles::OTHER_OFFICE;

/// Most words between "the" and the title that ends a description ("the Manchester United
/// manager").
const MAX_MODIFIERS: usize = 3;

/// Gives each definite description of an office in `sentences` to the person it refers back
/// to, unless a person already holds it.
pub(super) fn add_described_roles(
    text: &str,
    sentences: &[Range<usize>],
    entities: &mut [Entity],
    mentions: &[Mention],
) {
    for sentence in sentences {
        let ws = words(text, sentence.clone());
        for (k, w) in ws.iter().enumerate() {
            if !text[w.clone()].eq_ignore_ascii_case("the") {
                continue;
            }
            let Some(role) = description(text, &ws[k + 1..], mentions) else { continue };
            if holders(text, entities, &role).next().is_some() {
                continue;
            }
            if let Some(e) = referent(w.start, entities, mentions) {
                entities[e].roles.push(role);
            }
        }
    }
}

/// "The Tory leader supports a cut … and has said current rules are "tantamount to abortion on
/// demand"": a phrase quoted after a speech verb, in a sentence that opens with a description
/// of an office, is said by the one person who holds that office, when the rules before found
/// no speaker and no cue. Returns the quotations that got one.
pub(super) fn add_described_speakers(
    text: &str,
    sentences: &[Range<usize>],
    found: &mut [Found],
    entities: &[Entity],
    mentions: &[Mention],
) -> Vec<usize> {
    let mut given = Vec::new();
    for (i, f) in found.iter_mut().enumerate() {
        if f.speaker.is_some() || f.cue.is_some() {
            continue;
        }
        let Some(sentence) = sentences.get(f.sentence) else { continue };
        let ws = words(text, sentence.start..f.span.start);
        let opens = ws.first().is_some_and(|w| text[w.clone()].eq_ignore_ascii_case("the"));
        let Some(role) = ws.get(1..).filter(|_| opens).and_then(|after| description(text, after, mentions)) else {
            continue;
        };
        // The last speech verb before the phrase says it; a denial says the words are not
        // the subject's.
        if last_verb_denies(text, sentence.start..f.span.start) != Some(false) {
            continue;
        }
        let mut holders = holders(text, entities, &role);
        if let (Some(e), None) = (holders.next(), holders.next()) {
            f.speaker = Some(Speaker::Entity(e));
            f.cue = Some(role);
            given.push(i);
        }
    }
    given
}

/// The office a description after "the" names: capitalised words, title modifiers and titles
/// ending in a title, with no name right after it ("the prime minister Tony Blair" is a title
/// before a name, read by the role rules) and no complement ("the head of the committee"
/// names its role in something else). A possessive ends it ("the prime minister's
/// spokesman").
fn description(text: &str, after: &[Range<usize>], mentions: &[Mention]) -> Option<Range<usize>> {
    let mut head: Option<(usize, Range<usize>)> = None;
    let mut after_title = false;
    for (k, w) in after.iter().take(MAX_MODIFIERS + 1).enumerate() {
        let bare = without_possessive(text, w.clone());
        let word = &text[bare.clone()];
        // "the general election", "the executive branch": a word that also qualifies a
        // title ends a description only after another title ("the chief executive").
        let title = is_office(word);
        let ends = title && (!modifies_title(word) || after_title);
        after_title = title;
        if ends {
            head = Some((k, bare.clone()));
            if bare != *w {
                return Some(after[0].start..bare.end);
            }
            continue;
        }
        let modifier = modifies_title(word) || (starts_capitalised(word) && !is_function_word(word));
        if head.is_some() || bare != *w || !modifier {
            break;
        }
    }
    let (k, last) = head?;
    if let Some(next) = after.get(k + 1) {
        let word = &text[next.clone()];
        let named = mentions.iter().any(|m| m.span.start <= next.start && next.start < m.span.end);
        if named || starts_capitalised(word) || matches!(word, "of" | "for" | "at" | "to") {
            return None;
        }
    }
    Some(after[0].start..last.end)
}

fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains(&word.to_lowercase().as_str())
}

/// A title naming an office someone holds: not an honorific ("Mr"), and not an unnamed source
/// ("the spokesman" is someone else, whom the story does not name).
fn is_office(word: &str) -> bool {
    is_title(word) && !is_honorific(word) && !UNNAMED_SOURCES.contains(&word.to_lowercase().as_str())
}

/// The people who hold the office the description at `role` names.
fn holders<'a>(text: &'a str, entities: &'a [Entity], role: &Range<usize>) -> impl Iterator<Item = usize> + 'a {
    let phrase = text[role.clone()].to_lowercase();
    entities.iter().enumerate().filter_map(move |(i, e)| {
        let holds_it = e.roles.iter().any(|r| holds(&text[r.clone()].to_lowercase(), &phrase));
        (e.kind == Some(EntityKind::Person) && holds_it).then_some(i)
    })
}

/// Whether a role (lower case) is the office a description names: it has every word of it,
/// and no word making it another office ("deputy prime minister" is not "prime minister").
fn holds(role: &str, phrase: &str) -> bool {
    let role_words: Vec<&str> = role.split_whitespace().collect();
    let phrase_words: Vec<&str> = phrase.split_whitespace().collect();
    phrase_words.iter().all(|w| role_words.contains(w))
        && role_words.iter().all(|w| !OTHER_OFFICE.contains(w) || phrase_words.contains(w))
}

/// The last person named before `at` whom the text gives no role.
fn referent(at: usize, entities: &[Entity], mentions: &[Mention]) -> Option<usize> {
    mentions
        .iter()
        .rev()
        .filter(|m| m.span.end <= at)
        .map(|m| m.entity)
        .find(|&e| entities[e].kind == Some(EntityKind::Person) && entities[e].roles.is_empty())
}

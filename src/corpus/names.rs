//! The people, organisations and places a document names, and where it names them.
//!
//! Entities listed in the front matter come first (their names and aliases are authoritative).
//! Names the list does not cover are found by rule: runs of capitalised words that are not
//! sentence-initial function words, dates or titles. A title splits a run ("Oracle CEO Larry
//! Ellison" names the organisation Oracle and the person Larry Ellison), a lone surname joins
//! the full name it ends ("Ortiz" → "Linda Ortiz"), and the kind of a found name comes from
//! its company (a title before it, an organisation word in it), never from a list of names.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::attribution::{self, Speaker};
use super::mention::Mention;
use super::tokens::{
    adjacent, is_owner, is_web_address, is_whole_word, nickname_at, without_possessive, word_before, words,
};
use super::{contains_word, Entity, EntityKind};
use crate::words::calendar::is_calendar_word;
use crate::words::entities::{ORGANISATION_WORDS, PLACE_WORDS};
use crate::words::grammar::{FUNCTION_WORDS, PREPOSITIONS};
use crate::words::organisation_names::is_organisation_name;
use crate::words::organisation_nouns::{is_common_organisation_noun, is_organisation_noun};
use crate::words::person_names::is_person_name;
use crate::words::person_nouns::is_person_noun;
use crate::words::place_names::is_place_name;
use crate::words::proper_adjectives::is_proper_adjective;
use crate::words::titles::{NAME_PARTICLES, TITLES, TITLE_MODIFIERS, UNGENDERED_HONORIFICS};

pub fn is_title(word: &str) -> bool {
    let lower = word.to_lowercase();
    let word = lower.trim_end_matches('.');
    // A hyphenated title ends in one ("Under-Secretary", "Vice-Chairman").
    TITLES.contains(&word) || word.rsplit(['-', '‑']).next().is_some_and(|last| last != word && TITLES.contains(&last))
}

/// Titles that say how to address someone, not what they do ("Mr", "Dr", "Lord").
pub(super) fn is_honorific(word: &str) -> bool {
    super::gender::of_title(word).is_some()
        || UNGENDERED_HONORIFICS.contains(&word.to_lowercase().trim_end_matches('.'))
}

/// Capitalised words that belong to the title after them ("Prime Minister", "Home
/// Secretary", "Shadow Chancellor"), not to a name before it.
pub(super) fn modifies_title(word: &str) -> bool {
    TITLE_MODIFIERS.contains(&word.to_lowercase().as_str())
}

/// The entities of one document (listed first, then found) and every mention, in text order.
pub fn find(text: &str, sentences: &[Range<usize>], listed: Vec<Entity>) -> (Vec<Entity>, Vec<Mention>) {
    let mut entities = listed;
    let mut mentions = listed_mentions(text, sentences, &entities);
    let found = found_names(text, sentences, &mentions);
    let solo_uses = add_found(text, &found, &mut entities, &mut mentions);
    guess_kinds(text, &mut entities, &mentions, &solo_uses);
    super::organisations::add_acronyms(text, &mut entities, &mut mentions);
    mentions.sort_by_key(|m| m.span.start);
    super::roles::add_roles(text, sentences, &mut entities, &mentions);
    super::organisations::add_role_holders(text, sentences, &mut entities, &mut mentions);
    super::roles::kinds_by_description(text, &mut entities, &mentions);
    (entities, mentions)
}

/// The names in runs of capitalised words outside the listed entities' mentions, split at
/// titles.
fn found_names(text: &str, sentences: &[Range<usize>], listed: &[Mention]) -> Vec<Found> {
    let taken: Vec<Range<usize>> = listed.iter().map(|m| m.span.clone()).collect();
    let capital_mid_sentence = capitalised_inside_sentences(text, sentences);
    let surnames = calendar_surnames(text, sentences);
    let runs: Vec<Run> = sentences
        .iter()
        .flat_map(|s| join_of(text, runs(text, s.clone(), &taken, &capital_mid_sentence, &surnames)))
        .collect();
    let title_surnames = title_surnames(text, &runs);
    runs.iter().flat_map(|run| split_at_titles(text, run, &title_surnames)).collect()
}

/// The titles that are someone's surname in this text: the last word of a name that opens
/// with a first name ("Jason King", "Larry King"), so that the word standing alone ("says
/// King, 30") is that person too.
fn title_surnames<'a>(text: &'a str, runs: &[Run]) -> HashSet<&'a str> {
    runs.iter()
        .filter_map(|run| match run.words.as_slice() {
            [first, .., last]
                if super::gender::is_first_name(&text[first.clone()]) && is_title(&text[last.clone()]) =>
            {
                Some(&text[last.clone()])
            }
            _ => None,
        })
        .collect()
}

/// "Bank of England", "Office for National Statistics": a run that ends in a word naming a
/// kind of organisation, then "of" or "for" (and "the"), then another run, is one name, and so
/// is what follows it across "and", "for" or "of" ("Department of Trade and Industry").
fn join_of(text: &str, runs: Vec<Run>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for run in runs {
        let joins = out.last().is_some_and(|prev| {
            let (Some(last), Some(next)) = (prev.words.last(), run.words.first()) else { return false };
            let word = text[last.clone()].to_lowercase();
            let organisation = ORGANISATION_WORDS.contains(&word.as_str()) || is_organisation_noun(&word);
            let between = &text[last.end..next.start];
            // "Department of Trade and Industry", "Court of Arbitration for Sport": a name
            // joined so goes on across "for" or "of", and across "and" between common nouns
            // (the text writes one of them in lower case; not "House of Fraser and
            // Woolworths"), unless a person's name follows.
            let common = |w: &Range<usize>| common_noun(text, &text[w.clone()]);
            let goes_on = prev.organisation
                && match between {
                    " for " | " of " => true,
                    " and " => common(last) || common(next),
                    _ => false,
                }
                && !super::gender::is_first_name(&text[next.clone()]);
            (organisation && matches!(between, " of " | " for " | " of the " | " for the ")) || goes_on
        });
        match out.last_mut() {
            Some(prev) if joins => {
                prev.words.extend(run.words);
                prev.organisation = true;
            }
            _ => out.push(run),
        }
    }
    out
}

/// Makes entities of the names found, longer names first, and mentions of every place they
/// stand. Returns the full names that a lone surname stood for (which makes them people).
fn add_found(text: &str, found: &[Found], entities: &mut Vec<Entity>, mentions: &mut Vec<Mention>) -> HashSet<String> {
    // Names seen whole elsewhere claim their lone surnames and first names.
    // Each longer name once, however often it stands: a name found twice is still one owner.
    let mut multi: Vec<String> =
        found.iter().filter(|f| f.words > 1).map(|f| text[f.span.clone()].to_string()).collect();
    multi.sort_unstable();
    multi.dedup();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut order: Vec<&Found> = found.iter().filter(|f| f.words > 1).collect();
    order.extend(found.iter().filter(|f| f.words == 1));
    let mut solo_uses: HashSet<String> = HashSet::new();
    for f in order {
        let name = text[f.span.clone()].to_string();
        let owner = match f.words {
            1 => owner_of(&name, &multi, &mut solo_uses),
            _ => longer_owner(&name, &multi).unwrap_or_else(|| name.clone()),
        };
        let entity = *by_name.entry(owner.clone()).or_insert_with(|| {
            entities.push(Entity {
                name: owner.clone(),
                kind: None,
                aliases: Vec::new(),
                roles: Vec::new(),
                listed: false,
            });
            entities.len() - 1
        });
        if owner != name && !entities[entity].aliases.contains(&name) {
            entities[entity].aliases.push(name);
        }
        if f.kind.is_some() && entities[entity].kind.is_none() {
            entities[entity].kind = f.kind.clone();
        }
        mentions.push(Mention { span: f.span.clone(), entity });
    }
    solo_uses
}

/// For a surname that opens with a particle, the one longer name that ends with it in any
/// case ("Van Nistelrooy" opening a sentence for "Ruud van Nistelrooy"); "Labour Party" does
/// not join "Stevenage Labour Party".
fn longer_owner(name: &str, multi: &[String]) -> Option<String> {
    let first = name.split(' ').next().unwrap_or_default().to_lowercase();
    if !NAME_PARTICLES.contains(&first.as_str()) {
        return None;
    }
    let tail = format!(" {}", name.to_lowercase());
    let owners: Vec<&String> = multi.iter().filter(|m| m.to_lowercase().ends_with(&tail)).collect();
    match owners.as_slice() {
        [one] => Some((*one).clone()),
        _ => None,
    }
}

/// The name a lone word stands for: the one longer name found that ends with it, or that
/// starts with it when it is a first name ("UK" is not "UK Muslims"); else itself. Records
/// in `solo_uses` a longer name whose surname stood alone.
fn owner_of(name: &str, multi: &[String], solo_uses: &mut HashSet<String>) -> String {
    let owners: Vec<&String> = multi
        .iter()
        .filter(|m| {
            m.split(' ').next_back() == Some(name)
                || (m.split(' ').next() == Some(name) && super::gender::is_first_name(name))
        })
        .collect();
    match owners.as_slice() {
        [one] => {
            // "Muslims" joining "UK Muslims" does not make a person of it, and neither does
            // "African" (of "African debt") joining "South African": a surname is no adjective.
            if !opens_with_acronym(one) && !is_proper_adjective(name) {
                solo_uses.insert((*one).clone());
            }
            (*one).clone()
        }
        _ => name.to_string(),
    }
}

/// The kind of each found entity its run did not give: from the words of its name, else a
/// person when a lone surname stood for it, it starts with a first name, it is the full name
/// of someone WordNet knows ("Saddam Hussein"), or a lowercase title stands before it.
fn guess_kinds(text: &str, entities: &mut [Entity], mentions: &[Mention], solo_uses: &HashSet<String>) {
    // "the Royal Ballet", "a "Marshall Plan"", "in Hong Kong": an article, or "in" before a
    // name not possessive, never stands before a person's name, whatever its first word; nor
    // before its plural ("the Golden Kinnarees" and "the festival's Golden Kinnaree awards").
    // Nor is a name quoted whole as a term ("a new "Marshall Plan" for Africa").
    // "in" before a first name standing alone for the longer name it opens says nothing of
    // that name's kind ("confident in Andy winning" for Andy Roddick; "the Delta subsidiary"
    // still does).
    let lone_first_name = |m: &Mention| {
        let (written, name) = (&text[m.span.clone()], &entities[m.entity].name);
        word_before(text, m.span.start).eq_ignore_ascii_case("in")
            && name.strip_prefix(written).is_some_and(|rest| rest.starts_with(' '))
            && super::gender::is_first_name(written)
    };
    let not_person: HashSet<String> = mentions
        .iter()
        .filter(|m| (article_before(text, &m.span) && !lone_first_name(m)) || quoted_whole(text, &m.span))
        .map(|m| entities[m.entity].name.clone())
        .collect();
    let workplaces = workplaces(text, entities, mentions);
    for (i, e) in entities.iter_mut().enumerate() {
        if e.listed || e.kind.is_some() {
            continue;
        }
        e.kind = kind_from_words(&e.name);
        if e.kind.is_some() {
            continue;
        }
        // "Great Britain", "Hong Kong": a name of two words or more that WordNet knows as a
        // place's is one, whatever its first word.
        if e.name.contains(' ') && is_place_name(&e.name) {
            e.kind = Some(EntityKind::Place);
            continue;
        }
        if not_person.contains(&e.name) || not_person.contains(&format!("{}s", e.name)) {
            e.kind = works_for(text, mentions, i, &e.name);
            continue;
        }
        // "French Rhin", "Latin Rhenus", "Napoleonic France": a name that opens with a word
        // English writes with a capital as an adjective, and that is no first name, is not a
        // person's, unless a person's name follows it ("Marxist Vladimir Lenin").
        if let Some((first, rest)) = e.name.split_once(' ') {
            let person_after = starts_with_first_name(rest) || is_person_name(rest);
            if is_proper_adjective(first) && !super::gender::is_first_name(first) && !person_after {
                continue;
            }
        }
        // "said Jason Daw at Merrill Lynch": a name right after someone's name and "at" is
        // where they work.
        if workplaces.contains(&i) {
            e.kind = Some(EntityKind::Organisation);
            continue;
        }
        let person = starts_with_first_name(&e.name)
            || is_person_name(&e.name)
            || (role_marks_person(text, mentions, i, &e.name) && !common_noun(text, &e.name))
            || (e.name.contains(' ') && mentions.iter().any(|m| m.entity == i && of_a_place(text, &m.span)));
        e.kind = match person {
            true => Some(EntityKind::Person),
            false => {
                // "Madrid were about to play" standing for the Real Madrid of "Real Madrid
                // president Florentino Perez": a lone word makes no person of a name that
                // heads a role.
                let heads = works_for(text, mentions, i, &e.name);
                match solo_uses.contains(&e.name) && heads.is_none() {
                    true => Some(EntityKind::Person),
                    false => heads,
                }
            }
        };
    }
    // "the Lib Dems" after "Lib Dem spokesman": the plural of an organisation's name is it.
    let organisations: HashSet<String> =
        entities.iter().filter(|e| e.kind == Some(EntityKind::Organisation)).map(|e| format!("{}s", e.name)).collect();
    for e in entities.iter_mut().filter(|e| e.kind.is_none() && !e.listed) {
        if organisations.contains(&e.name) {
            e.kind = Some(EntityKind::Organisation);
        }
    }
}

/// "Allianz, a leading German insurer, said": what follows a word opening a sentence is an
/// apposition headed by a common noun for an organisation, then a speech verb, so the word
/// names one.
fn speaks_as_organisation(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(", ") else { return false };
    let Some((apposition, after)) = rest.split_once(", ") else { return false };
    let words: Vec<&str> = apposition.split(' ').collect();
    let opens = words.first().is_some_and(|w| matches!(*w, "a" | "an" | "the"));
    let head = words.last().copied().unwrap_or_default();
    let verb = after.split(' ').next().unwrap_or_default();
    opens && words.len() <= 8 && is_common_organisation_noun(head) && attribution::is_speech_verb(verb)
}

/// "Kirsty Williams called the new target "hugely unambitious"": a name of two or more words
/// whose kind nothing else gave (its first name is not in the list) is a person when the text
/// names it in full as the speaker of a quotation. A one-word name that speaks ("Ofcom
/// said", "Ovum told …") is an organisation: a person the text names by one word alone has
/// a full name, a title or a first name somewhere; not when the text writes it after an
/// article ("the Rhine", "the Islamists").
pub(super) fn add_speakers(text: &str, found: &[attribution::Found], entities: &mut [Entity], mentions: &[Mention]) {
    for f in found {
        let (Some(Speaker::Entity(e)), Some(cue)) = (&f.speaker, &f.cue) else {
            continue;
        };
        let entity = &mut entities[*e];
        if entity.kind.is_some() || entity.listed || text[cue.clone()] != entity.name {
            continue;
        }
        // "Emily said": a first name alone is a person's; "the IAAF said": an acronym is an
        // organisation's, after an article too.
        if entity.name.contains(' ') || super::gender::is_first_name(&entity.name) {
            entity.kind = Some(EntityKind::Person);
        } else if opens_with_acronym(&entity.name)
            || !mentions.iter().any(|m| m.entity == *e && article_before(text, &m.span))
        {
            entity.kind = Some(EntityKind::Organisation);
        }
    }
}

fn listed_mentions(text: &str, sentences: &[Range<usize>], entities: &[Entity]) -> Vec<Mention> {
    let mut forms: Vec<(&str, usize)> =
        entities.iter().enumerate().flat_map(|(i, e)| e.forms().map(move |f| (f, i))).collect();
    forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    let mut out: Vec<Mention> = Vec::new();
    for sentence in sentences {
        let hay = &text[sentence.clone()];
        for &(form, entity) in &forms {
            if !form.trim().is_empty() && contains_word(hay, form) {
                mention_all(text, sentence.clone(), form, entity, &mut out);
            }
        }
    }
    out
}

/// Every whole-word use of `name` within `within` that no other mention covers, as a mention
/// of `entity`.
pub(super) fn mention_all(text: &str, within: Range<usize>, name: &str, entity: usize, mentions: &mut Vec<Mention>) {
    for (i, _) in text[within.clone()].match_indices(name) {
        let span = within.start + i..within.start + i + name.len();
        if is_whole_word(text, span.clone())
            && !mentions.iter().any(|m| m.span.start < span.end && span.start < m.span.end)
        {
            mentions.push(Mention { span, entity });
        }
    }
}

/// Capitalised words that appear somewhere other than at the start of a sentence or quote.
fn capitalised_inside_sentences(text: &str, sentences: &[Range<usize>]) -> HashSet<String> {
    let mut out = HashSet::new();
    for sentence in sentences {
        for w in words(text, sentence.clone()) {
            let w = without_possessive(text, w);
            if starts_capitalised(&text[w.clone()]) && !opens_clause(text, sentence.start, w.start) {
                out.insert(text[w].to_string());
            }
        }
    }
    out
}

pub(super) fn starts_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the word at `at` starts its sentence or a quotation, bracket or dash clause. A
/// quote mark opens a quotation only after a space or another opening (`…world," BT chief
/// executive` opens nothing: the mark closes).
pub(super) fn opens_clause(text: &str, sentence_start: usize, at: usize) -> bool {
    let before = text[sentence_start..at].trim_end();
    let Some(rest) = before.strip_suffix(['“', '"', '‘', '(', '—', ':', '[']) else {
        return before.is_empty();
    };
    let quote_mark = before.ends_with(['“', '"', '‘']);
    !quote_mark
        || rest.is_empty()
        || rest.ends_with(char::is_whitespace)
        || opens_clause(text, sentence_start, sentence_start + rest.len())
}

/// A run of capitalised words naming something.
struct Run {
    words: Vec<Range<usize>>,
    /// Joined across "of" after a word naming a kind of organisation ("Bank of England").
    organisation: bool,
}

fn runs(
    text: &str,
    sentence: Range<usize>,
    taken: &[Range<usize>],
    known: &HashSet<String>,
    surnames: &HashSet<String>,
) -> Vec<Run> {
    let mut out = Vec::new();
    let mut current: Vec<Range<usize>> = Vec::new();
    let ws = words(text, sentence.clone());
    let name_like = |w: &Range<usize>| {
        let word = &text[without_possessive(text, w.clone())];
        let lower = word.to_lowercase();
        // A month or weekday, unless it is a surname the text does not use as a date here.
        let calendar = is_calendar_word(&lower) && (!surnames.contains(word) || dated(text, w));
        starts_capitalised(word)
            && !taken.iter().any(|t| t.start < w.end && w.start < t.end)
            && word != "I"
            && !FUNCTION_WORDS.contains(&lower.as_str())
            && !calendar
    };
    for (k, w) in ws.iter().enumerate() {
        let w = w.clone();
        let word_span = without_possessive(text, w.clone());
        let word = &text[word_span.clone()];
        let initial = opens_clause(text, sentence.start, w.start);
        // A capital at the start of a sentence proves nothing, unless the word is capitalised
        // elsewhere too, is a title, or starts a longer name ("Bob Roe said…").
        let proven = !initial
            || known.contains(word)
            || is_title(word)
            || speaks_as_organisation(text, w.end)
            || ws.get(k + 1).is_some_and(|n| (adjacent(text, &w, n) || across_nickname(text, &w, n)) && name_like(n));
        // "Observes Mr Hadi:": a speech verb opening its clause is the verb of an inverted
        // attribution, not a name.
        let verb = initial && attribution::is_speech_verb(word);
        // "Former Southampton manager", "Interrupting Mr Sukul": a title's modifier or a word
        // in "-ing" that opens a sentence opens no name, unless it is capitalised elsewhere.
        let opener = initial && !known.contains(word) && (modifies_title(word) || word.ends_with("ing"));
        // "Japan-based", "US-led": a compound ending in lower case is an adjective.
        let adjective = word.rsplit_once('-').is_some_and(|(_, last)| last.starts_with(char::is_lowercase));
        let usable = name_like(&w) && proven && !verb && !opener && !adjective;
        let continues = current.last().is_some_and(|last| adjacent(text, last, &w) || across_nickname(text, last, &w))
            || after_initial(text, &current, &w);
        // "Ruud van Nistelrooy": a particle between two capitalised words joins them.
        let particle = NAME_PARTICLES.contains(&word)
            && ws.get(k + 1).is_some_and(|n| adjacent(text, &w, n) && name_like(n) && !is_title(&text[n.clone()]));
        if continues && particle {
            current.push(word_span);
            continue;
        }
        if usable && (current.is_empty() || continues) {
            current.push(word_span);
        } else {
            if !current.is_empty() {
                out.push(Run { words: std::mem::take(&mut current), organisation: false });
            }
            if usable {
                current.push(word_span);
            }
        }
    }
    if !current.is_empty() {
        out.push(Run { words: current, organisation: false });
    }
    out
}

/// "Theresa May", "Mrs May": a month or weekday right after a first name or an honorific is a
/// surname, and a name wherever the text does not use it as a date ([`dated`]).
fn calendar_surnames(text: &str, sentences: &[Range<usize>]) -> HashSet<String> {
    let mut out = HashSet::new();
    for sentence in sentences {
        let ws = words(text, sentence.clone());
        for pair in ws.windows(2) {
            let (before, word) = (&text[pair[0].clone()], &text[pair[1].clone()]);
            let after_name = || super::gender::is_first_name(before) || is_honorific(before);
            if is_calendar_word(&word.to_lowercase()) && adjacent(text, &pair[0], &pair[1]) && after_name() {
                out.insert(word.to_string());
            }
        }
    }
    out
}

/// Whether the calendar word at `w` is used as a date: after a preposition, a number or a
/// word that places it in time ("in May", "last Friday", "5 May"), or before a number ("May
/// 2005").
fn dated(text: &str, w: &Range<usize>) -> bool {
    let before = text[..w.start].trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
    let lower = before.to_lowercase();
    let next_is_number = text[w.end..].trim_start_matches([' ', ',']).starts_with(|c: char| c.is_ascii_digit());
    PREPOSITIONS.contains(&lower.as_str())
        || matches!(lower.as_str(), "last" | "next" | "this" | "early" | "late" | "mid" | "every")
        || before.starts_with(|c: char| c.is_ascii_digit())
        || next_is_number
}

/// "Kenenisa Bekele of Ethiopia": "of" and a place right after a name of two words or more
/// that nothing else gave a kind say where a person comes from (an organisation's name says
/// what it is: "Royal Bank of Scotland" is one by its words).
fn of_a_place(text: &str, span: &Range<usize>) -> bool {
    let Some(rest) = text[span.end..].strip_prefix(" of ") else { return false };
    let place: String =
        rest.split(|c: char| !c.is_alphabetic() && c != ' ').next().unwrap_or_default().trim().to_string();
    let words: Vec<&str> = place.split(' ').take_while(|w| w.starts_with(char::is_uppercase)).collect();
    !words.is_empty() && is_place_name(&words.join(" "))
}

/// The entities named right after a person's full name and "at" ("Jason Daw at Merrill
/// Lynch"): where the person works, not a person ("the Rhine at Remagen" names no person).
fn workplaces(text: &str, entities: &[Entity], mentions: &[Mention]) -> HashSet<usize> {
    let person = |e: usize| starts_with_first_name(&entities[e].name) || is_person_name(&entities[e].name);
    let mut in_order: Vec<&Mention> = mentions.iter().collect();
    in_order.sort_by_key(|m| m.span.start);
    in_order
        .windows(2)
        .filter(|pair| text.get(pair[0].span.end..pair[1].span.start) == Some(" at ") && person(pair[0].entity))
        .map(|pair| pair[1].entity)
        .collect()
}

/// "Brian 'Head' Welch": a nickname's single marks stand between the words of one name.
fn across_nickname(text: &str, left: &Range<usize>, right: &Range<usize>) -> bool {
    match text.get(left.end..right.start).unwrap_or_default() {
        " '" | " ‘" => nickname_at(text, left.end + 1).is_some(),
        "' " | "’ " => opens_nickname(text, left.start),
        _ => false,
    }
}

/// Whether the character right before `at` opens a nickname whose word starts at `at`.
fn opens_nickname(text: &str, at: usize) -> bool {
    text[..at].char_indices().next_back().is_some_and(|(open, _)| nickname_at(text, open).is_some())
}

/// "George W. Bush": a middle initial and its full stop go on the run of the name before it.
/// Not a run's first letter ("U.S. Treasury").
fn after_initial(text: &str, current: &[Range<usize>], next: &Range<usize>) -> bool {
    let [.., _, last] = current else { return false };
    let initial = text[last.clone()].chars().count() == 1 && text[last.clone()].chars().all(char::is_uppercase);
    initial && last.end <= next.start && &text[last.end..next.start] == ". "
}

/// A name found in the text, with what its run says about its kind.
struct Found {
    span: Range<usize>,
    words: usize,
    kind: Option<EntityKind>,
}

fn split_at_titles(text: &str, run: &Run, title_surnames: &HashSet<&str>) -> Vec<Found> {
    let mut out = Vec::new();
    let mut part: Vec<Range<usize>> = Vec::new();
    let mut after_title = false;
    let flush = |part: &mut Vec<Range<usize>>, out: &mut Vec<Found>, kind: Option<EntityKind>| {
        if let (Some(first), Some(last)) = (part.first(), part.last()) {
            out.push(Found { span: first.start..last.end, words: part.len(), kind });
        }
        part.clear();
    };
    // "Bank of England governor Mervyn King": a role in lower case right before the name.
    let after_role = run.words.first().is_some_and(|first| {
        let before = word_before(text, first.start);
        before.starts_with(char::is_lowercase) && (is_title(before) || is_person_noun(before))
    });
    for (k, w) in run.words.iter().enumerate() {
        // "Goal-kickers Charlie Hodgson": a kind of person before
        // a first name is a role too (but "Lord Butler" stays a name).
        let kind_of_person = || {
            let next = run.words.get(k + 1).map(|n| &text[n.clone()]);
            super::roles::is_kind_not_name(&text[w.clone()]) && next.is_some_and(super::gender::is_first_name)
        };
        // "Brian 'Head' Welch": a nickname is no title.
        let nickname = opens_nickname(text, w.start);
        // "Larry King", "Sarah Bishop": a title right after a lone first name, ending the name,
        // is a surname (not "Major General Raouf Khayrat"), and so is one after any single word
        // that a role in lower case introduces ("governor Mervyn King"), and such a surname
        // standing alone ("says King, 30").
        let surname = k + 1 == run.words.len()
            && (matches!(part.as_slice(), [only] if super::gender::is_first_name(&text[only.clone()]) || after_role)
                || (run.words.len() == 1 && title_surnames.contains(&text[w.clone()])));
        if (is_title(&text[w.clone()]) || kind_of_person()) && !nickname && !surname {
            while part.last().is_some_and(|p| modifies_title(&text[p.clone()])) {
                part.pop();
            }
            // What stands before a title is who the title is held at ("Oracle CEO"), unless
            // it is a person's name and the title ends the phrase ("Frank Field MP said", not
            // "Roman Catholic Archbishop of Cardiff").
            let holder = part.first().map(|f| f.start..part.last().map_or(f.end, |l| l.end));
            let next_word = text[w.end..].split_whitespace().next().unwrap_or_default();
            let last = k + 1 == run.words.len() && !PREPOSITIONS.contains(&next_word);
            // A nationality or a faith before a title ("Welsh secretary", "Roman Catholic
            // Archbishop") holds nothing: it says who, not where.
            let adjectives = !part.is_empty() && part.iter().all(|p| is_proper_adjective(&text[p.clone()]));
            // A place before a title is where, not who ("US Treasury Under-Secretary").
            let place = holder.clone().is_some_and(|h| is_place_name(&text[h]));
            let kind = if last && holder.is_some_and(|h| starts_with_first_name(&text[h])) {
                Some(EntityKind::Person)
            } else if place {
                Some(EntityKind::Place)
            } else {
                (!adjectives).then_some(EntityKind::Organisation)
            };
            flush(&mut part, &mut out, kind);
            after_title = true;
        } else {
            part.push(w.clone());
        }
    }
    // After a title the rest is the person who holds it ("Bank of England Governor John Smith").
    let kind = match (after_title, run.organisation) {
        (true, _) => Some(EntityKind::Person),
        (false, true) => Some(EntityKind::Organisation),
        (false, false) => None,
    };
    flush(&mut part, &mut out, kind);
    for f in &mut out {
        let name = &text[f.span.clone()];
        if let Some(kind) = kind_from_words(name) {
            f.kind = Some(kind);
        } else if f.kind.is_none() && (told_acronym(text, &f.span) || acronym_speaks(text, &f.span)) {
            f.kind = Some(EntityKind::Organisation);
        }
    }
    // A lone acronym is a name only when something says what it names ("EU", an
    // organisation WordNet knows; "US Treasury Under-Secretary"): "OK" and "TV" are not.
    out.retain(|f| !(f.words == 1 && text[f.span.clone()].chars().all(char::is_uppercase) && f.kind.is_none()));
    // "General Election", "Transport and General Workers' Union": one word after a title that
    // the text also writes in lower case is a common noun, no one's name.
    for f in out.iter_mut().filter(|f| f.kind == Some(EntityKind::Person)) {
        if common_noun(text, &text[f.span.clone()]) {
            f.kind = None;
        }
    }
    out
}

/// Whether a name is one word that the text also writes in lower case, as a whole word: a
/// common noun ("Election" of "General Election"), not someone's name.
fn common_noun(text: &str, name: &str) -> bool {
    let lower = name.to_lowercase();
    !name.contains(' ') && lower != name && text.match_indices(&lower).any(|(i, m)| is_whole_word(text, i..i + m.len()))
}

/// "told the BBC", "told BBC Radio 4's Today programme": a name opening with an acronym that
/// someone tells something is a broadcaster or a paper, an organisation (no person's name is
/// written in capitals).
fn told_acronym(text: &str, span: &Range<usize>) -> bool {
    let before = text[..span.start].trim_end_matches(' ');
    let before = before.strip_suffix(" the").unwrap_or(before);
    opens_with_acronym(&text[span.clone()]) && before.rsplit(' ').next() == Some("told")
}

/// "the IAAF said": a name opening with an acronym right before a speech verb is an
/// organisation speaking (no person's name is written in capitals); "the US says" is a
/// country's government, a place.
fn acronym_speaks(text: &str, span: &Range<usize>) -> bool {
    let next = text[span.end..].strip_prefix(' ').and_then(|rest| rest.split(' ').next()).unwrap_or_default();
    // "…, the OECD said.": the verb may end the sentence.
    let next = next.trim_end_matches(|c: char| !c.is_alphabetic());
    let name = &text[span.clone()];
    // "Richard Mawrey, QC told": letters after a name and its comma are an honour.
    let after_name = text[..span.start].strip_suffix(", ").is_some_and(|b| b.ends_with(|c: char| c.is_alphabetic()));
    opens_with_acronym(name)
        && !is_place_name(name)
        && !is_title(name)
        && !after_name
        && attribution::is_speech_verb(next)
}

/// Whether a name's first word is an acronym ("UK Muslims", "BBC Sport").
fn opens_with_acronym(name: &str) -> bool {
    name.split(' ').next().is_some_and(|w| w.chars().count() > 1 && w.chars().all(char::is_uppercase))
}

/// "Tony Blair": a name of two or more words whose first is a common first name.
fn starts_with_first_name(name: &str) -> bool {
    let mut parts = name.split(' ');
    parts.next().is_some_and(super::gender::is_first_name) && parts.next().is_some()
}

fn kind_from_words(name: &str) -> Option<EntityKind> {
    let words: Vec<String> = name.split(' ').map(|w| w.to_lowercase().trim_end_matches('.').to_string()).collect();
    let last = words.last()?;
    // "Plus.net", "CBSSports.com": a web address names a business.
    if words.iter().any(|w| ORGANISATION_WORDS.contains(&w.as_str())) || is_web_address(last) {
        return Some(EntityKind::Organisation);
    }
    if words.len() > 1 && PLACE_WORDS.contains(&last.as_str()) {
        return Some(EntityKind::Place);
    }
    // "Brookings Institution", "German Reich" (whose first word is also a first name).
    if words.len() > 1 && is_organisation_noun(last) {
        return Some(EntityKind::Organisation);
    }
    // "Labour", "the EU": a name WordNet knows as an organisation's, unless it opens with a
    // first name.
    if is_organisation_name(name) && !starts_with_first_name(name) {
        return Some(EntityKind::Organisation);
    }
    None
}

/// Whether `span` is a whole quotation: a quote mark right before it and one right after.
fn quoted_whole(text: &str, span: &Range<usize>) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    before.is_some_and(|c| matches!(c, '"' | '“' | '‘' | '\''))
        && after.is_some_and(|c| matches!(c, '"' | '”' | '’' | '\''))
}

/// Whether "the", "a" or "an" stands right before `span` (a quote mark between them aside), or
/// "in" when it is not possessive ("in Germany", not "faith in Blair's plan").
pub(super) fn article_before(text: &str, span: &Range<usize>) -> bool {
    let before = text[..span.start].trim_end_matches(['"', '“', '‘', '\'']);
    let Some(before) = before.strip_suffix(' ') else {
        return false;
    };
    let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or_default().to_lowercase();
    // "the 2002 Winter Olympics": a year between the article and the name.
    if crate::corpus::is_year(&word) {
        let article = word_before(before, before.len() - word.len()).to_lowercase();
        return matches!(article.as_str(), "the" | "a" | "an");
    }
    matches!(word.as_str(), "the" | "a" | "an") || (word == "in" && !is_owner(text, span.end))
}

/// Whether a lowercase title stands right before some mention of the entity ("councillor Tom
/// Becker"), or a noun for a person before a first name alone ("his daughter Emily").
fn role_marks_person(text: &str, mentions: &[Mention], entity: usize, name: &str) -> bool {
    let first_name = !name.contains(' ') && super::gender::is_first_name(name);
    mentions.iter().filter(|m| m.entity == entity).any(|m| {
        let before = text[..m.span.start].trim_end_matches(' ');
        let word = before.rsplit(|c: char| !c.is_alphanumeric() && c != '-').next().unwrap_or_default();
        let person_noun = first_name && word.starts_with(char::is_lowercase) && is_person_noun(word);
        before.len() + 1 == m.span.start && (is_title(word) || person_noun)
    })
}

/// An organisation for a name that heads a role ([`heads_role`]) and does not end in a
/// nationality ("former South African president Nelson Mandela").
fn works_for(text: &str, mentions: &[Mention], entity: usize, name: &str) -> Option<EntityKind> {
    let last = name.rsplit(' ').next().unwrap_or_default();
    (!is_proper_adjective(last) && heads_role(text, mentions, entity)).then_some(EntityKind::Organisation)
}

/// Most words in lower case from a name to the title it heads ("Oxfam senior policy
/// adviser").
const ROLE_WORDS: usize = 3;

/// "Plaid Cymru leader Ieuan Wyn Jones", "Oxfam senior policy adviser", "Arsenal boss": a name
/// written, without an article, right before a role in lower case that ends in a title is
/// where the title's holder works. Kinds of person other than titles are not enough
/// ("Newtonian mechanics", "Natural killer cells").
fn heads_role(text: &str, mentions: &[Mention], entity: usize) -> bool {
    let heading = |m: &&Mention| m.entity == entity && !is_owner(text, m.span.end) && !article_before(text, &m.span);
    mentions.iter().filter(heading).any(|m| {
        let Some(after) = text[m.span.end..].strip_prefix(' ') else { return false };
        for word in after.split(' ').take(ROLE_WORDS) {
            let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
            if !bare.starts_with(char::is_lowercase) {
                return false;
            }
            if is_title(bare) {
                return true;
            }
            if bare.len() < word.len() {
                return false;
            }
        }
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<Range<usize>> {
        super::super::segment::split_sentences(text, 0..text.len()).into_iter().map(|s| s.span).collect()
    }

    /// Name, kind, aliases and roles of each entity found.
    type Found = (String, Option<String>, Vec<String>, Vec<String>);

    /// The kind of the first entity found by that name (`None`: no entity, or no kind).
    fn kind_of<'a>(got: &'a [Found], name: &str) -> Option<&'a str> {
        got.iter().find(|g| g.0 == name).and_then(|g| g.1.as_deref())
    }

    /// Whether some entity by that name is a person.
    fn is_person(got: &[Found], name: &str) -> bool {
        got.iter().any(|g| g.0 == name && g.1.as_deref() == Some("person"))
    }

    fn found(text: &str) -> Vec<Found> {
        let (entities, _) = find(text, &sentences(text), Vec::new());
        entities
            .into_iter()
            .map(|e| {
                let roles = e.roles.iter().map(|r| text[r.clone()].to_string()).collect();
                (e.name, e.kind.map(|k| k.to_string()), e.aliases, roles)
            })
            .collect()
    }

    #[test]
    fn titles_split_names_and_give_roles() {
        let text = "On Monday, Oracle CEO Larry Ellison spoke. Later Ellison left.";
        let got = found(text);
        assert!(got.contains(&("Oracle".into(), Some("organisation".into()), vec![], vec![])), "{got:?}");
        assert!(
            got.contains(&(
                "Larry Ellison".into(),
                Some("person".into()),
                vec!["Ellison".into()],
                vec!["Oracle CEO".into()]
            )),
            "{got:?}"
        );
        assert!(!got.iter().any(|g| g.0 == "Monday" || g.0 == "On" || g.0 == "Later"), "{got:?}");
    }

    #[test]
    fn a_name_ending_in_a_kind_of_organisation_is_one() {
        let got = found("Analysts at the Brookings Institution agreed. He spoke of a 4th German Reich.");
        for name in ["Brookings Institution", "German Reich"] {
            assert!(got.iter().any(|g| g.0 == name && g.1.as_deref() == Some("organisation")), "{name}: {got:?}");
        }
    }

    #[test]
    fn a_name_wordnet_knows_as_an_organisations_is_one_without_an_organisation_word() {
        let got = found("The MEP said Germany saw the EU as an empire. Voters told Labour, and NATO agreed.");
        for name in ["EU", "Labour", "NATO"] {
            assert_eq!(kind_of(&got, name), Some("organisation"), "{name}: {got:?}");
        }
        assert_ne!(kind_of(&got, "Germany"), Some("organisation"), "{got:?}");
    }

    #[test]
    fn the_full_name_of_someone_wordnet_knows_is_a_person_without_a_title_or_known_first_name() {
        let got = found("The dossier said that Saddam Hussein had weapons. Analysts at Kaha Partners agreed.");
        assert!(is_person(&got, "Saddam Hussein"), "{got:?}");
        assert!(!is_person(&got, "Kaha Partners"), "{got:?}");
    }

    #[test]
    fn a_middle_initial_stays_in_the_name_but_a_first_letter_starts_none() {
        let got = found("President George W. Bush met Graham E. Fuller. Later Bush left. The U.S. Treasury agreed.");
        assert!(is_person(&got, "George W. Bush") && is_person(&got, "Graham E. Fuller"), "{got:?}");
        assert!(got.iter().any(|g| g.0 == "George W. Bush" && g.2.contains(&"Bush".to_string())), "{got:?}");
        assert!(!got.iter().any(|g| g.0.starts_with("S. ") || g.0 == "George W"), "{got:?}");
    }

    #[test]
    fn a_kind_of_organisation_then_of_or_for_and_a_name_is_one_organisation() {
        let got = found("Rates were held by the Bank of England. Bank of England Governor John Smith spoke.");
        assert!(got.iter().any(|g| g.0 == "Bank of England" && g.1.as_deref() == Some("organisation")), "{got:?}");
        assert!(got.iter().any(|g| g.0 == "John Smith" && g.1.as_deref() == Some("person")), "{got:?}");
        assert!(!got.iter().any(|g| g.0 == "Bank" || g.0 == "England"), "{got:?}");
    }

    #[test]
    fn such_a_name_goes_on_across_for_and_of_and_across_and_between_common_nouns() {
        let got = found(
            "The Court of Arbitration for Sport will rule. The Department of Trade and Industry said the \
             industry would grow. Shares in House of Fraser and Woolworths fell.",
        );
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert!(names.contains(&"Court of Arbitration for Sport"), "{names:?}");
        assert!(names.contains(&"Department of Trade and Industry"), "{names:?}");
        assert!(names.contains(&"House of Fraser") && names.contains(&"Woolworths"), "{names:?}");
    }

    #[test]
    fn an_acronym_in_brackets_after_a_name_is_another_name_of_it_and_no_role() {
        let text = "The World Trade Organisation (WTO) will end quotas. Later the WTO said more. The BBC agreed.";
        let (entities, mentions) = find(text, &sentences(text), Vec::new());
        let wto = entities.iter().position(|e| e.name == "World Trade Organisation");
        let entity = wto.map(|i| &entities[i]);
        assert_eq!(entity.map(|e| e.aliases.clone()), Some(vec!["WTO".to_string()]), "{entities:?}");
        assert_eq!(entity.map(|e| e.roles.len()), Some(0), "{entities:?}");
        assert_eq!(mentions.iter().filter(|m| Some(m.entity) == wto).count(), 3, "WTO is a listed name too");
        assert!(!entities.iter().any(|e| e.name == "WTO" && e.kind.is_some()), "{entities:?}");
        assert!(!entities.iter().any(|e| e.aliases.contains(&"BBC".to_string())), "initials must spell the name");
    }

    #[test]
    fn an_acronym_spelling_exactly_the_initials_of_one_longer_name_is_that_name_without_brackets() {
        let text = "The European Union met. Later the EU said more.";
        let (entities, mentions) = find(text, &sentences(text), Vec::new());
        let eu = entities.iter().position(|e| e.name == "European Union");
        assert_eq!(eu.map(|i| entities[i].aliases.clone()), Some(vec!["EU".to_string()]), "{entities:?}");
        assert_eq!(mentions.iter().filter(|m| Some(m.entity) == eu).count(), 2, "{entities:?}");
    }

    #[test]
    fn the_capitals_opening_a_persons_role_name_the_organisation_it_is_held_at() {
        let text = "Prices fell, said BT chief executive Ben Verwaayen. BT agreed. Talks with French \
                    president Jacques Chirac and UK economist Ross Walker went on in the UK. Ann Lee, \
                    Watt's partner, left.";
        let got = found(text);
        assert_eq!(kind_of(&got, "BT"), Some("organisation"), "{got:?}");
        assert_eq!(kind_of(&got, "Ben Verwaayen"), Some("person"), "{got:?}");
        for not_one in ["French", "UK", "Watt"] {
            assert_ne!(kind_of(&got, not_one), Some("organisation"), "{not_one}: {got:?}");
        }
    }

    #[test]
    fn an_organisation_found_by_its_role_is_mentioned_only_in_the_body_not_the_front_matter() {
        let text = "+++\ntitle = \"BT cuts prices\"\n+++\nPrices fell, said BT chief executive Ben Verwaayen.";
        let body = text.find("Prices").unwrap_or_default();
        let sentences: Vec<Range<usize>> =
            super::super::segment::split_sentences(text, body..text.len()).into_iter().map(|s| s.span).collect();
        let (entities, mentions) = find(text, &sentences, Vec::new());
        let bt = entities.iter().position(|e| e.name == "BT");
        let at: Vec<usize> = mentions.iter().filter(|m| Some(m.entity) == bt).map(|m| m.span.start).collect();
        assert_eq!(at, [text.find("BT chief").unwrap_or_default()], "{entities:?}");
    }

    #[test]
    fn a_nationality_before_a_title_holds_nothing() {
        let got = found("Talks went on, said Welsh Secretary John Smith and Oracle CEO Larry Ellison.");
        assert_eq!(kind_of(&got, "Welsh"), None, "{got:?}");
        assert_eq!(kind_of(&got, "Oracle"), Some("organisation"), "{got:?}");
        assert_eq!(kind_of(&got, "John Smith"), Some("person"), "{got:?}");
    }

    #[test]
    fn a_place_before_a_title_is_a_place_not_an_organisation() {
        let got = found("Talks went on, said US Treasury Under-Secretary John Taylor and Oracle CEO Larry Ellison.");
        assert_eq!(kind_of(&got, "US"), Some("place"), "{got:?}");
        assert_eq!(kind_of(&got, "Oracle"), Some("organisation"), "{got:?}");
    }

    #[test]
    fn a_speech_verb_opening_an_inverted_attribution_is_no_name() {
        let got = found("Jobs are scarce. Observes Mr Hadi: \"The rich get richer.\"");
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(names, ["Hadi"], "the honorific is no part of the name");
    }

    #[test]
    fn a_hyphenated_title_or_a_reverend_before_a_name_makes_it_a_person() {
        for (text, name) in [
            ("But US Treasury Under-Secretary John Taylor said the plan could not work.", "John Taylor"),
            ("The Most Reverend Peter Smith told the programme it was wrong.", "Peter Smith"),
        ] {
            let got = found(text);
            assert!(got.iter().any(|g| g.0 == name && g.1.as_deref() == Some("person")), "{text}: {got:?}");
        }
        assert!(is_title("Vice-Chairman") && !is_title("Anglo-Saxon") && !is_title("co-op"));
    }

    #[test]
    fn appositions_are_roles_and_lone_surnames_are_aliases() {
        let text = "Critics were loud. “No,” said councillor Tom Becker, a former accountant. Becker left.";
        let got = found(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Tom Becker");
        assert_eq!(got[0].1.as_deref(), Some("person"));
        assert_eq!(got[0].3, ["councillor", "a former accountant"]);
    }

    #[test]
    fn a_lone_surname_joins_a_full_name_the_story_gives_more_than_once() {
        let got = found("Gordon Brown spoke first. Later Brown left. Critics of Gordon Brown were loud.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Gordon Brown");
    }

    #[test]
    fn a_name_before_a_title_that_ends_the_phrase_is_a_person_and_before_a_complement_is_not() {
        let got =
            found("Former welfare minister Frank Field MP said so. The Roman Catholic Archbishop of Cardiff spoke.");
        assert!(got.iter().any(|g| g.0 == "Frank Field" && g.1.as_deref() == Some("person")), "{got:?}");
        assert!(!got.iter().any(|g| g.0 == "Roman Catholic" && g.1.as_deref() == Some("person")), "{got:?}");
    }

    #[test]
    fn a_year_between_an_article_and_a_name_still_makes_it_no_persons() {
        let got = found("Ann Lee worked with the curling team, who won gold at the 2002 Winter Olympics. Lee left.");
        assert!(!is_person(&got, "Winter Olympics"), "{got:?}");
        assert!(is_person(&got, "Ann Lee"), "{got:?}");
    }

    #[test]
    fn a_name_after_an_article_or_in_is_no_person_even_with_a_first_name_and_neither_is_its_singular() {
        let got = found(
            "Dancers at the Royal Ballet met Ms Ann Lee. She won the festival's Golden Kinnaree award. The Golden Kinnarees go to films shown in Hong Kong. Lee has faith in Christian Doe's plan.",
        );
        assert!(
            !is_person(&got, "Royal Ballet") && !is_person(&got, "Golden Kinnaree") && !is_person(&got, "Hong Kong"),
            "{got:?}"
        );
        assert!(is_person(&got, "Ann Lee") && is_person(&got, "Christian Doe"), "{got:?}");
    }

    #[test]
    fn in_before_a_first_name_standing_alone_does_not_unmake_the_person_it_opens() {
        let got =
            found("Carlos Moya takes on Andy Roddick. \"I am confident in Andy winning,\" Moya said. Roddick lost.");
        assert!(is_person(&got, "Andy Roddick"), "{got:?}");
    }

    #[test]
    fn a_lone_word_standing_for_a_name_that_heads_a_role_makes_no_person_of_it() {
        let got = found(
            "\"We found nothing,\" said Real Madrid president Florentino Perez. It was 2002, when Madrid were about to play.",
        );
        assert!(!is_person(&got, "Real Madrid"), "{got:?}");
        assert!(is_person(&got, "Florentino Perez"), "{got:?}");
    }

    #[test]
    fn a_title_ending_a_name_right_after_a_role_in_lower_case_is_a_surname() {
        let got = found("Bank of England governor Mervyn King has warned against it.");
        assert!(is_person(&got, "Mervyn King"), "{got:?}");
    }

    #[test]
    fn a_title_that_is_someones_surname_standing_alone_is_that_person() {
        let got = found("The show is hosted by Jason King. Listeners like it, says King, 30. King Abdullah agreed.");
        let king = got.iter().find(|g| g.0 == "Jason King");
        assert!(king.is_some_and(|k| k.2.contains(&"King".to_string())), "{got:?}");
    }

    #[test]
    fn a_nationality_standing_alone_does_not_make_a_person_of_the_longer_name_it_ends() {
        let got =
            found("The talks with South African officials went on. African debt was cut. Smith agreed with Tom Smith.");
        assert!(!is_person(&got, "South African"), "{got:?}");
        assert!(is_person(&got, "Tom Smith"), "a surname standing alone still makes a person: {got:?}");
    }

    #[test]
    fn a_name_quoted_whole_as_a_term_is_no_person_even_with_a_first_name() {
        let got = found("Mr Brown backed a new \"Marshall Plan\" for Africa. He met Marshall Jones.");
        assert!(!is_person(&got, "Marshall Plan"), "{got:?}");
        assert!(is_person(&got, "Marshall Jones"), "{got:?}");
    }

    #[test]
    fn a_particle_inside_a_surname_belongs_to_the_name() {
        let got = found("United striker Ruud van Nistelrooy scored. Later van Nistelrooy left.");
        assert!(got.iter().any(|g| g.0 == "Ruud van Nistelrooy" && g.3 == ["United striker"]), "{got:?}");
    }

    #[test]
    fn a_surname_whose_particle_opens_a_sentence_joins_the_full_name_but_a_shorter_organisation_does_not() {
        let got = found(
            "United striker Ruud van Nistelrooy scored. Van Nistelrooy left. The Labour Party met. The Stevenage Labour Party did not.",
        );
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert!(names.contains(&"Ruud van Nistelrooy") && !names.contains(&"Van Nistelrooy"), "{got:?}");
        assert!(names.contains(&"Labour Party") && names.contains(&"Stevenage Labour Party"), "{got:?}");
    }

    #[test]
    fn organisation_words_make_organisations() {
        let got = found("The Harbor Ferry Company sued the Harbor City council. Gateshead's Sage Centre was full.");
        assert!(got.contains(&("Harbor Ferry Company".into(), Some("organisation".into()), vec![], vec![])), "{got:?}");
        assert!(got.contains(&("Harbor City".into(), Some("place".into()), vec![], vec![])), "{got:?}");
        assert!(got.contains(&("Sage Centre".into(), Some("place".into()), vec![], vec![])), "{got:?}");
    }

    #[test]
    fn a_name_opening_with_an_adjective_english_capitalises_is_no_persons_unless_a_persons_name_follows() {
        let got = found(
            "The name comes from Latin Rhenus, as Rhenus flows north. Marxist Vladimir Lenin wrote on it. Lenin died.",
        );
        assert_eq!(kind_of(&got, "Latin Rhenus"), None, "{got:?}");
        assert!(is_person(&got, "Marxist Vladimir Lenin"), "{got:?}");
    }

    #[test]
    fn a_name_wordnet_knows_as_a_place_is_one_whatever_its_first_word() {
        let got = found("Halford Mackinder felt that Great Britain was strong. Britain grew. He went to Hong Kong.");
        for name in ["Great Britain", "Hong Kong"] {
            assert_eq!(kind_of(&got, name), Some("place"), "{name}: {got:?}");
        }
    }

    #[test]
    fn an_aid_charity_or_an_alliance_is_an_organisation_even_after_a_first_name() {
        let got = found("Christian Aid condemned the move. Anti-abortion group the Pro-Life Alliance spoke too.");
        for name in ["Christian Aid", "Pro-Life Alliance"] {
            assert_eq!(kind_of(&got, name), Some("organisation"), "{name}: {got:?}");
        }
    }
}

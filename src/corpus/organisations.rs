//! Organisations the capitalised runs alone do not show: an acronym given in brackets after a
//! name ("the World Trade Organisation (WTO)") is another name of it, and the capitalised words
//! opening a person's role name the organisation the role is held at ("BT chief executive Ben
//! Verwaayen").

use std::ops::Range;

use super::mention::Mention;
use super::names::{
    article_before, is_honorific, is_title, mention_all, modifies_title, opens_clause, starts_capitalised,
};
use super::tokens::{is_owner, is_whole_word, without_possessive, words};
use super::{Entity, EntityKind};
use crate::words::proper_adjectives::is_proper_adjective;

/// "the World Trade Organisation (WTO)": an acronym in brackets right after a name, spelling
/// its initials, is another name of it, and every later use of it a mention.
pub(super) fn add_acronyms(text: &str, entities: &mut [Entity], mentions: &mut Vec<Mention>) {
    let mut pairs: Vec<(usize, String, usize)> = Vec::new();
    for m in mentions.iter() {
        let Some(acronym) = bracketed_acronym(&text[m.span.end..]) else { continue };
        if spells_initials(acronym, &entities[m.entity].name) && !pairs.iter().any(|(_, a, _)| a == acronym) {
            pairs.push((m.entity, acronym.to_string(), m.span.end));
        }
    }
    // "Later the EU said" in a story that also names the European Union: an acronym found on
    // its own whose letters are exactly the initials of one longer name of the story is that
    // name, defined in brackets or not.
    for (own, e) in entities.iter().enumerate() {
        let acronym = e.name.as_str();
        let is_acronym = (2..=5).contains(&acronym.len()) && acronym.chars().all(|c| c.is_ascii_uppercase());
        if e.listed || !is_acronym || pairs.iter().any(|(_, a, _)| a == acronym) {
            continue;
        }
        let spelt: Vec<usize> =
            (0..entities.len()).filter(|&i| i != own && initials_exactly(acronym, &entities[i].name)).collect();
        if let [entity] = spelt.as_slice() {
            pairs.push((*entity, acronym.to_string(), text.len()));
        }
    }
    for (entity, acronym, from) in pairs {
        // An acronym known on its own ("WTO", from the list of organisation names) was found
        // as a name of its own: its mentions are the long name's, and it names nothing else.
        if let Some(own) = entities.iter().position(|e| e.name == acronym && !e.listed) {
            mentions.iter_mut().filter(|m| m.entity == own).for_each(|m| m.entity = entity);
            entities[own].kind = None;
        }
        mention_all(text, from..text.len(), &acronym, entity, mentions);
        if !entities[entity].aliases.contains(&acronym) {
            entities[entity].aliases.push(acronym);
        }
    }
}

/// "Yukos spokesman Alexander Shadrin", "BT chief executive Ben Verwaayen": the capitalised
/// words opening a person's role, before its lowercase words, name the organisation the role
/// is held at. Not a nationality or a people ("French president"), a title, an owner ("Watt's
/// partner"), the capital that opens a sentence ("Former minister Frank Field"), or a name the
/// story writes after "the", "a" or "in" ("the UK": "UK economist Ross Walker").
pub(super) fn add_role_holders(
    text: &str,
    sentences: &[Range<usize>],
    entities: &mut Vec<Entity>,
    mentions: &mut Vec<Mention>,
) {
    let mut holders: Vec<Range<usize>> = Vec::new();
    for e in entities.iter().filter(|e| e.kind == Some(EntityKind::Person)) {
        for role in &e.roles {
            let ws = words(text, role.clone());
            let lead = ws.iter().take_while(|w| starts_capitalised(&text[(*w).clone()])).count();
            if lead == 0 || lead == ws.len() {
                continue;
            }
            let opens = sentences.iter().any(|s| s.contains(&role.start) && opens_clause(text, s.start, role.start));
            // An owner ("Watt's partner", "UKIP's deputy leader") may be a person or not.
            let not_a_holder = |w: &Range<usize>| {
                let word = &text[w.clone()];
                is_proper_adjective(word) || is_title(word) || modifies_title(word) || is_honorific(word)
            };
            let owner =
                is_owner(text, ws[lead - 1].end) || without_possessive(text, ws[lead - 1].clone()) != ws[lead - 1];
            if !opens && !owner && !ws[..lead].iter().any(not_a_holder) {
                holders.push(ws[0].start..ws[lead - 1].end);
            }
        }
    }
    for span in holders {
        let name = &text[span.clone()];
        // "the UK", "in the US", "a Pro Bowl": a place or a thing, not an organisation.
        let uses = text.match_indices(name).map(|(i, _)| i..i + name.len());
        if uses.filter(|u| is_whole_word(text, u.clone())).any(|u| article_before(text, &u)) {
            continue;
        }
        let at = mentions.iter().find(|m| m.span == span).map(|m| m.entity);
        if mentions.iter().any(|m| m.span != span && m.span.start < span.end && span.start < m.span.end) {
            continue;
        }
        let entity = match at.or_else(|| entities.iter().position(|e| e.forms().any(|f| f == name))) {
            Some(e) => e,
            None => {
                entities.push(Entity {
                    name: name.to_string(),
                    kind: None,
                    aliases: Vec::new(),
                    roles: Vec::new(),
                    listed: false,
                });
                entities.len() - 1
            }
        };
        if entities[entity].kind.is_none() {
            entities[entity].kind = Some(EntityKind::Organisation);
        }
        // From the body's first sentence: the front matter's title is no mention.
        let body = sentences.first().map_or(0, |s| s.start);
        mention_all(text, body..text.len(), name, entity, mentions);
    }
    mentions.sort_by_key(|m| m.span.start);
}

/// The acronym in " (WTO)" at the start of `after`: two to eight capitals and digits.
pub(super) fn bracketed_acronym(after: &str) -> Option<&str> {
    let inner = after.strip_prefix(" (")?.split(')').next()?;
    let fits = (2..=8).contains(&inner.len())
        && inner.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && inner.starts_with(|c: char| c.is_ascii_uppercase());
    fits.then_some(inner)
}

/// The first letters of `name`'s capitalised words (or hyphenated parts).
fn initials(name: &str) -> Vec<char> {
    name.split([' ', '-']).filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect()
}

/// Whether `acronym` is exactly the initials of `name`'s capitalised words ("NAO", "National
/// Audit Office"; "of", "for" and "the" are left out of both).
fn initials_exactly(acronym: &str, name: &str) -> bool {
    let initials = initials(name);
    initials.len() >= 2 && initials.iter().copied().eq(acronym.chars())
}

/// Whether the letters of `acronym` are, in order, the first letters of capitalised words (or
/// hyphenated parts) of `name`, its first letter the name's: "ONS" of "Office for National
/// Statistics", "G8" of "Group of Eight", "MFA" of "Multi-Fibre Agreement".
fn spells_initials(acronym: &str, name: &str) -> bool {
    let initials = initials(name);
    let mut letters = acronym.chars().filter(char::is_ascii_alphabetic);
    if letters.clone().next() != initials.first().copied() {
        return false;
    }
    let mut rest = initials.iter();
    letters.all(|l| rest.any(|&c| c == l))
}

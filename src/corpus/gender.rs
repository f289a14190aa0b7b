//! The sex a person's name or title shows, so that "he" and "she" find the right person.
//!
//! A title before any mention decides ("Mr Blair", "Ms Hewitt", "Lord Butler"); otherwise the
//! first name does, by a list derived from US census first-name counts (`first_names.txt`,
//! which says how). Names the list does not know, or gives to both, have no sex.

use std::sync::LazyLock;

use super::mention::Mention;
use super::tokens::words;
use super::Entity;
use crate::words::titles::{FEMALE_TITLES, MALE_TITLES};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// Every listed first name, with its sex when it is mostly given to one, sorted by name (the
/// file is; a test checks) for a binary search: no hashing of 5,000 names at start-up.
static FIRST_NAMES: LazyLock<Vec<(&'static str, Option<Gender>)>> = LazyLock::new(|| {
    include_str!("first_names.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (name, sex) = l.split_once(' ')?;
            let gender = match sex {
                "m" => Some(Gender::Male),
                "f" => Some(Gender::Female),
                _ => None,
            };
            Some((name, gender))
        })
        .collect()
});

/// Whether `word` is a common first name (of either sex).
pub fn is_first_name(word: &str) -> bool {
    lookup(&word.to_lowercase()).is_some()
}

/// A listed name, or a hyphenated one of two listed names ("jean-claude", "anne-marie"), which
/// has a sex when both parts have the same one.
fn lookup(name: &str) -> Option<Option<Gender>> {
    let listed = |n: &str| FIRST_NAMES.binary_search_by(|(f, _)| (*f).cmp(n)).ok().map(|i| FIRST_NAMES[i].1);
    listed(name).or_else(|| {
        let (first, second) = name.split_once('-')?;
        let (a, b) = (listed(first)?, listed(second)?);
        Some(a.filter(|_| a == b))
    })
}

/// The sex the title before a word shows ("Mr" → male).
pub fn of_title(word: &str) -> Option<Gender> {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    if MALE_TITLES.contains(&w) {
        Some(Gender::Male)
    } else if FEMALE_TITLES.contains(&w) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The sex of every entity: from a title before one of its mentions, else its first name.
pub fn of_entities(text: &str, entities: &[Entity], mentions: &[Mention]) -> Vec<Option<Gender>> {
    entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let titled = mentions.iter().filter(|m| m.entity == i).find_map(|m| {
                let from = text[..m.span.start].char_indices().rev().nth(11).map_or(0, |(i, _)| i);
                let before = words(text, from..m.span.start);
                before
                    .last()
                    .filter(|w| text[w.end..m.span.start].trim().is_empty())
                    .and_then(|w| of_title(&text[w.clone()]))
            });
            let first = e.name.split(' ').next().unwrap_or_default().to_lowercase();
            titled.or_else(|| lookup(&first).flatten().filter(|_| e.name.contains(' ')))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_first_names_give_the_sex_and_unknown_names_none() {
        assert_eq!(of_title("Mr"), Some(Gender::Male));
        assert_eq!(of_title("Ms"), Some(Gender::Female));
        assert_eq!(lookup("hazel"), Some(Some(Gender::Female)));
        assert_eq!(lookup("gordon"), Some(Some(Gender::Male)));
        assert!(lookup("zxqv").is_none());
        assert!(FIRST_NAMES.len() > 5_000 && FIRST_NAMES.windows(2).all(|w| w[0].0 < w[1].0), "sorted for the search");
        assert!(is_first_name("Tony") && !is_first_name("Election"));
    }

    #[test]
    fn a_hyphenated_first_name_of_two_listed_names_is_one_with_a_sex_only_when_both_agree() {
        assert!(is_first_name("Jean-Claude") && is_first_name("Anne-Marie"));
        assert_eq!(lookup("anne-marie"), Some(Some(Gender::Female)));
        assert_eq!(lookup("jean-claude"), Some(None));
        assert!(!is_first_name("Kilroy-Silk") && !is_first_name("Tony-Election"));
    }
}

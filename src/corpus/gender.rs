//! The sex a person's name or title shows, so that "he" and "she" find the right person.
//!
//! A title before any mention decides ("Mr Blair", "Ms Hewitt", "Lord Butler"); otherwise the
//! first name does, by a list derived from US census first-name counts (`first_names.txt`,
//! which says how). Names the list does not know, or gives to both, have no sex.

use std::collections::HashMap;
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

/// Every listed first name, with its sex when it is mostly given to one.
static FIRST_NAMES: LazyLock<HashMap<&'static str, Option<Gender>>> = LazyLock::new(|| {
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
    FIRST_NAMES.contains_key(word.to_lowercase().as_str())
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
            titled.or_else(|| FIRST_NAMES.get(first.as_str()).copied().flatten().filter(|_| e.name.contains(' ')))
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
        assert_eq!(FIRST_NAMES.get("hazel"), Some(&Some(Gender::Female)));
        assert_eq!(FIRST_NAMES.get("gordon"), Some(&Some(Gender::Male)));
        assert!(FIRST_NAMES.get("zxqv").is_none());
        assert!(is_first_name("Tony") && !is_first_name("Election"));
    }
}

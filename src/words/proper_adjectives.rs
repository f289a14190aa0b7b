//! Adjectives written with a capital: nationalities, peoples, religions ("French", "Welsh",
//! "Islamic"), from WordNet 3.0 (`proper_adjectives.txt`, derived by
//! `scripts/derive_proper_adjectives.py`, which says how and carries WordNet's licence). The
//! rules read it to tell "French president Jacques Chirac" (a nationality) from "Yukos
//! spokesman Alexander Shadrin" (the organisation the role is held at).

use super::WordList;

/// The list, sorted byte-wise (a test checks).
static PROPER_ADJECTIVES: WordList = WordList::new(include_str!("proper_adjectives.txt"));

/// Whether `word`, as written, is an adjective English writes with a capital.
pub fn is_proper_adjective(word: &str) -> bool {
    PROPER_ADJECTIVES.contains(word)
}

#[cfg(test)]
mod tests {
    use super::{is_proper_adjective, PROPER_ADJECTIVES};

    #[test]
    fn the_list_is_sorted_for_its_binary_search() {
        assert!(PROPER_ADJECTIVES.is_sorted_with_more_than(500));
    }

    #[test]
    fn nationalities_and_religions_are_listed_and_organisations_are_not() {
        assert!(is_proper_adjective("French") && is_proper_adjective("Welsh") && is_proper_adjective("Islamic"));
        assert!(!is_proper_adjective("Yukos") && !is_proper_adjective("Oxfam") && !is_proper_adjective("french"));
    }
}

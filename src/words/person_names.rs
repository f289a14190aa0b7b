//! Full names of well-known people ("Saddam Hussein", "Vladimir Putin"), from WordNet 3.0
//! (`person_names.txt`, derived by `scripts/derive_person_names.py`, which says how and
//! carries WordNet's licence). The rules read it to know a person the story names in passing,
//! with no title, role or first name they know.

use super::WordList;

/// The list, sorted byte-wise (a test checks).
static PERSON_NAMES: WordList = WordList::new(include_str!("person_names.txt"));

/// Whether `name`, as written, is the full name of a person WordNet knows.
pub fn is_person_name(name: &str) -> bool {
    PERSON_NAMES.contains(name)
}

#[cfg(test)]
mod tests {
    use super::{is_person_name, PERSON_NAMES};

    #[test]
    fn the_list_is_sorted_for_its_binary_search() {
        assert!(PERSON_NAMES.is_sorted_with_more_than(2_000));
    }

    #[test]
    fn full_names_of_known_people_are_listed_and_surnames_alone_are_not() {
        assert!(is_person_name("Saddam Hussein") && is_person_name("Vladimir Putin"));
        assert!(!is_person_name("Putin") && !is_person_name("World Bank") && !is_person_name("saddam hussein"));
    }
}

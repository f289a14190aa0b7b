//! Place names written with capitals ("UK", "South Africa", "Cardiff"), from WordNet 3.0
//! (`place_names.txt`, derived by `scripts/derive_place_names.py`, which says how and carries
//! WordNet's licence). The rules read it to tell a place before a title ("US Treasury
//! Under-Secretary John Taylor") from the organisation a title is held at ("Oracle CEO").

use super::WordList;

/// The list, sorted byte-wise (a test checks).
static PLACE_NAMES: WordList = WordList::new(include_str!("place_names.txt"));

/// Whether `name`, as written, is a place WordNet knows.
pub fn is_place_name(name: &str) -> bool {
    PLACE_NAMES.contains(name)
}

#[cfg(test)]
mod tests {
    use super::{is_place_name, PLACE_NAMES};

    #[test]
    fn the_list_is_sorted_for_its_binary_search() {
        assert!(PLACE_NAMES.is_sorted_with_more_than(2_000));
    }

    #[test]
    fn countries_and_cities_are_places_and_companies_are_not() {
        assert!(is_place_name("UK") && is_place_name("South Africa") && is_place_name("Cardiff"));
        assert!(!is_place_name("Oracle") && !is_place_name("BT") && !is_place_name("uk"));
    }
}

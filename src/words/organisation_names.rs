//! Organisation names written with capitals ("Labour", "World Bank", "NATO"), from WordNet 3.0
//! (`organisation_names.txt`, derived by `scripts/derive_organisation_names.py`, which says
//! how and carries WordNet's licence). The rules read it to know an organisation the story
//! names without any organisation word in its name ("Labour said", "the EU").

use super::WordList;

/// The list, sorted byte-wise (a test checks).
static ORGANISATION_NAMES: WordList = WordList::new(include_str!("organisation_names.txt"));

/// Whether `name`, as written, is an organisation WordNet knows.
pub fn is_organisation_name(name: &str) -> bool {
    ORGANISATION_NAMES.contains(name)
}

#[cfg(test)]
mod tests {
    use super::{is_organisation_name, ORGANISATION_NAMES};

    #[test]
    fn the_list_is_sorted_for_its_binary_search() {
        assert!(ORGANISATION_NAMES.is_sorted_with_more_than(500));
    }

    #[test]
    fn parties_and_agencies_are_organisations_and_places_and_people_are_not() {
        assert!(is_organisation_name("Labour") && is_organisation_name("World Bank") && is_organisation_name("NATO"));
        assert!(
            !is_organisation_name("Washington") && !is_organisation_name("Blair") && !is_organisation_name("labour")
        );
    }
}

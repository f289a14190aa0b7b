//! Nouns that name a kind of organisation ("institution", "charity", "reich"), from WordNet
//! 3.0 (`organisation_nouns.txt`, derived by `scripts/derive_organisation_nouns.py`, which
//! says how and carries WordNet's licence). The rules read it to tell a name such as "the
//! Brookings Institution" from a person whose first name they do not know.

use super::WordList;

/// The list, sorted byte-wise (a test checks).
static ORGANISATION_NOUNS: WordList = WordList::new(include_str!("organisation_nouns.txt"));

/// Whether `word` (any case) names a kind of organisation, in the singular or with a plural -s.
pub fn is_organisation_noun(word: &str) -> bool {
    let lower = word.to_lowercase();
    let listed = |w: &str| ORGANISATION_NOUNS.contains(w);
    listed(&lower) || lower.strip_suffix('s').is_some_and(listed)
}

/// Whether `word`, written in lower case, is a common noun for an organisation and not also
/// one for a person ("insurer", "business"; not "lender", not "Union"): what a name it
/// describes is.
pub fn is_common_organisation_noun(word: &str) -> bool {
    word.starts_with(char::is_lowercase)
        && is_organisation_noun(word)
        && !crate::words::person_nouns::is_person_noun(word)
}

#[cfg(test)]
mod tests {
    use super::{is_organisation_noun, ORGANISATION_NOUNS};

    #[test]
    fn the_list_is_sorted_for_its_binary_search() {
        assert!(ORGANISATION_NOUNS.is_sorted_with_more_than(300));
    }

    #[test]
    fn kinds_of_organisation_are_listed_and_people_and_plans_are_not() {
        assert!(is_organisation_noun("Institution") && is_organisation_noun("charity"));
        assert!(is_organisation_noun("Institutions"));
        assert!(is_organisation_noun("Reich"));
        assert!(!is_organisation_noun("Williams") && !is_organisation_noun("plan") && !is_organisation_noun("care"));
    }
}

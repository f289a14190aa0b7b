//! Nouns that name a kind of organisation ("institution", "charity", "reich"), from WordNet
//! 3.0 (`organisation_nouns.txt`, derived by `scripts/derive_organisation_nouns.py`, which
//! says how and carries WordNet's licence). The rules read it to tell a name such as "the
//! Brookings Institution" from a person whose first name they do not know.

use std::sync::LazyLock;

/// The list, sorted (the file is, byte-wise; a test checks): looked up by binary search.
static ORGANISATION_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| super::sorted_list(include_str!("organisation_nouns.txt")));

/// Whether `word` (any case) names a kind of organisation, in the singular or with a plural -s.
pub fn is_organisation_noun(word: &str) -> bool {
    let lower = word.to_lowercase();
    let listed = |w: &str| ORGANISATION_NOUNS.binary_search(&w).is_ok();
    listed(&lower) || lower.strip_suffix('s').is_some_and(listed)
}

#[cfg(test)]
mod tests {
    use super::{is_organisation_noun, ORGANISATION_NOUNS};

    #[test]
    fn the_list_is_sorted_for_its_binary_search() {
        assert!(ORGANISATION_NOUNS.len() > 300 && ORGANISATION_NOUNS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn kinds_of_organisation_are_listed_and_people_and_plans_are_not() {
        assert!(is_organisation_noun("Institution") && is_organisation_noun("charity"));
        assert!(is_organisation_noun("Institutions"));
        assert!(is_organisation_noun("Reich"));
        assert!(!is_organisation_noun("Williams") && !is_organisation_noun("plan") && !is_organisation_noun("care"));
    }
}

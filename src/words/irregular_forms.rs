//! Irregular English word forms and their base ("left" → "leave", "children" → "child"), from
//! WordNet 3.0 (`irregular_forms.txt`, derived by `scripts/derive_irregular_forms.py`, which
//! says how and carries WordNet's licence). The index's analyzer reads a form as its base
//! before stemming, since the stemmer only removes regular endings: "Why did Musk leave
//! OpenAI?" finds "Musk left OpenAI".

use std::sync::LazyLock;

/// The table as shipped; the index's fingerprint hashes it, so an index built with another
/// table is rebuilt rather than read with terms its questions no longer produce.
pub const TABLE: &str = include_str!("irregular_forms.txt");

/// `(form, base)` pairs, sorted by form (the file is, byte-wise; a test checks): looked up by
/// binary search.
static FORMS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| super::sorted_list(TABLE).into_iter().filter_map(|l| l.split_once(' ')).collect());

/// The base of an irregular form (lower case), or `None` for any other word.
pub fn base_of(word: &str) -> Option<&'static str> {
    FORMS.binary_search_by_key(&word, |(form, _)| form).ok().map(|i| FORMS[i].1)
}

#[cfg(test)]
mod tests {
    use super::{base_of, FORMS};

    #[test]
    fn the_table_is_sorted_for_its_binary_search() {
        assert!(FORMS.len() > 2000 && FORMS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn irregular_verbs_and_plurals_have_their_base_and_regular_words_have_none() {
        assert_eq!(base_of("left"), Some("leave"));
        assert_eq!(base_of("bought"), Some("buy"));
        assert_eq!(base_of("children"), Some("child"));
        assert_eq!(base_of("women"), Some("woman"));
        // The stemmer keeps the "y" of "pay" after a vowel, so "paid" is irregular to it.
        assert_eq!(base_of("paid"), Some("pay"));
        assert_eq!(base_of("laid"), Some("lay"));
        // A form that is a word of its own ("found" a company) keeps its meaning.
        assert_eq!(base_of("found"), None);
        assert_eq!(base_of("walked"), None);
    }
}

//! Nouns and the verbs they are made from ("founder" and "found", "explanation" and
//! "explain"), from WordNet 3.0 (`related_forms.txt`, derived by
//! `scripts/derive_related_forms.py`, which says how and carries WordNet's licence). A
//! question and a story say the same thing with either ("Who founded the theatre?" / "Mary
//! O'Malley, the founder of the theatre"); the search reads each as a weaker match for the
//! other.

use std::sync::LazyLock;

/// The table as shipped: `word related` pairs, each pair both ways, sorted by the first word.
pub const TABLE: &str = include_str!("related_forms.txt");

/// `(word, related)` pairs in the file's order: looked up by binary search.
static PAIRS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| super::sorted_list(TABLE).into_iter().filter_map(|l| l.split_once(' ')).collect());

/// The pairs whose first word starts with `prefix` (lower case).
pub fn starting_with(prefix: &str) -> &'static [(&'static str, &'static str)] {
    let from = PAIRS.partition_point(|(word, _)| *word < prefix);
    let to = from + PAIRS[from..].partition_point(|(word, _)| word.starts_with(prefix));
    &PAIRS[from..to]
}

#[cfg(test)]
mod tests {
    use super::{starting_with, PAIRS};

    #[test]
    fn the_table_is_sorted_for_its_binary_search_and_holds_each_pair_both_ways() {
        assert!(PAIRS.len() > 10_000 && PAIRS.windows(2).all(|w| w[0] <= w[1]));
        for (noun, verb) in [("founder", "found"), ("explanation", "explain"), ("winner", "win")] {
            assert!(PAIRS.contains(&(noun, verb)) && PAIRS.contains(&(verb, noun)), "{noun} {verb}");
        }
    }

    #[test]
    fn a_prefix_finds_every_pair_whose_word_starts_with_it_and_nothing_else() {
        let found = starting_with("founde");
        assert!(found.contains(&("founder", "found")), "{found:?}");
        assert!(found.iter().all(|(word, _)| word.starts_with("founde")), "{found:?}");
        assert!(starting_with("zzzzq").is_empty());
    }
}

//! Nouns and the verbs they are made from ("founder" and "found", "explanation" and
//! "explain"), from WordNet 3.0 (`related_forms.txt`, derived by
//! `scripts/derive_related_forms.py`, which says how and carries WordNet's licence). A
//! question and a story say the same thing with either ("Who founded the theatre?" / "Mary
//! O'Malley, the founder of the theatre"); the search reads each as a weaker match for the
//! other.

/// The table as shipped: one `noun verb` pair a line, after `#` comment lines.
pub const TABLE: &str = include_str!("related_forms.txt");

/// Every `(noun, verb)` pair of the table.
pub fn pairs() -> impl Iterator<Item = (&'static str, &'static str)> {
    TABLE.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once(' '))
}

#[cfg(test)]
mod tests {
    use super::pairs;

    #[test]
    fn the_table_pairs_agent_and_action_nouns_with_their_verbs() {
        let all: Vec<_> = pairs().collect();
        assert!(all.len() > 5000, "{}", all.len());
        for pair in [("founder", "found"), ("explanation", "explain"), ("winner", "win"), ("decision", "decide")] {
            assert!(all.contains(&pair), "{pair:?}");
        }
    }
}

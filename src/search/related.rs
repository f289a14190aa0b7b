//! A word's related forms as index terms: the stems of the nouns and verbs WordNet makes from
//! one another ([`crate::words::related_forms`]), so that "founded" (stem "found") finds
//! "founder" and "explanation" finds "explained".

use tantivy::tokenizer::TextAnalyzer;

use super::stem;
use crate::words::related_forms::starting_with;

/// How many letters of a stem pick the table's words to stem and compare: a word's stem
/// starts with the word's own first letters ("explan" of "explanation", "win" of "won" once
/// read as its base).
const PREFIX: usize = 3;

/// The stems of the forms related to the word whose stem is `stemmed` (the table's words with
/// that stem, through their pairs), none equal to it.
pub fn of(analyzer: &mut TextAnalyzer, stemmed: &str) -> Vec<String> {
    let prefix: String = stemmed.chars().take(PREFIX).collect();
    let mut out: Vec<String> = Vec::new();
    for (word, related) in starting_with(&prefix) {
        if stem(analyzer, word).as_deref() != Some(stemmed) {
            continue;
        }
        if let Some(r) = stem(analyzer, related).filter(|r| r != stemmed && !out.contains(r)) {
            out.push(r);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::of;

    #[test]
    fn a_verb_finds_its_agent_noun_and_a_noun_its_verb_by_stem() {
        let mut analyzer = crate::index::analyzer();
        assert!(of(&mut analyzer, "found").contains(&"founder".to_string()));
        assert!(of(&mut analyzer, "explan").contains(&"explain".to_string()));
        assert!(of(&mut analyzer, "win").contains(&"winner".to_string()));
        assert!(of(&mut analyzer, "zzzz").is_empty());
    }
}

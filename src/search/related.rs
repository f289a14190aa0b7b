//! A word's related forms as index terms: the stems of the nouns and verbs WordNet makes from
//! one another ([`crate::words::related_forms`]), keyed by stem, so that "founded" (stem
//! "found") finds "founder" and "explanation" finds "explained".

use std::collections::HashMap;
use std::sync::LazyLock;

use super::stem;
use crate::words::related_forms::pairs;

/// Stem → the stems of its related forms. Built on the first question that needs it (not at
/// load: the story commands never do), with the index's own analyzer.
static RELATED: LazyLock<HashMap<String, Vec<String>>> = LazyLock::new(|| {
    let mut analyzer = crate::index::analyzer();
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    for (noun, verb) in pairs() {
        let (Some(noun), Some(verb)) = (stem(&mut analyzer, noun), stem(&mut analyzer, verb)) else { continue };
        if noun == verb {
            continue;
        }
        map.entry(noun.clone()).or_default().push(verb.clone());
        map.entry(verb).or_default().push(noun);
    }
    for stems in map.values_mut() {
        stems.sort_unstable();
        stems.dedup();
    }
    map
});

/// The stems of the forms related to the word whose stem is `stemmed`.
pub fn of(stemmed: &str) -> &'static [String] {
    RELATED.get(stemmed).map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::of;

    #[test]
    fn a_verb_finds_its_agent_noun_and_a_noun_its_verb_by_stem() {
        assert!(of("found").contains(&"founder".to_string()), "{:?}", of("found"));
        assert!(of("explan").contains(&"explain".to_string()), "{:?}", of("explan"));
        assert!(of("win").contains(&"winner".to_string()), "{:?}", of("win"));
        assert!(of("zzzz").is_empty());
    }
}

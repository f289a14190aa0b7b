//! General English word groups (irregular verbs, common paraphrases) from `lexicon.txt`.

use std::collections::HashMap;
use std::sync::LazyLock;

static GROUPS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    include_str!("lexicon.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split(',').map(str::trim).filter(|w| !w.is_empty()).collect())
        .collect()
});

/// Groups as stems, and the groups each stem belongs to, so "works" finds the group listing
/// "worked" and nothing is stemmed twice.
struct Stemmed {
    groups: Vec<Vec<String>>,
    by_stem: HashMap<String, Vec<usize>>,
}

static BY_STEM: LazyLock<Stemmed> = LazyLock::new(|| {
    let mut analyzer = crate::index::analyzer();
    let mut stemmed: Vec<Vec<String>> = Vec::new();
    let mut map: HashMap<String, Vec<usize>> = HashMap::new();
    for (g, words) in GROUPS.iter().enumerate() {
        let mut group: Vec<String> = Vec::new();
        for w in words {
            if let Some(stem) = super::stem(&mut analyzer, w) {
                let groups = map.entry(stem.clone()).or_default();
                if !groups.contains(&g) {
                    groups.push(g);
                }
                if !group.contains(&stem) {
                    group.push(stem);
                }
            }
        }
        stemmed.push(group);
    }
    Stemmed { groups: stemmed, by_stem: map }
});

/// The stems of every group that has a word with this `stem`.
pub fn related(stem: &str) -> impl Iterator<Item = &'static str> + '_ {
    let lexicon = &*BY_STEM;
    lexicon.by_stem.get(stem).into_iter().flatten().flat_map(|&g| lexicon.groups[g].iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_irregular_past_tense_finds_its_base_form() {
        assert!(related("bought").any(|w| w == "buy"));
        assert!(related("left").any(|w| w == "leav"));
        assert!(related("work").any(|w| w == "colleagu"), "stems join work and worked");
    }

    #[test]
    fn an_unknown_word_has_no_relatives() {
        assert_eq!(related("zyzzyva").count(), 0);
    }

    #[test]
    fn every_group_has_at_least_two_lowercase_words() {
        for group in GROUPS.iter() {
            assert!(group.len() >= 2, "{group:?}");
            assert!(group.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c.is_numeric())), "{group:?}");
        }
    }
}

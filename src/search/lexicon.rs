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

/// Groups by the stem of each of their words, so "works" finds the group listing "worked".
static BY_STEM: LazyLock<HashMap<String, Vec<usize>>> = LazyLock::new(|| {
    let mut analyzer = crate::index::analyzer();
    let mut map: HashMap<String, Vec<usize>> = HashMap::new();
    for (g, words) in GROUPS.iter().enumerate() {
        for w in words {
            if let Some(stem) = super::stem(&mut analyzer, w) {
                let groups = map.entry(stem).or_default();
                if !groups.contains(&g) {
                    groups.push(g);
                }
            }
        }
    }
    map
});

/// The words of every group whose words share `stem`.
pub fn related(stem: &str) -> impl Iterator<Item = &'static str> + '_ {
    BY_STEM.get(stem).into_iter().flatten().flat_map(|&g| GROUPS[g].iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_irregular_past_tense_finds_its_base_form() {
        assert!(related("bought").any(|w| w == "buy"));
        assert!(related("left").any(|w| w == "leave"));
        assert!(related("work").any(|w| w == "colleagues"), "stems join work and worked");
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

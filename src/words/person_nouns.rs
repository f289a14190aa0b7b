//! Nouns that name a kind of person ("referee", "tycoon", "screen star"), from WordNet 3.0
//! (`person_nouns.txt`, derived by `scripts/derive_person_nouns.py`, which says how and
//! carries WordNet's licence). The rules read it to tell a role standing before or after a
//! name from a verb or a place ("referee Jonathan Kaplan", not "said Ross Walker").

use std::sync::LazyLock;

/// The list, sorted (the file is, byte-wise; a test checks): looked up by binary search,
/// which costs a process no hashing of 7,500 words at start-up.
static PERSON_NOUNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("person_nouns.txt").lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect()
});

fn listed(word: &str) -> bool {
    PERSON_NOUNS.binary_search(&word).is_ok()
}

/// Whether `word` names a kind of person, in the singular or the plural ("tycoons",
/// "spokesmen"), written with or without its hyphen ("full-back") or by its last part
/// ("goal-kickers").
pub fn is_person_noun(word: &str) -> bool {
    forms(word).iter().any(|f| singulars(f).any(|s| listed(&s)))
}

/// Whether `word` is the plural of a kind of person ("tycoons", "sons"), not a singular that
/// ends like one ("boss").
pub fn is_plural_person_noun(word: &str) -> bool {
    let forms = forms(word);
    !forms.iter().any(|f| listed(f)) && forms.iter().any(|f| singulars(f).skip(1).any(|s| listed(&s)))
}

/// The word in lower case, without a leading "ex-", without its hyphens, and its last
/// hyphenated part.
fn forms(word: &str) -> Vec<String> {
    let lower = word.to_lowercase();
    let word = lower.trim_start_matches("ex-");
    let mut out = vec![word.to_string(), word.replace('-', "")];
    if let Some((_, last)) = word.rsplit_once('-').filter(|(_, l)| l.len() > 2) {
        out.push(last.to_string());
    }
    out
}

/// The word and the singulars it may be the plural of.
fn singulars(word: &str) -> impl Iterator<Item = String> + '_ {
    let plural = |suffix: &str, singular: &str| word.strip_suffix(suffix).map(|stem| format!("{stem}{singular}"));
    [Some(word.to_string()), plural("s", ""), plural("es", ""), plural("ies", "y"), plural("men", "man")]
        .into_iter()
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::{is_person_noun, is_plural_person_noun, PERSON_NOUNS};

    #[test]
    fn the_list_is_sorted_for_its_binary_search() {
        assert!(PERSON_NOUNS.len() > 7_000 && PERSON_NOUNS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn kinds_of_people_are_person_nouns_in_either_number() {
        for word in ["referee", "Tycoons", "journalist", "spokesmen", "goal-kickers", "full-back", "ex-minister"] {
            assert!(is_person_noun(word), "{word}");
        }
    }

    #[test]
    fn plurals_are_told_from_singulars_that_end_in_s() {
        assert!(is_plural_person_noun("tycoons") && is_plural_person_noun("Goal-kickers"));
        assert!(!is_plural_person_noun("boss") && !is_plural_person_noun("referee"));
    }

    #[test]
    fn verbs_places_and_small_words_are_not() {
        for word in ["said", "accused", "told", "by", "Oxfordshire", "he", "the", "research", "s"] {
            assert!(!is_person_noun(word), "{word}");
        }
    }
}

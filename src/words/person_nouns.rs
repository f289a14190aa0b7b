//! Nouns that name a kind of person ("referee", "tycoon", "screen star"), from WordNet 3.0
//! (`person_nouns.txt`, derived by `scripts/derive_person_nouns.py`, which says how and
//! carries WordNet's licence). The rules read it to tell a role standing before or after a
//! name from a verb or a place ("referee Jonathan Kaplan", not "said Ross Walker").

use super::WordList;

/// The list, sorted byte-wise (a test checks): a binary search costs a process no hashing of
/// 7,500 words at start-up.
static PERSON_NOUNS: WordList = WordList::new(include_str!("person_nouns.txt"));

fn listed(word: &str) -> bool {
    PERSON_NOUNS.contains(word)
}

/// Whether `word` names a kind of person, in the singular or the plural ("tycoons",
/// "spokesmen"), written with or without its hyphen ("full-back") or by its last part
/// ("goal-kickers").
pub fn is_person_noun(word: &str) -> bool {
    let lower = word.to_lowercase();
    forms(&lower, |f| listed(f) || plural_of_listed(f))
}

/// Whether `word` is the plural of a kind of person ("tycoons", "sons"), not a singular that
/// ends like one ("boss").
pub fn is_plural_person_noun(word: &str) -> bool {
    let lower = word.to_lowercase();
    !forms(&lower, listed) && forms(&lower, plural_of_listed)
}

/// Whether `test` holds for the word (in lower case) without a leading "ex-", without its
/// hyphens, or for its last hyphenated part.
fn forms(lower: &str, test: impl Fn(&str) -> bool) -> bool {
    let word = lower.trim_start_matches("ex-");
    test(word)
        || (word.contains('-') && test(&word.replace('-', "")))
        || word.rsplit_once('-').is_some_and(|(_, last)| last.len() > 2 && test(last))
}

/// Whether the word is the plural of a listed one ("tycoons", "boxes", "parties", "spokesmen").
fn plural_of_listed(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(listed)
        || word.strip_suffix("es").is_some_and(listed)
        || word.strip_suffix("ies").is_some_and(|stem| listed(&format!("{stem}y")))
        || word.strip_suffix("men").is_some_and(|stem| listed(&format!("{stem}man")))
}

#[cfg(test)]
mod tests {
    use super::{is_person_noun, is_plural_person_noun, PERSON_NOUNS};

    #[test]
    fn the_list_is_sorted_for_its_binary_search() {
        assert!(PERSON_NOUNS.is_sorted_with_more_than(7_000));
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

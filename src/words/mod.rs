//! The word lists the rules read with, each held once: general English, nothing about any one
//! story (a story's own names and aliases live in its corpus file).
//!
//! One file per topic. Lists that look alike but differ (the speech verbs that attribute a
//! quotation and the words that make a question ask for one; the words that are never names
//! and those a question can do without) are kept apart on purpose, each saying why: one list
//! for both would change what a rule finds.

pub mod abbreviations;
pub mod calendar;
pub mod entities;
pub mod events;
pub mod follow_ups;
pub mod grammar;
pub mod irregular_forms;
pub mod numbers;
pub mod organisation_names;
pub mod organisation_nouns;
pub mod person_names;
pub mod person_nouns;
pub mod place_names;
pub mod proper_adjectives;
pub mod questions;
pub mod related_forms;
pub mod speech;
pub mod titles;

use std::sync::OnceLock;

/// The words of a list file derived by a script (one a line, `#` lines for its source and
/// licence). The files are sorted byte-wise (each list's test checks), so a lookup is a binary
/// search and a process hashes nothing at start-up.
fn sorted_list(file: &'static str) -> Vec<&'static str> {
    file.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect()
}

/// One such list of words, read on first use and looked up by binary search.
pub(crate) struct WordList {
    file: &'static str,
    words: OnceLock<Vec<&'static str>>,
}

impl WordList {
    pub(crate) const fn new(file: &'static str) -> WordList {
        WordList { file, words: OnceLock::new() }
    }

    /// Whether `word` is listed, exactly as written.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.words().binary_search(&word).is_ok()
    }

    fn words(&self) -> &[&'static str] {
        self.words.get_or_init(|| sorted_list(self.file))
    }

    /// Whether the list holds more than `count` words, in the byte-wise order its binary
    /// search needs (what each list's test checks).
    #[cfg(test)]
    pub(crate) fn is_sorted_with_more_than(&self, count: usize) -> bool {
        let words = self.words();
        words.len() > count && words.windows(2).all(|w| w[0] < w[1])
    }
}

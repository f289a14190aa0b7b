//! What is measured of each candidate sentence: signals that mean the same on any story, so
//! that the weights combining them (`model`) can be chosen on many stories at once.

use serde::Serialize;

use crate::corpus::{states_amount, states_date, Sentence};
use crate::search::Asks;

/// How many signals there are.
pub const COUNT: usize = 14;

/// The measurements of one candidate, each in 0..=1 unless noted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Signals {
    /// Retrieval score (BM25 over the sentence, its neighbours and its speaker) over the best
    /// candidate's.
    pub bm25: f32,
    /// Retrieval score, damped: `ln(1 + score)` (it grows with how rare the matched words are,
    /// so it also says how good the best candidate is in absolute terms).
    pub bm25_raw: f32,
    /// Share of the question's content, weighted by idf, found in the sentence itself.
    pub own: f32,
    /// The same counting words found in the neighbouring sentences at a discount, and those
    /// of the sentence before one that opens by referring back ("He…", "The game…") at a
    /// smaller one.
    pub near: f32,
    /// How close together the matched words stand: matched concepts over the width of the
    /// shortest window holding them all.
    pub proximity: f32,
    /// Cosine of the question's and the sentence's static embeddings.
    pub semantic: f32,
    /// `semantic` minus the best candidate's.
    pub semantic_gap: f32,
    /// 1 when the question asks for a kind of information (amount, date, place, person, quote)
    /// and the sentence carries it.
    pub carries: f32,
    /// 1 when the question asks what someone said and the sentence quotes that person.
    pub speaker: f32,
    /// The rarest of the question's words that neither the sentence nor its neighbours hold:
    /// its idf over the idf of a word the story never uses (0 when nothing is missing).
    pub missing: f32,
    /// Share of the question's content (idf-weighted) in words the story never uses at all
    /// (the same for every candidate of a question: it tells the answer decision that the
    /// question is about something else).
    pub unseen: f32,
    /// Cosine of the question's and the sentence's vectors from the transformer, when one is
    /// loaded (0 without).
    pub transformer: f32,
    /// `carries` for a question that asks for an amount ("how much", "how many"), 0 for the
    /// others: a stated amount answers those more surely than a date or a name answers theirs.
    pub carries_amount: f32,
    /// 1 for one of the first [`LEAD_SENTENCES`] sentences of its document: a news story's
    /// lead and an encyclopaedia article's opening state its main facts.
    pub lead: f32,
}

/// How many sentences open a document for [`Signals::lead`]. Chosen on the development data
/// among 1, 2, 3 and 5 (and a lift falling with the position): the one with which no held-out
/// fold lost at hit@1 (the README has the figures).
pub const LEAD_SENTENCES: usize = 3;

impl Signals {
    /// The signals as a fixed-order vector (the order of [`Signals::NAMES`]).
    pub fn to_vec(self) -> [f32; COUNT] {
        [
            self.bm25,
            self.bm25_raw,
            self.own,
            self.near,
            self.proximity,
            self.semantic,
            self.semantic_gap,
            self.carries,
            self.speaker,
            self.missing,
            self.unseen,
            self.transformer,
            self.carries_amount,
            self.lead,
        ]
    }

    pub const NAMES: [&'static str; COUNT] = [
        "bm25",
        "bm25_raw",
        "own",
        "near",
        "proximity",
        "semantic",
        "semantic_gap",
        "carries",
        "speaker",
        "missing",
        "unseen",
        "transformer",
        "carries_amount",
        "lead",
    ];
}

/// Whether the sentence (`text`) holds the kind of information the question asks for.
pub fn carries(sentence: &Sentence, text: &str, asks: Asks) -> bool {
    let f = sentence.features;
    match asks {
        Asks::Amount => states_amount(text),
        Asks::Date => states_date(text),
        Asks::Place => f.place,
        Asks::Person => f.person || sentence.speaker.is_some(),
        Asks::Quote | Asks::Speaker => sentence.speaker.is_some() || f.quote,
        Asks::Anything => false,
    }
}

/// Matched concepts over the width (in words) of the shortest run of the sentence's words
/// that holds every concept the sentence matches; 0 when it matches fewer than two.
///
/// `matched` holds, for each word of the sentence in order, the concept it matches, if any.
pub fn proximity(matched: &[Option<usize>]) -> f32 {
    let mut distinct: Vec<usize> = matched.iter().flatten().copied().collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < 2 {
        return 0.0;
    }
    let need = distinct.len();
    let mut counts = vec![0usize; distinct.iter().max().map_or(0, |m| m + 1)];
    let (mut have, mut best, mut left) = (0, usize::MAX, 0);
    for (right, concept) in matched.iter().enumerate() {
        let Some(c) = *concept else { continue };
        counts[c] += 1;
        have += usize::from(counts[c] == 1);
        while have == need {
            if let Some(l) = matched[left] {
                if counts[l] == 1 {
                    best = best.min(right - left + 1);
                    have -= 1;
                }
                counts[l] -= 1;
            }
            left += 1;
        }
    }
    need as f32 / best as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjacent_matches_are_closest_and_scattered_ones_are_not() {
        assert_eq!(proximity(&[Some(0), Some(1), None]), 1.0);
        assert_eq!(proximity(&[Some(0), None, None, Some(1)]), 0.5);
        let scattered = proximity(&[Some(0), None, None, None, None, None, None, Some(1)]);
        assert!(scattered < 0.3, "{scattered}");
    }

    #[test]
    fn the_shortest_window_wins_when_a_word_repeats() {
        assert_eq!(proximity(&[Some(0), None, None, None, Some(0), Some(1)]), 1.0);
    }

    #[test]
    fn one_matched_concept_says_nothing_about_proximity() {
        assert_eq!(proximity(&[Some(0), None, Some(0)]), 0.0);
        assert_eq!(proximity(&[]), 0.0);
    }
}

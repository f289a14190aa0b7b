//! How the signals of a candidate combine into its score, and when the best score is too
//! low to answer.
//!
//! The weights and thresholds are fitted, not set by hand: `scripts/fit_ranking.py` fits them
//! on the candidates `storybot eval --dump-signals` writes for the development questions
//! (Wikipedia articles with crowd-written questions, BBC news articles with reader questions,
//! and the shipped story's set), choosing on half of the articles and checking on the other
//! half; the figures are in the README.

use super::signals::Signals;

/// Weights of [`Signals::to_vec`], in its order.
pub const WEIGHTS: [f32; 9] = [1.0, 0.0, 2.0, 1.0, 0.2, 0.0, 0.0, 0.3, 0.5];

/// The best candidate must score this much, or the story is taken not to answer.
pub const ANSWER_THRESHOLD: f32 = 1.5;
/// Further answers must score this much.
pub const FURTHER_THRESHOLD: f32 = 1.2;

/// The candidate's score: a weighted sum of its signals.
pub fn score(signals: &Signals) -> f32 {
    signals.to_vec().iter().zip(WEIGHTS).map(|(s, w)| s * w).sum()
}

//! How the signals of a candidate combine into its score, and when the best candidate is too
//! unlikely to answer.
//!
//! The weights and thresholds are fitted, not set by hand: `scripts/fit_ranking.py` fits them
//! on the candidates `storybot eval --dump-signals` writes for the development questions
//! (Wikipedia articles with crowd-written questions, BBC news articles with reader questions,
//! and the shipped story's set), checking them on articles left out of the fit; the figures
//! are in the README.

use super::signals::{Signals, COUNT};

/// Ranking weights of [`Signals::to_vec`], in its order.
pub const WEIGHTS: [f32; COUNT] = [1.8371, 2.5384, 0.5540, 4.9398, -0.1005, 0.0, 0.0, 1.6214, 0.2915, -0.0883, 0.0];

/// Weights of the answer decision: the best candidate's score, then its signals.
pub const ANSWER_WEIGHTS: [f32; COUNT + 1] = [0.0812, 2.4532, -0.2916, -0.8768, 0.9476, 0.2638, 0.0, 0.0, 1.1232, 3.7035, -1.5718, 0.0];
/// The answer decision's sum must reach this, or the story is taken not to answer.
pub const ANSWER_THRESHOLD: f32 = 1.0845;
/// Further answers must score this much.
pub const FURTHER_THRESHOLD: f32 = 6.6971;

/// The candidate's score: a weighted sum of its signals.
pub fn score(signals: &Signals) -> f32 {
    signals.to_vec().iter().zip(WEIGHTS).map(|(s, w)| s * w).sum()
}

/// Whether the best candidate, with this score and these signals, answers the question.
pub fn answers(score: f32, signals: &Signals) -> bool {
    let mut sum = ANSWER_WEIGHTS[0] * score;
    for (s, w) in signals.to_vec().iter().zip(&ANSWER_WEIGHTS[1..]) {
        sum += s * w;
    }
    sum >= ANSWER_THRESHOLD
}

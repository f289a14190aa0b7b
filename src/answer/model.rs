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
pub const WEIGHTS: [f32; COUNT] =
    [-0.3000, 1.2193, 0.6416, 6.2408, 0.0580, 3.3743, 2.8119, 1.4691, 0.3827, -0.7358, -0.0000];

/// Weights of the answer decision: the best candidate's score, then its signals.
pub const ANSWER_WEIGHTS: [f32; COUNT + 1] =
    [0.0741, 1.5978, -0.8209, -0.4676, 0.4684, 0.1991, 4.4594, -0.7635, 1.1258, 3.6681, -1.1173, 0.2417];
/// The answer decision's sum must reach this, or the story is taken not to answer.
pub const ANSWER_THRESHOLD: f32 = 2.5133;
/// A question whose content is mostly words the story never uses is about something else,
/// whatever the best candidate looks like ("What is the weather in Paris today?"). Chosen on
/// the development data: 1 of 2,313 answerable Wikipedia questions, none of 120 news
/// questions and 1 of the 48 story questions reach it.
pub const OFF_TOPIC_UNSEEN: f32 = 0.75;
/// A question that names something the story never mentions ("Who won the Super Bowl?") is
/// about something else once this share of its content is unseen. Measured on the development
/// data: 4 more of 2,313 answerable Wikipedia questions go unanswered (44 → 48), no news
/// question (readers typed them in lower case), and 3 more of the story set's 8 off-topic
/// questions get no answer (1 → 4). A general rule, not fitted: capitals mark names in English.
pub const OFF_TOPIC_NAMED_UNSEEN: f32 = 0.5;
/// Further answers must score this much.
pub const FURTHER_THRESHOLD: f32 = 5.1169;

/// The candidate's score: a weighted sum of its signals.
pub fn score(signals: &Signals) -> f32 {
    signals.to_vec().iter().zip(WEIGHTS).map(|(s, w)| s * w).sum()
}

/// Whether the best candidate, with this score and these signals, answers the question;
/// `names_the_unknown`: the question names something the story never mentions.
pub fn answers(score: f32, signals: &Signals, names_the_unknown: bool) -> bool {
    if signals.unseen >= OFF_TOPIC_UNSEEN || (names_the_unknown && signals.unseen >= OFF_TOPIC_NAMED_UNSEEN) {
        return false;
    }
    let mut sum = ANSWER_WEIGHTS[0] * score;
    for (s, w) in signals.to_vec().iter().zip(&ANSWER_WEIGHTS[1..]) {
        sum += s * w;
    }
    sum >= ANSWER_THRESHOLD
}

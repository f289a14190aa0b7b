//! Tallies of answers against gold: hit@1, hit@3, MRR@3 and abstentions.

use serde::Serialize;

/// What one system did on a set of questions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Tally {
    pub answerable: usize,
    pub unanswerable: usize,
    pub hit1: usize,
    pub hit3: usize,
    /// Sum of 1/rank of the first right answer within 3.
    pub reciprocal: f64,
    /// Answerable questions that got no answer.
    pub false_abstain: usize,
    /// Unanswerable questions that got no answer.
    pub abstained: usize,
}

impl Tally {
    /// Records one question: `rank` of the first right answer (0-based), whether any answer
    /// was given, and whether the question had an answer at all.
    pub fn add(&mut self, answerable: bool, answered: bool, rank: Option<usize>) {
        if !answerable {
            self.unanswerable += 1;
            self.abstained += usize::from(!answered);
            return;
        }
        self.answerable += 1;
        self.hit1 += usize::from(rank == Some(0));
        self.hit3 += usize::from(rank.is_some_and(|r| r < 3));
        self.reciprocal += rank.filter(|&r| r < 3).map_or(0.0, |r| 1.0 / (r as f64 + 1.0));
        self.false_abstain += usize::from(!answered);
    }

    pub fn merge(&mut self, other: &Tally) {
        self.answerable += other.answerable;
        self.unanswerable += other.unanswerable;
        self.hit1 += other.hit1;
        self.hit3 += other.hit3;
        self.reciprocal += other.reciprocal;
        self.false_abstain += other.false_abstain;
        self.abstained += other.abstained;
    }

    pub fn rates(&self) -> Rates {
        let share = |n: f64, of: usize| if of == 0 { None } else { Some(n / of as f64) };
        Rates {
            hit1: share(self.hit1 as f64, self.answerable),
            hit3: share(self.hit3 as f64, self.answerable),
            mrr3: share(self.reciprocal, self.answerable),
            false_abstain: share(self.false_abstain as f64, self.answerable),
            abstain_unanswerable: share(self.abstained as f64, self.unanswerable),
        }
    }
}

/// A [`Tally`] as shares; `None` where there was nothing to count.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rates {
    pub hit1: Option<f64>,
    pub hit3: Option<f64>,
    pub mrr3: Option<f64>,
    pub false_abstain: Option<f64>,
    pub abstain_unanswerable: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_abstentions_and_unanswerables_are_counted_apart() {
        let mut t = Tally::default();
        t.add(true, true, Some(0));
        t.add(true, true, Some(2));
        t.add(true, true, Some(5));
        t.add(true, false, None);
        t.add(false, false, None);
        t.add(false, true, None);
        let r = t.rates();
        assert_eq!((t.hit1, t.hit3, t.false_abstain, t.abstained), (1, 2, 1, 1));
        assert_eq!(r.hit1, Some(0.25));
        assert!(r.mrr3.is_some_and(|m| (m - (1.0 + 1.0 / 3.0) / 4.0).abs() < 1e-9), "{r:?}");
        assert_eq!(r.abstain_unanswerable, Some(0.5));
    }

    #[test]
    fn shares_of_nothing_are_none_not_nan() {
        let r = Tally::default().rates();
        assert_eq!((r.hit1, r.abstain_unanswerable), (None, None));
    }

    #[test]
    fn merging_adds_every_count() {
        let mut a = Tally::default();
        a.add(true, true, Some(1));
        let mut b = Tally::default();
        b.add(false, false, None);
        a.merge(&b);
        assert_eq!((a.answerable, a.unanswerable, a.hit3, a.abstained), (1, 1, 1, 1));
    }
}

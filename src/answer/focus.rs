//! Where a conversation was looking when a follow-up came. In conversational question
//! answering the next answer is most often close to the previous one in the text (the QuAC
//! corpus, Choi et al. 2018, reports this "dialog flow"); here the sentences around the one
//! last shown are scored as candidates whether retrieval found them or not, and lifted.
//!
//! The window and the lift were chosen on the tune conversations of the repository's
//! multi-turn set (`tests/eval/conversations.jsonl`); the README has the figures.

use super::conversation::Turn;
use super::rank::Ranked;
use crate::corpus::{Corpus, SentenceId};

/// Sentences either side of the last one shown that count as near it.
const WINDOW: usize = 2;
/// What a near sentence adds to its score (scores are the ranking model's sums, a good
/// answer scoring about 5 to 10).
const NEAR_LIFT: f32 = 1.5;

/// The sentence a conversation showed last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Focus {
    last: SentenceId,
}

impl Focus {
    /// Where `earlier` turns leave the conversation; `None` before anything was shown.
    pub fn of(earlier: &[Turn]) -> Option<Focus> {
        earlier.last()?.shown.last().map(|&last| Focus { last })
    }

    /// The sentences of the same document within [`WINDOW`] of the last one shown, it
    /// included.
    pub fn neighbours(self, corpus: &Corpus) -> Vec<SentenceId> {
        let count = corpus.sentences.len();
        if self.last.index() >= count {
            return Vec::new();
        }
        let doc = corpus.sentence(self.last).doc;
        let from = self.last.index().saturating_sub(WINDOW);
        let to = (self.last.index() + WINDOW).min(count - 1);
        (from..=to).map(SentenceId::new).filter(|&id| corpus.sentence(id).doc == doc).collect()
    }

    /// Lifts the neighbours in `ranked` (best first again): the sentence shown itself is not
    /// lifted, a follow-up seldom asks for it again.
    pub fn lift(self, corpus: &Corpus, ranked: &mut [Ranked]) {
        let near = self.neighbours(corpus);
        for r in ranked.iter_mut().filter(|r| r.sentence != self.last && near.contains(&r.sentence)) {
            r.score += NEAR_LIFT;
        }
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.sentence.cmp(&b.sentence)));
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::answer::{Conversation, Engine};
    use crate::corpus::{Corpus, Source};

    /// Two sentences alike word for word, one early in the story and one right after the
    /// sentence a first question is answered with.
    const TWO_DEALS: &str = "+++
title = \"Two deals\"
+++
Analysts praised the deal.

Rain fell on the port all week. The ferry ran late twice. Tickets sold out on Friday.

Acme bought Zeta for $5 billion in March. Analysts praised the deal.
";

    fn engine() -> anyhow::Result<Engine> {
        let source = Source { path: PathBuf::from("corpus/deals.txt"), bytes: TWO_DEALS.as_bytes().to_vec() };
        Engine::in_memory(Corpus::from_sources(vec![source])?)
    }

    fn best_index(answers: &crate::answer::Answers) -> Option<usize> {
        answers.answers.first().map(|a| a.sentence().index())
    }

    #[test]
    fn a_follow_up_prefers_the_sentence_near_the_answer_just_shown() -> anyhow::Result<()> {
        let engine = engine()?;
        let mut conversation = Conversation::new();
        let first = engine.ask_in(&mut conversation, "How much did Acme pay for Zeta?", 1)?;
        assert_eq!(best_index(&first), Some(4), "{first:?}");
        let next = engine.ask_in(&mut conversation, "did analysts praise the deal?", 1)?;
        assert_eq!(best_index(&next), Some(5), "the sentence after the answer shown: {next:?}");
        Ok(())
    }

    #[test]
    fn the_same_question_asked_alone_has_no_such_preference() -> anyhow::Result<()> {
        let alone = engine()?.ask("did analysts praise the deal?", 1)?;
        assert_eq!(best_index(&alone), Some(0), "{alone:?}");
        Ok(())
    }
}

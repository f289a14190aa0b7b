//! Where a conversation was looking when the next question came. In conversational question
//! answering the next answer is most often close to the previous one in the text (the QuAC
//! corpus, Choi et al. 2018, reports this "dialog flow"); so the sentences around the best
//! answer given last are scored as candidates whether retrieval found them or not, and lifted
//! among the answers. The best answer itself is scored too, but not lifted: a follow-up can
//! ask for a figure it states.
//!
//! The window and the lift were chosen on the tune conversations of the repository's
//! multi-turn set (`tests/eval/conversations.jsonl`); the README has the figures.

use super::conversation::Turn;
use super::rank::{self, Ranked};
use crate::corpus::{Corpus, SentenceId};

/// Sentences either side of the last answer that count as near it.
const WINDOW: usize = 2;
/// What a near sentence adds to its score (scores are the ranking model's sums, a good
/// answer scoring about 5 to 10).
const NEAR_LIFT: f32 = 1.5;

/// The best answer the last question got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Focus {
    last: SentenceId,
}

impl Focus {
    /// Where `earlier` turns leave the conversation; `None` before anything was shown. The
    /// best answer, not the last one shown: a front end that shows three answers at once
    /// marks all three.
    pub fn of(earlier: &[Turn]) -> Option<Focus> {
        earlier.last()?.shown.first().map(|&last| Focus { last })
    }

    /// What a follow-up scores whether retrieval found it or not: the [`Focus::neighbours`] and
    /// the last answer itself, unlifted ("how much is it worth?" after "What did Chirac call
    /// the UK's £3bn rebate?": a pronoun leaves retrieval nothing to find, and the answer
    /// shown may state the figure asked for).
    pub fn candidates(self, corpus: &Corpus) -> Vec<SentenceId> {
        let mut out = self.neighbours(corpus);
        if self.last.index() < corpus.sentences.len() {
            out.push(self.last);
        }
        out
    }

    /// The sentences of the same document within [`WINDOW`] of the last answer, without it
    /// (a follow-up seldom asks for it again; retrieval finds it when it does).
    pub fn neighbours(self, corpus: &Corpus) -> Vec<SentenceId> {
        let count = corpus.sentences.len();
        if self.last.index() >= count {
            return Vec::new();
        }
        let doc = corpus.sentence(self.last).doc;
        let from = self.last.index().saturating_sub(WINDOW);
        let to = (self.last.index() + WINDOW).min(count - 1);
        (from..=to).map(SentenceId::new).filter(|&id| id != self.last && corpus.sentence(id).doc == doc).collect()
    }
}

/// Lifts the sentences near the last answer among `ranked`, those of `scored` (its
/// [`Focus::candidates`]) but the answer itself, and puts it best first again.
pub(crate) fn lift(focus: Option<Focus>, scored: &[SentenceId], ranked: &mut [Ranked]) {
    let Some(focus) = focus else { return };
    for r in ranked.iter_mut().filter(|r| r.sentence != focus.last && scored.contains(&r.sentence)) {
        r.score += NEAR_LIFT;
    }
    rank::sort(ranked);
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::Focus;
    use crate::answer::{Conversation, Engine};
    use crate::corpus::{Corpus, SentenceId, Source};

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
        engine_of(TWO_DEALS)
    }

    fn engine_of(text: &str) -> anyhow::Result<Engine> {
        let source = Source { path: PathBuf::from("corpus/story.txt"), bytes: text.as_bytes().to_vec() };
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
    fn a_figure_asked_of_the_answer_just_shown_is_answered_from_it() -> anyhow::Result<()> {
        // Retrieval has nothing to go on ("worth" is not in the story), and five sentences stand
        // closer in meaning than the one stating the money.
        let text = "Rain fell all week. The mayor called the $2 million parade budget \"wasteful\". Crowds \
                    cheered anyway. The band played late.\n\nIs it valuable? Its value is hard to judge. \
                    Much of it is priceless. Valuable things last. The day was priceless. Value matters to them.";
        let engine = engine_of(text)?;
        let mut conversation = Conversation::new();
        let first = engine.ask_in(&mut conversation, "What did the mayor call the parade budget?", 1)?;
        assert_eq!(best_index(&first), Some(1), "{first:?}");
        let next = engine.ask_in(&mut conversation, "how much is it worth?", 1)?;
        assert_eq!(best_index(&next), Some(1), "the answer shown states the money: {next:?}");
        Ok(())
    }

    #[test]
    fn neighbours_stay_in_the_document_and_an_unknown_sentence_has_none() -> anyhow::Result<()> {
        let other = Source { path: PathBuf::from("corpus/other.txt"), bytes: b"One. Two. Three.".to_vec() };
        let deals = Source { path: PathBuf::from("corpus/deals.txt"), bytes: TWO_DEALS.as_bytes().to_vec() };
        let corpus = Corpus::from_sources(vec![deals, other])?;
        let last_of_deals = corpus.docs[0].sentences.end.index() - 1;
        let near = Focus { last: SentenceId::new(last_of_deals) }.neighbours(&corpus);
        let indices: Vec<usize> = near.iter().map(|id| id.index()).collect();
        assert_eq!(indices, vec![last_of_deals - 2, last_of_deals - 1], "not itself, not the next document");
        assert!(Focus { last: SentenceId::new(corpus.sentences.len()) }.neighbours(&corpus).is_empty());
        Ok(())
    }

    #[test]
    fn the_focus_is_the_best_answer_even_when_more_were_shown() -> anyhow::Result<()> {
        let engine = engine()?;
        let mut conversation = Conversation::new();
        engine.ask_in(&mut conversation, "How much did Acme pay for Zeta?", 1)?;
        conversation.mark_shown(SentenceId::new(0));
        let focus = Focus::of(conversation.turns());
        assert_eq!(focus, Some(Focus { last: SentenceId::new(4) }));
        Ok(())
    }

    #[test]
    fn the_same_question_asked_alone_has_no_such_preference() -> anyhow::Result<()> {
        let alone = engine()?.ask("did analysts praise the deal?", 1)?;
        assert_eq!(best_index(&alone), Some(0), "{alone:?}");
        Ok(())
    }
}

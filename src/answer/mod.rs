//! The engine every front end calls: a question in, cited answers (or none) out.
//!
//! Retrieval gives candidate sentences; this module decides which of them answer. A sentence
//! must match enough of the question's content (weighted by how rare each word is) to count,
//! the kind of information asked for (amount, date, place, person, quote) lifts sentences
//! that carry it, and when the best candidate is too weak the answer is "the story doesn't
//! say" rather than a random sentence.

pub mod cite;
pub mod rank;
mod stems;

use std::ops::Range;
use std::path::Path;

use anyhow::Context as _;
use tantivy::tokenizer::TextAnalyzer;

pub use cite::{Citation, JsonAnswer, JsonAnswers};

use crate::corpus::Corpus;
use crate::error::UserError;
use crate::index::{self, StoryIndex};
use crate::search::{self, AliasTable, Analysed};

/// Longest question accepted, in characters.
pub const MAX_QUESTION_CHARS: usize = 1000;
/// Most answers one question can ask for.
pub const MAX_TOP: usize = 20;

/// The loaded corpus and its open index.
pub struct Engine {
    corpus: Corpus,
    index: StoryIndex,
    aliases: AliasTable,
    analyzer: TextAnalyzer,
    stems: stems::StemCache,
    people: Vec<rank::Person>,
}

/// The answers to one question, best first; empty when the story has no answer.
#[derive(Debug, Clone)]
pub struct Answers {
    pub question: String,
    pub answers: Vec<Answer>,
    pub analysed: Analysed,
}

/// One answering sentence with what to show around it.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// 1-based rank.
    pub rank: usize,
    pub score: f32,
    /// Share of the question's content (weighted by rarity) the sentence matches, 0 to 1.
    pub coverage: f32,
    /// Index into [`Corpus::sentences`].
    pub sentence: usize,
    /// The sentence with its neighbours in the paragraph, as a byte range of the file.
    pub context: Range<usize>,
    /// Matched words inside `context`, as byte ranges of the file.
    pub highlights: Vec<Range<usize>>,
}

impl Engine {
    /// Loads the corpus folder and opens (or builds) its index in the index folder.
    ///
    /// # Errors
    /// A malformed corpus, or an index folder that cannot be written.
    pub fn open(corpus_dir: &Path, index_dir: &Path) -> anyhow::Result<Engine> {
        let corpus = Corpus::load_dir(corpus_dir)?;
        let index = index::open_or_build(index_dir, &corpus)?;
        Ok(Engine::new(corpus, index))
    }

    /// Builds the index in memory instead of on disk.
    ///
    /// # Errors
    /// From tantivy.
    pub fn in_memory(corpus: Corpus) -> anyhow::Result<Engine> {
        let index = StoryIndex::in_memory(&corpus).context("cannot build the in-memory index")?;
        Ok(Engine::new(corpus, index))
    }

    fn new(corpus: Corpus, index: StoryIndex) -> Engine {
        let aliases = AliasTable::from_corpus(&corpus);
        let mut analyzer = index::analyzer();
        let people = rank::people(&corpus, &mut analyzer);
        let stems = stems::StemCache::new(&corpus);
        Engine { corpus, index, aliases, analyzer, stems, people }
    }

    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// Answers `question` with at most `top` sentences.
    ///
    /// # Errors
    /// A [`UserError`] for an empty or overlong question; anything else is internal.
    pub fn ask(&self, question: &str, top: usize) -> anyhow::Result<Answers> {
        let question = check_question(question)?;
        let mut analyzer = self.analyzer.clone();
        let analysed = search::analyse(question, &self.index, &self.aliases, &mut analyzer)?;
        let hits = search::run(&self.index, &analysed, rank::CANDIDATES.max(top))?;
        let ranked =
            rank::select(rank::score(&self.corpus, &self.stems, &self.people, &analysed, &hits, &mut analyzer));
        let answers = ranked
            .into_iter()
            .take(top.clamp(1, MAX_TOP))
            .enumerate()
            .map(|(i, r)| {
                let context = self.context_of(r.ord, 1);
                let highlights =
                    rank::highlights(&self.corpus, &self.stems, r.ord, context.clone(), &analysed, &mut analyzer);
                Answer { rank: i + 1, score: r.score, coverage: r.coverage, sentence: r.ord, context, highlights }
            })
            .collect();
        Ok(Answers { question: question.to_string(), answers, analysed })
    }

    /// Every candidate sentence with its score and coverage, whether or not it would be
    /// given as an answer: what `ask --explain` shows.
    ///
    /// # Errors
    /// As [`Engine::ask`].
    pub fn explain(&self, question: &str) -> anyhow::Result<(Analysed, Vec<rank::Ranked>)> {
        let question = check_question(question)?;
        let mut analyzer = self.analyzer.clone();
        let analysed = search::analyse(question, &self.index, &self.aliases, &mut analyzer)?;
        let hits = search::run(&self.index, &analysed, rank::CANDIDATES)?;
        let ranked = rank::score(&self.corpus, &self.stems, &self.people, &analysed, &hits, &mut analyzer);
        Ok((analysed, ranked))
    }

    /// The byte range of `sentence` widened by `width` sentences on each side, within its
    /// paragraph.
    pub fn context_of(&self, sentence: usize, width: usize) -> Range<usize> {
        let s = &self.corpus.sentences[sentence];
        let same_para =
            |i: usize| self.corpus.sentences.get(i).is_some_and(|n| n.doc == s.doc && n.paragraph == s.paragraph);
        let first = (sentence.saturating_sub(width)..sentence).find(|&i| same_para(i)).unwrap_or(sentence);
        let last = (sentence + 1..=sentence + width).rev().find(|&i| same_para(i)).unwrap_or(sentence);
        self.corpus.sentences[first].span.start..self.corpus.sentences[last].span.end
    }

    /// Highlights of `analysed` inside any byte range of a sentence's document.
    pub fn highlights_in(&self, sentence: usize, range: Range<usize>, analysed: &Analysed) -> Vec<Range<usize>> {
        rank::highlights(&self.corpus, &self.stems, sentence, range, analysed, &mut self.analyzer.clone())
    }

    /// The citation of a sentence.
    pub fn cite(&self, sentence: usize) -> Citation<'_> {
        Citation::of(&self.corpus, sentence)
    }
}

fn check_question(question: &str) -> Result<&str, UserError> {
    let trimmed = question.trim();
    if trimmed.is_empty() {
        return Err(UserError::new("Ask a question about the story, for example: How big is Project Stargate?"));
    }
    let chars = trimmed.chars().count();
    if chars > MAX_QUESTION_CHARS {
        return Err(UserError::new(format!(
            "That question is {chars} characters long; please keep it under {MAX_QUESTION_CHARS}."
        )));
    }
    Ok(trimmed)
}

#[cfg(test)]
mod tests;

//! The engine every front end calls: a question in, cited answers (or none) out.
//!
//! Retrieval gives candidate sentences; this module decides which of them answer. A sentence
//! must match enough of the question's content (weighted by how rare each word is) to count,
//! the kind of information asked for (amount, date, place, person, quote) lifts sentences
//! that carry it, and when the best candidate is too weak the answer is "the story doesn't
//! say" rather than a random sentence.
//!
//! [`Engine::ask_in`] answers a question as the next turn of a [`Conversation`]
//! ([`conversation`]): `follow_up` reads its pronouns and elliptical forms against the turns
//! before it first.

pub mod cite;
pub mod conversation;
mod focus;
mod follow_up;
mod model;
mod passage;
pub mod rank;
mod reranker;
pub mod signals;
mod stems;
mod vectors;

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use anyhow::Context as _;
use tantivy::tokenizer::TextAnalyzer;

pub use cite::{Citation, JsonAnswer, JsonAnswers, JsonSource};
pub use conversation::{Conversation, MAX_TURNS};
pub use follow_up::NOTHING_TO_FOLLOW;
pub use passage::{Passage, Piece, Source};

use crate::corpus::{Corpus, DocId, Quote, SentenceId};
use crate::error::UserError;
use crate::index::{self, StoryIndex};
use crate::search::{self, AliasTable, Analysed};
use crate::semantic;

/// Longest question accepted, in characters.
pub const MAX_QUESTION_CHARS: usize = 1000;
/// Most answers one question can ask for.
pub const MAX_TOP: usize = 20;
/// Most sentences one search lists.
pub const MAX_SEARCH: usize = 50;

/// The loaded corpus and its open index.
pub struct Engine {
    corpus: Corpus,
    index: StoryIndex,
    aliases: AliasTable,
    analyzer: TextAnalyzer,
    stems: stems::StemCache,
    people: Vec<rank::Person>,
    vectors: vectors::Vectors,
    names: follow_up::Names,
    /// The optional transformer; the ranking's parameters follow whether there is one.
    reranker: Option<reranker::Reranker>,
}

/// The answers to one question, best first; empty when the story has no answer.
#[derive(Debug, Clone)]
pub struct Answers {
    pub question: String,
    pub answers: Vec<Answer>,
    /// With no answer: up to two passages still related to the question (they match a fair
    /// part of it), best first, shown as "closest passages".
    pub closest: Vec<Passage>,
    /// How a follow-up was read ("what else did Elon Musk say?"), when [`Engine::ask_in`]
    /// rewrote it; front ends show it before the answers.
    pub read_as: Option<String>,
    /// With no answer because the question asks what someone said and the story names them
    /// but never quotes them: who ("Jeff Bezos"), for front ends to say so.
    pub unquoted: Option<String>,
}

/// One answering sentence with what to show around it (one sentence of context each side).
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// 1-based rank.
    pub rank: usize,
    pub score: f32,
    /// Share of the question's content (weighted by rarity) the sentence matches, 0 to 1.
    pub coverage: f32,
    pub passage: Passage,
}

impl Answer {
    /// The answering sentence.
    pub fn sentence(&self) -> SentenceId {
        self.passage.sentence
    }
}

impl Engine {
    /// Loads the corpus folder and opens (or builds) its index in the index folder.
    ///
    /// # Errors
    /// A malformed corpus, or an index folder that cannot be written.
    pub fn open(corpus_dir: &Path, index_dir: &Path) -> anyhow::Result<Engine> {
        Engine::with_corpus(Corpus::load_dir(corpus_dir)?, index_dir)
    }

    /// As [`Engine::open`], with the corpus already loaded.
    ///
    /// # Errors
    /// The index folder cannot be written, or building the index fails.
    pub fn with_corpus(corpus: Corpus, index_dir: &Path) -> anyhow::Result<Engine> {
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
        let vectors = vectors::Vectors::new(&corpus, &index);
        let names = follow_up::Names::new(&corpus);
        Engine { corpus, index, aliases, analyzer, stems, people, vectors, names, reranker: None }
    }

    /// Reranks with `model`'s vectors too, and with the parameters fitted with them; `None`
    /// keeps the static ranking.
    #[must_use]
    pub fn with_transformer(mut self, model: Option<Arc<semantic::Transformer>>) -> Engine {
        self.reranker = model.map(|m| reranker::Reranker::new(m, &self.corpus));
        self
    }

    /// The transformer answers are reranked with, if any.
    pub fn transformer(&self) -> Option<Arc<semantic::Transformer>> {
        self.reranker.as_ref().map(reranker::Reranker::model)
    }

    /// In a story of at most [`rank::DENSE_LIMIT`] sentences, computes the transformer's
    /// vector of every sentence now rather than at the first question that needs it (a larger
    /// story would take too long: its sentences are embedded as questions meet them); returns
    /// how many it computed (0 without a transformer).
    ///
    /// # Errors
    /// From the model's computation.
    pub fn warm_transformer(&self) -> anyhow::Result<usize> {
        match &self.reranker {
            Some(reranker) if self.corpus.sentences.len() <= rank::DENSE_LIMIT => reranker.warm(&self.corpus),
            _ => Ok(0),
        }
    }

    fn params(&self) -> &'static model::Params {
        match self.reranker {
            Some(_) => &model::WITH_TRANSFORMER,
            None => &model::STATIC,
        }
    }

    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The fingerprint of what the engine serves (the index's): it changes whenever a
    /// sentence id could mean another sentence, so state kept outside (a button) can be
    /// checked against it.
    pub fn version(&self) -> &str {
        &self.index.fingerprint
    }

    /// Answers `question` with at most `top` sentences.
    ///
    /// # Errors
    /// A [`UserError`] for an empty or overlong question; anything else is internal.
    pub fn ask(&self, question: &str, top: usize) -> anyhow::Result<Answers> {
        self.ask_excluding(check_question(question)?, top, &[], None, false)
    }

    /// Answers `question` as the next turn of `conversation`, reading pronouns and elliptical
    /// forms against its earlier turns, and records the turn in it (the best answer as shown;
    /// [`Conversation::mark_shown`] adds others a front end shows).
    ///
    /// # Errors
    /// As [`Engine::ask`], and a [`UserError`] for a follow-up that needs an earlier question
    /// ("what else?", "how much?") when the conversation has none.
    pub fn ask_in(&self, conversation: &mut Conversation, question: &str, top: usize) -> anyhow::Result<Answers> {
        let question = check_question(question)?;
        conversation.align(self.version());
        let reading = follow_up::read(&self.names, &self.corpus, question, conversation.turns())?;
        let focus = focus::Focus::of(conversation.turns());
        let follows = !conversation.turns().is_empty();
        let mut answers = self.ask_excluding(&reading.search, top, &reading.exclude, focus, follows)?;
        answers.question = question.to_string();
        answers.read_as = reading.shown;
        conversation.push(conversation::Turn {
            read: reading.search,
            shown: answers.answers.first().map(Answer::sentence).into_iter().collect(),
            about: reading.about,
        });
        Ok(answers)
    }

    /// As [`Engine::ask`] for a checked question, never giving the sentences in `exclude`,
    /// and scoring the sentences around the conversation's last answer (`focus`) whether
    /// retrieval finds them or not, preferring those near it; `follows`: the question is a
    /// turn after an earlier one.
    fn ask_excluding(
        &self,
        question: &str,
        top: usize,
        exclude: &[SentenceId],
        focus: Option<focus::Focus>,
        follows: bool,
    ) -> anyhow::Result<Answers> {
        let scored = focus.map(|f| f.candidates(&self.corpus)).unwrap_or_default();
        let (analysed, mut ranked) = self.candidates(question, rank::CANDIDATES.max(top) + exclude.len(), &scored)?;
        ranked.retain(|r| !exclude.contains(&r.sentence));
        let mut topic = rank::topic(&analysed, follows);
        if topic.counts_the_unseen && self.counted_in_other_words(&analysed, &ranked) {
            topic.counts_the_unseen = false;
        }
        let related: Vec<SentenceId> =
            ranked.iter().filter(|r| r.coverage >= rank::MIN_SECONDARY_COVERAGE).take(2).map(|r| r.sentence).collect();
        let mut selected = rank::select(ranked, &analysed, self.params(), &self.corpus, topic);
        let unquoted = rank::never_quoted(&self.corpus, &self.people, &analysed);
        if unquoted.is_some() {
            selected.clear();
        }
        // After the decision: the lift reorders answers, it never makes the engine answer.
        focus::lift(focus, &scored, &mut selected);
        let answers = self.answers(selected, &analysed, top.clamp(1, MAX_TOP));
        let closest = match answers.is_empty() {
            true => related.into_iter().map(|id| self.passage(id, 0, &analysed)).collect(),
            false => Vec::new(),
        };
        Ok(Answers { question: question.to_string(), answers, closest, read_as: None, unquoted })
    }

    /// Sentence `sentence` as shown for `question`, with `width` sentences of context on each
    /// side: what a front end shows when asked for more context than [`Engine::ask`] gave.
    ///
    /// # Errors
    /// A [`UserError`] when the story has no such sentence (it changed since), or for a
    /// question [`Engine::ask`] would refuse.
    pub fn passage_for(&self, question: &str, sentence: SentenceId, width: usize) -> anyhow::Result<Passage> {
        self.check_sentence(sentence)?;
        let analysed = self.read(check_question(question)?)?;
        Ok(self.passage(sentence, width, &analysed))
    }

    /// Sentences matching `query`, best first, whether or not they answer it as a question:
    /// what a search lists. At most `limit` (capped at [`MAX_SEARCH`]).
    ///
    /// # Errors
    /// As [`Engine::ask`].
    pub fn search(&self, query: &str, limit: usize) -> anyhow::Result<Answers> {
        let query = check_question(query)?;
        let limit = limit.clamp(1, MAX_SEARCH);
        let (analysed, ranked) = self.candidates(query, limit, &[])?;
        let answers = self.answers(ranked, &analysed, limit);
        Ok(Answers { question: query.to_string(), answers, closest: Vec::new(), read_as: None, unquoted: None })
    }

    /// Every candidate sentence with its score and coverage, whether or not it would be
    /// given as an answer: what `ask --explain` shows.
    ///
    /// # Errors
    /// As [`Engine::ask`].
    pub fn explain(&self, question: &str) -> anyhow::Result<(Analysed, Vec<rank::Ranked>)> {
        self.candidates(check_question(question)?, rank::CANDIDATES, &[])
    }

    /// As [`Engine::explain`] for `question` asked as the next turn of `conversation`: the
    /// candidates of the question as [`Engine::ask_in`] would read it (the turn is not added).
    ///
    /// # Errors
    /// As [`Engine::ask_in`].
    pub fn explain_in(
        &self,
        conversation: &Conversation,
        question: &str,
    ) -> anyhow::Result<(Analysed, Vec<rank::Ranked>)> {
        let mut conversation = conversation.clone();
        conversation.align(self.version());
        let reading = follow_up::read(&self.names, &self.corpus, check_question(question)?, conversation.turns())?;
        let scored = focus::Focus::of(conversation.turns()).map(|f| f.candidates(&self.corpus)).unwrap_or_default();
        self.candidates(&reading.search, rank::CANDIDATES, &scored)
    }

    /// Retrieves and scores a question's candidates, `extra` sentences among them whether
    /// retrieval found them or not.
    fn candidates(
        &self,
        question: &str,
        limit: usize,
        extra: &[SentenceId],
    ) -> anyhow::Result<(Analysed, Vec<rank::Ranked>)> {
        let mut analyzer = self.analyzer.clone();
        let analysed = search::analyse(question, &self.index, &self.aliases, &mut analyzer)?;
        let hits = search::run(&self.index, &analysed, limit)?;
        let question_vector = self.vectors.question(&analysed);
        let mut candidates: Vec<rank::Candidate> = hits
            .iter()
            .map(|h| {
                let cosine =
                    self.vectors.cosine(question_vector.as_ref(), &self.corpus, &self.stems, h.sentence, &mut analyzer);
                rank::Candidate { sentence: h.sentence, retrieval: h.score, cosine, transformer: 0.0 }
            })
            .collect();
        for &sentence in extra {
            if !candidates.iter().any(|c| c.sentence == sentence) {
                let cosine =
                    self.vectors.cosine(question_vector.as_ref(), &self.corpus, &self.stems, sentence, &mut analyzer);
                candidates.push(rank::Candidate { sentence, retrieval: 0.0, cosine, transformer: 0.0 });
            }
        }
        if !analysed.concepts.is_empty() {
            candidates.extend(self.dense_candidates(question_vector.as_ref(), &candidates, &mut analyzer));
        }
        if let Some(reranker) = &self.reranker {
            let ids: Vec<SentenceId> = candidates.iter().map(|c| c.sentence).collect();
            let cosines = reranker.cosines(&self.corpus, question, &ids)?;
            candidates.iter_mut().zip(cosines).for_each(|(c, cosine)| c.transformer = cosine);
        }
        let ranked =
            rank::score(&self.corpus, &self.stems, &self.people, &analysed, &candidates, self.params(), &mut analyzer);
        Ok((analysed, ranked))
    }

    /// Whether the stories of the candidates use a word close in meaning to one of the words a
    /// "how many" question counts, though never the word itself ("factory jobs" and
    /// "employment"): the story may state that count after all.
    fn counted_in_other_words(&self, analysed: &Analysed, ranked: &[rank::Ranked]) -> bool {
        let counted: Vec<semantic::Embedding> =
            analysed.counted.iter().filter_map(|w| semantic::word_vector(w)).collect();
        let mut docs: Vec<DocId> = ranked.iter().map(|r| self.corpus.sentence(r.sentence).doc).collect();
        docs.sort_unstable();
        docs.dedup();
        let mut seen = std::collections::HashSet::new();
        docs.iter().flat_map(|&d| self.corpus.doc(d).text.split(|c: char| !c.is_alphabetic())).any(|word| {
            let word = word.to_lowercase();
            word.len() > 2
                && !search::is_stop_word(&word)
                && seen.insert(word.clone())
                && semantic::word_vector(&word)
                    .is_some_and(|v| counted.iter().any(|c| c.cosine(&v) >= rank::COUNTED_SYNONYM))
        })
    }

    /// In a story small enough to compare every sentence with the question, the sentences
    /// closest in meaning that retrieval missed (they share no word with the question).
    fn dense_candidates(
        &self,
        question: Option<&semantic::Embedding>,
        retrieved: &[rank::Candidate],
        analyzer: &mut TextAnalyzer,
    ) -> Vec<rank::Candidate> {
        if question.is_none() || self.corpus.sentences.len() > rank::DENSE_LIMIT {
            return Vec::new();
        }
        let mut all: Vec<rank::Candidate> = self
            .corpus
            .sentence_ids()
            .filter(|id| !retrieved.iter().any(|c| c.sentence == *id))
            .map(|sentence| {
                let cosine = self.vectors.cosine(question, &self.corpus, &self.stems, sentence, analyzer);
                rank::Candidate { sentence, retrieval: 0.0, cosine, transformer: 0.0 }
            })
            .collect();
        all.sort_by(|a, b| b.cosine.total_cmp(&a.cosine).then(a.sentence.cmp(&b.sentence)));
        all.truncate(rank::DENSE_CANDIDATES);
        all
    }

    fn answers(&self, ranked: Vec<rank::Ranked>, analysed: &Analysed, top: usize) -> Vec<Answer> {
        ranked
            .into_iter()
            .take(top)
            .enumerate()
            .map(|(i, r)| Answer {
                rank: i + 1,
                score: r.score,
                coverage: r.coverage,
                passage: self.passage(r.sentence, 1, analysed),
            })
            .collect()
    }

    /// Where sentence `sentence` comes from.
    ///
    /// # Errors
    /// A [`UserError`] when the story has no such sentence.
    pub fn source(&self, sentence: SentenceId) -> Result<Source, UserError> {
        self.check_sentence(sentence)?;
        Ok(Source::of(&self.cite(sentence)))
    }

    /// Ids come from outside (a button); buttons of another story version are refused before
    /// they get here, so only a damaged one fails this.
    fn check_sentence(&self, sentence: SentenceId) -> Result<(), UserError> {
        match sentence.index() < self.corpus.sentences.len() {
            true => Ok(()),
            false => Err(UserError::new("The story has changed since this answer. Ask again with /ask.")),
        }
    }

    /// A sentence with `width` sentences of context each side, the words of `analysed`
    /// highlighted, and its source.
    fn passage(&self, sentence: SentenceId, width: usize, analysed: &Analysed) -> Passage {
        let context = self.context_of(sentence, width);
        let highlights = self.highlights_in(sentence, context.clone(), analysed);
        let cite = self.cite(sentence);
        let file = &cite.doc.text;
        Passage::new(sentence, file, context, highlights, self.paragraph_of(sentence), Source::of(&cite))
    }

    /// The corpus's quotes, optionally only those by `speaker` (any part of a name or alias)
    /// and those whose sentence matches the words of `about`.
    ///
    /// # Errors
    /// A [`UserError`] for an overlong `about`; anything else is internal.
    pub fn quotes(&self, speaker: Option<&str>, about: Option<&str>) -> anyhow::Result<Vec<&Quote>> {
        let mut quotes = self.corpus.quotes_by(speaker);
        if let Some(about) = about.map(str::trim).filter(|a| !a.is_empty()) {
            let about = check_question(about)?;
            let (analysed, ranked) = self.candidates(about, MAX_SEARCH, &[])?;
            if analysed.concepts.is_empty() {
                return Ok(quotes);
            }
            quotes.retain(|q| ranked.iter().any(|r| r.sentence == q.sentence));
            quotes.sort_by_key(|q| ranked.iter().position(|r| r.sentence == q.sentence));
        }
        Ok(quotes)
    }

    /// The `top` sentences plain BM25 ranks first for `question` (no expansion, no
    /// re-ranking, never abstaining): the anchor `storybot eval` reports beside the engine.
    ///
    /// # Errors
    /// As [`Engine::ask`].
    pub fn plain_bm25(&self, question: &str, top: usize) -> anyhow::Result<Vec<SentenceId>> {
        let question = check_question(question)?;
        let hits = search::plain_bm25(&self.index, question, &mut self.analyzer.clone(), top)?;
        Ok(hits.into_iter().map(|h| h.sentence).collect())
    }

    /// How the engine reads `text` (its concepts and their index terms), without searching.
    ///
    /// # Errors
    /// Only from reading the index's term dictionary.
    pub fn read(&self, text: &str) -> anyhow::Result<Analysed> {
        Ok(search::analyse(text, &self.index, &self.aliases, &mut self.analyzer.clone())?)
    }

    /// As [`Engine::read`], leaving out the words in `skip` (any case).
    ///
    /// # Errors
    /// As [`Engine::read`].
    pub fn read_without(&self, text: &str, skip: &[&str]) -> anyhow::Result<Analysed> {
        let kept: Vec<&str> =
            crate::index::words(text).into_iter().filter(|w| !skip.contains(&w.to_lowercase().as_str())).collect();
        self.read(&kept.join(" "))
    }

    /// The meaning vector of what `analysed` reads (from the embedding table), for
    /// [`Engine::similarity`].
    pub fn meaning(&self, analysed: &Analysed) -> Option<semantic::Embedding> {
        self.vectors.question(analysed)
    }

    /// How close in meaning `text` is to `meaning` (the cosine of their vectors), 0 when
    /// either has no vector.
    pub fn similarity(&self, meaning: Option<&semantic::Embedding>, text: &str) -> f32 {
        let mut analyzer = self.analyzer.clone();
        match (meaning, self.vectors.text(text, &mut analyzer)) {
            (Some(m), Some(t)) => m.cosine(&t),
            _ => 0.0,
        }
    }

    /// Share of `analysed`'s content (weighted by rarity) that the words of `text` cover,
    /// 0 to 1.
    pub fn coverage(&self, analysed: &Analysed, text: &str) -> f32 {
        let mut analyzer = self.analyzer.clone();
        let mut stems = std::collections::HashSet::new();
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            stems.insert(stream.token().text.clone());
        }
        let total: f32 = analysed.concepts.iter().map(|c| c.idf).sum();
        if total <= 0.0 {
            return 0.0;
        }
        analysed.concepts.iter().map(|c| c.idf * c.credit_in(&stems)).sum::<f32>() / total
    }

    /// The byte range of `sentence` widened by `width` sentences on each side, within its
    /// paragraph.
    pub(crate) fn context_of(&self, sentence: SentenceId, width: usize) -> Range<usize> {
        let same_para = |n: &SentenceId| self.corpus.same_paragraph(sentence, *n);
        let before = std::iter::successors(sentence.prev(), |n| n.prev());
        let after = std::iter::successors(Some(sentence.next()), |n| Some(n.next()));
        let first = before.take(width).take_while(same_para).last().unwrap_or(sentence);
        let last = after.take(width).take_while(same_para).last().unwrap_or(sentence);
        self.corpus.sentence(first).span.start..self.corpus.sentence(last).span.end
    }

    /// The whole paragraph of a sentence, as a byte range of its file.
    fn paragraph_of(&self, id: SentenceId) -> Range<usize> {
        self.corpus.doc_of(id).paragraphs[self.corpus.sentence(id).paragraph].clone()
    }

    /// Highlights of `analysed` inside any byte range of a sentence's document.
    fn highlights_in(&self, sentence: SentenceId, range: Range<usize>, analysed: &Analysed) -> Vec<Range<usize>> {
        rank::highlights(&self.corpus, &self.stems, sentence, range, analysed, &mut self.analyzer.clone())
    }

    /// The citation of a sentence.
    pub fn cite(&self, sentence: SentenceId) -> Citation<'_> {
        Citation::of(&self.corpus, sentence)
    }
}

/// The example fits any corpus: a self-hoster's own stories share nothing with the shipped one.
fn check_question(question: &str) -> Result<&str, UserError> {
    check_text(question, "That question", || "Ask a question about the story, for example: Who is quoted in it?".into())
}

/// `text` trimmed, or a [`UserError`]: `if_empty`'s message when there is nothing (made only
/// then: it may read the corpus), or "`that` is N characters long" when it is over
/// [`MAX_QUESTION_CHARS`].
pub(crate) fn check_text<'a>(
    text: &'a str,
    that: &str,
    if_empty: impl FnOnce() -> String,
) -> Result<&'a str, UserError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(UserError::new(if_empty()));
    }
    let chars = trimmed.chars().count();
    if chars > MAX_QUESTION_CHARS {
        return Err(UserError::new(format!(
            "{that} is {chars} characters long; please keep it under {MAX_QUESTION_CHARS}."
        )));
    }
    Ok(trimmed)
}

#[cfg(test)]
pub(crate) mod tests;

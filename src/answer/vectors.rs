//! Question and sentence vectors from the static embedding table ([`crate::semantic`]):
//! the idf-weighted mean of their words' vectors. A sentence's vector is computed the first
//! time it is a candidate and kept.

use std::collections::HashMap;
use std::sync::OnceLock;

use tantivy::tokenizer::TextAnalyzer;

use super::stems::{self, StemCache};
use crate::corpus::{Corpus, SentenceId};
use crate::index::StoryIndex;
use crate::search::{self, Analysed};
use crate::semantic::{self, Embedding};

pub struct Vectors {
    /// Inverse document frequency over sentences, by stem key.
    idf: HashMap<u64, f32>,
    /// Boxed, so a sentence never asked about costs a pointer rather than a whole vector:
    /// on a corpus of 5,000 articles the unboxed slots held 100 MB before any question.
    sentences: Vec<OnceLock<Option<Box<Embedding>>>>,
}

impl Vectors {
    pub fn new(corpus: &Corpus, index: &StoryIndex) -> Vectors {
        let docs = index.stats.docs().max(1) as f32;
        let idf = index
            .stats
            .doc_freqs(index.fields.text)
            .map(|(stem, df)| (stems::key(stem), search::idf(df as f32, docs)))
            .collect();
        Vectors { idf, sentences: (0..corpus.sentences.len()).map(|_| OnceLock::new()).collect() }
    }

    /// The vector of a question: its content words as the search read them, weighted by
    /// the idf the search gave them.
    pub fn question(&self, analysed: &Analysed) -> Option<Embedding> {
        semantic::embed(analysed.concepts.iter().map(|c| (c.word.as_str(), c.idf)))
    }

    /// The vector of any text, its words weighted by their idf in the story.
    pub fn text(&self, text: &str, analyzer: &mut TextAnalyzer) -> Option<Embedding> {
        let mut tokens: Vec<(usize, usize, u64)> = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            let token = stream.token();
            tokens.push((token.offset_from, token.offset_to, stems::key(&token.text)));
        }
        self.embed(text, tokens)
    }

    /// The idf-weighted mean vector of `text`'s tokens (`start`, `end`, stem key), stop words
    /// left out.
    fn embed(&self, text: &str, tokens: impl IntoIterator<Item = (usize, usize, u64)>) -> Option<Embedding> {
        let words: Vec<(&str, f32)> = tokens
            .into_iter()
            .map(|(start, end, key)| (&text[start..end], key))
            .filter(|(word, _)| !search::is_stop_word(word))
            .map(|(word, key)| (word, self.idf.get(&key).copied().unwrap_or(0.0)))
            .collect();
        semantic::embed(words)
    }

    /// The vector of a sentence, computed once.
    pub fn sentence(
        &self,
        corpus: &Corpus,
        cache: &StemCache,
        id: SentenceId,
        analyzer: &mut TextAnalyzer,
    ) -> Option<&Embedding> {
        self.sentences[id.index()]
            .get_or_init(|| self.embed(&corpus.doc_of(id).text, cache.tokens(corpus, id, analyzer)).map(Box::new))
            .as_deref()
    }

    /// Cosine of the question's vector with a sentence's; 0 when either has none.
    pub fn cosine(
        &self,
        question: Option<&Embedding>,
        corpus: &Corpus,
        cache: &StemCache,
        id: SentenceId,
        analyzer: &mut TextAnalyzer,
    ) -> f32 {
        match (question, self.sentence(corpus, cache, id, analyzer)) {
            (Some(q), Some(s)) => q.cosine(s),
            _ => 0.0,
        }
    }
}

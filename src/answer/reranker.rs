//! Question and sentence vectors from the optional transformer ([`crate::semantic::Transformer`]):
//! a sentence's vector is computed the first time it is a candidate and kept, the sentences a
//! question needs computed together in one batch.

use std::sync::{Arc, OnceLock};

use crate::corpus::{Corpus, SentenceId};
use crate::semantic::{self, Transformer};

/// Sentences embedded together.
const BATCH: usize = 32;

pub struct Reranker {
    model: Arc<Transformer>,
    sentences: Vec<OnceLock<Box<[f32]>>>,
}

impl Reranker {
    pub fn new(model: Arc<Transformer>, corpus: &Corpus) -> Reranker {
        Reranker { model, sentences: (0..corpus.sentences.len()).map(|_| OnceLock::new()).collect() }
    }

    pub fn model(&self) -> Arc<Transformer> {
        Arc::clone(&self.model)
    }

    /// Computes the vector of every sentence not yet computed; returns how many it computed.
    ///
    /// # Errors
    /// From the model's computation.
    pub fn warm(&self, corpus: &Corpus) -> anyhow::Result<usize> {
        self.embed_missing(corpus, corpus.sentence_ids())
    }

    /// Computes and keeps the vectors of those of `sentences` not yet computed, [`BATCH`] at a
    /// time (a batch's cost grows with its longest sentence, and its memory with its size);
    /// returns how many it computed.
    fn embed_missing(&self, corpus: &Corpus, sentences: impl IntoIterator<Item = SentenceId>) -> anyhow::Result<usize> {
        let mut missing: Vec<SentenceId> =
            sentences.into_iter().filter(|id| self.sentences[id.index()].get().is_none()).collect();
        missing.sort_unstable();
        missing.dedup();
        for chunk in missing.chunks(BATCH) {
            let texts: Vec<&str> = chunk.iter().map(|&id| corpus.text(id)).collect();
            for (id, vector) in chunk.iter().zip(self.model.embed(&texts)?) {
                // Another question may have set it meanwhile: the same text gives the same vector.
                let _ = self.sentences[id.index()].set(vector.into_boxed_slice());
            }
        }
        Ok(missing.len())
    }

    /// The cosine of `question` with each of `sentences`, in their order.
    ///
    /// # Errors
    /// From the model's computation.
    pub fn cosines(&self, corpus: &Corpus, question: &str, sentences: &[SentenceId]) -> anyhow::Result<Vec<f32>> {
        let asked = self.model.embed(&[question])?.into_iter().next().unwrap_or_default();
        self.embed_missing(corpus, sentences.iter().copied())?;
        Ok(sentences
            .iter()
            .map(|id| self.sentences[id.index()].get().map_or(0.0, |v| semantic::cosine(&asked, v)))
            .collect())
    }
}

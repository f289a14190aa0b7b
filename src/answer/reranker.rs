//! Question and sentence vectors from the optional transformer ([`crate::semantic::Transformer`]):
//! a sentence's vector is computed the first time it is a candidate and kept, the sentences a
//! question needs computed together in one batch.

use std::sync::{Arc, OnceLock};

use crate::corpus::{Corpus, SentenceId};
use crate::semantic::{self, Transformer};

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

    /// Computes the vector of every sentence not yet computed, `batch` at a time; returns how
    /// many it computed.
    ///
    /// # Errors
    /// From the model's computation.
    pub fn warm(&self, corpus: &Corpus, batch: usize) -> anyhow::Result<usize> {
        let missing: Vec<SentenceId> =
            corpus.sentence_ids().filter(|id| self.sentences[id.index()].get().is_none()).collect();
        for chunk in missing.chunks(batch.max(1)) {
            let texts: Vec<&str> = chunk.iter().map(|&id| corpus.text(id)).collect();
            for (id, vector) in chunk.iter().zip(self.model.embed(&texts)?) {
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
        let mut missing: Vec<SentenceId> =
            sentences.iter().copied().filter(|id| self.sentences[id.index()].get().is_none()).collect();
        missing.sort_unstable();
        missing.dedup();
        let texts: Vec<&str> = std::iter::once(question).chain(missing.iter().map(|&id| corpus.text(id))).collect();
        let mut vectors = self.model.embed(&texts)?.into_iter();
        let asked = vectors.next().unwrap_or_default();
        for (id, vector) in missing.into_iter().zip(vectors) {
            // Another question may have set it meanwhile: the same text gives the same vector.
            let _ = self.sentences[id.index()].set(vector.into_boxed_slice());
        }
        Ok(sentences
            .iter()
            .map(|id| self.sentences[id.index()].get().map_or(0.0, |v| semantic::cosine(&asked, v)))
            .collect())
    }
}

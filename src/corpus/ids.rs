//! Typed indices of the corpus's sentences and documents.
//!
//! Sentences and documents are addressed by their place in [`Corpus::sentences`] and
//! [`Corpus::docs`]. Those places are ids, not positions: a paragraph number, a rank, a byte
//! offset or a count is a plain `usize`, and the types keep the two from being mixed up. The
//! number inside only leaves through [`SentenceId::index`] and [`DocId::index`], where a
//! boundary needs it (the index's fast fields, the Discord buttons, the JSON that already
//! printed it).

use super::{Corpus, Document, Sentence};

/// A sentence of the corpus: its index in [`Corpus::sentences`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SentenceId(usize);

impl SentenceId {
    pub const fn new(index: usize) -> SentenceId {
        SentenceId(index)
    }

    /// Its index in [`Corpus::sentences`].
    pub const fn index(self) -> usize {
        self.0
    }

    /// The sentence after it in the corpus, which may be in another paragraph or document,
    /// or past the last sentence: [`Corpus::neighbours`] checks.
    pub const fn next(self) -> SentenceId {
        SentenceId(self.0 + 1)
    }

    /// The sentence before it in the corpus, if it is not the first.
    pub fn prev(self) -> Option<SentenceId> {
        self.0.checked_sub(1).map(SentenceId)
    }
}

/// A document of the corpus: its index in [`Corpus::docs`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocId(usize);

impl DocId {
    pub const fn new(index: usize) -> DocId {
        DocId(index)
    }

    /// Its index in [`Corpus::docs`].
    pub const fn index(self) -> usize {
        self.0
    }
}

impl Corpus {
    pub fn sentence(&self, id: SentenceId) -> &Sentence {
        &self.sentences[id.0]
    }

    pub fn doc(&self, id: DocId) -> &Document {
        &self.docs[id.0]
    }

    /// Every sentence id, in corpus order.
    pub fn sentence_ids(&self) -> impl Iterator<Item = SentenceId> + use<> {
        (0..self.sentences.len()).map(SentenceId)
    }

    /// Whether `other` is a sentence of the same paragraph as `id` (false past the last).
    pub fn same_paragraph(&self, id: SentenceId, other: SentenceId) -> bool {
        let sentence = self.sentence(id);
        self.sentences.get(other.0).is_some_and(|o| o.doc == sentence.doc && o.paragraph == sentence.paragraph)
    }

    /// Every document id, in corpus order.
    pub fn doc_ids(&self) -> impl Iterator<Item = DocId> + use<> {
        (0..self.docs.len()).map(DocId)
    }

    /// The sentences of `doc`, in order, with their ids.
    pub fn sentences_of<'a>(&'a self, doc: &Document) -> impl Iterator<Item = (SentenceId, &'a Sentence)> + use<'a> {
        doc.sentence_ids().map(|id| (id, self.sentence(id)))
    }
}

impl Document {
    /// This document's sentences, in order.
    pub fn sentence_ids(&self) -> impl Iterator<Item = SentenceId> + use<> {
        (self.sentences.start.0..self.sentences.end.0).map(SentenceId)
    }

    /// How many sentences it has.
    pub fn sentence_count(&self) -> usize {
        self.sentences.end.0 - self.sentences.start.0
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::corpus::Source;

    /// Two documents, the first of two paragraphs.
    fn corpus() -> Corpus {
        let file = |name: &str, text: &str| Source { path: PathBuf::from("corpus").join(name), bytes: text.into() };
        Corpus::from_sources(vec![
            file("a.txt", "One came. Two went.\n\nThree stayed. Four left."),
            file("b.txt", "Five arrived. Six waited."),
        ])
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn neighbours_are_the_sentences_beside_it_and_never_leave_its_paragraph() {
        let c = corpus();
        let neighbours = |n: usize| -> Vec<&str> { c.neighbours(SentenceId::new(n)).map(|id| c.text(id)).collect() };
        assert_eq!(c.sentences.len(), 6);
        assert_eq!(neighbours(0), ["Two went."], "the first sentence of the corpus has none before");
        assert_eq!(neighbours(1), ["One came."], "the next one opens another paragraph");
        assert_eq!(neighbours(3), ["Three stayed."], "the next one is in another document");
        assert_eq!(neighbours(5), ["Five arrived."], "the last sentence of the corpus has none after");
        for id in c.sentence_ids() {
            for n in c.neighbours(id) {
                assert!(n == id.next() || Some(n) == id.prev());
                assert_eq!(
                    (c.sentence(n).doc, c.sentence(n).paragraph),
                    (c.sentence(id).doc, c.sentence(id).paragraph)
                );
            }
        }
    }

    #[test]
    fn each_document_holds_its_run_of_ids_and_finds_the_sentence_at_an_offset() {
        let c = corpus();
        let runs: Vec<Vec<usize>> = c.docs.iter().map(|d| d.sentence_ids().map(SentenceId::index).collect()).collect();
        assert_eq!(runs, [vec![0, 1, 2, 3], vec![4, 5]]);
        assert_eq!(c.docs.iter().map(Document::sentence_count).collect::<Vec<_>>(), [4, 2]);
        for (doc, d) in c.doc_ids().zip(&c.docs) {
            assert!(d.sentence_ids().all(|id| c.sentence(id).doc == doc && std::ptr::eq(c.doc_of(id), d)));
        }
        let (second, at) = (DocId::new(1), c.docs[1].text.find("Six").unwrap_or_default());
        assert_eq!(c.sentence_at(second, at), Some(SentenceId::new(5)));
        assert_eq!(c.sentence_at(second, c.docs[1].text.len()), None);
        assert_eq!(SentenceId::new(0).prev(), None);
    }
}

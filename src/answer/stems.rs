//! The stems of each sentence, computed once per sentence and kept, because re-stemming every
//! candidate on every question was most of the cost of answering.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::OnceLock;

use tantivy::tokenizer::TextAnalyzer;

use crate::corpus::{Corpus, SentenceId};

/// A stem as a 64-bit hash: sets of these are small and cheap to search.
pub fn key(stem: &str) -> u64 {
    let mut h = DefaultHasher::new();
    stem.hash(&mut h);
    h.finish()
}

/// Sorted stem keys of a text.
pub fn keys_of(analyzer: &mut TextAnalyzer, text: &str) -> Box<[u64]> {
    let mut keys = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        keys.push(key(&stream.token().text));
    }
    keys.sort_unstable();
    keys.dedup();
    keys.into_boxed_slice()
}

/// What is kept of one sentence.
struct Entry {
    /// Sorted keys of its words and of its quote's speaker.
    keys: Box<[u64]>,
    /// Its words: byte range relative to the sentence start, and key.
    tokens: Box<[(u32, u32, u64)]>,
}

/// Lazily filled stems, one entry per sentence.
pub struct StemCache {
    entries: Vec<OnceLock<Entry>>,
}

impl StemCache {
    pub fn new(corpus: &Corpus) -> StemCache {
        StemCache { entries: (0..corpus.sentences.len()).map(|_| OnceLock::new()).collect() }
    }

    fn entry(&self, corpus: &Corpus, id: SentenceId, analyzer: &mut TextAnalyzer) -> &Entry {
        self.entries[id.index()].get_or_init(|| {
            let mut tokens = Vec::new();
            {
                let mut stream = analyzer.token_stream(corpus.text(id));
                while stream.advance() {
                    let t = stream.token();
                    // Sentences are far below 4 GiB, so their offsets fit in u32.
                    tokens.push((t.offset_from as u32, t.offset_to as u32, key(&t.text)));
                }
            }
            let mut keys: Vec<u64> = tokens.iter().map(|t| t.2).collect();
            if let Some(speaker) = &corpus.sentence(id).speaker {
                keys.extend(keys_of(analyzer, speaker).iter());
            }
            keys.sort_unstable();
            keys.dedup();
            Entry { keys: keys.into_boxed_slice(), tokens: tokens.into_boxed_slice() }
        })
    }

    /// Sorted stem keys of a sentence (its words and its quote's speaker).
    pub fn of(&self, corpus: &Corpus, id: SentenceId, analyzer: &mut TextAnalyzer) -> &[u64] {
        &self.entry(corpus, id, analyzer).keys
    }

    /// A sentence's words as (start, end, key), with byte offsets into its file.
    pub fn tokens<'a>(
        &'a self,
        corpus: &Corpus,
        id: SentenceId,
        analyzer: &mut TextAnalyzer,
    ) -> impl Iterator<Item = (usize, usize, u64)> + 'a {
        let base = corpus.sentence(id).span.start;
        self.entry(corpus, id, analyzer).tokens.iter().map(move |&(s, e, k)| (base + s as usize, base + e as usize, k))
    }
}

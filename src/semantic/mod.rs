//! Meaning without spelling: a static word-embedding table, so that a question and a sentence
//! that say the same thing in different words ("purchase" and "buy") can still be matched,
//! without running a transformer when a question comes in.
//!
//! The table (`minilm-static.bin`, compiled into the binary) holds one vector per WordPiece of
//! the uncased BERT vocabulary, distilled from the sentence-embedding model all-MiniLM-L6-v2:
//! each piece embedded once as `[CLS] piece [SEP]` with the model's mean pooling, reduced with
//! PCA and quantised to int8 with a scale per row. `scripts/derive_embeddings.py` derives it
//! reproducibly; `scripts/semantic_experiment.py` measured the size chosen. Upstream notice and
//! licence: `src/semantic/NOTICE`.
//!
//! A word's vector is the normalised mean of its pieces' vectors; a text's vector is the
//! normalised weighted mean of its words' vectors, the caller choosing the weights (idf).
//! Vectors are [`Embedding`]s (fixed size, on the stack), compared with [`cosine`].
//!
//! Measured on SQuAD development articles (answerable questions, sentences ranked by BM25,
//! the top 30 reranked by `a * minmax(bm25) + (1 - a) * minmax(cosine)` with idf-weighted
//! text vectors), this table lifts hit@1 from 0.700 to 0.731 and hit@3 from 0.866 to 0.885,
//! with `a` about 0.5 (chosen on half the articles, scored on the other half).

mod table;
mod tokenize;
mod transformer;

use std::ops::Deref;
use std::sync::LazyLock;

use table::Table;
pub use table::{TableError, DIMS};
pub use transformer::{ModelError, Transformer};

static BYTES: &[u8] = include_bytes!("minilm-static.bin");

// The table is compiled in, so it parses the same on every run: the unit test
// `the_embedded_table_parses_with_the_whole_vocabulary` parses this very file, and a build with a
// damaged table fails that test rather than reaching a user.
static TABLE: LazyLock<Table<'static>> =
    LazyLock::new(|| Table::parse(BYTES).unwrap_or_else(|e| panic!("the embedded embedding table is invalid: {e}")));

/// A unit-length vector in the table's space.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Embedding([f32; DIMS]);

impl Embedding {
    /// The vector's components.
    pub fn as_slice(&self) -> &[f32] {
        &self.0
    }

    /// The cosine between two embeddings (their dot product, both being unit length).
    pub fn cosine(&self, other: &Embedding) -> f32 {
        cosine(&self.0, &other.0)
    }

    /// Scales `sum` to unit length; `None` when it is zero (or not finite).
    fn normalised(mut sum: [f32; DIMS]) -> Option<Embedding> {
        let norm = sum.iter().map(|x| x * x).sum::<f32>().sqrt();
        if !norm.is_finite() || norm <= f32::EPSILON {
            return None;
        }
        sum.iter_mut().for_each(|x| *x /= norm);
        Some(Embedding(sum))
    }
}

impl From<Embedding> for Vec<f32> {
    fn from(embedding: Embedding) -> Vec<f32> {
        embedding.0.to_vec()
    }
}

impl Deref for Embedding {
    type Target = [f32];

    fn deref(&self) -> &[f32] {
        &self.0
    }
}

/// The cosine of the angle between two vectors of the same length: 0 when either is zero.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    debug_assert_eq!(a.len(), b.len());
    let (mut dot, mut aa, mut bb) = (0.0f32, 0.0f32, 0.0f32);
    for (x, y) in a.iter().zip(b) {
        dot += x * y;
        aa += x * x;
        bb += y * y;
    }
    let denominator = (aa * bb).sqrt();
    if denominator > 0.0 {
        dot / denominator
    } else {
        0.0
    }
}

/// Reusable scratch space for tokenising, so embedding a text allocates nothing once warm.
#[derive(Default)]
struct Scratch {
    word: String,
    piece: String,
    rows: Vec<u32>,
    word_rows: Vec<u32>,
}

impl Scratch {
    /// Adds `weight` times the vector of `word` (the mean of its pieces, normalised) to `sum`;
    /// false when the word has no known piece.
    fn add_word(&mut self, table: &Table<'_>, word: &str, weight: f32, sum: &mut [f32; DIMS]) -> bool {
        let Scratch { word: basic, piece, rows, word_rows } = self;
        word_rows.clear();
        tokenize::basic_tokens(word, basic, |token| {
            if tokenize::wordpiece(token, piece, |p| table.row(p), rows) {
                word_rows.extend_from_slice(rows);
            }
        });
        match word_rows[..] {
            [] => false,
            // Most words are one piece: its row, scaled straight to unit length.
            [row] => match table.row_norm(row) {
                Some(norm) => {
                    table.add_row(row, weight / norm, sum);
                    true
                }
                None => false,
            },
            _ => {
                let mut mean = [0.0f32; DIMS];
                for &row in word_rows.iter() {
                    table.add_row(row, 1.0, &mut mean);
                }
                let Some(vector) = Embedding::normalised(mean) else { return false };
                for (s, v) in sum.iter_mut().zip(vector.0) {
                    *s += weight * v;
                }
                true
            }
        }
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

fn with_scratch<T>(f: impl FnOnce(&mut Scratch) -> T) -> T {
    SCRATCH.with(|s| match s.try_borrow_mut() {
        Ok(mut scratch) => f(&mut scratch),
        Err(_) => f(&mut Scratch::default()),
    })
}

/// The vector of one word: the normalised mean of its WordPiece vectors (a word with
/// punctuation in it counts all its parts). `None` when no piece of it is known.
pub fn word_vector(word: &str) -> Option<Embedding> {
    let table = &*TABLE;
    let mut sum = [0.0f32; DIMS];
    if with_scratch(|s| s.add_word(table, word, 1.0, &mut sum)) {
        Embedding::normalised(sum)
    } else {
        None
    }
}

/// The vector of a text given as weighted words (typically idf weights): the normalised
/// weighted mean of the words' vectors. Words with no known piece, and weights that are not
/// positive and finite, are skipped; `None` when nothing is left.
pub fn embed<'a>(words: impl IntoIterator<Item = (&'a str, f32)>) -> Option<Embedding> {
    let table = &*TABLE;
    let mut sum = [0.0f32; DIMS];
    let mut any = false;
    with_scratch(|s| {
        for (word, weight) in words {
            if weight.is_finite() && weight > 0.0 {
                any |= s.add_word(table, word, weight, &mut sum);
            }
        }
    });
    if any {
        Embedding::normalised(sum)
    } else {
        None
    }
}

/// The WordPieces BERT's uncased tokenizer makes of `text` (`[UNK]` for a word it cannot
/// cover), for inspection and tests.
pub fn wordpieces(text: &str) -> Vec<String> {
    let table = &*TABLE;
    let mut out = Vec::new();
    let mut scratch = Scratch::default();
    let Scratch { word, piece, rows, .. } = &mut scratch;
    tokenize::basic_tokens(text, word, |token| {
        if tokenize::wordpiece(token, piece, |p| table.row(p), rows) {
            out.extend(rows.iter().map(|&r| table.piece(r).to_owned()));
        } else {
            out.push("[UNK]".to_owned());
        }
    });
    out
}

/// Decodes the embedded table now rather than at the first question (it takes a few
/// milliseconds); returns its number of rows.
pub fn warm_up() -> usize {
    TABLE.rows()
}

#[cfg(test)]
mod tests;

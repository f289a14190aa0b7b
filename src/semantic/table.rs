//! The embedded table's binary format, validated and decoded once.
//!
//! All integers little-endian:
//!
//! | field   | size            | meaning                                                  |
//! |---------|-----------------|----------------------------------------------------------|
//! | magic   | 8 bytes         | `SBSTATIC`                                               |
//! | version | u32             | 1                                                        |
//! | dims    | u32             | columns per row ([`DIMS`])                               |
//! | rows    | u32             | number of wordpieces                                     |
//! | strings | u32             | byte length of the vocabulary blob                       |
//! | vocab   | `strings` bytes | the wordpieces in UTF-8, each followed by `\n`, row order |
//! | scales  | rows × f32      | one scale per row: value = int8 × scale                  |
//! | data    | rows × dims i8  | the rows                                                 |

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Columns per row of the table (and components of an [`Embedding`](super::Embedding)).
pub const DIMS: usize = 128;

const MAGIC: &[u8; 8] = b"SBSTATIC";
const VERSION: u32 = 1;
const HEADER: usize = 24;

/// Why a table file was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TableError {
    #[error("not an embedding table (bad magic)")]
    Magic,
    #[error("unsupported table version {0}")]
    Version(u32),
    #[error("table has {0} dimensions, expected {DIMS}")]
    Dims(u32),
    #[error("table is {actual} bytes, its header says {expected}")]
    Length { expected: usize, actual: usize },
    #[error("table vocabulary is not valid UTF-8 lines")]
    Vocabulary,
    #[error("table vocabulary has {actual} pieces, its header says {expected}")]
    Rows { expected: usize, actual: usize },
    #[error("table vocabulary repeats the piece {0:?}")]
    Duplicate(String),
    #[error("table row {0} has a scale that is not finite and non-negative")]
    Scale(usize),
}

/// The decoded table: the vocabulary index and scales are owned, the rows stay in the
/// embedded bytes.
pub(super) struct Table<'a> {
    index: HashMap<&'a str, u32, BuildHasherDefault<FxHasher>>,
    pub(super) pieces: Vec<&'a str>,
    scales: Vec<f32>,
    data: &'a [u8],
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

impl<'a> Table<'a> {
    pub(super) fn parse(bytes: &'a [u8]) -> Result<Table<'a>, TableError> {
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return Err(TableError::Magic);
        }
        let version = u32_at(bytes, 8);
        if version != VERSION {
            return Err(TableError::Version(version));
        }
        let dims = u32_at(bytes, 12);
        if dims as usize != DIMS {
            return Err(TableError::Dims(dims));
        }
        let rows = u32_at(bytes, 16) as usize;
        let strings = u32_at(bytes, 20) as usize;
        let expected = HEADER + strings + rows * 4 + rows * DIMS;
        if bytes.len() != expected {
            return Err(TableError::Length { expected, actual: bytes.len() });
        }
        let blob = std::str::from_utf8(&bytes[HEADER..HEADER + strings]).map_err(|_| TableError::Vocabulary)?;
        let pieces: Vec<&str> = blob.strip_suffix('\n').ok_or(TableError::Vocabulary)?.split('\n').collect();
        if pieces.len() != rows {
            return Err(TableError::Rows { expected: rows, actual: pieces.len() });
        }
        let mut index = HashMap::with_capacity_and_hasher(rows, BuildHasherDefault::default());
        for (row, &piece) in pieces.iter().enumerate() {
            if piece.is_empty() {
                return Err(TableError::Vocabulary);
            }
            if index.insert(piece, row as u32).is_some() {
                return Err(TableError::Duplicate(piece.to_owned()));
            }
        }
        let scale_bytes = &bytes[HEADER + strings..HEADER + strings + rows * 4];
        let mut scales = Vec::with_capacity(rows);
        for (row, chunk) in scale_bytes.chunks_exact(4).enumerate() {
            let scale = f32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
            if !scale.is_finite() || scale < 0.0 {
                return Err(TableError::Scale(row));
            }
            scales.push(scale);
        }
        Ok(Table { index, pieces, scales, data: &bytes[HEADER + strings + rows * 4..] })
    }

    pub(super) fn rows(&self) -> usize {
        self.pieces.len()
    }

    pub(super) fn row(&self, piece: &str) -> Option<u32> {
        self.index.get(piece).copied()
    }

    pub(super) fn piece(&self, row: u32) -> &'a str {
        self.pieces[row as usize]
    }

    /// The length of row `row` dequantised (the Euclidean norm of its int8
    /// values times its scale); `None` for an all-zero row.
    pub(super) fn row_norm(&self, row: u32) -> Option<f32> {
        let row = row as usize;
        let values = &self.data[row * DIMS..(row + 1) * DIMS];
        let squares: i32 = values.iter().map(|&q| i32::from(q as i8) * i32::from(q as i8)).sum();
        let norm = (squares as f32).sqrt() * self.scales[row];
        (norm > 0.0).then_some(norm)
    }

    /// Adds `weight` times row `row` (dequantised) to `sum`.
    pub(super) fn add_row(&self, row: u32, weight: f32, sum: &mut [f32; DIMS]) {
        let row = row as usize;
        let factor = weight * self.scales[row];
        let values = &self.data[row * DIMS..(row + 1) * DIMS];
        for (s, &q) in sum.iter_mut().zip(values) {
            *s += factor * f32::from(q as i8);
        }
    }
}

/// The Fx hash (rustc's): a multiply and rotate per word, far quicker than SipHash on the
/// short pieces looked up here. The keys are the fixed vocabulary, so hash flooding is moot.
#[derive(Default)]
struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes([
                chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
            ]));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

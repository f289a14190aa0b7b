//! The optional transformer reranker: a BERT sentence-embedding model (all-MiniLM-L6-v2 as
//! measured) run in process with candle, its weights read from a local folder the self-hoster
//! names (`--model`). Nothing is downloaded: without a folder the static table alone serves.
//!
//! The folder holds what the model's packages ship: `config.json` (BERT's settings),
//! `model.safetensors` (the weights) and `tokenizer.json` (the WordPiece vocabulary). A text's
//! vector is the model's mean-pooled last hidden state, normalised, as sentence-transformers
//! computes it. Texts are split by the same uncased BERT tokenizer as the static table's, so
//! only uncased models (as all-MiniLM-L6-v2) are accepted.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};

use super::tokenize;

/// Longest input, in pieces with `[CLS]` and `[SEP]`: a news sentence is far shorter, and
/// attention costs grow with the square of the length.
const MAX_PIECES: usize = 128;

/// Why a model folder cannot be used; shown to the self-hoster as it is.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("cannot read the model file {}: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{} is not a BERT model's config.json: {source}", path.display())]
    Config { path: PathBuf, source: serde_json::Error },
    #[error("{} has no WordPiece vocabulary with [CLS], [SEP] and [UNK] that fits the model", path.display())]
    Vocabulary { path: PathBuf },
    #[error("{} is not a tokenizer.json: {source}", path.display())]
    Tokenizer { path: PathBuf, source: serde_json::Error },
    #[error("{}: the model must take inputs of at least 2 pieces", path.display())]
    TooShort { path: PathBuf },
    #[error("{}: a cased model; storybot reads texts in lower case, for uncased models", path.display())]
    Cased { path: PathBuf },
    #[error("cannot load the model's weights from {}: {source}", path.display())]
    Weights { path: PathBuf, source: candle_core::Error },
}

/// A loaded model and its vocabulary.
pub struct Transformer {
    model: BertModel,
    vocab: HashMap<String, u32>,
    cls: u32,
    sep: u32,
    unk: u32,
    max_pieces: usize,
}

impl std::fmt::Debug for Transformer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transformer").field("vocabulary", &self.vocab.len()).finish_non_exhaustive()
    }
}

#[derive(serde::Deserialize)]
struct TokenizerFile {
    model: TokenizerModel,
    normalizer: Option<Normalizer>,
}

#[derive(serde::Deserialize)]
struct Normalizer {
    lowercase: Option<bool>,
}

#[derive(serde::Deserialize)]
struct TokenizerModel {
    vocab: HashMap<String, u32>,
}

impl Transformer {
    /// Loads the model in `dir` (see the module's documentation for what it holds).
    ///
    /// # Errors
    /// A missing or unreadable file, a config that is not BERT's, a vocabulary without BERT's
    /// special pieces, or weights that do not fit the config.
    pub fn load(dir: &Path) -> Result<Transformer, ModelError> {
        let config_path = dir.join("config.json");
        let config: Config = serde_json::from_str(&read(&config_path)?)
            .map_err(|source| ModelError::Config { path: config_path.clone(), source })?;
        if config.max_position_embeddings < 2 {
            return Err(ModelError::TooShort { path: config_path });
        }
        let tokenizer_path = dir.join("tokenizer.json");
        let tokenizer: TokenizerFile = serde_json::from_str(&read(&tokenizer_path)?)
            .map_err(|source| ModelError::Tokenizer { path: tokenizer_path.clone(), source })?;
        if tokenizer.normalizer.and_then(|n| n.lowercase) == Some(false) {
            return Err(ModelError::Cased { path: tokenizer_path });
        }
        let vocab = tokenizer.model.vocab;
        let special = |piece: &str| vocab.get(piece).copied();
        let (Some(cls), Some(sep), Some(unk)) = (special("[CLS]"), special("[SEP]"), special("[UNK]")) else {
            return Err(ModelError::Vocabulary { path: tokenizer_path });
        };
        // A piece the model has no row for would fail every question, not just this load.
        if vocab.values().any(|&id| id as usize >= config.vocab_size) {
            return Err(ModelError::Vocabulary { path: tokenizer_path });
        }
        let weights_path = dir.join("model.safetensors");
        if !weights_path.is_file() {
            return Err(ModelError::Read {
                path: weights_path,
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            });
        }
        let weights_error = |source| ModelError::Weights { path: weights_path.clone(), source };
        let tensors = candle_core::safetensors::load(&weights_path, &Device::Cpu).map_err(weights_error)?;
        let builder = VarBuilder::from_tensors(tensors, DType::F32, &Device::Cpu);
        let model = BertModel::load(builder, &config).map_err(weights_error)?;
        let max_pieces = MAX_PIECES.min(config.max_position_embeddings);
        Ok(Transformer { model, vocab, cls, sep, unk, max_pieces })
    }

    /// The unit-length vector of each text, in order.
    ///
    /// # Errors
    /// From the model's computation (none is expected of a model that loaded).
    pub fn embed(&self, texts: &[&str]) -> candle_core::Result<Vec<Vec<f32>>> {
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        let pieces: Vec<Vec<u32>> = texts.iter().map(|t| self.pieces(t)).collect();
        let width = pieces.iter().map(Vec::len).max().unwrap_or(0);
        let mut ids = Vec::with_capacity(texts.len() * width);
        let mut mask = Vec::with_capacity(texts.len() * width);
        for row in &pieces {
            ids.extend(row.iter().copied().chain(std::iter::repeat_n(0, width - row.len())));
            mask.extend((0..width).map(|i| u32::from(i < row.len())));
        }
        let shape = (texts.len(), width);
        let ids = Tensor::from_vec(ids, shape, &Device::Cpu)?;
        let mask = Tensor::from_vec(mask, shape, &Device::Cpu)?;
        let hidden = self.model.forward(&ids, &ids.zeros_like()?, Some(&mask))?;
        // Padding must not count: a text's vector is the same alone or in any batch.
        let weights = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
        let summed = hidden.broadcast_mul(&weights)?.sum(1)?;
        let mean = summed.broadcast_div(&weights.sum(1)?)?;
        let norm = mean.sqr()?.sum_keepdim(1)?.sqrt()?.clamp(1e-12, f32::MAX)?;
        mean.broadcast_div(&norm)?.to_vec2::<f32>()
    }

    /// `[CLS]`, the text's WordPieces (`[UNK]` for a word none covers), `[SEP]`; cut to the
    /// longest input.
    fn pieces(&self, text: &str) -> Vec<u32> {
        let mut out = vec![self.cls];
        let (mut word, mut buf, mut rows) = (String::new(), String::new(), Vec::new());
        tokenize::basic_tokens(text, &mut word, |token| {
            if tokenize::wordpiece(token, &mut buf, |p| self.vocab.get(p).copied(), &mut rows) {
                out.extend_from_slice(&rows);
            } else {
                out.push(self.unk);
            }
        });
        out.truncate(self.max_pieces - 1);
        out.push(self.sep);
        out
    }
}

fn read(path: &Path) -> Result<String, ModelError> {
    std::fs::read_to_string(path).map_err(|source| ModelError::Read { path: path.to_path_buf(), source })
}

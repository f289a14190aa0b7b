//! The optional transformer reranker, with a tiny BERT made here (random weights, a vocabulary
//! of the test story's words): the real loading and embedding code, no downloaded model.

use std::path::Path;
use std::sync::Arc;

use candle_core::{DType, Device, Tensor};
use candle_nn::{VarBuilder, VarMap};
use candle_transformers::models::bert::{BertModel, Config};
use storybot::answer::Engine;
use storybot::corpus::{Corpus, Source};
use storybot::semantic::Transformer;

use crate::common::{self, Workspace};

const WORDS: &str = "the a ferry left at noon it carried forty cars and sank storm harbour captain said when how many \
                     did what was ##s . , ?";

const STORY: &str = "+++\ntitle = \"Ferry\"\n+++\nThe ferry left at noon. It carried forty cars. A storm sank it \
                     near the harbour.\n";

/// Writes a one-layer BERT with 16-wide vectors and deterministic pseudo-random weights into
/// `dir`, in the layout the PyPI and Hugging Face packages of sentence-embedding models use.
fn tiny_model(dir: &Path) -> anyhow::Result<()> {
    let mut vocab = serde_json::Map::new();
    for (id, piece) in ["[PAD]", "[UNK]", "[CLS]", "[SEP]"].into_iter().chain(WORDS.split_whitespace()).enumerate() {
        vocab.insert(piece.to_string(), id.into());
    }
    let config = serde_json::json!({
        "vocab_size": vocab.len(), "hidden_size": 16, "num_hidden_layers": 1, "num_attention_heads": 2,
        "intermediate_size": 32, "hidden_act": "gelu", "hidden_dropout_prob": 0.1,
        "max_position_embeddings": 64, "type_vocab_size": 2, "initializer_range": 0.02,
        "layer_norm_eps": 1e-12, "pad_token_id": 0, "position_embedding_type": "absolute",
        "use_cache": true, "model_type": "bert"
    });
    std::fs::write(dir.join("config.json"), config.to_string())?;
    std::fs::write(dir.join("tokenizer.json"), serde_json::json!({ "model": { "vocab": vocab } }).to_string())?;
    let varmap = VarMap::new();
    let parsed: Config = serde_json::from_value(config)?;
    BertModel::load(VarBuilder::from_varmap(&varmap, DType::F32, &Device::Cpu), &parsed)?;
    let vars = varmap.data().lock().map_err(|_| anyhow::anyhow!("the variable map is poisoned"))?;
    let mut names: Vec<&String> = vars.keys().collect();
    names.sort();
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    for name in names {
        let var = &vars[name];
        let values: Vec<f32> = (0..var.elem_count())
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state % 2001) as f32 / 1000.0 - 1.0
            })
            .collect();
        var.set(&Tensor::from_vec(values, var.shape(), &Device::Cpu)?)?;
    }
    drop(vars);
    varmap.save(dir.join("model.safetensors"))?;
    Ok(())
}

/// An in-memory engine on [`STORY`], reranking with `model` when there is one.
fn ferry_engine(model: Option<Arc<Transformer>>) -> anyhow::Result<Engine> {
    let source = Source { path: "corpus/ferry.txt".into(), bytes: STORY.as_bytes().to_vec() };
    Ok(Engine::in_memory(Corpus::from_sources(vec![source])?)?.with_transformer(model))
}

fn loaded() -> anyhow::Result<(tempfile::TempDir, Arc<Transformer>)> {
    let dir = tempfile::tempdir()?;
    tiny_model(dir.path())?;
    let model = Transformer::load(dir.path())?;
    Ok((dir, Arc::new(model)))
}

#[test]
fn a_model_folder_loads_and_gives_one_unit_vector_per_text_that_depends_on_the_text() -> anyhow::Result<()> {
    let (_dir, model) = loaded()?;
    let texts = ["The ferry left at noon.", "A storm sank it near the harbour.", "The ferry left at noon."];
    let vectors = model.embed(&texts)?;
    assert_eq!(vectors.len(), 3);
    for v in &vectors {
        assert_eq!(v.len(), 16);
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "not unit length: {norm}");
    }
    let same = storybot::semantic::cosine(&vectors[0], &vectors[2]);
    let other = storybot::semantic::cosine(&vectors[0], &vectors[1]);
    assert!(same > 0.9999, "the same text in one batch gave {same}");
    assert!(other < 0.999, "different texts gave the same vector ({other})");
    let alone = model.embed(&texts[..1])?;
    let padded = storybot::semantic::cosine(&alone[0], &vectors[0]);
    assert!(padded > 0.9999, "padding in a batch changed a text's vector ({padded})");
    assert!(model.embed(&[])?.is_empty());
    Ok(())
}

#[test]
fn words_outside_the_vocabulary_and_overlong_texts_are_embedded_without_error() -> anyhow::Result<()> {
    let (_dir, model) = loaded()?;
    let long = "ferry ".repeat(500);
    let vectors = model.embed(&["Zebras juggle quietly", &long, ""])?;
    assert_eq!(vectors.len(), 3);
    assert!(vectors.iter().all(|v| v.iter().all(|x| x.is_finite())));
    Ok(())
}

#[test]
fn the_engine_reranks_with_the_transformer_and_still_answers_with_verbatim_sentences() -> anyhow::Result<()> {
    let (_dir, model) = loaded()?;
    let plain = ferry_engine(None)?;
    assert!(plain.transformer().is_none());
    let engine = ferry_engine(Some(model))?;
    assert!(engine.transformer().is_some());
    let (_, ranked) = engine.explain("How many cars did the ferry carry?")?;
    assert!(ranked.iter().any(|r| r.signals.transformer != 0.0), "no candidate got the transformer's cosine");
    let (_, without) = plain.explain("How many cars did the ferry carry?")?;
    assert!(without.iter().all(|r| r.signals.transformer == 0.0));
    let answers = engine.ask("How many cars did the ferry carry?", 3)?;
    let first = answers.answers.first().ok_or_else(|| anyhow::anyhow!("no answer"))?;
    assert_eq!(engine.corpus().text(first.sentence()), first.passage.text, "the answer is the file's own sentence");
    Ok(())
}

#[test]
fn warming_computes_each_sentence_once_and_changes_no_answer() -> anyhow::Result<()> {
    let (_dir, model) = loaded()?;
    assert_eq!(ferry_engine(None)?.warm_transformer()?, 0, "without a transformer there is nothing to warm");
    let warm = ferry_engine(Some(model.clone()))?;
    assert_eq!(warm.warm_transformer()?, 3);
    assert_eq!(warm.warm_transformer()?, 0, "a sentence is embedded once");
    let cold = ferry_engine(Some(model))?;
    let question = "When did the ferry leave?";
    let signals = |engine: &Engine| -> anyhow::Result<Vec<_>> {
        Ok(engine.explain(question)?.1.iter().map(|r| (r.sentence, r.signals.transformer)).collect())
    };
    // Batches of other sizes round differently in the last bits, nothing more.
    let (warm, cold) = (signals(&warm)?, signals(&cold)?);
    assert_eq!(warm.iter().map(|s| s.0).collect::<Vec<_>>(), cold.iter().map(|s| s.0).collect::<Vec<_>>());
    assert!(warm.iter().zip(&cold).all(|(w, c)| (w.1 - c.1).abs() < 1e-5), "{warm:?} against {cold:?}");
    Ok(())
}

#[test]
fn a_config_too_short_for_any_input_or_a_vocabulary_larger_than_the_model_is_refused_at_load() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    tiny_model(dir.path())?;
    let config_path = dir.path().join("config.json");
    let config = std::fs::read_to_string(&config_path)?;
    std::fs::write(&config_path, config.replace("\"max_position_embeddings\":64", "\"max_position_embeddings\":1"))?;
    let err = Transformer::load(dir.path()).err().ok_or_else(|| anyhow::anyhow!("a 1-piece model loaded"))?;
    assert!(err.to_string().contains("at least 2 pieces"), "{err}");

    std::fs::write(&config_path, config)?;
    let tokenizer = dir.path().join("tokenizer.json");
    let vocab = r#"{"model": {"vocab": {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "zebra": 999}}}"#;
    std::fs::write(&tokenizer, vocab)?;
    let err = Transformer::load(dir.path()).err().ok_or_else(|| anyhow::anyhow!("an oversized vocabulary loaded"))?;
    assert!(err.to_string().contains("fits the model"), "{err}");

    let cased = r#"{"normalizer": {"type": "BertNormalizer", "lowercase": false}, "model": {"vocab": {"[CLS]": 2}}}"#;
    std::fs::write(&tokenizer, cased)?;
    let err = Transformer::load(dir.path()).err().ok_or_else(|| anyhow::anyhow!("a cased model loaded"))?;
    assert!(err.to_string().contains("cased model"), "{err}");

    std::fs::write(&tokenizer, "{\"model\": ")?;
    let err = Transformer::load(dir.path()).err().ok_or_else(|| anyhow::anyhow!("a cut tokenizer loaded"))?;
    assert!(err.to_string().contains("is not a tokenizer.json"), "{err}");
    Ok(())
}

#[test]
fn ask_with_a_model_folder_answers_and_a_broken_folder_gets_a_short_message() -> anyhow::Result<()> {
    let model = tempfile::tempdir()?;
    tiny_model(model.path())?;
    let workspace = Workspace::with_files(&[("ferry.txt", STORY)]);
    let dir = model.path().to_string_lossy().into_owned();
    let output = workspace.run(&["--model", &dir, "ask", "How many cars did the ferry carry?"], None);
    assert!(output.status.success(), "{}", common::stderr(&output));
    assert!(common::stdout(&output).contains("forty cars"), "{}", common::stdout(&output));

    std::fs::remove_file(model.path().join("model.safetensors"))?;
    let output = workspace.run(&["--model", &dir, "ask", "How many cars?"], None);
    assert_eq!(output.status.code(), Some(2), "{}", common::stderr(&output));
    let message = common::stderr(&output);
    assert!(message.contains("--model") && message.contains("model.safetensors"), "{message}");
    assert!(message.lines().count() <= 2 && !message.contains("panicked"), "{message}");

    std::fs::write(model.path().join("tokenizer.json"), "{\"model\": {\"vocab\": {\"a\": 0}}}")?;
    let output = workspace.run(&["--model", &dir, "ask", "How many cars?"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(common::stderr(&output).contains("[CLS]"), "{}", common::stderr(&output));
    Ok(())
}

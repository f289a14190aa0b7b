//! Engine benchmarks: per-question latency, batch throughput, index build and process
//! start-up. Run with `cargo bench --bench engine`; figures are medians over repeated runs.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use storybot::answer::JsonAnswers;
use storybot::corpus::Corpus;
use storybot::Engine;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn questions(root: &Path) -> Vec<String> {
    std::fs::read_to_string(root.join("tests/eval/questions.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && l.contains(" | "))
        .map(|l| l.split(" | ").nth(1).unwrap().to_string())
        .collect()
}

/// Per-question latencies over `rounds` passes of `questions`, after one warm-up pass, sorted.
fn latencies(engine: &Engine, questions: &[String], rounds: usize) -> Vec<Duration> {
    for q in questions {
        engine.ask(q, 3).unwrap();
    }
    let mut samples = Vec::new();
    for _ in 0..rounds {
        for q in questions {
            let t = Instant::now();
            std::hint::black_box(engine.ask(q, 3).unwrap());
            samples.push(t.elapsed());
        }
    }
    samples.sort();
    samples
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let questions = questions(root);
    let corpus_dir = root.join("corpus");
    let engine = Engine::in_memory(Corpus::load_dir(&corpus_dir).unwrap()).unwrap();

    // Latency of one question, in process: analysis, search, ranking, highlights, citation.
    let samples = latencies(&engine, &questions, 200);
    println!(
        "ask (in process, {} questions x 200): p50 {:?}  p99 {:?}",
        questions.len(),
        percentile(&samples, 0.50),
        percentile(&samples, 0.99)
    );

    // Batch throughput as `ask --json` does it: answer and serialize one JSON line each.
    let runs: Vec<Duration> = (0..5)
        .map(|_| {
            let mut sink = Vec::with_capacity(1 << 20);
            let t = Instant::now();
            for i in 0..20_000 {
                let answers = engine.ask(&questions[i % questions.len()], 3).unwrap();
                serde_json::to_writer(&mut sink, &JsonAnswers::new(&answers)).unwrap();
                sink.push(b'\n');
                if sink.len() > 1 << 20 {
                    sink.clear();
                }
            }
            t.elapsed()
        })
        .collect();
    let batch = median(runs);
    println!("batch ask --json (in process): {:.0} questions/s", 20_000.0 / batch.as_secs_f64());

    // Loading the story with all extraction (sentences, names, roles, quotes and speakers),
    // after a first load has paid the word lists' and patterns' one-time set-up.
    let words = std::fs::read_dir(&corpus_dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap().split_whitespace().count())
        .sum::<usize>();
    let load = median(
        (0..21)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(Corpus::load_dir(&corpus_dir).unwrap());
                t.elapsed()
            })
            .collect(),
    );
    println!("corpus load with extraction ({words} words): {load:?}");

    // Building the story's index from scratch, in memory and on disk.
    let build_ram = median(
        (0..9)
            .map(|_| {
                let corpus = Corpus::load_dir(&corpus_dir).unwrap();
                let t = Instant::now();
                std::hint::black_box(Engine::in_memory(corpus).unwrap());
                t.elapsed()
            })
            .collect(),
    );
    let build_disk = median(
        (0..9)
            .map(|_| {
                let dir = tempfile::tempdir().unwrap();
                let corpus = Corpus::load_dir(&corpus_dir).unwrap();
                let t = Instant::now();
                std::hint::black_box(storybot::index::rebuild(dir.path(), &corpus).unwrap());
                t.elapsed()
            })
            .collect(),
    );
    println!("index build: in memory {build_ram:?}, on disk {build_disk:?}");

    // Whole-process start-up against `--version`, with the index already built.
    let bin = root.join("target/release/storybot");
    if bin.exists() {
        let index = tempfile::tempdir().unwrap();
        let run = |args: &[&str]| {
            let t = Instant::now();
            let status = Command::new(&bin)
                .args(args)
                .env("STORYBOT_CORPUS_DIR", &corpus_dir)
                .env("STORYBOT_INDEX_DIR", index.path())
                // The static ranking's start-up; the transformer's is measured below.
                .env_remove("STORYBOT_MODEL_DIR")
                .output()
                .unwrap()
                .status;
            assert!(status.success());
            t.elapsed()
        };
        run(&["index"]);
        let version = median((0..21).map(|_| run(&["--version"])).collect());
        let ask = median((0..21).map(|_| run(&["ask", "How big is Project Stargate?"])).collect());
        println!("process: --version {version:?}, ask {ask:?} ({:.1}x)", ask.as_secs_f64() / version.as_secs_f64());
        let quotes = median((0..21).map(|_| run(&["quotes"])).collect());
        println!("process: quotes {quotes:?} ({:.1}x --version)", quotes.as_secs_f64() / version.as_secs_f64());
    } else {
        println!("process: build the release binary first (cargo build --release) to measure start-up");
    }

    // With the optional transformer, when a model folder is given.
    if let Some(dir) = std::env::var_os("STORYBOT_MODEL_DIR").filter(|d| !d.is_empty()) {
        let model = std::sync::Arc::new(storybot::semantic::Transformer::load(Path::new(&dir)).unwrap());
        let with_model =
            || Engine::in_memory(Corpus::load_dir(&corpus_dir).unwrap()).unwrap().with_transformer(Some(model.clone()));
        let first: Vec<Duration> = (0..5)
            .map(|_| {
                let engine = with_model();
                let t = Instant::now();
                std::hint::black_box(engine.ask(&questions[0], 3).unwrap());
                t.elapsed()
            })
            .collect();
        let samples = latencies(&with_model(), &questions, 10);
        println!(
            "with the transformer: first question on a new engine {:?}; then p50 {:?}  p99 {:?}",
            median(first),
            percentile(&samples, 0.50),
            percentile(&samples, 0.99)
        );
    }
}

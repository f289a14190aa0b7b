//! Any question: no panic, and every answer is its file's bytes `start..end`.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use storybot::corpus::Corpus;
use storybot::Engine;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
        Engine::in_memory(Corpus::load_dir(&dir).expect("the shipped corpus loads")).expect("the index builds")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(question) = std::str::from_utf8(data) else { return };
    let engine = engine();
    let Ok(answers) = engine.ask(question, 3) else { return };
    for answer in &answers.answers {
        let doc = engine.corpus().doc_of(answer.sentence());
        let span = engine.corpus().sentence(answer.sentence()).span.clone();
        let on_disk = std::fs::read(&doc.path).unwrap_or_else(|_| doc.text.clone().into_bytes());
        assert_eq!(&on_disk[span.clone()], engine.corpus().text(answer.sentence()).as_bytes());
        assert!(answer.passage.context.start <= span.start && span.end <= answer.passage.context.end);
    }
});

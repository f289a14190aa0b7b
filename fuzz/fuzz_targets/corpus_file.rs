//! Any corpus file: parsed or refused with an error naming it, never a panic; when parsed,
//! sentences are slices of the file inside the body, in order, covering every word.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storybot::corpus::{Corpus, Source};

fuzz_target!(|data: &[u8]| {
    let source = Source { path: "corpus/fuzz.txt".into(), bytes: data.to_vec() };
    let corpus = match Corpus::from_sources(vec![source]) {
        Ok(corpus) => corpus,
        Err(err) => {
            assert!(err.to_string().starts_with("corpus/fuzz.txt"));
            return;
        }
    };
    for doc in &corpus.docs {
        let mut covered = vec![false; doc.text.len()];
        let mut last = doc.body.start;
        for (_, s) in corpus.sentences_of(doc) {
            assert!(doc.text.get(s.span.clone()).is_some_and(|t| !t.trim().is_empty()));
            assert!(s.span.start >= last && s.span.end <= doc.body.end);
            last = s.span.end;
            for r in std::iter::once(&s.span).chain(s.link.as_ref()) {
                covered[r.clone()].iter_mut().for_each(|c| *c = true);
            }
        }
        for (i, c) in doc.text[doc.body.clone()].char_indices() {
            assert!(c.is_whitespace() || covered[doc.body.start + i]);
        }
    }
});

//! Any story text and question: Discord replies keep every limit and ping nobody.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storybot::bot::render::{self, limits, Reply};
use storybot::corpus::{Corpus, Source};
use storybot::Engine;

fn check(reply: &Reply) {
    let chars = |s: &str| s.chars().count();
    assert!(reply.content.as_deref().map_or(0, chars) <= limits::CONTENT);
    let mut texts: Vec<&str> = reply.content.iter().map(String::as_str).collect();
    if let Some(embed) = &reply.embed {
        assert!(embed.total() <= limits::EMBED_TOTAL && chars(&embed.description) <= limits::DESCRIPTION);
        texts.push(&embed.description);
        texts.extend(embed.title.as_deref());
        texts.extend(embed.fields.iter().flat_map(|(n, v)| [n.as_str(), v.as_str()]));
    }
    for text in texts {
        assert!(!text.contains("@everyone") && !text.contains("@here") && !text.contains("<@"));
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (body, question) = text.split_once('\u{1}').unwrap_or((text, "everyone"));
    let source = Source { path: "corpus/fuzz.txt".into(), bytes: body.as_bytes().to_vec() };
    let Ok(corpus) = Corpus::from_sources(vec![source]) else { return };
    let Ok(engine) = Engine::in_memory(corpus) else { return };
    if let Ok(answers) = engine.ask(question, 3) {
        check(&render::answers(engine.version(), &answers));
        check(&render::no_answer(engine.version(), question, &answers.closest));
    }
    check(&render::story(engine.corpus()));
});

//! Properties over generated input: nothing panics, every span shown is a slice of its file,
//! and every Discord reply keeps Discord's limits and pings nobody, whatever the text.

use std::path::PathBuf;

use proptest::prelude::*;
use storybot::answer::JsonAnswers;
use storybot::bot::render::{self, limits, Reply};
use storybot::corpus::{Corpus, SentenceId, Source};
use storybot::error::UserError;
use storybot::Engine;

use crate::common::{shipped_corpus_dir, story};

fn config(cases: u32) -> ProptestConfig {
    // Failures are reported with their minimal input; nothing is written to the source tree.
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Words of the story, question words, query syntax, mentions and awkward Unicode.
fn piece() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "Musk",
        "Altman",
        "Elon",
        "Sam",
        "Stargate",
        "SoftBank",
        "Twitter",
        "X",
        "$500",
        "billion",
        "2022",
        "Tuesday",
        "what",
        "who",
        "did",
        "say",
        "how",
        "much",
        "the",
        "of",
        "\"",
        "“",
        "”",
        "’",
        "(",
        ")",
        "*",
        "-x",
        "title:x",
        "AND",
        "~2",
        "^3",
        "\\",
        "`",
        "**",
        "__",
        "||",
        "> ",
        "# ",
        "[a](b)",
        "@everyone",
        "@here",
        "<@1500000000000000001>",
        "<@&123>",
        "<#123>",
        "@",
        "\u{200B}",
        "\u{202E}",
        "\u{FEFF}",
        "é",
        "e\u{301}\u{302}",
        "🚀",
        "👍🏽",
        "\0",
        "\n",
        "\t",
        "...",
        "U.S.",
        "Mr.",
        "https://example.com/x",
    ]);
    prop_oneof![
        3 => fixed.prop_map(str::to_string),
        1 => "[a-zA-Z]{1,12}",
        1 => any::<String>(),
    ]
}

fn text(max_pieces: usize) -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), prop::sample::select(vec![" ", " ", "", ". ", "\n\n", ", "])), 0..max_pieces)
        .prop_map(|parts| parts.into_iter().map(|(p, sep)| p + sep).collect())
}

/// Every text of a reply that Discord shows.
fn shown_texts(reply: &Reply) -> Vec<&str> {
    let mut texts: Vec<&str> = reply.content.iter().map(String::as_str).collect();
    if let Some(embed) = &reply.embed {
        texts.extend(embed.title.as_deref());
        texts.push(&embed.description);
        texts.extend(embed.fields.iter().flat_map(|(n, v)| [n.as_str(), v.as_str()]));
        texts.extend(embed.footer.as_deref());
    }
    texts.extend(reply.buttons.iter().map(|b| b.label.as_str()));
    texts
}

fn check_reply(reply: &Reply) -> Result<(), TestCaseError> {
    let chars = |s: &str| s.chars().count();
    prop_assert!(reply.content.as_deref().map_or(0, chars) <= limits::CONTENT);
    if let Some(embed) = &reply.embed {
        prop_assert!(embed.total() <= limits::EMBED_TOTAL);
        prop_assert!(chars(&embed.description) <= limits::DESCRIPTION);
        prop_assert!(embed.title.as_deref().map_or(0, chars) <= limits::TITLE);
        prop_assert!(embed.fields.len() <= limits::FIELDS);
        for (name, value) in &embed.fields {
            prop_assert!(chars(name) <= limits::FIELD_NAME && chars(value) <= limits::FIELD_VALUE);
        }
    }
    prop_assert!(reply.buttons.len() <= 5);
    for button in &reply.buttons {
        prop_assert!(chars(&button.label) <= limits::BUTTON_LABEL && button.id.len() <= 100);
    }
    for text in shown_texts(reply) {
        for ping in ["@everyone", "@here", "<@"] {
            prop_assert!(!text.contains(ping), "{ping:?} survives in {text:?}");
        }
    }
    Ok(())
}

/// Checks every answer's spans against the file as it is on disk.
fn check_answers_are_file_slices(engine: &Engine, question: &str) -> Result<(), TestCaseError> {
    let answers = match engine.ask(question, 3) {
        Ok(answers) => answers,
        Err(err) => {
            prop_assert!(err.downcast_ref::<UserError>().is_some(), "not a user error: {err:#}");
            return Ok(());
        }
    };
    let json = serde_json::to_value(JsonAnswers::new(&answers)).map_err(|e| TestCaseError::fail(e.to_string()))?;
    for answer in json["answers"].as_array().into_iter().flatten() {
        let source = &answer["source"];
        let path = shipped_corpus_dir()
            .join(PathBuf::from(source["path"].as_str().unwrap_or_default()).file_name().unwrap_or_default());
        let file = std::fs::read(&path).map_err(|e| TestCaseError::fail(format!("{}: {e}", path.display())))?;
        let (start, end) =
            (source["start"].as_u64().unwrap_or(0) as usize, source["end"].as_u64().unwrap_or(0) as usize);
        prop_assert!(start < end && end <= file.len());
        prop_assert_eq!(&file[start..end], answer["answer"].as_str().unwrap_or_default().as_bytes());
    }
    for answer in &answers.answers {
        let doc = engine.corpus().doc_of(answer.sentence());
        let span = &engine.corpus().sentence(answer.sentence()).span;
        let shown = &answer.passage;
        prop_assert!(shown.context.start <= span.start && span.end <= shown.context.end);
        for h in &shown.highlights {
            prop_assert!(shown.context.start <= h.start && h.end <= shown.context.end);
            prop_assert!(doc.text.get(h.clone()).is_some(), "a highlight splits a character");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_question_is_answered_with_slices_of_the_file_or_refused_with_a_user_error(q in text(40)) {
        check_answers_are_file_slices(story(), &q)?;
    }

    #[test]
    fn any_question_renders_within_discord_limits_and_pings_nobody(q in text(60), rank in 1usize..5, width in 0usize..4) {
        let engine = story();
        if let Ok(answers) = engine.ask(&q, 3) {
            check_reply(&answer_reply(engine, &answers, rank, width))?;
            check_reply(&render::no_answer(engine.version(), &q, answers.unquoted.as_deref(), &answers.closest))?;
        }
        if let Ok(results) = engine.search(&q, 50) {
            check_reply(&render::search(engine.version(), &results, rank, 5))?;
        }
        let quotes = engine.quotes(None, Some(&q)).unwrap_or_default();
        check_reply(&render::quotes(engine.corpus(), &quotes))?;
    }

    #[test]
    fn any_follow_up_is_answered_and_rendered_within_limits_or_refused_with_a_user_error(
        questions in prop::collection::vec(text(30), 1..=storybot::answer::MAX_TURNS + 2),
    ) {
        let engine = story();
        let mut conversation = storybot::answer::Conversation::new();
        for q in &questions {
            match engine.ask_in(&mut conversation, q, 3) {
                Ok(answers) => check_reply(&render::answers(engine.version(), &answers))?,
                Err(err) => prop_assert!(err.downcast_ref::<UserError>().is_some(), "{err:#}"),
            }
        }
        prop_assert!(conversation.len() <= storybot::answer::MAX_TURNS);
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn any_document_splits_into_sentences_that_round_trip_and_cover_the_body(body in text(120)) {
        let Ok(corpus) = Corpus::from_sources(vec![Source { path: "corpus/gen.txt".into(), bytes: body.into_bytes() }]) else {
            return Ok(());
        };
        for doc in &corpus.docs {
            let mut covered = vec![false; doc.text.len()];
            let mut last_end = doc.body.start;
            for (_, s) in corpus.sentences_of(doc) {
                let text = doc.text.get(s.span.clone());
                prop_assert!(text.is_some_and(|t| !t.trim().is_empty()), "sentence {:?} is not a slice with text", s.span);
                prop_assert!(s.span.start >= last_end && s.span.end <= doc.body.end, "sentences out of order or outside the body");
                last_end = s.span.end;
                for range in std::iter::once(&s.span).chain(s.link.as_ref()) {
                    covered[range.clone()].iter_mut().for_each(|c| *c = true);
                }
            }
            for (i, c) in doc.text[doc.body.clone()].char_indices() {
                let at = doc.body.start + i;
                prop_assert!(c.is_whitespace() || covered[at], "byte {at} ({c:?}) is in no sentence");
            }
        }
    }

    #[test]
    fn any_corpus_file_is_read_or_refused_with_an_error_naming_it(
        front in text(20), body in text(40), bytes in prop::collection::vec(any::<u8>(), 0..200), raw in any::<bool>(),
    ) {
        let content = if raw { bytes } else { format!("+++\n{front}\n+++\n{body}").into_bytes() };
        let source = Source { path: "corpus/gen.txt".into(), bytes: content };
        if let Err(err) = Corpus::from_sources(vec![source]) {
            prop_assert!(err.to_string().starts_with("corpus/gen.txt"), "{err}");
        }
    }

    #[test]
    fn answers_from_any_corpus_text_render_escaped_and_within_limits(body in text(80), q in text(10)) {
        let source = Source { path: "corpus/gen.txt".into(), bytes: body.into_bytes() };
        let Ok(corpus) = Corpus::from_sources(vec![source]) else { return Ok(()) };
        let Ok(engine) = Engine::in_memory(corpus) else { return Ok(()) };
        let question = if q.trim().is_empty() { "everyone here" } else { q.as_str() };
        if let Ok(answers) = engine.ask(question, 3) {
            check_reply(&answer_reply(&engine, &answers, 1, 3))?;
        }
        if let Ok(results) = engine.search(question, 50) {
            check_reply(&render::search(engine.version(), &results, 1, 5))?;
        }
        check_reply(&render::story(engine.corpus()))?;
        check_story_replies(&engine, question)?;
    }

    #[test]
    fn any_claim_against_the_story_is_checked_with_file_slices_or_refused(claim in text(40)) {
        let engine = story();
        check_story_replies(engine, &claim)?;
    }
}

/// Answer `rank` with `width` sentences of context as a click shows it, or the first reply
/// when there is no such answer.
fn answer_reply(engine: &Engine, answers: &storybot::Answers, rank: usize, width: usize) -> Reply {
    let ranked: Vec<SentenceId> = answers.answers.iter().map(storybot::Answer::sentence).collect();
    storybot::bot::events::answer_page(engine, &answers.question, &ranked, rank, width)
        .unwrap_or_else(|_| render::answers(engine.version(), answers))
}

/// Every story command on `text`: spans are slices of the file on char boundaries, and every
/// reply keeps Discord's limits and pings nobody.
fn check_story_replies(engine: &Engine, text: &str) -> Result<(), TestCaseError> {
    use storybot::story::view::{FactsView, ProfilesView, RosterView, TimelineView, VerificationView, WhosaidView};
    use storybot::story::{facts, people, timeline, verify, whosaid};
    let corpus = engine.corpus();
    if let Ok(v) = verify::verify(corpus, text) {
        if let Some(found) = &v.found {
            let doc = corpus.doc_of(found.sentence);
            prop_assert!(doc.text.get(found.span.clone()).is_some(), "verify span {:?} is not a slice", found.span);
        }
        check_reply(&render::story::verification(&VerificationView::new(corpus, &v)))?;
    }
    if let Ok(found) = whosaid::whosaid(engine, text) {
        check_reply(&render::story::whosaid(&WhosaidView::new(corpus, text, &found)))?;
    }
    if let Ok(found) = people::lookup(corpus, text) {
        check_reply(&render::story::profiles(&ProfilesView::new(corpus, text, &found)))?;
    }
    let all = facts::all(corpus);
    for f in &all {
        prop_assert!(corpus.doc_of(f.sentence).text.get(f.span.clone()).is_some());
    }
    if let Ok(about) = facts::about(engine, &all, text) {
        check_reply(&render::story::facts(&FactsView::new(corpus, Some(text), &about)))?;
    }
    check_reply(&render::story::roster(&RosterView::new(corpus, &people::roster(corpus))))?;
    check_reply(&render::story::timeline(&TimelineView::new(corpus, &timeline::events(corpus))))?;
    Ok(())
}

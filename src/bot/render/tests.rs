use std::path::Path;

use anyhow::Context as _;

use super::*;
use crate::answer::{Engine, Piece};
use crate::bot::custom_id::{Action, ButtonState};
use crate::corpus::{Corpus, Source as File};

fn story() -> anyhow::Result<Engine> {
    let corpus = Corpus::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))?;
    Engine::in_memory(corpus)
}

/// A story whose text tries to ping and to break Markdown.
fn hostile() -> anyhow::Result<Engine> {
    let text =
        "+++\ntitle = \"@everyone **Breaking** <@123>\"\n[[entities]]\nname = \"Eve @here\"\nkind = \"person\"\n+++\n\
                Eve said @everyone should read <@&42> and `code` now. **Nobody** listened to ||spoilers||.\n";
    let corpus =
        Corpus::from_sources(vec![File { path: "corpus/hostile.txt".into(), bytes: text.as_bytes().to_vec() }])?;
    Engine::in_memory(corpus)
}

fn assert_within_limits(reply: &Reply) {
    if let Some(c) = &reply.content {
        assert!(c.chars().count() <= limits::CONTENT);
    }
    if let Some(e) = &reply.embed {
        assert!(e.description.chars().count() <= limits::DESCRIPTION);
        assert!(e.title.as_deref().is_none_or(|t| t.chars().count() <= limits::TITLE));
        assert!(e.fields.len() <= limits::FIELDS);
        assert!(e
            .fields
            .iter()
            .all(|(n, v)| n.chars().count() <= limits::FIELD_NAME && v.chars().count() <= limits::FIELD_VALUE));
        assert!(e.total() <= limits::EMBED_TOTAL);
    }
    for b in &reply.buttons {
        assert!(b.id.chars().count() <= 100 && b.label.chars().count() <= limits::BUTTON_LABEL);
    }
}

/// Answer `rank` of `answers` with `width` sentences of context, as a click shows it.
fn answer_at(engine: &Engine, answers: &Answers, rank: usize, width: usize) -> anyhow::Result<Reply> {
    let ranked: Vec<SentenceId> = answers.answers.iter().map(Answer::sentence).collect();
    crate::bot::events::answer_page(engine, &answers.question, &ranked, rank, width)
}

/// A passage built by hand: `before`, then the sentence (words with whether they matched),
/// then `after`.
fn passage(before: &str, sentence: &[(&str, bool)], after: &str) -> Passage {
    let piece = |text: &str, matched, in_sentence| Piece { text: text.into(), matched, in_sentence };
    let mut pieces = vec![piece(before, false, false)];
    pieces.extend(sentence.iter().map(|(text, matched)| piece(text, *matched, true)));
    pieces.push(piece(after, false, false));
    let text: String = sentence.iter().map(|(t, _)| *t).collect();
    let start = before.len();
    Passage {
        sentence: SentenceId::new(7),
        text: text.clone(),
        context: 0..start + text.len() + after.len(),
        highlights: Vec::new(),
        pieces,
        whole_paragraph: false,
        source: crate::answer::Source {
            doc: "harbour".into(),
            title: "Harbour town votes".into(),
            date: Some("2024-03-14".into()),
            path: "corpus/harbour.txt".into(),
            paragraph: 2,
            sentence: 3,
            span: start..start + text.len(),
            url: Some("https://example.com/harbour".into()),
            among_others: false,
        },
    }
}

#[test]
fn an_answer_built_by_hand_shows_the_question_the_sentence_its_matches_and_its_source() -> anyhow::Result<()> {
    let shown =
        passage("It was late. ", &[("The ", false), ("ferry", true), (" costs $12 million.", false)], " Many agreed.");
    let view = AnswerView {
        version: "0123abcd",
        question: "What does the ferry cost?",
        ranked: &[SentenceId::new(7), SentenceId::new(3)],
        rank: 1,
        width: 1,
        passage: &shown,
    };
    let reply = answer(&view);
    let embed = reply.embed.as_ref().context("an embed")?;
    assert_eq!(
        embed.description,
        "**Q:** What does the ferry cost?\n\nIt was late. __The **ferry** costs $12 million.__ Many agreed."
    );
    assert_eq!(
        embed.fields[0].1,
        "Harbour town votes \\(2024\\-03\\-14\\) · paragraph 2, sentence 3\nhttps://example.com/harbour"
    );
    assert_eq!(embed.footer.as_deref(), Some("Answer 1 of 2"));
    let actions: Vec<Action> =
        reply.buttons.iter().filter_map(|b| ButtonState::decode(&b.id).ok()).map(|s| s.action).collect();
    assert_eq!(
        actions,
        [
            Action::Answer { rank: 1, width: 2, answers: vec![SentenceId::new(7), SentenceId::new(3)] },
            Action::Answer { rank: 2, width: 1, answers: vec![SentenceId::new(7), SentenceId::new(3)] },
            Action::Vote { rank: 1, up: true, sentence: Some(SentenceId::new(7)) },
            Action::Vote { rank: 1, up: false, sentence: Some(SentenceId::new(7)) },
        ]
    );
    Ok(())
}

#[test]
fn no_answer_about_someone_never_quoted_names_them_escaped() -> anyhow::Result<()> {
    let reply = no_answer("0123abcd", "What did Reyes say?", Some("Omar *Reyes*"), &[]);
    let description = &reply.embed.as_ref().context("an embed")?.description;
    assert!(
        description.ends_with("The story doesn't say. It names Omar \\*Reyes\\* but never quotes them."),
        "{description}"
    );
    Ok(())
}

#[test]
fn no_answer_built_by_hand_lists_the_closest_passages_it_was_given() -> anyhow::Result<()> {
    let near = passage("", &[("The ferry sailed.", false)], "");
    let reply = no_answer("0123abcd", "Where did it go?", None, &[near]);
    let description = &reply.embed.as_ref().context("an embed")?.description;
    assert!(description.contains("The story doesn't say."));
    assert!(
        description
            .ends_with("Closest passages (they may not answer it):\n• The ferry sailed. — *paragraph 2, sentence 3*"),
        "{description}"
    );
    Ok(())
}

#[test]
fn a_rewritten_follow_up_says_how_it_was_read_on_the_line_after_the_question() -> anyhow::Result<()> {
    let best = passage("", &[("Musk ", true), ("replied.", false)], "");
    let answer = Answer { rank: 1, score: 9.0, coverage: 1.0, passage: best.clone() };
    let mut answers = Answers {
        question: "what else did he say?".into(),
        answers: vec![answer],
        closest: Vec::new(),
        read_as: Some("what else did Elon *Musk* say?".into()),
        unquoted: None,
    };
    let description = description_of(&answers)?;
    assert!(
        description.starts_with("**Q:** what else did he say?\n*Read as:* what else did Elon \\*Musk\\* say?\n\n__"),
        "{description}"
    );
    assert_eq!(super::question_of(&description).as_deref(), Some("what else did he say?"), "the buttons' question");
    answers.answers.clear();
    answers.closest = vec![best];
    let description = description_of(&answers)?;
    assert!(description.contains("say?\n*Read as:* what else"), "{description}");
    assert!(description.contains("The story doesn't say."), "{description}");
    answers.read_as = None;
    assert!(!description_of(&answers)?.contains("Read as"), "a question read as written says nothing more");
    Ok(())
}

#[test]
fn a_question_over_several_lines_is_shown_and_read_back_on_one() -> anyhow::Result<()> {
    let answers = Answers {
        question: "who runs\nSoftBank?".into(),
        answers: Vec::new(),
        closest: Vec::new(),
        read_as: None,
        unquoted: None,
    };
    let description = description_of(&answers)?;
    assert!(description.starts_with("**Q:** who runs SoftBank?\n\n"), "{description}");
    assert_eq!(super::question_of(&description).as_deref(), Some("who runs SoftBank?"));
    Ok(())
}

fn description_of(answers: &Answers) -> anyhow::Result<String> {
    Ok(super::answers("0123abcd", answers).embed.context("an embed")?.description)
}

fn all_text(reply: &Reply) -> String {
    let mut out = reply.content.clone().unwrap_or_default();
    if let Some(e) = &reply.embed {
        out += &format!("{:?}{}{:?}{:?}", e.title, e.description, e.fields, e.footer);
    }
    out
}

#[test]
fn an_answer_underlines_the_verbatim_sentence_bolds_matches_and_cites_it() -> anyhow::Result<()> {
    let engine = story()?;
    let answers = engine.ask("How big is Project Stargate?", 3)?;
    let reply = answer_at(&engine, &answers, 1, 1)?;
    let embed = reply.embed.as_ref().context("an embed")?;
    let sentence = engine.corpus().text(answers.answers[0].sentence());
    let underlined = embed.description.split("__").nth(1).context("the answer sentence is underlined")?;
    assert_eq!(unescape(&underlined.replace("**", "")), sentence);
    assert!(embed.description.contains("**Project Stargate**"));
    assert_eq!(question_of(&embed.description).as_deref(), Some("How big is Project Stargate?"));
    let (name, source) = &embed.fields[0];
    assert_eq!(name, "Source");
    assert!(source.contains("paragraph 2, sentence 4"), "{source}");
    assert_eq!(embed.footer.as_deref(), Some(format!("Answer 1 of {}", answers.answers.len()).as_str()));
    assert_within_limits(&reply);
    Ok(())
}

#[test]
fn the_buttons_carry_the_next_states_and_disable_at_the_ends() -> anyhow::Result<()> {
    let engine = story()?;
    let answers = engine.ask("What did Musk say about Stargate?", 3)?;
    let n = answers.answers.len();
    let ranked: Vec<SentenceId> = answers.answers.iter().map(Answer::sentence).collect();
    let first = answer_at(&engine, &answers, 1, 1)?;
    let states: Vec<Option<Action>> =
        first.buttons.iter().map(|b| ButtonState::decode(&b.id).ok().map(|s| s.action)).collect();
    assert_eq!(
        states,
        [
            Some(Action::Answer { rank: 1, width: 2, answers: ranked.clone() }),
            Some(Action::Answer { rank: 2, width: 1, answers: ranked.clone() }),
            Some(Action::Vote { rank: 1, up: true, sentence: Some(ranked[0]) }),
            Some(Action::Vote { rank: 1, up: false, sentence: Some(ranked[0]) })
        ]
    );
    assert_eq!((first.buttons[2].label.as_str(), first.buttons[3].label.as_str()), ("👍", "👎"));
    let second = answer_at(&engine, &answers, 2.min(n), 1)?;
    assert_eq!(
        ButtonState::decode(&second.buttons[3].id).ok().map(|s| s.action),
        Some(Action::Vote { rank: 2.min(n), up: false, sentence: Some(ranked[2.min(n) - 1]) })
    );
    assert_eq!(first.buttons[1].disabled, n < 2);
    let last = answer_at(&engine, &answers, n, 1)?;
    assert!(last.buttons[1].disabled, "no next answer after the last");
    let whole = answer_at(&engine, &answers, 1, 50)?;
    assert!(whole.buttons[0].disabled, "no more context once the paragraph is shown");
    Ok(())
}

#[test]
fn the_linked_quote_shows_the_story_link() -> anyhow::Result<()> {
    let engine = story()?;
    let answers = engine.ask("What did Altman say about putting America first?", 1)?;
    let reply = answer_at(&engine, &answers, 1, 1)?;
    assert!(reply.embed.context("an embed")?.fields[0]
        .1
        .ends_with("\nhttps://twitter.com/sama/status/1882106524090482701"));
    Ok(())
}

#[test]
fn no_answer_says_so_plainly() -> anyhow::Result<()> {
    let engine = story()?;
    let answers = engine.ask("What is the weather in Paris today?", 3)?;
    let reply = super::answers(engine.version(), &answers);
    let description = reply.embed.context("an embed")?.description;
    assert!(description.contains("The story doesn't say."));
    assert!(!description.contains("Closest passages"), "unrelated passages are not offered");
    let votes: Vec<Option<Action>> =
        reply.buttons.iter().map(|b| ButtonState::decode(&b.id).ok().map(|s| s.action)).collect();
    assert_eq!(
        votes,
        [
            Some(Action::Vote { rank: 1, up: true, sentence: None }),
            Some(Action::Vote { rank: 1, up: false, sentence: None })
        ],
        "only votes: a wrong \"no answer\" is worth hearing about"
    );
    Ok(())
}

#[test]
fn search_pages_through_results_with_buttons() -> anyhow::Result<()> {
    let engine = story()?;
    let results = engine.search("Musk", 50)?;
    assert!(results.answers.len() > 4);
    let page0 = search(engine.version(), &results, 0, 2);
    let e = page0.embed.as_ref().context("an embed")?;
    assert!(e.description.starts_with("**Search:** Musk\n\n**1.** "));
    assert!(e.description.contains("**2.** ") && !e.description.contains("**3.** "));
    assert!(page0.buttons[0].disabled && !page0.buttons[1].disabled);
    assert_eq!(
        ButtonState::decode(&page0.buttons[1].id).ok().map(|s| s.action),
        Some(Action::Search { page: 1, per_page: 2 })
    );
    let page1 = search(engine.version(), &results, 1, 2);
    assert!(page1.embed.as_ref().context("an embed")?.description.contains("**3.** "));
    assert_eq!(query_of(&page1.embed.context("an embed")?.description).as_deref(), Some("Musk"));
    Ok(())
}

#[test]
fn quotes_are_listed_verbatim_with_speakers() -> anyhow::Result<()> {
    let engine = story()?;
    let quotes = engine.quotes(Some("altman"), None)?;
    let reply = super::quotes(engine.corpus(), &quotes);
    let description = unescape(&reply.embed.context("an embed")?.description);
    assert_eq!(description.lines().count(), 3);
    assert!(description.contains("**Sam Altman:** “just one more mean tweet and then maybe you’ll love yourself…”"));
    let about = engine.quotes(None, Some("money"))?;
    assert_eq!(about.len(), 1);
    assert_eq!(engine.corpus().quote_text(about[0]), "They don’t actually have the money,");
    Ok(())
}

#[test]
fn the_story_card_names_title_date_people_quotes_and_link() -> anyhow::Result<()> {
    let engine = story()?;
    let reply = super::story(engine.corpus());
    let (title, value) = &reply.embed.as_ref().context("an embed")?.fields[0];
    assert_eq!(title, "Sam Altman and Elon Musk spar over Project Stargate");
    assert!(value.contains("**Date:** 2025\\-01\\-25") || value.contains("**Date:** 2025-01-25"), "{value}");
    assert!(value.contains("Elon Musk") && value.contains("Sam Altman") && value.contains("Larry Ellison"));
    assert!(value.contains("**Quotes:** 6"));
    assert!(value.contains("https://twitter.com/sama/status/1882106524090482701"));
    assert_within_limits(&reply);
    Ok(())
}

#[test]
fn hostile_story_text_can_neither_ping_nor_format() -> anyhow::Result<()> {
    let engine = hostile()?;
    let answers = engine.ask("What did Eve say everyone should read?", 3)?;
    assert!(!answers.answers.is_empty());
    for reply in [
        answer_at(&engine, &answers, 1, 1)?,
        super::story(engine.corpus()),
        search(engine.version(), &engine.search("Eve", 5)?, 0, 5),
    ] {
        let text = all_text(&reply);
        for bad in ["@everyone", "@here", "<@", "`code`", "||spoilers||"] {
            assert!(!text.contains(bad), "{bad} survived in {text}");
        }
        assert_within_limits(&reply);
    }
    Ok(())
}

#[test]
fn an_overlong_answer_still_fits_every_limit() -> anyhow::Result<()> {
    let long = format!("The ferry {} finally sailed.", "very ".repeat(2000));
    let corpus = Corpus::from_sources(vec![File { path: "corpus/long.txt".into(), bytes: long.into_bytes() }])?;
    let engine = Engine::in_memory(corpus)?;
    let answers = engine.ask("Did the ferry sail?", 3)?;
    let reply = answer_at(&engine, &answers, 1, 1)?;
    assert_within_limits(&reply);
    assert_within_limits(&search(engine.version(), &engine.search("ferry", 10)?, 0, 10));
    Ok(())
}

#[test]
fn help_is_one_short_message_naming_every_command() -> anyhow::Result<()> {
    let reply = help();
    let text = reply.content.context("text")?;
    assert!(text.chars().count() < 1200, "{} characters", text.chars().count());
    for c in crate::bot::commands::all().into_iter().filter(|c| c.name != "help") {
        let named = if c.context_menu_action.is_some() {
            text.contains(c.context_menu_name.as_deref().unwrap_or_default())
        } else {
            text.contains(&format!("/{}", c.name))
        };
        assert!(named, "help does not mention {}", c.name);
    }
    Ok(())
}

#[test]
fn a_link_in_the_story_text_that_holds_a_ping_is_shown_escaped() -> anyhow::Result<()> {
    let text = "+++\ntitle = \"Links\"\n+++\nSee https://example.com/x@everyone and https://example.com/plain today.\n";
    let corpus = Corpus::from_sources(vec![File { path: "corpus/links.txt".into(), bytes: text.as_bytes().to_vec() }])?;
    let reply = super::story(&corpus);
    let fields: Vec<&str> = reply.embed.as_ref().context("an embed")?.fields.iter().map(|(_, v)| v.as_str()).collect();
    let value = fields.first().context("one field per story")?;
    assert!(value.contains("Source link:"), "{value}");
    assert!(!value.contains("@everyone"), "the ping is broken: {value}");
    Ok(())
}

use std::path::PathBuf;

use anyhow::Context as _;

use super::*;
use crate::answer::{Conversation, Engine};
use crate::corpus::Source;

/// A story with a man, a woman and two companies, unlike the shipped one.
const TRAMS: &str = "+++
title = \"Two firms bid for the city tram\"

[[entities]]
name = \"Mark Benson\"
kind = \"person\"
aliases = [\"Benson\"]

[[entities]]
name = \"Clara Osei\"
kind = \"person\"
aliases = [\"Osei\"]

[[entities]]
name = \"Northway\"
kind = \"organisation\"

[[entities]]
name = \"Ferrolink\"
kind = \"organisation\"
+++
Mark Benson runs Northway, and Clara Osei runs Ferrolink.

\"Northway will bid 40 million pounds for the tram,\" Mark Benson said. Ferrolink will bid 35 million pounds.

\"Our trams are cheaper and quieter,\" said Clara Osei. She added that Ferrolink had built trams in Leeds.

Benson said the council would choose a winner in May.
";

fn corpus() -> anyhow::Result<Corpus> {
    Ok(Corpus::from_sources(vec![Source {
        path: PathBuf::from("corpus/trams.txt"),
        bytes: TRAMS.as_bytes().to_vec(),
    }])?)
}

fn turn(read: &str) -> Turn {
    Turn { read: read.into(), shown: Vec::new(), about: None }
}

fn read_after(earlier: &[Turn], question: &str) -> anyhow::Result<Reading> {
    let corpus = corpus()?;
    Ok(read(&Names::new(&corpus), &corpus, question, earlier)?)
}

#[test]
fn he_and_she_are_read_as_the_earlier_person_of_that_sex() -> anyhow::Result<()> {
    let earlier = [turn("Who runs Northway and Ferrolink, Clara Osei or Mark Benson?")];
    let he = read_after(&earlier, "What did he say about the tram?")?;
    assert_eq!(he.search, "What did Mark Benson say about the tram?");
    assert_eq!(he.shown.as_deref(), Some("What did Mark Benson say about the tram?"));
    let she = read_after(&earlier, "What did she say about her trams?")?;
    assert_eq!(she.search, "What did Clara Osei say about her trams?", "only the first pronoun for her is replaced");
    let his = read_after(&earlier, "What did he say about his bid?")?;
    assert_eq!(his.search, "What did Mark Benson say about his bid?");
    Ok(())
}

#[test]
fn it_is_read_as_the_earlier_organisation_not_a_person() -> anyhow::Result<()> {
    let earlier = [turn("How much will Mark Benson bid for Northway?")];
    let reading = read_after(&earlier, "and where has it built trams?")?;
    assert_eq!(reading.search, "and where has Northway built trams?");
    Ok(())
}

#[test]
fn him_after_he_is_the_other_person_named() -> anyhow::Result<()> {
    let earlier = [turn("Did Benson meet Osei or Mark Benson's rival at Ferrolink?")];
    let reading = read_after(&earlier, "what did she tell him?")?;
    assert_eq!(reading.search, "what did Osei tell Benson?", "the names as the earlier question wrote them");
    Ok(())
}

#[test]
fn a_closing_that_stands_for_what_was_asked_about_searched_beside_the_question() -> anyhow::Result<()> {
    let earlier = [turn("Who promised the cheaper trams?")];
    let that = read_after(&earlier, "who said that?")?;
    assert_eq!(that.search, "who said that? promised the cheaper trams");
    assert_eq!(that.shown.as_deref(), Some("who said that? (about: Who promised the cheaper trams?)"));
    Ok(())
}

#[test]
fn it_with_no_thing_named_before_is_left_as_written() -> anyhow::Result<()> {
    let earlier = [turn("Who promised the cheaper trams?")];
    assert_eq!(read_after(&earlier, "is it true?")?, Reading::as_written("is it true?"));
    Ok(())
}

#[test]
fn a_second_that_stands_for_the_question_the_first_stood_for() -> anyhow::Result<()> {
    let first = turn("Who promised the cheaper trams?");
    let that = read_after(std::slice::from_ref(&first), "who said that?")?;
    let said = Turn { read: that.search, shown: Vec::new(), about: that.about };
    let again = read_after(&[first, said], "when was that?")?;
    assert_eq!(again.shown.as_deref(), Some("when was that? (about: Who promised the cheaper trams?)"));
    let more = read_after(&[again_turn(&again)], "anything else?")?;
    assert_eq!(more.shown.as_deref(), Some("more answers to: when was that? (about: Who promised the cheaper trams?)"));
    Ok(())
}

#[test]
fn a_bare_follow_up_after_a_that_asks_what_that_stood_for() -> anyhow::Result<()> {
    let first = turn("How much will Northway bid for the tram?");
    let that = read_after(std::slice::from_ref(&first), "who said that?")?;
    let said = again_turn(&that);
    assert_eq!(read_after(&[first.clone(), said.clone()], "when?")?.search, "when will Northway bid for the tram?");
    assert_eq!(read_after(&[first, said], "and Ferrolink?")?.search, "How much will Ferrolink bid for the tram?");
    Ok(())
}

#[test]
fn and_a_name_after_a_that_naming_someone_swaps_into_that_question() -> anyhow::Result<()> {
    let first = turn("How much will Northway bid for the tram?");
    let that = read_after(std::slice::from_ref(&first), "what does Benson say about that?")?;
    let said = again_turn(&that);
    let other = read_after(&[first, said], "and Osei?")?;
    assert_eq!(
        other.shown.as_deref(),
        Some("what does Osei say about that? (about: How much will Northway bid for the tram?)")
    );
    Ok(())
}

fn again_turn(reading: &Reading) -> Turn {
    Turn { read: reading.search.clone(), shown: Vec::new(), about: reading.about.clone() }
}

#[test]
fn and_a_phrase_opening_with_a_preposition_adds_to_the_earlier_question() -> anyhow::Result<()> {
    let earlier = [turn("How much will Northway bid?")];
    assert_eq!(read_after(&earlier, "and without the depot?")?.search, "How much will Northway bid without the depot");
    Ok(())
}

#[test]
fn a_pronoun_reads_the_speaker_of_the_answer_shown_when_the_question_named_nobody() -> anyhow::Result<()> {
    let corpus = corpus()?;
    let quote = corpus.sentence_ids().find(|&id| corpus.text(id).starts_with("\"Our trams")).context("the quote")?;
    let earlier = [Turn { read: "Who said the trams are quieter?".into(), shown: vec![quote], about: None }];
    let reading = read(&Names::new(&corpus), &corpus, "What else did she say?", &earlier)?;
    assert_eq!(reading.search, "What did Clara Osei say?");
    assert_eq!(reading.shown.as_deref(), Some("What else did Clara Osei say?"));
    assert_eq!(reading.exclude, vec![quote], "what was shown is not given again");
    Ok(())
}

#[test]
fn and_a_name_swaps_the_earlier_name_of_the_same_kind() -> anyhow::Result<()> {
    let earlier = [turn("How much will Northway bid, says Mark Benson?")];
    assert_eq!(read_after(&earlier, "and Ferrolink?")?.search, "How much will Ferrolink bid, says Mark Benson?");
    assert_eq!(read_after(&earlier, "what about Clara Osei?")?.search, "How much will Northway bid, says Clara Osei?");
    Ok(())
}

#[test]
fn question_words_alone_ask_the_earlier_question_anew() -> anyhow::Result<()> {
    let earlier = [turn("How much will Northway bid for the tram?")];
    let reading = read_after(&earlier, "when?")?;
    assert_eq!(reading.search, "when will Northway bid for the tram?");
    assert!(reading.exclude.is_empty());
    Ok(())
}

#[test]
fn question_words_with_a_preposition_or_not_ask_the_earlier_question_anew_keeping_them() -> anyhow::Result<()> {
    let earlier = [turn("How much will Northway bid for the tram?")];
    assert_eq!(read_after(&earlier, "until when?")?.search, "until when will Northway bid for the tram?");
    assert_eq!(read_after(&earlier, "over how long?")?.search, "over how long will Northway bid for the tram?");
    assert_eq!(read_after(&earlier, "why not?")?.search, "why not will Northway bid for the tram?");
    let yes_or_no = [turn("Will Northway bid for the tram?")];
    assert_eq!(read_after(&yes_or_no, "why not?")?.search, "why not will Northway bid for the tram?");
    assert_eq!(read_after(&[], "until when?").unwrap_err().to_string(), NOTHING_TO_FOLLOW);
    Ok(())
}

#[test]
fn what_for_and_how_come_ask_the_earlier_question_with_why() -> anyhow::Result<()> {
    let earlier = [turn("Where will Northway build the tram?")];
    for question in ["what for?", "And what for?", "how come?"] {
        assert_eq!(read_after(&earlier, question)?.search, "why will Northway build the tram?", "{question}");
    }
    let err = read_after(&[], "what for?").unwrap_err();
    assert_eq!(err.to_string(), NOTHING_TO_FOLLOW);
    Ok(())
}

#[test]
fn a_question_that_names_its_own_subject_is_not_rewritten() -> anyhow::Result<()> {
    let earlier = [turn("What did Clara Osei say?")];
    for question in [
        "What did Mark Benson say about his bid?",
        "How much will Ferrolink bid?",
        "Where has Ferrolink built its trams?",
    ] {
        let reading = read_after(&earlier, question)?;
        assert_eq!(reading, Reading::as_written(question), "{question}");
    }
    Ok(())
}

#[test]
fn a_follow_up_with_nothing_before_it_asks_for_a_full_question() -> anyhow::Result<()> {
    for question in ["what else?", "How much?", "when?", "what else did he say?", "tell me more"] {
        let err = read_after(&[], question).unwrap_err();
        assert_eq!(err.to_string(), NOTHING_TO_FOLLOW, "{question}");
    }
    Ok(())
}

#[test]
fn with_nothing_before_a_pronoun_or_a_bare_name_is_read_as_written() -> anyhow::Result<()> {
    for question in ["and Ferrolink?", "What did he say about the tram?", "What did Benson say next?"] {
        assert_eq!(read_after(&[], question)?, Reading::as_written(question));
    }
    Ok(())
}

#[test]
fn next_after_a_full_question_asks_it_again_past_what_was_shown() -> anyhow::Result<()> {
    let corpus = corpus()?;
    let first = corpus.sentence_ids().next().context("a sentence")?;
    let earlier = [Turn { read: "Who runs Northway?".into(), shown: vec![first], about: None }];
    let reading = read(&Names::new(&corpus), &corpus, "What did Benson say next?", &earlier)?;
    assert_eq!(reading.search, "What did Benson say?");
    assert_eq!(reading.shown.as_deref(), Some("more answers to: What did Benson say?"));
    assert_eq!(reading.exclude, vec![first]);
    Ok(())
}

#[test]
fn a_follow_up_that_would_read_longer_than_any_question_is_read_as_written() -> anyhow::Result<()> {
    let earlier = [turn(&format!("Who promised {}?", "the cheaper trams ".repeat(40)))];
    let question = "is that what that means, and was that true, or that?".repeat(10);
    assert_eq!(read_after(&earlier, &question)?, Reading::as_written(&question));
    Ok(())
}

#[test]
fn what_else_goes_past_the_answers_already_given() -> anyhow::Result<()> {
    let engine = Engine::in_memory(corpus()?)?;
    let mut conversation = Conversation::new();
    let first = engine.ask_in(&mut conversation, "What did Mark Benson say?", 1)?;
    assert!(first.read_as.is_none(), "a full question is not rewritten");
    let shown = first.answers[0].sentence();
    let next = engine.ask_in(&mut conversation, "what else did he say?", 1)?;
    assert_eq!(next.read_as.as_deref(), Some("what else did Mark Benson say?"));
    assert_eq!(next.question, "what else did he say?");
    assert!(next.answers.iter().all(|a| a.sentence() != shown), "{next:?}");
    assert_eq!(conversation.len(), 2);
    Ok(())
}

#[test]
fn the_topic_of_a_contracted_question_starts_after_its_auxiliary() {
    assert_eq!(topic_of("Who's running the depot?"), "running the depot");
    assert_eq!(topic_of("What're they building?"), "they building");
    assert_eq!(topic_of("Who announced Project Stargate?"), "announced Project Stargate");
}

#[test]
fn a_follow_up_in_words_the_story_never_uses_is_answered_in_its_conversation_not_refused() -> anyhow::Result<()> {
    let engine = Engine::in_memory(corpus()?)?;
    let question = "which vehicles make little noise?";
    assert!(engine.ask(question, 1)?.answers.is_empty(), "asked alone, it is about something else");
    let mut conversation = Conversation::new();
    engine.ask_in(&mut conversation, "What will Ferrolink bid for the tram?", 1)?;
    let next = engine.ask_in(&mut conversation, question, 1)?;
    let best = next.answers.first().map(|a| engine.corpus().text(a.sentence()));
    assert_eq!(best, Some("\"Our trams are cheaper and quieter,\" said Clara Osei."), "{next:?}");
    Ok(())
}

#[test]
fn and_another_year_or_month_swaps_the_earlier_questions_own() -> anyhow::Result<()> {
    let earlier = [turn("How much did the tram cost in 2004?")];
    assert_eq!(read_after(&earlier, "and in 2003?")?, Reading::rewritten("How much did the tram cost in 2003?".into()));
    // "may" is a verb here, not the month to swap.
    let earlier = [turn("What may the council decide in June?")];
    assert_eq!(
        read_after(&earlier, "and in July?")?,
        Reading::rewritten("What may the council decide in July?".into())
    );
    Ok(())
}

#[test]
fn a_reflexive_right_after_a_name_stresses_it_and_stands_for_no_one_else() -> anyhow::Result<()> {
    let earlier = [turn("How much will Ferrolink bid?")];
    let reading = read_after(&earlier, "and what does Leeds itself want?")?;
    assert_eq!(reading.search, "and what does Leeds itself want?");
    let it = read_after(&earlier, "and what does it want?")?;
    assert_eq!(it.search, "and what does Ferrolink want?");
    Ok(())
}

#[test]
fn and_x_after_a_question_naming_nobody_says_what_it_was_read_against() -> anyhow::Result<()> {
    let earlier = [turn("How much will the tram cost?")];
    let reading = read_after(&earlier, "and the depot?")?;
    assert_eq!(reading.search, "How much the depot");
    assert_eq!(reading.shown.as_deref(), Some("and the depot? (after: How much will the tram cost?)"));
    Ok(())
}

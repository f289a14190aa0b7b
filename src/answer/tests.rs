use std::path::PathBuf;

use anyhow::Context as _;

use super::*;
use crate::corpus::Source;

/// A story unlike the shipped one, to show nothing is wired to it.
const HARBOUR: &str = "+++
title = \"Harbour town votes on a new ferry\"
date = \"2024-03-14\"

[[entities]]
name = \"Dana Whitfield\"
kind = \"person\"
aliases = [\"the mayor\", \"Whitfield\"]

[[quotes]]
speaker = \"Dana Whitfield\"
text = \"Our kids will ride this ferry for fifty years,\"
+++
The council of Port Avery voted 7-2 on Monday to buy a new electric ferry. The boat will cost $12 million.

“Our kids will ride this ferry for fifty years,” Mayor Dana Whitfield said. She called the old diesel ferry a relic.

Critics said the money should fix the harbour wall instead. The wall cracked during the January storm.
";

fn engine() -> anyhow::Result<Engine> {
    engine_of("harbour", HARBOUR)
}

fn engine_of(name: &str, story: &str) -> anyhow::Result<Engine> {
    engine_of_stories(&[(name, story)])
}

/// An engine over one file per `(name, story)`.
fn engine_of_stories(stories: &[(&str, &str)]) -> anyhow::Result<Engine> {
    let sources = stories
        .iter()
        .map(|(name, story)| Source {
            path: PathBuf::from(format!("corpus/{name}.txt")),
            bytes: story.as_bytes().to_vec(),
        })
        .collect();
    Engine::in_memory(Corpus::from_sources(sources)?)
}

/// An engine over a small harbour story, for tests elsewhere in the crate.
pub(crate) fn ferry_engine() -> anyhow::Result<Engine> {
    engine()
}

fn best(engine: &Engine, question: &str) -> anyhow::Result<Option<String>> {
    let answers = engine.ask(question, 3)?;
    Ok(answers.answers.first().map(|a| engine.corpus().text(a.sentence()).to_string()))
}

#[test]
fn a_how_much_question_is_answered_by_the_sentence_with_the_amount() -> anyhow::Result<()> {
    assert_eq!(best(&engine()?, "How much will the ferry cost?")?.as_deref(), Some("The boat will cost $12 million."));
    Ok(())
}

#[test]
fn an_alias_finds_the_person_and_a_pronoun_sentence_is_found_through_its_neighbour() -> anyhow::Result<()> {
    let e = engine()?;
    assert_eq!(
        best(&e, "What did the mayor think of the diesel ferry?")?.as_deref(),
        Some("She called the old diesel ferry a relic.")
    );
    let quote = best(&e, "What did Whitfield say about the ferry?")?.unwrap_or_default();
    assert!(quote.starts_with("“Our kids will ride this ferry"), "{quote}");
    Ok(())
}

#[test]
fn a_when_question_is_answered_by_the_sentence_that_states_a_time() -> anyhow::Result<()> {
    let e = engine()?;
    assert_eq!(
        best(&e, "When did the council vote?")?.as_deref(),
        Some("The council of Port Avery voted 7-2 on Monday to buy a new electric ferry.")
    );
    assert_eq!(best(&e, "When was the wall damaged?")?.as_deref(), Some("The wall cracked during the January storm."));
    Ok(())
}

#[test]
fn a_misspelt_word_is_matched_to_the_closest_word_in_the_story() -> anyhow::Result<()> {
    assert_eq!(
        best(&engine()?, "What cracked the harbor wal?")?.as_deref(),
        Some("The wall cracked during the January storm.")
    );
    Ok(())
}

#[test]
fn questions_about_other_things_get_no_answer() -> anyhow::Result<()> {
    let e = engine()?;
    for q in ["Who won the football match?", "What is the capital of France?", "what is it?"] {
        assert_eq!(best(&e, q)?, None, "{q}");
    }
    Ok(())
}

#[test]
fn every_answer_is_verbatim_with_highlights_inside_its_context() -> anyhow::Result<()> {
    let e = engine()?;
    let answers = e.ask("Why did critics oppose the ferry money?", 3)?;
    assert!(!answers.answers.is_empty());
    for a in &answers.answers {
        let (doc, p) = (e.corpus().doc_of(a.sentence()), &a.passage);
        let span = &e.corpus().sentence(a.sentence()).span;
        assert!(p.context.start <= span.start && span.end <= p.context.end);
        assert_eq!(p.text, &doc.text[span.clone()], "verbatim");
        for h in &p.highlights {
            assert!(p.context.start <= h.start && h.end <= p.context.end);
            let word = doc.text[h.clone()].to_lowercase();
            assert!(["critics", "money", "ferry"].iter().any(|w| word.contains(w)), "unexpected highlight {word:?}");
        }
    }
    Ok(())
}

#[test]
fn context_widens_by_sentences_but_never_leaves_the_paragraph() -> anyhow::Result<()> {
    let e = engine()?;
    let first = SentenceId::new(0);
    assert_eq!(e.corpus().text(first), "The council of Port Avery voted 7-2 on Monday to buy a new electric ferry.");
    let doc = e.corpus().doc_of(first);
    assert_eq!(&doc.text[e.context_of(first, 0)], e.corpus().text(first));
    let wide = &doc.text[e.context_of(first, 5)];
    assert!(wide.ends_with("The boat will cost $12 million."), "{wide}");
    assert!(!wide.contains("Our kids"));
    Ok(())
}

#[test]
fn empty_and_overlong_questions_are_user_errors() -> anyhow::Result<()> {
    let e = engine()?;
    for q in ["", "  \n ", &"x".repeat(MAX_QUESTION_CHARS + 1)] {
        let Err(err) = e.ask(q, 3) else { anyhow::bail!("{q:?} was accepted") };
        assert!(err.downcast_ref::<UserError>().is_some(), "{q:?}: {err}");
    }
    Ok(())
}

#[test]
fn top_limits_the_number_of_answers() -> anyhow::Result<()> {
    let e = engine()?;
    assert_eq!(e.ask("ferry", 1)?.answers.len(), 1);
    assert!(e.ask("ferry", 3)?.answers.len() > 1);
    Ok(())
}

#[test]
fn the_citation_counts_paragraphs_and_sentences_from_one() -> anyhow::Result<()> {
    let e = engine()?;
    let relic =
        e.corpus().sentence_ids().find(|&id| e.corpus().text(id).contains("relic")).context("a relic sentence")?;
    let cite = e.cite(relic);
    assert_eq!((cite.paragraph, cite.sentence), (2, 2));
    assert_eq!(
        super::Source::of(&cite).label(),
        "Harbour town votes on a new ferry (2024-03-14), paragraph 2, sentence 2"
    );
    Ok(())
}

#[test]
fn a_question_naming_something_the_story_never_mentions_gets_no_answer() -> anyhow::Result<()> {
    // The shipped story: these pass the fitted decision, and only the named word gives them away.
    let shipped = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let engine = Engine::in_memory(Corpus::load_dir(&shipped)?)?;
    for question in ["What is the price of a Tesla?", "Who is the CEO of Microsoft?", "Who won the Super Bowl?"] {
        assert_eq!(best(&engine, question)?, None, "{question}");
    }
    let named_and_known = best(&engine, "Who is the CEO of SoftBank?")?;
    assert!(named_and_known.is_some_and(|s| s.contains("Masayoshi Son")));
    Ok(())
}

#[test]
fn a_how_many_question_goes_unanswered_when_neither_best_sentence_states_a_number() -> anyhow::Result<()> {
    let e = engine()?;
    assert_eq!(best(&e, "How many cracks did the January storm leave in the wall?")?, None);
    assert_eq!(
        best(&e, "How many councillors voted for the ferry?")?.as_deref(),
        Some("The council of Port Avery voted 7-2 on Monday to buy a new electric ferry.")
    );
    assert_eq!(
        best(&e, "What did critics want done with the harbour wall?")?.as_deref(),
        Some("Critics said the money should fix the harbour wall instead.")
    );
    Ok(())
}

#[test]
fn a_how_many_question_counting_something_the_story_never_mentions_gets_no_answer() -> anyhow::Result<()> {
    let e = engine()?;
    assert_eq!(best(&e, "How many seats does the electric ferry have?")?, None);
    assert_eq!(
        best(&e, "How many members voted against the ferry?")?.as_deref(),
        Some("The council of Port Avery voted 7-2 on Monday to buy a new electric ferry."),
        "one counted word the story uses is enough"
    );
    assert_eq!(
        best(&e, "How many children will ride the ferry?")?.as_deref(),
        Some("“Our kids will ride this ferry for fifty years,” Mayor Dana Whitfield said."),
        "nor is a counted word the story says in other words (\"kids\")"
    );
    Ok(())
}

#[test]
fn a_how_much_question_about_cost_is_not_answered_by_a_percentage() -> anyhow::Result<()> {
    let story = "+++\ntitle = \"Ballet classes\"\ndate = \"2024-05-01\"\n+++\n\
        The number of children taking ballet lessons drops by almost 70% after the age of ten. \
        Teachers say ballet lessons help with posture.\n\n\
        A new ballet school opened in the town last year. It has not said what its lessons will cost.\n";
    let e = engine_of("ballet", story)?;
    assert_eq!(best(&e, "How much do ballet lessons cost?")?, None);
    assert!(best(&e, "How much do ballet lessons drop by after ten?")?.is_some_and(|s| s.contains("70%")));
    Ok(())
}

#[test]
fn a_how_many_question_prefers_a_sentence_stating_a_count_to_one_stating_a_percentage() -> anyhow::Result<()> {
    let story = "+++\ntitle = \"Town library plans\"\ndate = \"2024-05-01\"\n+++\n\
        The council wants a new library beside the town hall. Attendance at the library meetings \
        rose by 20% this spring, the council said.\n\n\
        At the last library meeting, only 40 residents came. The rest of the town seems to like the plan.\n";
    let e = engine_of("town", story)?;
    assert_eq!(
        best(&e, "How many residents came to the library meetings this spring?")?.as_deref(),
        Some("At the last library meeting, only 40 residents came.")
    );
    Ok(())
}

#[test]
fn a_how_many_question_prefers_the_count_of_what_it_asks_about_to_another_count() -> anyhow::Result<()> {
    let story = "+++\ntitle = \"Farmers go online\"\ndate = \"2005-02-04\"\n+++\n\
        The board which runs the computer centres aims to make the network self-sustainable \
        within three years.\n\n\
        The 14 telecentres use only free software.\n";
    let e = engine_of("farmers", story)?;
    assert_eq!(
        best(&e, "How many telecentres are in the network?")?.as_deref(),
        Some("The 14 telecentres use only free software.")
    );
    Ok(())
}

#[test]
fn a_verb_in_the_question_also_searches_for_the_noun_made_from_it_at_a_lower_weight() -> anyhow::Result<()> {
    let story = "+++\ntitle = \"Theatre appeal\"\n+++\n\
        The Lyric Theatre in Belfast is holding a dinner in New York.\n\n\
        Mary O'Malley, the founder of the theatre, wanted a home for poetry and drama.\n";
    let e = engine_of("theatre", story)?;
    let read = e.read("Who founded the Lyric Theatre?")?;
    let related: Vec<(&str, f32)> = read
        .concepts
        .iter()
        .filter(|c| c.word == "founded")
        .flat_map(|c| c.terms.iter())
        .filter(|t| t.source == crate::search::Source::Related)
        .map(|t| (t.stem.as_str(), t.source.weight()))
        .collect();
    assert_eq!(related, [("founder", 0.5)]);
    Ok(())
}

#[test]
fn a_when_question_is_answered_by_a_sentence_placing_it_in_time_or_not_at_all() -> anyhow::Result<()> {
    let story = "+++\ntitle = \"Bridge works\"\ndate = \"2024-05-01\"\n+++\n\
        The old bridge over the river will close for repairs. Engineers found cracks in the bridge \
        supports.\n\n\
        Repairs to the bridge start in March, the council said.\n";
    let e = engine_of("bridge", story)?;
    assert_eq!(
        best(&e, "When will the bridge repairs start?")?.as_deref(),
        Some("Repairs to the bridge start in March, the council said.")
    );
    assert_eq!(best(&e, "When did engineers find cracks in the bridge?")?, None);
    assert!(best(&e, "What did engineers find in the bridge?")?.is_some_and(|s| s.contains("cracks")));
    Ok(())
}

#[test]
fn a_question_in_one_form_of_an_irregular_verb_finds_the_sentence_in_another() -> anyhow::Result<()> {
    let story = "+++\ntitle = \"Club news\"\ndate = \"2024-05-01\"\n+++\n\
        The club thanked the captain, and the club says the captain will be missed at the club.\n\n\
        The captain left the club in May after a row with the board.\n";
    let e = engine_of("club", story)?;
    assert_eq!(
        best(&e, "Why did the captain leave the club?")?.as_deref(),
        Some("The captain left the club in May after a row with the board.")
    );
    Ok(())
}

#[test]
fn a_how_old_question_is_answered_by_a_sentence_with_a_number_or_not_at_all() -> anyhow::Result<()> {
    let story = "+++\ntitle = \"Bridge works\"\ndate = \"2024-05-01\"\n+++\n\
        The old bridge over the river is the pride of the old town. The old bridge needs repairs.\n\n\
        Engineers say the bridge is 140 years old.\n";
    let e = engine_of("bridge", story)?;
    assert_eq!(best(&e, "How old is the bridge?")?.as_deref(), Some("Engineers say the bridge is 140 years old."));
    assert_eq!(best(&e, "How old is the town?")?, None);
    Ok(())
}

#[test]
fn what_someone_the_story_never_quotes_said_gets_no_answer() -> anyhow::Result<()> {
    let people = "[[entities]]\nname = \"Omar Reyes\"\nkind = \"person\"\n\n\
                  [[entities]]\nname = \"Reyes Boatyard\"\nkind = \"organisation\"\naliases = [\"Harbour Yard\"]\n\n[[quotes]]";
    let story = HARBOUR.replace("[[quotes]]", people)
        + "\nOmar Reyes, who runs the boatyard, watched the vote from the gallery. The yard will service the ferry.\n";
    let e = engine_of("harbour", &story)?;
    let asked = e.ask("What did Omar Reyes say about the ferry?", 3)?;
    assert!(asked.answers.is_empty(), "Reyes is named but never quoted: {asked:?}");
    assert_eq!(asked.unquoted.as_deref(), Some("Omar Reyes"));
    assert_eq!(e.ask("What did Whitfield say about the ferry?", 3)?.unquoted, None);
    assert_eq!(
        e.ask("What did Harbour Yard say about the ferry?", 3)?.unquoted,
        None,
        "an alias of the yard, not Reyes"
    );
    assert_eq!(
        best(&e, "What did Whitfield say about the ferry?")?.as_deref(),
        Some("“Our kids will ride this ferry for fifty years,” Mayor Dana Whitfield said.")
    );
    Ok(())
}

#[test]
fn a_sentence_opening_with_the_and_a_common_noun_inherits_the_words_of_the_one_before() -> anyhow::Result<()> {
    let story = "+++\ntitle = \"Ferries\"\n+++\nOne boat carries ninety passengers. Aurora will replace it soon.\n\n\
                 Aurora is the oldest ferry in the fleet. The boat carries ninety passengers.\n";
    let e = engine_of("ferries", story)?;
    assert_eq!(
        best(&e, "How many passengers does Aurora carry?")?.as_deref(),
        Some("The boat carries ninety passengers.")
    );
    Ok(())
}

#[test]
fn a_name_of_two_words_typed_in_lower_case_still_finds_that_persons_quotes() -> anyhow::Result<()> {
    let story = HARBOUR.replace("[[quotes]]", "[[entities]]\nname = \"Omar Reyes\"\nkind = \"person\"\n\n[[quotes]]")
        + "\n“The harbour wall matters more than any ferry,” said boatyard owner Omar Reyes.\n";
    let e = engine_of("harbour", &story)?;
    let (_, ranked) = e.explain("what did omar reyes say about the harbour?")?;
    let by_reyes = ranked.iter().find(|r| e.corpus().text(r.sentence).contains("wall matters"));
    assert_eq!(by_reyes.map(|r| r.signals.speaker), Some(1.0), "{ranked:?}");
    Ok(())
}

#[test]
fn a_sentence_quoting_someone_who_it_also_names_counts_once_in_their_names_weight() -> anyhow::Result<()> {
    let e = engine()?;
    let (analysed, _) = e.explain("What did Whitfield say?")?;
    let whitfield = analysed.concepts.iter().find(|c| c.word == "whitfield").context("no concept for Whitfield")?;
    let sentences = e.corpus().sentences.len() as f32;
    // One sentence both names her and is spoken by her.
    assert_eq!(whitfield.idf, crate::search::idf(1.0, sentences));
    Ok(())
}

#[test]
fn the_first_sentences_of_each_document_are_marked_as_its_lead() -> anyhow::Result<()> {
    let story = "+++\ntitle = \"Ferries\"\n+++\nThe ferry sails at dawn. The ferry is blue. The ferry is slow.\n\n\
                 The ferry is old. The ferry is loud.\n";
    let e = engine_of_stories(&[("north", story), ("south", story)])?;
    let (_, ranked) = e.explain("Which ferry?")?;
    let mut lead: Vec<(usize, f32)> = ranked.iter().map(|r| (r.sentence.index(), r.signals.lead)).collect();
    lead.sort_by_key(|(s, _)| *s);
    let expected: Vec<(usize, f32)> = (0..10).map(|s| (s, if s % 5 < 3 { 1.0 } else { 0.0 })).collect();
    assert_eq!(lead, expected);
    Ok(())
}

/// A story quoting an anonymous spokesman for a group, an organisation's analysts and a
/// person of that organisation.
const CLUB: &str = "+++
title = \"Owner makes a new offer for the club\"
+++
Malcolm Glazer made a new offer for the club on Monday. The supporters club has raised money to fight the offer.

\"It is the same offer with less debt,\" a spokesman for the supporters club said. \"He will use our money to buy it.\"

Glazer said: \"The offer is generous and it is final.\"

Analysts at Ovum said the bid was \"well funded\". Tony Lavender, a director at Ovum, said: \"The club will be sold by summer.\"
";

/// The sentences the speaker signal marks as quoting whom the question asks for.
fn quoting_the_one_asked_for(e: &Engine, question: &str) -> anyhow::Result<Vec<String>> {
    let (_, ranked) = e.explain(question)?;
    let mut quoting: Vec<String> =
        ranked.iter().filter(|r| r.signals.speaker > 0.0).map(|r| e.corpus().text(r.sentence).to_string()).collect();
    quoting.sort();
    Ok(quoting)
}

#[test]
fn asking_what_a_group_or_an_organisation_said_finds_the_quotes_of_its_spokesman_or_itself() -> anyhow::Result<()> {
    let e = engine_of("club", CLUB)?;
    let spokesman = quoting_the_one_asked_for(&e, "What did the supporters club say about Glazer's offer?")?;
    assert_eq!(
        spokesman,
        [
            "\"He will use our money to buy it.\"",
            "\"It is the same offer with less debt,\" a spokesman for the supporters club said."
        ]
    );
    let ovum = quoting_the_one_asked_for(&e, "What did Ovum say about the bid?")?;
    assert_eq!(ovum, ["Analysts at Ovum said the bid was \"well funded\"."]);
    let director = quoting_the_one_asked_for(&e, "What did Ovum's director say?")?;
    assert!(director.iter().all(|s| !s.starts_with("Analysts")), "Ovum's director is not Ovum: {director:?}");
    Ok(())
}

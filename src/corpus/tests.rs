use anyhow::Context as _;

use super::*;

fn source(name: &str, text: &str) -> Source {
    Source { path: PathBuf::from("corpus").join(name), bytes: text.as_bytes().to_vec() }
}

fn shipped() -> anyhow::Result<Corpus> {
    Corpus::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))
}

#[test]
fn every_sentence_of_every_shipped_document_round_trips_through_its_file() -> anyhow::Result<()> {
    let corpus = shipped()?;
    for (i, s) in corpus.sentence_ids().zip(&corpus.sentences) {
        let doc = corpus.doc(s.doc);
        let on_disk = std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus").join(doc.path.file_name().context("a file name")?),
        )?;
        assert_eq!(&on_disk[s.span.clone()], corpus.text(i).as_bytes());
        let text = corpus.text(i);
        assert!(!text.is_empty() && text.trim() == text, "sentence {i:?} is not trimmed: {text:?}");
        assert!(doc.body.start <= s.span.start && s.span.end <= doc.body.end);
    }
    Ok(())
}

#[test]
fn sentences_and_links_cover_every_word_of_the_body() -> anyhow::Result<()> {
    let corpus = shipped()?;
    for doc in &corpus.docs {
        let mut covered = vec![false; doc.text.len()];
        for (_, s) in corpus.sentences_of(doc) {
            for range in std::iter::once(s.span.clone()).chain(s.link.clone()) {
                covered[range].iter_mut().for_each(|c| *c = true);
            }
        }
        for (i, c) in doc.text[doc.body.clone()].char_indices() {
            let at = doc.body.start + i;
            assert!(c.is_whitespace() || covered[at], "{:?} at byte {at} is in no sentence", c);
        }
    }
    Ok(())
}

#[test]
fn the_story_keeps_its_date_out_of_the_body_and_invents_no_url() -> anyhow::Result<()> {
    let corpus = shipped()?;
    let doc = corpus.docs.iter().find(|d| d.id == "altman-musk-stargate").context("the story is in the corpus")?;
    assert_eq!(doc.date.as_deref(), Some("2025-01-25"));
    assert_eq!(doc.url, None);
    assert!(doc.text[doc.body.clone()].starts_with("Sam Altman and Elon Musk aren’t friends."));
    assert!(!doc.text[doc.body.clone()].contains("date 2025"));
    assert_eq!(doc.paragraphs.len(), 6);
    Ok(())
}

#[test]
fn the_story_link_belongs_to_altmans_reply_and_splits_nothing() -> anyhow::Result<()> {
    let corpus = shipped()?;
    let with_link: Vec<SentenceId> = corpus.sentence_ids().filter(|&id| corpus.sentence(id).link.is_some()).collect();
    assert_eq!(with_link.len(), 1);
    let s = corpus.sentence(with_link[0]);
    let doc = corpus.doc_of(with_link[0]);
    assert_eq!(&doc.text[s.link.clone().context("a link")?], "https://twitter.com/sama/status/1882106524090482701");
    assert!(corpus
        .text(with_link[0])
        .starts_with("Pushing back again, Altman pointed out to Musk that “what is great"));
    assert!(corpus.text(with_link[0].prev().context("a sentence before")?).ends_with("actually on hand."));
    Ok(())
}

#[test]
fn quotes_and_their_attribution_are_one_sentence_with_a_speaker() -> anyhow::Result<()> {
    let corpus = shipped()?;
    let find =
        |needle: &str| corpus.sentence_ids().find(|&id| corpus.text(id).contains(needle)).context(needle.to_string());
    let money = find("They don’t actually have the money")?;
    assert_eq!(
        corpus.text(money),
        "“They don’t actually have the money,” he replied to an OpenAI post about Stargate."
    );
    assert_eq!(corpus.sentence(money).speaker.as_deref(), Some("Elon Musk"));
    let respect = find("i genuinely respect")?;
    assert!(corpus.text(respect).ends_with("Altman replied."));
    assert_eq!(corpus.sentence(respect).speaker.as_deref(), Some("Sam Altman"));
    let tweet = find("mean tweet")?;
    assert!(corpus.text(tweet).ends_with("love yourself…”"), "{}", corpus.text(tweet));
    Ok(())
}

#[test]
fn every_quote_is_a_verbatim_slice_of_its_sentence() -> anyhow::Result<()> {
    let corpus = shipped()?;
    let doc = &corpus.docs[0];
    assert_eq!(doc.quotes.len(), 6);
    for q in &doc.quotes {
        let sentence = &corpus.sentence(q.sentence).span;
        assert!(sentence.start <= q.span.start && q.span.end <= sentence.end);
    }
    let linked: Vec<_> = doc.quotes.iter().filter(|q| q.url.is_some()).collect();
    assert_eq!(linked.len(), 1);
    assert!(doc.text[linked[0].span.clone()].starts_with("what is great for the country"));
    Ok(())
}

#[test]
fn a_malformed_front_matter_names_the_file_and_line() {
    let err = Corpus::from_sources(vec![source("bad.txt", "+++\ntitle = \"A\"\ndate = 2025-01-25x\n+++\nBody.")])
        .unwrap_err();
    let shown = err.to_string();
    assert!(shown.starts_with("corpus/bad.txt:3: "), "{shown}");
}

#[test]
fn a_quote_missing_from_the_body_is_an_error_at_its_line() {
    let text = "+++\n[[quotes]]\nspeaker = \"A\"\ntext = \"never said\"\n+++\nShe said “hello.”";
    let err = Corpus::from_sources(vec![source("q.txt", text)]).unwrap_err();
    assert_eq!(err.line, Some(4));
    assert!(err.message.contains("never said"));
}

#[test]
fn a_non_utf8_file_is_an_error_naming_its_line() {
    let bytes = b"Line one.\nLine \xff two.".to_vec();
    let err = Corpus::from_sources(vec![Source { path: PathBuf::from("corpus/bin.txt"), bytes }]).unwrap_err();
    assert_eq!(err.to_string(), "corpus/bin.txt:2: is not UTF-8 text; save the file as UTF-8");
}

#[test]
fn a_bad_date_and_a_bad_url_are_rejected() {
    let err = Corpus::from_sources(vec![source("d.txt", "+++\ndate = \"Jan 5\"\n+++\nBody.")]).unwrap_err();
    assert_eq!(err.line, Some(2));
    let err = Corpus::from_sources(vec![source("u.txt", "+++\nurl = \"ftp://x\"\n+++\nBody.")]).unwrap_err();
    assert_eq!(err.line, Some(2));
}

#[test]
fn a_plain_text_file_is_a_document_titled_by_its_name() -> anyhow::Result<()> {
    let corpus = Corpus::from_sources(vec![source("plain-story.txt", "First one. Second one.\n\nThird.")])?;
    assert_eq!(corpus.docs[0].title, "plain-story");
    assert_eq!(corpus.sentences.len(), 3);
    assert_eq!(corpus.sentences[2].paragraph, 1);
    Ok(())
}

#[test]
fn the_fingerprint_changes_with_any_byte_of_any_file() -> anyhow::Result<()> {
    let a = Corpus::from_sources(vec![source("a.txt", "One.")])?;
    let b = Corpus::from_sources(vec![source("a.txt", "One!")])?;
    let c = Corpus::from_sources(vec![source("b.txt", "One.")])?;
    assert_ne!(a.fingerprint, b.fingerprint);
    assert_ne!(a.fingerprint, c.fingerprint);
    Ok(())
}

#[test]
fn an_empty_corpus_folder_is_an_error_that_says_what_to_add() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let err = Corpus::load_dir(dir.path()).unwrap_err().to_string();
    assert!(err.contains("no .txt story files"), "{err}");
    Ok(())
}

/// Each person of the one document with the roles the text gives them.
/// The kind of each name the one story in `text` finds, by name (`None`: not found, or of no
/// known kind).
fn kinds_in(text: &str) -> anyhow::Result<impl Fn(&str) -> Option<EntityKind>> {
    let corpus = Corpus::from_sources(vec![source("story.txt", text)])?;
    Ok(move |name: &str| corpus.docs[0].entities.iter().find(|e| e.name == name).and_then(|e| e.kind.clone()))
}

fn roles_in(text: &str) -> anyhow::Result<Vec<(String, Vec<String>)>> {
    let corpus = Corpus::from_sources(vec![source("r.txt", text)])?;
    let doc = &corpus.docs[0];
    Ok(doc
        .entities
        .iter()
        .map(|e| (e.name.clone(), e.roles.iter().map(|r| doc.text[r.clone()].to_string()).collect()))
        .collect())
}

#[test]
fn the_role_phrase_that_names_a_speaker_becomes_their_role_when_the_text_gives_none() -> anyhow::Result<()> {
    let text = "+++\ntitle = \"Stops\"\n+++\nHazel Blears spoke on Monday.\n\n\"It means that some people \
                will be stopped,\" the Salford MP told the committee.";
    let roles = roles_in(text)?;
    assert!(roles.contains(&("Hazel Blears".into(), vec!["Salford MP".into()])), "{roles:?}");
    Ok(())
}

#[test]
fn a_role_read_off_an_attribution_never_adds_to_the_roles_the_text_gives() -> anyhow::Result<()> {
    let text = "+++\ntitle = \"Film\"\n+++\nChristine Rush, director of the festival, spoke.\n\n\"I came,\" the \
                British actor said.";
    let roles = roles_in(text)?;
    assert!(roles.contains(&("Christine Rush".into(), vec!["director of the festival".into()])), "{roles:?}");
    Ok(())
}

#[test]
fn a_description_of_an_office_is_a_role_of_the_last_person_named_without_one() -> anyhow::Result<()> {
    let text = "+++\ntitle = \"Row\"\n+++\nLord Butler said Tony Blair bypassed the Cabinet. Michael Howard \
                agreed.\n\nThe Tory leader wants an inquiry. The prime minister's spokesman disagreed.";
    let roles = roles_in(text)?;
    assert!(roles.contains(&("Michael Howard".into(), vec!["Tory leader".into()])), "{roles:?}");
    // Howard holds a role now, so the next office goes further back.
    assert!(roles.contains(&("Tony Blair".into(), vec!["prime minister".into()])), "{roles:?}");
    Ok(())
}

#[test]
fn an_office_someone_holds_gives_no_one_a_role_and_a_word_that_qualifies_titles_needs_one_before_it(
) -> anyhow::Result<()> {
    let text = "+++\ntitle = \"Poll\"\n+++\nPrime Minister Tony Blair met Gordon Brown. Later the prime \
                minister left, and the general election was called.";
    let roles = roles_in(text)?;
    assert!(roles.contains(&("Gordon Brown".into(), vec![])), "{roles:?}");
    let chief = "+++\ntitle = \"Bid\"\n+++\nDavid Gill spoke. The chief executive left.";
    assert!(roles_in(chief)?.contains(&("David Gill".into(), vec!["chief executive".into()])));
    Ok(())
}

#[test]
fn a_phrase_quoted_in_a_sentence_opening_with_an_office_is_said_by_the_one_person_who_holds_it() -> anyhow::Result<()> {
    let text = "+++\ntitle = \"Limit\"\n+++\nTony Blair spoke. Michael Howard's stance was backed by the \
                church.\n\nThe Tory leader supports a cut to 20 weeks and has said current rules are \"tantamount to \
                abortion on demand\". The prime minister denied he was \"soft on the issue\".";
    let corpus = Corpus::from_sources(vec![source("l.txt", text)])?;
    let doc = &corpus.docs[0];
    let quotes: Vec<(&str, &str)> =
        doc.quotes.iter().map(|q| (&doc.text[q.span.clone()], q.speaker.as_str())).collect();
    assert_eq!(quotes, [("tantamount to abortion on demand", "Michael Howard"), ("soft on the issue", UNATTRIBUTED)]);
    let said =
        corpus.sentence_ids().find(|&id| corpus.text(id).starts_with("The Tory leader")).context("the sentence")?;
    assert_eq!(corpus.sentence(said).speaker.as_deref(), Some("Michael Howard"));
    Ok(())
}

#[test]
fn companies_in_a_list_are_not_each_others_roles() -> anyhow::Result<()> {
    let text = "+++\ntitle = \"Deal\"\n+++\nThe deal joins OpenAI, SoftBank, Oracle, and MGX. Sam Altman, if \
                it is possible, was pleased.";
    let roles = roles_in(text)?;
    assert!(roles.iter().all(|(_, r)| r.is_empty()), "{roles:?}");
    Ok(())
}

#[test]
fn a_one_word_name_that_speaks_is_an_organisation_unless_written_after_an_article() -> anyhow::Result<()> {
    let text = "+++\ntitle = \"Broadband\"\n+++\n\
        Prices will fall, the plan says. \"The plan is fair,\" Ovum said. Rivals asked Ovum again. \
        \"It is a start,\" Zanzibar said. Crowds came to the Zanzibar.\n";
    let kind = kinds_in(text)?;
    assert_eq!(kind("Ovum"), Some(EntityKind::Organisation));
    assert_eq!(kind("Zanzibar"), None, "a name after \"the\" is no organisation of its own saying");
    Ok(())
}

#[test]
fn a_web_address_names_an_organisation() -> anyhow::Result<()> {
    let text = "+++\ntitle = \"Broadband\"\n+++\nRivals welcomed the plan. Internet service provider (ISP) \
        Plus.net also backed the proposals.\n";
    let kind = kinds_in(text)?;
    assert_eq!(kind("Plus.net"), Some(EntityKind::Organisation));
    Ok(())
}

#[test]
fn a_name_before_a_title_in_lower_case_is_an_organisation_but_a_nationality_is_not() -> anyhow::Result<()> {
    let text = "+++\ntitle = \"Elections\"\n+++\nVoters went to the polls. Plaid Cymru leader Ieuan Jones was \
        pleased, and Braves Field chairman Bob Roe too. At a dinner on Friday night, former South African \
        president Nelson Mandela backed Mr Brown's plan. The Arsenal boss spoke, as did Arsenal vice-chairman \
        David Dein. The Tory leader agreed.\n";
    let kind = kinds_in(text)?;
    assert_eq!(kind("Plaid Cymru"), Some(EntityKind::Organisation));
    assert_eq!(kind("Braves Field"), Some(EntityKind::Organisation));
    assert_ne!(kind("South African"), Some(EntityKind::Organisation));
    assert_eq!(
        kind("Arsenal"),
        Some(EntityKind::Organisation),
        "after an article too, when it heads a role once without"
    );
    assert_ne!(kind("Tory"), Some(EntityKind::Organisation), "\"the Tory leader\" is a description of someone");
    Ok(())
}

#[test]
fn an_acronym_someone_tells_something_is_an_organisation() -> anyhow::Result<()> {
    let text = "+++\ntitle = \"Club\"\n+++\nFans were angry. A source told the BBC the deal was off, and \
        Ed Jones told BBC Sport it was not. The TV deal and the OK from the FA came later.\n";
    let kind = kinds_in(text)?;
    assert_eq!(kind("BBC"), Some(EntityKind::Organisation));
    assert_eq!(kind("BBC Sport"), Some(EntityKind::Organisation));
    assert_eq!(kind("TV"), None, "an acronym nobody is told anything is no name");
    Ok(())
}

#[test]
fn the_plural_of_an_organisations_name_is_that_organisation() -> anyhow::Result<()> {
    let text = "+++\ntitle = \"Calls\"\n+++\nVoters complained. Lib Dem chairman Ed Jones was angry. \
        The Lib Dems set up a website.\n";
    let kind = kinds_in(text)?;
    assert_eq!(kind("Lib Dem"), Some(EntityKind::Organisation));
    assert_eq!(kind("Lib Dems"), Some(EntityKind::Organisation));
    Ok(())
}

#[test]
fn a_full_name_the_text_gives_as_a_speaker_is_a_person_even_without_a_known_first_name() -> anyhow::Result<()> {
    let text = "+++\ntitle = \"Waiting times\"\n+++\n\
        The targets were published on Monday. For the Welsh Liberal Democrats, Kirsty Williams \
        called the new target \"hugely unambitious\". Ministers disagreed.\n";
    let corpus = Corpus::from_sources(vec![source("waits.txt", text)])?;
    let kind = |name: &str| corpus.docs[0].entities.iter().find(|e| e.name == name).and_then(|e| e.kind.clone());
    assert_eq!(kind("Kirsty Williams"), Some(EntityKind::Person));
    let naming = corpus.sentences.iter().find(|s| corpus.docs[0].text[s.span.clone()].contains("Kirsty"));
    assert!(naming.is_some_and(|s| s.features.person), "the sentence naming her names a person");
    assert_ne!(
        kind("Welsh Liberal Democrats"),
        Some(EntityKind::Person),
        "an organisation that says nothing stays one"
    );
    Ok(())
}

#[test]
fn every_name_of_a_list_a_plural_kind_of_person_opens_is_a_person() -> anyhow::Result<()> {
    let text = "+++\ntitle = \"Bid\"\n+++\nPast and present footballers Eric Cantona and Ole Gunnar \
        Solskjaer backed the fans.\n";
    let kind = kinds_in(text)?;
    assert_eq!(kind("Ole Gunnar Solskjaer"), Some(EntityKind::Person));
    Ok(())
}

#[test]
fn everyone_quoted_is_listed_once_in_order_of_first_quote_across_stories() -> anyhow::Result<()> {
    let a = "“Fares stay,” said Linda Ortiz. “We agree,” Tom Becker said. “Still,” Ortiz said.";
    let b = "“No,” Tom Becker said. “Maybe.” “Yes,” said Ann Lee.";
    let corpus = Corpus::from_sources(vec![source("a.txt", a), source("b.txt", b)])?;
    assert_eq!(corpus.speakers(), ["Linda Ortiz", "Tom Becker", "Ann Lee"]);
    Ok(())
}

#[test]
fn an_acronym_that_speaks_is_an_organisation_but_not_a_country_or_an_honour() -> anyhow::Result<()> {
    let kind = kinds_in(
        "+++\ntitle = \"T\"\n+++\nBut the IAAF said it was \"very surprised\". But the US says it cannot help. \
         Judge Richard Mawrey, QC told the hearing so.\n",
    )?;
    assert_eq!(kind("IAAF"), Some(EntityKind::Organisation));
    assert_ne!(kind("US"), Some(EntityKind::Organisation));
    assert_eq!(kind("QC"), None);
    Ok(())
}

#[test]
fn one_word_after_a_title_is_no_person_when_the_text_writes_it_in_lower_case() -> anyhow::Result<()> {
    let kind = kinds_in(
        "+++\ntitle = \"T\"\n+++\nAny forthcoming General Election will be close, and the election \
         is in May. General Musharraf said so.\n",
    )?;
    assert_eq!(kind("Election"), None);
    assert_eq!(kind("Musharraf"), Some(EntityKind::Person));
    Ok(())
}

#[test]
fn a_name_after_a_persons_name_and_at_is_where_they_work_but_not_after_a_place() -> anyhow::Result<()> {
    let kind = kinds_in(
        "+++\ntitle = \"T\"\n+++\n\"Rates will rise,\" said Jason Daw at Merrill Lynch. The Rhine \
         changes its name at Angeren.\n",
    )?;
    assert_eq!(kind("Merrill Lynch"), Some(EntityKind::Organisation));
    assert_ne!(kind("Angeren"), Some(EntityKind::Organisation));
    Ok(())
}

#[test]
fn a_name_of_two_words_whose_apposition_is_headed_by_a_kind_of_person_is_a_person() -> anyhow::Result<()> {
    let kind = kinds_in("+++\ntitle = \"T\"\n+++\nRinat Akhmetov, the country's richest man, bought it in 2004.\n")?;
    assert_eq!(kind("Rinat Akhmetov"), Some(EntityKind::Person));
    Ok(())
}

#[test]
fn a_name_whose_apposition_is_headed_by_a_common_noun_for_an_organisation_is_one() -> anyhow::Result<()> {
    let kind = kinds_in(
        "+++\ntitle = \"T\"\n+++\nMunich Re, the world's largest reinsurance company, said so. They met Ancient Egypt, the British Empire, and Rome.\n",
    )?;
    assert_eq!(kind("Munich Re"), Some(EntityKind::Organisation));
    assert_ne!(kind("Ancient Egypt"), Some(EntityKind::Organisation), "a list of names is no apposition");
    Ok(())
}

#[test]
fn a_word_opening_a_sentence_apposed_to_an_organisation_noun_before_a_speech_verb_names_one() -> anyhow::Result<()> {
    let kind = kinds_in(
        "+++\ntitle = \"T\"\n+++\nAllianz, a leading German insurer, said it did not know. Meanwhile, the insurer, which is big, waited.\n",
    )?;
    assert_eq!(kind("Allianz"), Some(EntityKind::Organisation));
    assert_eq!(kind("Meanwhile"), None);
    Ok(())
}

#[test]
fn a_name_right_after_a_common_noun_for_an_organisation_is_one_but_a_plural_of_capitals_is_not() -> anyhow::Result<()> {
    let kind = kinds_in(
        "+++\ntitle = \"T\"\n+++\nIt sold property business Vantrex in May. Every one of the tech CEOs came.\n",
    )?;
    assert_eq!(kind("Vantrex"), Some(EntityKind::Organisation));
    assert_ne!(kind("CEOs"), Some(EntityKind::Organisation));
    Ok(())
}

#[test]
fn a_curly_quote_mark_right_before_an_apposition_is_read_without_a_panic() -> anyhow::Result<()> {
    let kind = kinds_in("+++\ntitle = \"T\"\n+++\nHe said “, B Musk and “Ä, Jane Roe, said so.\n")?;
    assert_eq!(kind("Jane Roe"), Some(EntityKind::Person));
    Ok(())
}

#[test]
fn a_sentence_opening_modifier_or_gerund_and_a_compound_in_lower_case_open_no_name() -> anyhow::Result<()> {
    let kind = kinds_in(
        "+++\ntitle = \"T\"\n+++\nFormer Southampton manager Gordon Strachan said so.\n\nInterrupting Mr Sukul in his opening, \
         Mr Mawrey said more. Mr Shiga will be its senior Japan-based executive.\n",
    )?;
    assert_eq!(kind("Former Southampton"), None);
    assert_eq!(kind("Southampton"), Some(EntityKind::Organisation));
    assert_eq!(kind("Interrupting"), None);
    assert_eq!(kind("Japan-based"), None);
    Ok(())
}

#[test]
fn a_title_ending_a_name_after_a_lone_first_name_is_a_surname_and_a_role_spans_of() -> anyhow::Result<()> {
    let text = "+++\ntitle = \"T\"\n+++\nLarry King interviewed Sarah Bishop. Royal Bank of Scotland chief executive \
                Fred Goodwin won.\n";
    let kind = kinds_in(text)?;
    assert_eq!(kind("Larry King"), Some(EntityKind::Person));
    assert_eq!(kind("Sarah Bishop"), Some(EntityKind::Person));
    let roles = roles_in(text)?;
    let goodwin = roles.iter().find(|(name, _)| name == "Fred Goodwin").map(|(_, r)| r.clone());
    assert_eq!(goodwin, Some(vec!["Royal Bank of Scotland chief executive".to_string()]));
    Ok(())
}

#[test]
fn a_name_of_two_words_before_of_and_a_country_is_a_person_from_there() -> anyhow::Result<()> {
    let kind =
        kinds_in("+++\ntitle = \"T\"\n+++\nKenenisa Bekele of Ethiopia won. The Royal Bank of Scotland gained.\n")?;
    assert_eq!(kind("Kenenisa Bekele"), Some(EntityKind::Person));
    assert_eq!(kind("Royal Bank of Scotland"), Some(EntityKind::Organisation));
    Ok(())
}

use serde_json::{json, Value};
use storybot::corpus::{Corpus, Kind, SentenceId, Source};
use storybot::story::{facts, people, timeline};

use crate::common::{self, stderr, stdout, Workspace};

/// Runs `storybot args… --json` on the shipped story and returns its JSON.
fn json_of(ws: &Workspace, args: &[&str]) -> Value {
    let mut all = vec![args[0], "--json"];
    all.extend(&args[1..]);
    let out = ws.run(&all, None);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_str(stdout(&out).trim()).unwrap_or_else(|e| panic!("{args:?}: {e}: {}", stdout(&out)))
}

/// The bytes `source` points at in the workspace's files.
fn slice_at(ws: &Workspace, source: &Value) -> String {
    let file = std::fs::read(ws.dir.path().join(source["path"].as_str().unwrap())).unwrap();
    let (start, end) = (source["start"].as_u64().unwrap() as usize, source["end"].as_u64().unwrap() as usize);
    String::from_utf8(file[start..end].to_vec()).unwrap()
}

fn load(name: &str, text: &str) -> Corpus {
    Corpus::from_sources(vec![Source { path: format!("corpus/{name}").into(), bytes: text.as_bytes().to_vec() }])
        .unwrap_or_else(|e| panic!("{e}"))
}

fn shipped_text() -> String {
    std::fs::read_to_string(common::shipped_corpus_dir().join("altman-musk-stargate.txt")).unwrap()
}

#[test]
fn the_rules_alone_find_every_listed_quote_of_the_story_with_its_speaker() {
    let listed = load("story.txt", &shipped_text());
    let (head, body) = shipped_text().split_once("\n+++\n").map(|(h, b)| (h.to_string(), b.to_string())).unwrap();
    let without_quotes = format!("{}\n+++\n{body}", head.split("[[quotes]]").next().unwrap().trim_end());
    let found = load("story.txt", &without_quotes);
    let read = |c: &Corpus| -> Vec<(String, String, Kind)> {
        c.docs[0].quotes.iter().map(|q| (q.speaker.clone(), c.quote_text(q).to_string(), q.kind())).collect()
    };
    assert_eq!(read(&found), read(&listed));
    let kinds: Vec<Kind> = read(&found).into_iter().map(|q| q.2).collect();
    use Kind::{DirectQuote as D, PartialQuote as P};
    assert_eq!(kinds, [D, D, P, D, D, P], "“on good authority” and “digital town square.” are phrases");
    let doc = &found.docs[0];
    let cues: Vec<&str> = doc.quotes.iter().map(|q| &doc.text[q.cue.clone().unwrap()]).collect();
    assert_eq!(cues, ["he", "Altman", "Musk", "Altman", "Altman", "he"]);
}

#[test]
fn sentences_are_labelled_and_reported_speech_names_its_source() {
    let corpus = common::story().corpus();
    let label = |start: &str| {
        let id = corpus.sentence_ids().find(|&id| corpus.text(id).starts_with(start)).unwrap();
        let sentence = corpus.sentence(id);
        (sentence.kind, sentence.source.clone().map(|r| corpus.doc_of(id).text[r].to_string()))
    };
    assert_eq!(label("According to the announcement"), (Kind::Reported, Some("the announcement".into())));
    assert_eq!(label("Musk didn’t seem persuaded").0, Kind::PartialQuote);
    assert_eq!(label("“i genuinely respect").0, Kind::DirectQuote);
    assert_eq!(label("Really, Musk was just super addicted").0, Kind::Narration);
}

#[test]
fn quotes_json_carries_each_quotes_kind_and_the_words_that_name_its_speaker() {
    let ws = Workspace::with_shipped_story();
    let quotes = json_of(&ws, &["quotes"]);
    let first = &quotes["quotes"][0];
    assert_eq!((first["speaker"].as_str(), first["kind"].as_str()), (Some("Elon Musk"), Some("direct_quote")));
    assert_eq!(first["named_by"], "he");
    for q in quotes["quotes"].as_array().unwrap() {
        assert_eq!(slice_at(&ws, &q["source"]), q["quote"].as_str().unwrap());
    }
}

/// (claim, verdict, excerpt, misattributed, speaker in the story)
const VERIFY: &[(&str, &str, bool, bool, Option<&str>)] = &[
    ("“They don’t actually have the money,” — Elon Musk", "exact", false, false, Some("Elon Musk")),
    ("\"THEY   DON'T actually have the MONEY\"", "exact", false, false, Some("Elon Musk")),
    ("i genuinely respect your accomplishments", "exact", true, false, Some("Sam Altman")),
    ("Musk: just one more mean tweet and then maybe you’ll love yourself", "exact", false, true, Some("Sam Altman")),
    ("They don't have the money — Musk", "altered", false, false, Some("Elon Musk")),
    (
        "i really respect your achievements and think you are the most inspiring entrepreneur of our time",
        "altered",
        false,
        false,
        Some("Sam Altman"),
    ),
    (
        "Elon Musk said “what is great for the country is not always what is best for your companies”",
        "altered",
        true,
        true,
        Some("Sam Altman"),
    ),
    ("Musk was just super addicted to Twitter", "exact", true, false, None),
    ("Stargate will cure cancer by next year", "not_in_story", false, false, None),
    ("Altman: I will buy Twitter back from Musk next week", "not_in_story", false, false, None),
];

#[test]
fn verify_tells_exact_truncated_reworded_misattributed_and_invented_quotes_apart() {
    let ws = Workspace::with_shipped_story();
    for &(claim, verdict, excerpt, misattributed, speaker) in VERIFY {
        let v = json_of(&ws, &["verify", claim]);
        assert_eq!(v["verdict"], verdict, "{claim}: {v}");
        assert_eq!(v["misattributed"], misattributed, "{claim}: {v}");
        if verdict == "not_in_story" {
            assert!(v["found"].is_null(), "{claim}");
            continue;
        }
        assert_eq!(v["excerpt"], excerpt, "{claim}: {v}");
        assert_eq!(v["found"]["speaker"].as_str(), speaker, "{claim}");
        assert_eq!(slice_at(&ws, &v["found"]["source"]), v["found"]["text"].as_str().unwrap(), "{claim}");
    }
    let reworded = json_of(&ws, &["verify", VERIFY[5].0]);
    let changes: Vec<&Value> = reworded["diff"].as_array().unwrap().iter().filter(|c| c["change"] != "same").collect();
    assert_eq!(
        changes,
        [
            &json!({"change": "changed", "story": "genuinely", "claim": "really"}),
            &json!({"change": "changed", "story": "accomplishments", "claim": "achievements"})
        ]
    );
    let dropped = json_of(&ws, &["verify", VERIFY[4].0]);
    assert!(dropped["diff"].as_array().unwrap().contains(&json!({"change": "dropped", "story": "actually"})));
}

#[test]
fn verify_refuses_a_claim_too_short_to_check() {
    let ws = Workspace::with_shipped_story();
    let out = ws.run(&["verify", "the money"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("at least 3 words"), "{}", stderr(&out));
}

#[test]
fn whosaid_finds_one_quote_several_when_ambiguous_and_none_when_nothing_is_close() {
    let ws = Workspace::with_shipped_story();
    let speakers = |text: &str| -> Vec<(String, String)> {
        json_of(&ws, &["whosaid", text])["candidates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["speaker"].as_str().unwrap().to_string(), c["quote"].as_str().unwrap().to_string()))
            .collect()
    };
    let mean = speakers("the one about a mean tweet");
    assert_eq!(mean.len(), 1);
    assert_eq!(mean[0].0, "Sam Altman");
    assert!(mean[0].1.starts_with("just one more mean tweet"));
    assert_eq!(speakers("they have no money")[0].0, "Elon Musk");
    let both = speakers("respect love");
    assert_eq!(both.len(), 2, "{both:?}");
    assert!(both.iter().all(|(s, _)| s == "Sam Altman"));
    assert!(speakers("pizza party on the moon").is_empty());
    let loose = speakers("the one praising him as the most inspiring businessman");
    assert_eq!(loose.len(), 1, "a paraphrase sharing few words still finds its quote: {loose:?}");
    assert!(loose[0].1.contains("most inspiring entrepreneur"));
}

#[test]
fn who_gives_roles_first_mentions_and_counts_and_aliases_resolve() {
    let ws = Workspace::with_shipped_story();
    let roster = json_of(&ws, &["who"]);
    let person = |name: &str| roster["people"].as_array().unwrap().iter().find(|p| p["name"] == name).unwrap().clone();
    assert_eq!(person("Larry Ellison")["roles"], json!(["Oracle CEO"]));
    assert_eq!(person("Elon Musk")["roles"], json!(["a White House advisor"]));
    assert_eq!(person("Donald Trump")["roles"], json!(["President"]));
    assert_eq!(person("Sam Altman")["quotes"], 3);
    assert_eq!(slice_at(&ws, &person("Masayoshi Son")["first_mention"]), "Masayoshi Son");
    assert_eq!(person("OpenAI")["kind"], "organisation");
    let twitter = json_of(&ws, &["who", "Twitter"]);
    assert_eq!(twitter["matches"][0]["name"], "X");
    let elon = json_of(&ws, &["who", "elon"]);
    assert_eq!(elon["matches"].as_array().unwrap().len(), 1);
    assert_eq!(elon["matches"][0]["quoted"].as_array().unwrap().len(), 3);
    assert!(json_of(&ws, &["who", "Obama"])["matches"].as_array().unwrap().is_empty());
}

#[test]
fn who_on_a_story_that_names_nobody_says_so_rather_than_printing_nothing() {
    let ws = Workspace::with_files(&[("mill.txt", "The river flooded the old mill in March. Repairs took a year.")]);
    let out = ws.run(&["who"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "The story names no people or organisations.");
    assert_eq!(json_of(&ws, &["who"])["people"], json!([]));
}

#[test]
fn facts_state_every_amount_and_date_with_what_it_measures() {
    let ws = Workspace::with_shipped_story();
    let all = json_of(&ws, &["facts"]);
    let list = all["facts"].as_array().unwrap();
    let values: Vec<&str> = list.iter().map(|f| f["value"].as_str().unwrap()).collect();
    for wanted in
        ["$500 billion", "$100 billion", "$44 billion", "less than $10 billion", "$250 million", "2022", "On Tuesday"]
    {
        assert!(values.contains(&wanted), "{wanted} in {values:?}");
    }
    for f in list {
        assert_eq!(slice_at(&ws, &f["source"]), f["value"].as_str().unwrap());
        assert!(f["sentence"].as_str().unwrap().contains(f["value"].as_str().unwrap()));
        assert!(!f["measures"].as_str().unwrap().is_empty());
    }
    let tuesday = list.iter().find(|f| f["value"] == "On Tuesday").unwrap();
    assert_eq!(tuesday["resolved"], "2025-01-21");
    let money = json_of(&ws, &["facts", "money"]);
    assert!(money["facts"].as_array().unwrap().iter().all(|f| f["kind"] == "money"));
    let softbank = json_of(&ws, &["facts", "SoftBank"]);
    assert_eq!(softbank["facts"][0]["value"], "less than $10 billion");
}

#[test]
fn the_timeline_orders_events_in_time_and_keeps_undated_ones_last_in_story_order() {
    let ws = Workspace::with_shipped_story();
    let events = json_of(&ws, &["timeline"]);
    let list = events["events"].as_array().unwrap();
    let resolved: Vec<Option<&str>> = list.iter().map(|e| e["resolved"].as_str()).collect();
    assert_eq!(&resolved[..4], [Some("2022"), Some("2022"), Some("2025-01-18 to 2025-01-24"), Some("2025-01-21")]);
    assert_eq!(list[3]["when"], "On Tuesday");
    assert!(list[4]["event"].as_str().unwrap().starts_with("Afterward, Musk"));
    assert_eq!(list[4]["resolved"], "after 2025-01-21");
    let undated: Vec<&Value> = list.iter().filter(|e| e["dating"] == "story_order").collect();
    assert!(undated[0]["event"].as_str().unwrap().starts_with("Eventually, though, Musk left OpenAI"));
    assert!(list.iter().skip_while(|e| e["dating"] != "story_order").all(|e| e["dating"] == "story_order"));
    for e in list {
        assert_eq!(slice_at(&ws, &e["source"]), e["event"].as_str().unwrap());
    }
}

#[test]
fn a_different_story_without_any_listed_names_or_quotes_is_read_by_the_same_rules() {
    let text = std::fs::read_to_string(common::repo_root().join("tests/fixtures/harbor-ferry.txt")).unwrap();
    let corpus = load("harbor-ferry.txt", &text);
    let doc = &corpus.docs[0];
    let quotes: Vec<(&str, &str, Kind)> =
        doc.quotes.iter().map(|q| (q.speaker.as_str(), corpus.quote_text(q), q.kind())).collect();
    assert_eq!(
        quotes,
        [
            ("Linda Ortiz", "a lifeline for the islands.", Kind::PartialQuote),
            ("Linda Ortiz", "We have waited twenty years for this,", Kind::DirectQuote),
            ("Tom Becker", "The numbers simply do not add up,", Kind::DirectQuote),
            ("Tom Becker", "ignored the warnings", Kind::PartialQuote),
        ]
    );
    let reported: Vec<(SentenceId, Option<&str>)> = corpus
        .sentence_ids()
        .zip(&corpus.sentences)
        .filter(|(_, s)| s.kind == Kind::Reported)
        .map(|(i, s)| (i, s.speaker.as_deref()))
        .collect();
    assert_eq!(reported.len(), 2);
    assert!(corpus.text(reported[0].0).starts_with("According to the city’s own report"));
    assert_eq!(reported[1].1, Some("Linda Ortiz"));

    let roster = people::roster(&corpus);
    let who: Vec<(&str, &str, Vec<&str>)> =
        roster.iter().map(|p| (p.entity.name.as_str(), p.kind().as_str(), p.roles())).collect();
    assert_eq!(
        who,
        [
            ("Linda Ortiz", "person", vec!["Mayor", "who chairs the transport committee"]),
            ("Tom Becker", "person", vec!["councillor", "a former accountant"]),
            ("Harbor Ferry Company", "organisation", vec![]),
        ]
    );

    let stated: Vec<(String, facts::Kind, Option<String>)> = facts::all(&corpus)
        .into_iter()
        .map(|f| (doc.text[f.span].to_string(), f.kind, f.resolved.map(|r| r.to_string())))
        .collect();
    let expected = [
        ("7-2", facts::Kind::Count, None),
        ("on Wednesday", facts::Kind::Weekday, Some("2024-03-06")),
        ("$12 million", facts::Kind::Money, None),
        ("twenty years", facts::Kind::Count, None),
        ("15 percent", facts::Kind::Percent, None),
        ("2023", facts::Kind::Year, Some("2023")),
        ("2026", facts::Kind::Year, Some("2026")),
        // A span of time says how long, not when: the timeline leaves it out.
        ("within a decade", facts::Kind::Duration, None),
    ];
    let expected: Vec<(String, facts::Kind, Option<String>)> =
        expected.into_iter().map(|(v, k, r)| (v.to_string(), k, r.map(str::to_string))).collect();
    assert_eq!(stated, expected);

    let events = timeline::events(&corpus);
    let order: Vec<Option<String>> = events.iter().map(|e| e.resolved.as_ref().map(ToString::to_string)).collect();
    let order: Vec<Option<&str>> = order.iter().map(Option::as_deref).collect();
    assert_eq!(
        order,
        [
            Some("2023"),
            Some("2024-03-06"),
            Some("after 2024-03-06"),
            Some("after 2024-03-06"),
            Some("after 2024-03-06"),
            Some("after 2024-03-06"),
            Some("after 2024-03-06"),
            Some("2026")
        ]
    );
}

#[test]
fn a_curated_role_or_fact_that_is_not_in_the_text_is_refused_with_its_line() {
    for (extra, what) in [
        ("[[entities]]\nname = \"Ann Lee\"\nrole = \"chief of everything\"\n", "role"),
        ("[[facts]]\ntext = \"$9 trillion\"\nmeasures = \"nothing\"\n", "fact"),
    ] {
        let text = format!("+++\ntitle = \"T\"\n{extra}+++\nAnn Lee spent $5 million.\n");
        let err = Corpus::from_sources(vec![Source { path: "corpus/t.txt".into(), bytes: text.into_bytes() }])
            .expect_err("refused");
        let message = err.to_string();
        assert!(
            message.starts_with("corpus/t.txt:") && message.contains(what) && message.contains("verbatim"),
            "{message}"
        );
    }
}

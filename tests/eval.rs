use serde_json::Value;

use crate::common::{self, stderr, stdout, Workspace};

/// A one-story corpus for JSON-lines questions: the folder name is the corpus name.
const HARBOUR: &str = "+++
title = \"Harbour town votes on a new ferry\"
date = \"2024-03-14\"
+++
The council of Port Avery voted 7-2 on Monday to buy a new electric ferry. The boat will cost $12 million.

Critics said the money should fix the harbour wall instead. The wall cracked during the January storm.
";

fn eval_json(ws: &Workspace, args: &[&str]) -> Value {
    let mut all = vec!["eval", "--json"];
    all.extend_from_slice(args);
    let out = ws.run(&all, None);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("eval --json prints one JSON object")
}

fn rate(row: &Value, system: &str, name: &str) -> f64 {
    row[system]["rates"][name].as_f64().unwrap_or_else(|| panic!("{system} {name} in {row}"))
}

#[test]
fn the_repo_set_is_scored_beside_plain_bm25_over_the_shipped_story() {
    let ws = Workspace::with_shipped_story();
    let questions = common::repo_root().join("tests/eval/questions.txt");
    let report = eval_json(&ws, &[questions.to_str().unwrap()]);
    let overall = &report["overall"];
    let counts = &overall["storybot"]["counts"];
    let text = std::fs::read_to_string(&questions).unwrap();
    let cases = text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    let unanswerable = cases.clone().filter(|l| l.trim_end().ends_with("| -")).count();
    assert_eq!(counts["answerable"].as_u64().unwrap() as usize, cases.count() - unanswerable);
    assert_eq!(counts["unanswerable"].as_u64().unwrap() as usize, unanswerable);
    assert_eq!(overall["bm25"]["counts"]["answerable"], counts["answerable"], "both systems see the same questions");
    assert!(
        rate(overall, "storybot", "hit1") > rate(overall, "bm25", "hit1"),
        "the engine ranks the right sentence first more often than plain BM25: {overall}"
    );
    assert!(rate(overall, "storybot", "hit3") >= rate(overall, "bm25", "hit3"), "{overall}");
}

#[test]
fn json_lines_are_scored_per_corpus_folder_and_misses_name_their_line() {
    let ws = Workspace::with_files(&[]);
    let corpora = ws.dir.path().join("corpora/harbour");
    std::fs::create_dir_all(&corpora).unwrap();
    std::fs::write(corpora.join("harbour.txt"), HARBOUR).unwrap();
    let questions = ws.dir.path().join("questions.jsonl");
    std::fs::write(
        &questions,
        "{\"corpus\": \"harbour\", \"q\": \"How much will the new boat cost?\", \"gold\": [\"$12 million\"], \"type\": \"amount\"}\n\
         {\"corpus\": \"harbour\", \"q\": \"What cracked during the storm?\", \"gold\": [\"The wall cracked\"]}\n\
         {\"corpus\": \"harbour\", \"q\": \"Who won the Super Bowl in 1998?\", \"gold\": [], \"impossible\": true, \"type\": \"unanswerable\"}\n",
    )
    .unwrap();
    let report = eval_json(&ws, &[questions.to_str().unwrap(), "--misses"]);
    let rows = report["corpora"].as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["corpus"], "harbour");
    assert_eq!(rows[0]["storybot"]["counts"]["answerable"], 2);
    assert_eq!(rate(&rows[0], "storybot", "hit1"), 1.0, "{report}");
    assert_eq!(rows[0]["storybot"]["counts"]["abstained"], 1, "the off-topic question gets no answer: {report}");
    assert_eq!(rows[0]["bm25"]["counts"]["hit1"], 2, "plain BM25 is scored on the same questions: {report}");
    let types = report["types"].as_array().unwrap();
    let names: Vec<&str> = types.iter().map(|t| t["type"].as_str().unwrap()).collect();
    assert_eq!(names, ["amount", "unanswerable"], "each type the file names gets its row, in order: {report}");
    assert_eq!(types[0]["storybot"]["counts"]["answerable"], 1);
    assert_eq!(types[0]["storybot"]["counts"]["hit1"], 1, "{report}");
    assert_eq!(types[1]["storybot"]["counts"]["abstained"], 1, "{report}");
}

#[test]
fn the_text_report_has_one_row_per_corpus_and_the_anchor_in_brackets() {
    let ws = Workspace::with_shipped_story();
    let questions = common::repo_root().join("tests/eval/questions.txt");
    let out = ws.run(&["eval", questions.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.lines().next().unwrap().contains("hit@1 (BM25)"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("corpus ") && l.contains(" (")), "{text}");
}

#[test]
fn a_malformed_questions_file_is_a_usage_error_naming_file_and_line() {
    let ws = Workspace::with_shipped_story();
    let questions = ws.dir.path().join("bad.jsonl");
    std::fs::write(
        &questions,
        "# fine\n{\"corpus\": \"x\", \"q\": \"ok?\", \"gold\": [\"y\"]}\n{\"corpus\": \"x\", \"q\": 3}\n",
    )
    .unwrap();
    let out = ws.run(&["eval", questions.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("bad.jsonl:3: "), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"));
}

#[test]
fn a_corpus_folder_that_does_not_exist_is_named() {
    let ws = Workspace::with_shipped_story();
    let questions = ws.dir.path().join("q.jsonl");
    std::fs::write(&questions, "{\"corpus\": \"nowhere\", \"q\": \"ok?\", \"gold\": [\"y\"]}\n").unwrap();
    let out = ws.run(&["eval", questions.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("nowhere"), "{}", stderr(&out));
}

#[test]
fn follow_ups_read_in_their_conversation_beat_the_same_questions_asked_alone() {
    let ws = Workspace::with_shipped_story();
    let set = std::fs::read_to_string(common::repo_root().join("tests/eval/conversations.jsonl")).unwrap();
    // The development articles' conversations need their corpora, which the repo does not hold.
    let shipped: Vec<&str> = set.lines().filter(|l| l.starts_with('{') && !l.contains("\"corpus\"")).collect();
    assert!(shipped.len() >= 25, "the set has its conversations about the shipped story");
    let file = ws.dir.path().join("conversations.jsonl");
    std::fs::write(&file, shipped.join("\n")).unwrap();
    let report = eval_json(&ws, &["--conversations", file.to_str().unwrap()]);
    let overall = &report["overall"];
    let follow_ups = overall["follow_ups"]["counts"]["answerable"].as_u64().unwrap() as usize;
    let turns: usize = shipped.iter().map(|l| l.matches("\"q\"").count() - 1).sum();
    assert_eq!(follow_ups, turns, "every turn after the first is scored: {overall}");
    let (in_conversation, alone) = (rate(overall, "follow_ups", "hit1"), rate(overall, "standalone", "hit1"));
    assert!(
        in_conversation >= alone + 0.2,
        "reading follow-ups against the earlier turn answers clearly more of them: {in_conversation} vs {alone}"
    );
}

use serde_json::Value;

use crate::common::{self, stderr, stdout, Workspace};

fn json_lines(text: &str) -> Vec<Value> {
    text.lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

fn assert_no_panic(output: &std::process::Output) {
    let err = stderr(output);
    assert!(!err.contains("panicked"), "storybot panicked: {err}");
}

#[test]
fn ask_json_follows_the_contract_and_every_answer_is_its_file_slice() {
    let ws = Workspace::with_shipped_story();
    let out = ws.run(&["ask", "--json", "--top", "3", "How big is Project Stargate?"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = json_lines(&stdout(&out));
    assert_eq!(lines.len(), 1);
    let reply = &lines[0];
    assert_eq!(reply["question"], "How big is Project Stargate?");
    let answers = reply["answers"].as_array().unwrap();
    assert!(!answers.is_empty() && answers.len() <= 3);
    assert!(answers[0]["answer"].as_str().unwrap().contains("$500 billion"));
    for (i, a) in answers.iter().enumerate() {
        assert_eq!(a["rank"], i + 1);
        assert!(a["score"].as_f64().unwrap() > 0.0);
        let src = &a["source"];
        assert_eq!(src["doc"], "altman-musk-stargate");
        assert_eq!(src["path"], "corpus/altman-musk-stargate.txt");
        assert!(src["title"].as_str().is_some_and(|t| !t.is_empty()));
        assert_eq!(src["date"], "2025-01-25", "the story's own date");
        assert!(src["paragraph"].as_u64().unwrap() >= 1 && src["sentence"].as_u64().unwrap() >= 1);
        let file = std::fs::read(ws.dir.path().join(src["path"].as_str().unwrap())).unwrap();
        let (start, end) = (src["start"].as_u64().unwrap() as usize, src["end"].as_u64().unwrap() as usize);
        assert_eq!(&file[start..end], a["answer"].as_str().unwrap().as_bytes());
        let context = a["context"].as_str().unwrap().replace("**", "");
        assert!(context.contains(a["answer"].as_str().unwrap()));
        assert!(src.get("url").is_some(), "url is always present, null when there is none");
    }
    assert!(answers[0]["context"].as_str().unwrap().contains("**Project Stargate**"));
}

#[test]
fn the_quote_beside_the_story_link_cites_that_link() {
    let ws = Workspace::with_shipped_story();
    let out = ws.run(&["ask", "--json", "What did Altman say about putting America first?"], None);
    let reply = &json_lines(&stdout(&out))[0];
    let first = &reply["answers"][0];
    assert!(first["answer"].as_str().unwrap().contains("mostly put [America] first."));
    assert_eq!(first["source"]["url"], "https://twitter.com/sama/status/1882106524090482701");
    assert_eq!(first["source"]["paragraph"], 3);
}

#[test]
fn a_question_the_story_cannot_answer_gets_an_empty_answer_list() {
    let ws = Workspace::with_shipped_story();
    let out = ws.run(&["ask", "--json", "What is the weather in Paris today?"], None);
    assert!(out.status.success());
    assert_eq!(json_lines(&stdout(&out))[0]["answers"], serde_json::json!([]));
    let out = ws.run(&["ask", "What is the weather in Paris today?"], None);
    assert!(stdout(&out).contains("The story doesn't say"));
}

#[test]
fn asked_what_someone_the_story_never_quotes_said_the_answer_says_who() {
    let ws = Workspace::with_shipped_story();
    let out = ws.run(&["ask", "What did Jeff Bezos say about Stargate?"], None);
    let text = stdout(&out);
    assert!(text.contains("The story doesn't say: it names Jeff Bezos but never quotes them."), "{text}");
    let closest = text.split_once("Closest passages (they may not answer it):\n  - ").map(|(_, rest)| rest);
    assert!(closest.is_some_and(|c| c.starts_with("Every one of the tech CEOs")), "the guest list, as near: {text}");
    let out = ws.run(&["ask", "--json", "What did Jeff Bezos say about Stargate?"], None);
    let line = &json_lines(&stdout(&out))[0];
    assert_eq!((&line["answers"], &line["unquoted"]), (&serde_json::json!([]), &serde_json::json!("Jeff Bezos")));
    let near = &line["closest"][0];
    assert!(near["text"].as_str().is_some_and(|t| t.starts_with("Every one of the tech CEOs")), "{line}");
    assert_eq!(near["source"]["paragraph"], 4);
}

#[test]
fn human_output_shows_answer_context_and_source() {
    let ws = Workspace::with_shipped_story();
    let out = ws.run(&["ask", "Who", "runs", "SoftBank?"], None);
    let text = stdout(&out);
    assert!(text.starts_with("Who runs SoftBank?\n"), "{text}");
    assert!(text.contains("1. On Tuesday, Altman was at the White House"));
    assert!(text.contains("Context: "));
    assert!(text.contains("**SoftBank CEO**") || text.contains("**SoftBank**"), "{text}");
    assert!(text.contains(
        "Source:  Sam Altman and Elon Musk spar over Project Stargate (2025-01-25), paragraph 2, sentence 4"
    ));
}

#[test]
fn without_a_question_ask_answers_each_line_of_stdin() {
    let ws = Workspace::with_shipped_story();
    let input = "Who runs SoftBank?\n\nWhat is the weather in Paris today?\nHow much did Musk pay for X?\n";
    let out = ws.run(&["ask", "--json", "--top", "1"], Some(input));
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = json_lines(&stdout(&out));
    assert_eq!(lines.len(), 3, "blank lines are skipped");
    assert_eq!(lines[0]["question"], "Who runs SoftBank?");
    assert_eq!(lines[1]["answers"].as_array().unwrap().len(), 0);
    assert!(lines[2]["answers"][0]["answer"].as_str().unwrap().contains("$44 billion"));
}

#[test]
fn a_how_much_question_is_answered_by_a_sentence_stating_a_number_over_one_sharing_more_words() {
    let ws = Workspace::with_shipped_story();
    let out = ws.run(&["ask", "--json", "--top", "1", "How much did Musk pay for Twitter?"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let answer = json_lines(&stdout(&out))[0]["answers"][0]["answer"].as_str().unwrap_or_default().to_string();
    assert!(answer.contains("$44 billion"), "{answer}");
}

#[test]
fn a_bad_line_in_a_batch_is_reported_in_place_and_the_batch_goes_on() {
    let ws = Workspace::with_shipped_story();
    let long = "why ".repeat(400);
    let out = ws.run(&["ask", "--json"], Some(&format!("{long}\nWho runs SoftBank?\n")));
    assert!(out.status.success());
    let lines = json_lines(&stdout(&out));
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["error"].as_str().unwrap().contains("characters long"));
    assert!(!lines[1]["answers"].as_array().unwrap().is_empty());
}

#[test]
fn empty_and_huge_questions_get_a_clear_message_and_exit_code_2() {
    let ws = Workspace::with_shipped_story();
    let out = ws.run(&["ask", "   "], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("Ask a question about the story"));
    let huge = "a".repeat(100 * 1024);
    let out = ws.run(&["ask", &huge], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("please keep it under 1000"));
    assert_no_panic(&out);
}

#[test]
fn query_syntax_and_nonsense_are_read_as_plain_words() {
    let ws = Workspace::with_shipped_story();
    for q in ["field:x", "*", "-x", "\"unbalanced", "(", "title:Stargate AND (", "?!?!", "🙂🙂", "zzzz qqqq"] {
        let out = ws.run(&["ask", "--json", "--", q], None);
        assert_eq!(out.status.code(), Some(0), "{q}: {}", stderr(&out));
        assert_no_panic(&out);
        let reply = &json_lines(&stdout(&out))[0];
        assert_eq!(reply["question"], q.trim());
    }
    let out = ws.run(&["ask", "--json", "stargate: how big?"], None);
    let reply = &json_lines(&stdout(&out))[0];
    assert!(reply["answers"][0]["answer"].as_str().unwrap().contains("$500 billion"), "a colon is not a field query");
}

#[test]
fn the_index_is_built_on_first_use_and_rebuilt_when_the_corpus_changes() {
    let ws = Workspace::with_files(&[("one.txt", "The river flooded the old mill in March.")]);
    let out = ws.run(&["ask", "--json", "What flooded the mill?"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let generations = |ws: &Workspace| -> Vec<String> {
        std::fs::read_dir(ws.index()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect()
    };
    let first = generations(&ws);
    assert_eq!(first.len(), 1, "{first:?}");
    std::fs::write(ws.corpus().join("one.txt"), "The storm closed the harbour in April.").unwrap();
    let out = ws.run(&["ask", "--json", "What closed the harbour?"], None);
    let reply = &json_lines(&stdout(&out))[0];
    assert_eq!(reply["answers"][0]["answer"], "The storm closed the harbour in April.");
    let second = generations(&ws);
    assert_eq!(second.len(), 1, "the old index is removed: {second:?}");
    assert_ne!(first, second);
}

#[test]
fn a_corrupt_index_or_a_crashed_build_is_rebuilt_without_fuss() {
    let ws = Workspace::with_shipped_story();
    assert!(ws.run(&["index"], None).status.success());
    let generation = std::fs::read_dir(ws.index()).unwrap().next().unwrap().unwrap().path();
    std::fs::write(generation.join("meta.json"), "{ not json").unwrap();
    std::fs::create_dir(ws.index().join(".build-crashed")).unwrap();
    let out = ws.run(&["ask", "--json", "Who runs SoftBank?"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_no_panic(&out);
    assert!(!json_lines(&stdout(&out))[0]["answers"].as_array().unwrap().is_empty());
}

#[test]
fn index_reports_what_it_built() {
    let ws = Workspace::with_shipped_story();
    let out = ws.run(&["index"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Indexed 44 sentences from 1 document(s) into index"), "{}", stdout(&out));
}

#[test]
fn a_malformed_corpus_file_names_file_and_line_and_writes_no_index() {
    let ws = Workspace::with_files(&[("bad.txt", "+++\ntitle = \"A\"\ndate = \"not a date\"\n+++\nBody.")]);
    let out = ws.run(&["ask", "anything"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("corpus/bad.txt:3: date \"not a date\" is not YYYY-MM-DD"), "{}", stderr(&out));
    assert!(!ws.index().exists() || std::fs::read_dir(ws.index()).unwrap().next().is_none());
}

#[test]
fn paths_come_from_flags_or_the_environment() {
    let ws = Workspace::with_shipped_story();
    let elsewhere = tempfile::tempdir().unwrap();
    let out = common::run_storybot(
        elsewhere.path(),
        &[
            "--corpus",
            ws.corpus().to_str().unwrap(),
            "--index",
            ws.index().to_str().unwrap(),
            "ask",
            "--json",
            "Who runs SoftBank?",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(ws.index().exists());
    let missing = common::run_storybot(elsewhere.path(), &["ask", "x"], None);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("cannot read the corpus folder corpus"), "{}", stderr(&missing));
}

#[test]
fn quotes_lists_verbatim_quotes_filtered_by_speaker() {
    let ws = Workspace::with_shipped_story();
    let out = ws.run(&["quotes", "--speaker", "sam", "--json"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let reply = &json_lines(&stdout(&out))[0];
    let quotes = reply["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 3);
    let file = std::fs::read(ws.corpus().join("altman-musk-stargate.txt")).unwrap();
    for q in quotes {
        assert_eq!(q["speaker"], "Sam Altman");
        let (s, e) = (q["source"]["start"].as_u64().unwrap() as usize, q["source"]["end"].as_u64().unwrap() as usize);
        assert_eq!(&file[s..e], q["quote"].as_str().unwrap().as_bytes());
    }
    let out = ws.run(&["quotes"], None);
    assert!(stdout(&out).contains("Elon Musk: “They don’t actually have the money,”"));
    let out = ws.run(&["quotes", "--speaker", "nobody"], None);
    assert!(stdout(&out).contains("No quotes match."));
}

#[test]
fn version_and_help_work() {
    let out = common::run_storybot(common::repo_root(), &["--version"], None);
    assert!(stdout(&out).starts_with("storybot "));
    let out = common::run_storybot(common::repo_root(), &["ask", "--help"], None);
    assert!(stdout(&out).contains("--json"));
}

#[test]
fn a_malformed_env_file_stops_with_a_message_naming_it() {
    let ws = Workspace::with_shipped_story();
    std::fs::write(ws.dir.path().join(".env"), "STORYBOT_INDEX_DIR=index\nthis line is broken\n").unwrap();
    let out = ws.run(&["ask", "Who runs SoftBank?"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot read .env"), "{}", stderr(&out));
}

#[test]
fn operator_commands_without_their_setup_say_what_to_set_with_exit_code_2() {
    let ws = Workspace::with_shipped_story();
    let out = ws.run(&["feedback", "export"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nobody has voted yet") && stderr(&out).contains("STORYBOT_DATA_DIR"));
    assert!(!ws.dir.path().join("data").exists(), "exporting creates no database");
    let out = ws.run(&["health"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("STORYBOT_METRICS_ADDR"));
    let nobody = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().to_string();
    let out = ws.run(&["health", "--addr", &nobody], None);
    assert_eq!(out.status.code(), Some(1), "nothing listens there: not healthy");
    assert!(stderr(&out).contains("cannot reach"));
}

#[test]
fn flags_work_anywhere_among_the_words_and_double_dash_ends_them() {
    let ws = Workspace::with_shipped_story();
    let out = ws.run(&["who", "Larry", "Ellison", "--json"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: Value = serde_json::from_str(&stdout(&out)).expect("--json after the words still means JSON");
    assert_eq!(json["matches"][0]["name"], "Larry Ellison");
    let out = ws.run(&["ask", "how", "big", "is", "Stargate?", "--json"], None);
    assert_eq!(json_lines(&stdout(&out))[0]["question"], "how big is Stargate?");
    let out = ws.run(&["ask", "-5 degrees?"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("use '-- -5"), "{}", stderr(&out));
    let out = ws.run(&["verify", "--json", "--", "-they don't have the money"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"verdict\""));
}

#[test]
fn an_empty_setting_means_its_default_as_a_copied_env_file_leaves_it() -> anyhow::Result<()> {
    let ws = Workspace::with_shipped_story();
    let empty = [("STORYBOT_CORPUS_DIR", ""), ("STORYBOT_INDEX_DIR", " "), ("NO_COLOR", ""), ("RUST_LOG", "")];
    let out = common::run_storybot_env(ws.dir.path(), &["ask", "--json", "How big is Project Stargate?"], None, &empty);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("$500 billion"));
    assert!(std::fs::read_dir(ws.index())?.next().is_some(), "the index went to the default folder");
    let out = common::run_storybot_env(ws.dir.path(), &["health"], None, &[("STORYBOT_METRICS_ADDR", "")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("set STORYBOT_METRICS_ADDR"), "empty is unset, not a malformed address");
    Ok(())
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let ws = Workspace::with_shipped_story();
    let ask = ["ask", "How big is Project Stargate?"];
    let always = common::run_storybot_env(ws.dir.path(), &[&ask[..], &["--color", "always"]].concat(), None, &[]);
    assert!(stdout(&always).contains("\u{1b}[1m"), "bold when asked for, even in a pipe");
    let never = common::run_storybot_env(ws.dir.path(), &ask, None, &[("STORYBOT_COLOR", "never")]);
    assert!(!stdout(&never).contains('\u{1b}') && stdout(&never).contains("**"));
    let no_color = common::run_storybot_env(ws.dir.path(), &ask, None, &[("NO_COLOR", "1")]);
    assert!(!stdout(&no_color).contains('\u{1b}'));
    let out = ws.run(&["--color", "sometimes", "ask", "x"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn serve_help_lists_every_setting_with_its_variable_and_never_the_token() {
    let ws = Workspace::with_files(&[]);
    let token = "MTAwMDAwMDAwMDAwMDAwMDAx.GabcDE.secret_part";
    let out = common::run_storybot_env(ws.dir.path(), &["serve", "--help"], None, &[("DISCORD_TOKEN", token)]);
    let help = stdout(&out);
    for name in storybot::config::SETTINGS.iter().filter(|n| !matches!(**n, "RUST_LOG" | "NO_COLOR")) {
        assert!(help.contains(name), "serve --help names {name}:\n{help}");
    }
    assert!(!help.contains("secret_part") && !help.contains("MTAw"), "the token's value is hidden");
}

#[test]
fn completions_are_printed_for_each_shell() {
    let ws = Workspace::with_files(&[]);
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = ws.run(&["completions", shell], None);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        assert!(stdout(&out).contains("whosaid"), "{shell} completes the subcommands");
    }
    let out = ws.run(&["completions", "tcsh"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn feedback_forget_deletes_one_persons_or_one_servers_votes() -> anyhow::Result<()> {
    let ws = Workspace::with_files(&[]);
    let data = ws.dir.path().join("data");
    let store = storybot::store::Store::open(&data)?;
    for (message, user, guild) in [(1, 10, Some(7)), (2, 10, None), (3, 11, Some(7)), (4, 11, Some(8))] {
        store.record_vote(&storybot::store::feedback::Vote {
            message_id: message,
            rank: 1,
            user_id: user,
            guild_id: guild,
            question: "Who is the CEO of SoftBank?".into(),
            answer: "Masayoshi Son".into(),
            source: "paragraph 1".into(),
            corpus: "abc".into(),
            up: true,
        })?;
    }
    drop(store);
    let out = ws.run(&["feedback", "forget", "--user", "10"], None);
    assert_eq!(stdout(&out), "Deleted 2 vote(s) by user 10.\n", "{}", stderr(&out));
    let out = ws.run(&["feedback", "forget", "--guild", "7"], None);
    assert_eq!(stdout(&out), "Deleted 1 vote(s) from server 7.\n");
    let out = ws.run(&["feedback", "export", "--json"], None);
    let cases: Value = serde_json::from_str(&stdout(&out))?;
    assert_eq!(cases[0]["guilds"], serde_json::json!(["8"]), "only server 8's vote is left");
    let out = ws.run(&["feedback", "forget"], None);
    assert_eq!(out.status.code(), Some(2), "forget needs --user or --guild");
    Ok(())
}

#[test]
fn ask_with_a_conversation_reads_a_follow_up_against_the_question_before_it_in_another_run() {
    let ws = Workspace::with_shipped_story();
    let first =
        ws.run(&["ask", "--json", "--top", "1", "--conversation", "desk", "What did Musk say about Stargate?"], None);
    assert!(first.status.success(), "{}", stderr(&first));
    let shown = json_lines(&stdout(&first))[0]["answers"][0]["answer"].as_str().unwrap().to_string();
    let next = ws.run(&["ask", "--json", "--top", "1", "--conversation", "desk", "what else did he say?"], None);
    assert!(next.status.success(), "{}", stderr(&next));
    let reply = &json_lines(&stdout(&next))[0];
    assert_eq!(reply["question"], "what else did he say?");
    assert_eq!(reply["read_as"], "what else did Musk say?");
    assert_ne!(reply["answers"][0]["answer"].as_str().unwrap(), shown, "the answer already given is not given again");
    let other = ws.run(&["ask", "--json", "--conversation", "other", "what did he say?"], None);
    assert!(json_lines(&stdout(&other))[0].get("read_as").is_none(), "another conversation has no earlier turn");
}

#[test]
fn explain_in_a_conversation_explains_the_follow_up_as_read() {
    let ws = Workspace::with_shipped_story();
    let first = ws.run(&["ask", "--conversation", "desk", "Who runs SoftBank?"], None);
    assert!(first.status.success(), "{}", stderr(&first));
    let next = ws.run(&["ask", "--conversation", "desk", "--explain", "and Oracle?"], None);
    assert!(next.status.success(), "{}", stderr(&next));
    let explained = stderr(&next);
    assert!(explained.contains("runs") && explained.contains("oracle"), "the words of 'Who runs Oracle?': {explained}");
}

#[test]
fn a_follow_up_with_no_earlier_question_asks_for_a_full_one() {
    let ws = Workspace::with_shipped_story();
    let out = ws.run(&["ask", "--conversation", "new", "what else?"], None);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("Please ask a full question"), "{}", stderr(&out));
    assert_no_panic(&out);
    let bad = ws.run(&["ask", "--conversation", "a b/c", "Who runs SoftBank?"], None);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--conversation takes an id"), "{}", stderr(&bad));
}

#[test]
fn chat_reads_piped_lines_as_one_conversation_and_stops_at_quit() {
    let ws = Workspace::with_shipped_story();
    let input = "what else?\nWho runs SoftBank?\n\nand Oracle?\nquit\nHow big is Project Stargate?\n";
    let out = ws.run(&["chat"], Some(input));
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("what else?\n  That reads as a follow-up"), "a follow-up with nothing before: {text}");
    assert!(text.contains("and Oracle?\n  Read as: Who runs Oracle?\n"), "{text}");
    assert!(text.contains("Oracle CEO Larry Ellison"), "{text}");
    assert!(!text.contains("How big is Project Stargate?"), "nothing after quit is asked: {text}");
    assert_no_panic(&out);
}

#[test]
fn a_conversation_idle_past_the_expiry_is_over_and_its_follow_up_asks_for_a_full_question() {
    use storybot::store::{conversations, Store};
    let ws = Workspace::with_shipped_story();
    let mut conversation = storybot::answer::Conversation::new();
    common::story().ask_in(&mut conversation, "What did Musk say about Stargate?", 1).unwrap();
    let store = Store::open(&ws.dir.path().join("data")).unwrap();
    let now = storybot::store::now_secs();
    store.save_conversation("cli:fresh", &conversation, now).unwrap();
    store.save_conversation("cli:stale", &conversation, now - conversations::EXPIRY_SECS - 60).unwrap();
    drop(store);
    let fresh = ws.run(&["ask", "--conversation", "fresh", "what else did he say?"], None);
    assert!(fresh.status.success(), "{}", stderr(&fresh));
    assert!(stdout(&fresh).contains("Read as: what else did Musk say?"), "{}", stdout(&fresh));
    let stale = ws.run(&["ask", "--conversation", "stale", "what else did he say?"], None);
    assert_eq!(stale.status.code(), Some(2), "{}", stdout(&stale));
    assert!(stderr(&stale).contains("or the conversation expired"), "{}", stderr(&stale));
}

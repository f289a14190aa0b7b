//! Operations end to end: votes and their export, server settings, a failing database, live
//! reindex, health and metrics, and shards split across processes.

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use storybot::bot::database::VOTE_NOT_SAVED;
use storybot::bot::render::admin::OWNERS_ONLY;

use super::fake::{self, alice, bot_mention, shard_of, FakeDiscord, Place, WAIT};
use super::process::{log_of, serve_with, stop};
use super::{button, description, start};
use crate::common::{run_storybot, Workspace};

/// A second channel of the fake guild.
const ELSEWHERE: &str = "1400000000000000002";
/// A second guild, on the other shard of two (its id's shard bits differ from GUILD's).
const OTHER_GUILD: &str = "1300000000004194305";
const STARGATE: &str = "How big is Project Stargate?";
const NO_COOLDOWN: (&str, &str) = ("STORYBOT_COOLDOWN_SECS", "0");

/// A loopback address with a port nobody listens on now.
fn free_addr() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().to_string()
}

async fn get(addr: &str, path: &str) -> (u16, String) {
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    match client.get(format!("http://{addr}{path}")).send().await {
        Ok(response) => (response.status().as_u16(), response.text().await.unwrap_or_default()),
        Err(_) => (0, String::new()),
    }
}

/// Polls `addr`'s `path` until `done` holds for its body (or fails after 20 s).
async fn wait_for(addr: &str, path: &str, done: impl Fn(u16, &str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (status, body) = get(addr, path).await;
        if done(status, &body) {
            return body;
        }
        assert!(Instant::now() < deadline, "{path} never got there; last: {status} {body}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The value of one metric line (`name{labels}`), 0 when absent.
fn metric(text: &str, series: &str) -> f64 {
    text.lines().find_map(|l| l.strip_prefix(series).and_then(|rest| rest.trim().parse().ok())).unwrap_or(0.0)
}

fn content(callback: &Value) -> String {
    callback["data"]["content"].as_str().unwrap_or_default().to_string()
}

/// Alice clicks the button labelled `label` and gets its callback.
async fn click(fake: &FakeDiscord, message: &Value, label: &str) -> Value {
    let (id, _) = button(message, label);
    let interaction = fake.click(message, &id);
    super::Attached(fake).callback(&interaction).await
}

#[tokio::test]
async fn votes_are_kept_once_per_user_and_exported_as_evaluation_cases() {
    let bot = start().await;
    let liked = bot.posted("ask", &[("question", json!(STARGATE))]).await;
    let thanks = click(&bot.fake, &liked, "👎").await;
    assert!(content(&thanks).contains("👎 is recorded"));
    let thanks = click(&bot.fake, &liked, "👍").await;
    assert_eq!((thanks["type"].as_u64(), thanks["data"]["flags"].as_u64()), (Some(4), Some(64)), "a private thank-you");
    assert!(content(&thanks).contains("👍 is recorded"));
    let nothing = bot.posted("ask", &[("question", json!("What is the weather in Paris today?"))]).await;
    click(&bot.fake, &nothing, "👍").await;
    let disliked = bot.posted("ask", &[("question", json!("Who pays for the data centers?"))]).await;
    click(&bot.fake, &disliked, "👎").await;
    let data_dir = bot.finish().await;
    let data = data_dir.path().to_path_buf();

    let data_arg = data.to_str().unwrap();
    let out = run_storybot(&data, &["feedback", "export", "--data", data_arg], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines = String::from_utf8(out.stdout).unwrap();
    let export = data.join("export.txt");
    std::fs::write(&export, &lines).unwrap();
    let cases = storybot::eval::cases::read(&export, &data).expect("the export reads as evaluation questions");
    let engine = crate::common::story();
    let best = engine.ask(STARGATE, 1).unwrap().answers[0].sentence();
    assert_eq!(cases.len(), 2, "Alice's changed vote counts once, the disliked answer is a comment:\n{lines}");
    assert!(lines.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).all(|l| l.starts_with("held-out | ")));
    assert_eq!(
        (cases[0].question.as_str(), cases[0].gold.clone()),
        (STARGATE, vec![engine.corpus().text(best).to_string()])
    );
    assert_eq!((cases[1].question.as_str(), cases[1].gold.len()), ("What is the weather in Paris today?", 0));
    assert!(
        lines.contains("# disliked (1 of 1 votes)") && lines.contains("# held-out | Who pays for the data centers? |")
    );

    let out = run_storybot(&data, &["feedback", "export", "--json", "--data", data_arg], None);
    let text = String::from_utf8(out.stdout).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!((json[0]["up"].as_u64(), json[0]["down"].as_u64()), (Some(1), Some(0)));
    assert_eq!(json[0]["guilds"], json!([fake::GUILD]));
    assert_eq!(json[2]["phrases"], json!([]));
    assert!(!text.contains(fake::ALICE) && !lines.contains(fake::ALICE), "no user id leaves the database");
}

#[tokio::test]
async fn a_vote_records_the_sentence_its_button_was_made_for_whatever_the_ranking_says_now() {
    use storybot::bot::custom_id::{Action, ButtonState};
    let bot = start().await;
    let message = bot.posted("ask", &[("question", json!(STARGATE))]).await;
    let (up, _) = button(&message, "👍");
    let Ok(ButtonState { version, action: Action::Vote { sentence: Some(best), .. } }) = ButtonState::decode(&up)
    else {
        panic!("a vote button names its sentence: {up}");
    };
    // A button made when another sentence was shown (an earlier ranking) for the same question.
    let engine = crate::common::story();
    let other = engine.corpus().sentence_ids().find(|&id| id != best && id.index() > 3).unwrap();
    let earlier = ButtonState { version, action: Action::Vote { rank: 1, up: true, sentence: Some(other) } };
    let thanks = bot.callback(&bot.fake.click(&message, &earlier.encode())).await;
    assert!(content(&thanks).contains("is recorded"));
    let data_dir = bot.finish().await;
    let data = data_dir.path().to_str().unwrap();
    let out = run_storybot(data_dir.path(), &["feedback", "export", "--json", "--data", data], None);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["phrases"], json!([engine.corpus().text(other)]), "the sentence shown, not today's best");
}

#[tokio::test]
async fn removing_the_bot_from_a_server_deletes_its_votes_and_settings_but_an_outage_does_not() {
    let bot = start().await;
    let answer = bot.posted("ask", &[("question", json!(STARGATE))]).await;
    click(&bot.fake, &answer, "👍").await;
    bot.run_command("config", &[("mentions", json!(false))]).await;
    let db = bot.data.path().join(storybot::store::FILE_NAME);
    let kept = || -> (i64, i64) {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let count = |table: &str| conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0)).unwrap();
        (count("feedback"), count("guild_settings"))
    };
    assert_eq!(kept(), (1, 1));
    bot.fake.dispatch("GUILD_DELETE", json!({"id": fake::GUILD, "unavailable": true}));
    bot.run_command("help", &[]).await;
    assert_eq!(kept(), (1, 1), "a server that is only unavailable keeps its data");
    bot.fake.dispatch("GUILD_DELETE", json!({"id": fake::GUILD}));
    let deadline = Instant::now() + WAIT;
    while kept() != (0, 0) {
        assert!(Instant::now() < deadline, "the server's data was not deleted: {:?}", kept());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    bot.finish().await;
}

#[tokio::test]
async fn a_locked_database_loses_the_vote_but_not_the_answers() {
    let bot = start().await;
    let message = bot.posted("ask", &[("question", json!(STARGATE))]).await;
    let lock = rusqlite::Connection::open(bot.data.path().join(storybot::store::FILE_NAME)).unwrap();
    lock.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let (up, _) = button(&message, "👍");
    let vote = bot.fake.click(&message, &up);
    let answer = bot.run_command("ask", &[("question", json!("Who runs SoftBank?"))]).await;
    assert!(description(&answer["data"]).contains("SoftBank"), "questions are answered while the vote waits");
    let notice = bot.callback(&vote).await;
    assert_eq!((content(&notice).as_str(), notice["data"]["flags"].as_u64()), (VOTE_NOT_SAVED, Some(64)));
    lock.execute_batch("ROLLBACK").unwrap();
    let again = click(&bot.fake, &message, "👍").await;
    assert!(content(&again).contains("is recorded"), "the next vote is kept once the lock is gone");
    bot.finish().await;
}

#[tokio::test]
async fn a_damaged_database_is_reported_left_untouched_and_the_bot_answers_without_it() {
    let fake = FakeDiscord::start().await;
    let ws = Workspace::with_shipped_story();
    let data = ws.dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let garbage = b"not a database, but somebody's file all the same ".repeat(200);
    std::fs::write(data.join(storybot::store::FILE_NAME), &garbage).unwrap();
    let mut child = serve_with(&fake, &ws, None, &[NO_COOLDOWN]);
    fake.ready().await;
    let bot = super::Attached(&fake);
    let message = bot.posted("ask", &[("question", json!(STARGATE))]).await;
    assert!(description(&message).contains("Stargate"));
    let (up, _) = button(&message, "👍");
    let notice = bot.callback(&fake.click(&message, &up)).await;
    assert_eq!(content(&notice), VOTE_NOT_SAVED);
    let refused = bot.run_command("config", &[("mentions", json!(false))]).await;
    assert!(content(&refused).contains("runs without its database"), "{refused}");
    assert!(stop(&mut child).await.success());
    let log = log_of(&ws);
    assert!(log.contains("damaged or not a storybot database"), "{log}");
    assert_eq!(std::fs::read(data.join(storybot::store::FILE_NAME)).unwrap(), garbage, "the file is not replaced");
    super::assert_valid_requests(&fake);
}

#[tokio::test]
async fn config_sets_private_answers_mentions_and_channels_for_the_server() {
    let bot = start().await;
    let put = bot.fake.requests().into_iter().find(|r| r.method == "PUT").unwrap();
    for admin in ["config", "reindex"] {
        let command = put.body.as_array().unwrap().iter().find(|c| c["name"] == admin).unwrap();
        assert_eq!(command["default_member_permissions"], "32", "{admin} needs Manage Server");
        assert_eq!(command["contexts"], json!([0]), "{admin} is for servers only");
    }
    let shown = bot.run_command("config", &[]).await;
    assert_eq!(shown["data"]["flags"], 64);
    assert_eq!(shown["data"]["embeds"][0]["title"], "Settings for this server");
    assert!(shown["data"]["embeds"][0]["fields"][0]["value"].as_str().unwrap().starts_with("public"));

    let saved = bot.run_command("config", &[("private_answers", json!(true)), ("mentions", json!(false))]).await;
    assert_eq!(saved["data"]["embeds"][0]["title"], "Settings saved");
    let private = bot.run_command("ask", &[("question", json!(STARGATE))]).await;
    assert_eq!(private["data"]["flags"], 64, "answers are private by default now");
    button(&private["data"], "Share");
    let public = bot.run_command("ask", &[("question", json!(STARGATE)), ("private", json!(false))]).await;
    assert!(public["data"]["flags"].as_u64().unwrap_or(0) & 64 == 0, "the asker can still choose");
    let facts = bot.run_command("facts", &[]).await;
    assert_eq!(facts["data"]["flags"], 64, "every answering command follows the setting");

    let mark = bot.fake.mark();
    let mention = bot.fake.message(&format!("<@{}> who runs SoftBank?", fake::BOT), alice(), vec![bot_mention()], true);
    let dm = bot.fake.message("who runs SoftBank?", alice(), vec![], false);
    let reply = bot.fake.request_after(mark, WAIT, |r| r.path.ends_with("/messages") && r.method == "POST").await;
    assert_eq!(reply.body["message_reference"]["message_id"], dm, "direct messages are still answered");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let replies_to_mention = bot.fake.count_after(mark, |r| r.body["message_reference"]["message_id"] == mention);
    assert_eq!(replies_to_mention, 0, "mentions are off on this server");

    let limited = bot.run_command("config", &[("allow_channel", json!({"channel": ELSEWHERE}))]).await;
    assert_eq!(limited["data"]["embeds"][0]["fields"][2]["value"], format!("<#{ELSEWHERE}>"));
    let refused = bot.run_command("ask", &[("question", json!(STARGATE)), ("private", json!(false))]).await;
    assert_eq!(content(&refused), format!("On this server I answer in <#{ELSEWHERE}> only."));
    assert_eq!(refused["data"]["flags"], 64);
    let id = bot.fake.command_in(ELSEWHERE, "ask", &[("question", json!(STARGATE)), ("private", json!(false))]);
    assert!(description(&bot.callback(&id).await["data"]).contains("Stargate"), "answered in the allowed channel");
    let help = bot.run_command("help", &[]).await;
    assert!(content(&help).contains("/ask"), "help works everywhere");
    let id = bot.fake.command_by(fake::BOB, "reindex", &[]);
    let refused = bot.callback(&id).await;
    assert_eq!((content(&refused).as_str(), refused["data"]["flags"].as_u64()), (OWNERS_ONLY, Some(64)));
    let every = bot.run_command("config", &[("all_channels", json!(true))]).await;
    assert_eq!(every["data"]["embeds"][0]["fields"][2]["value"], "every channel");
    let odd = bot.run_command("config", &[("remove_channel", json!({"channel": ELSEWHERE}))]).await;
    assert!(content(&odd).contains("allow_channel"), "removing from 'every channel' explains itself");
    bot.finish().await;
}

/// The story file of a workspace.
fn story_file(ws: &Workspace) -> std::path::PathBuf {
    std::fs::read_dir(ws.corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .unwrap()
}

#[tokio::test]
async fn corpus_changes_and_reindex_swap_the_new_story_in_and_a_broken_change_keeps_the_old() {
    let addr = free_addr();
    let fake = FakeDiscord::start().await;
    let ws = Workspace::with_shipped_story();
    let mut child = serve_with(&fake, &ws, None, &[("STORYBOT_METRICS_ADDR", &addr), NO_COOLDOWN]);
    fake.ready().await;
    let bot = super::Attached(&fake);
    let question = "What colour was the ferry painted?";
    let before = bot.run_command("ask", &[("question", json!(question))]).await;
    assert!(description(&before["data"]).contains("The story doesn't say."));

    let file = story_file(&ws);
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str("\nThe company ferry was painted bright green for the launch.\n");
    std::fs::write(&file, &text).unwrap();
    wait_for(&addr, "/metrics", |_, m| metric(m, "storybot_reindex_total{outcome=\"swapped\"}") == 1.0).await;
    let after = bot.run_command("ask", &[("question", json!(question))]).await;
    assert!(description(&after["data"]).contains("bright green for the launch"), "{after}");

    let id = fake.command("reindex", &[]);
    let deferred = bot.callback(&id).await;
    assert_eq!((deferred["type"].as_u64(), deferred["data"]["flags"].as_u64()), (Some(5), Some(64)));
    let token = format!("interaction-token-{id}");
    let edit = fake.request_after(0, WAIT, |r| r.path.contains(&token) && r.path.contains("/webhooks/")).await;
    assert!(edit.body["content"].as_str().unwrap().contains("have not changed"), "{:?}", edit.body);

    std::fs::write(ws.corpus().join("broken.txt"), "+++\ntitle = \n+++\nA story with broken front matter.\n").unwrap();
    wait_for(&addr, "/metrics", |_, m| metric(m, "storybot_reindex_total{outcome=\"failed\"}") >= 1.0).await;
    let still = bot.run_command("ask", &[("question", json!(question))]).await;
    assert!(
        description(&still["data"]).contains("bright green for the launch"),
        "the previous version stays in service"
    );
    let again = bot.run_command("reindex", &[]).await;
    assert!(content(&again).contains("you can reload it again in"), "one reload per 30 s: {again}");
    assert_eq!(again["data"]["flags"], 64);
    assert!(stop(&mut child).await.success());
    let log = log_of(&ws);
    assert!(log.contains("broken.txt") && log.contains("previous version stays in service"), "{log}");
    super::assert_valid_requests(&fake);
}

#[tokio::test]
async fn healthz_waits_for_every_shard_and_metrics_count_requests_reconnects_and_rest_errors() {
    let addr = free_addr();
    let fake = FakeDiscord::start().await;
    fake.recommend_shards(2);
    let ws = Workspace::with_shipped_story();
    let mut child = serve_with(&fake, &ws, None, &[("STORYBOT_METRICS_ADDR", &addr), NO_COOLDOWN]);
    fake.ready().await;
    // DISCORD_SHARDS is unset (auto): Discord recommends two, and serenity starts the second
    // about five seconds after the first.
    let (status, body) = get(&addr, "/healthz").await;
    assert_eq!(status, 503, "one of two shards connected is not healthy: {body}");
    let report: Value = serde_json::from_str(&body).unwrap();
    assert_eq!((report["shards_expected"].as_u64(), report["shards_connected"].as_u64()), (Some(2), Some(1)));
    let body = wait_for(&addr, "/healthz", |status, _| status == 200).await;
    let report: Value = serde_json::from_str(&body).unwrap();
    assert_eq!((report["healthy"].as_bool(), report["index_loaded"].as_bool()), (Some(true), Some(true)));
    let out = run_storybot(ws.dir.path(), &["health", "--addr", &addr], None);
    assert!(out.status.success() && String::from_utf8_lossy(&out.stdout).contains("\"healthy\":true"));
    assert_eq!(fake.identified_shards().len(), 2);

    let bot = super::Attached(&fake);
    let answered = bot.posted("ask", &[("question", json!(STARGATE))]).await;
    bot.run_command("ask", &[("question", json!("What is the weather in Paris today?"))]).await;
    bot.run_command("search", &[("query", json!("Stargate"))]).await;
    click(&fake, &answered, "👍").await;
    let mark = fake.mark();
    fake.message(&format!("<@{}> who runs SoftBank?", fake::BOT), alice(), vec![bot_mention()], true);
    fake.request_after(mark, WAIT, |r| r.path.ends_with("/messages")).await;
    fake.fail_next("/callback", 500, 1);
    let mark = fake.mark();
    fake.command("story", &[]);
    fake.request_after(mark, WAIT, |r| r.path.contains("/webhooks/") || r.path.ends_with("/callback")).await;
    let payloads = fake.payloads().len();
    fake.drop_connection();
    fake.payload_after(payloads, 6, WAIT).await;

    // A request's duration is observed after its reply is sent: wait for it as well.
    let metrics = wait_for(&addr, "/metrics", |_, m| {
        metric(m, "storybot_gateway_reconnects_total") >= 1.0
            && metric(m, "storybot_request_duration_seconds_count{kind=\"command\"}") >= 4.0
    })
    .await;
    let m = |series: &str| metric(&metrics, series);
    assert_eq!(m("storybot_commands_total{command=\"ask\"}"), 2.0, "{metrics}");
    assert_eq!(m("storybot_commands_total{command=\"search\"}"), 1.0);
    assert_eq!(m("storybot_mentions_total{kind=\"mention\"}"), 1.0);
    assert_eq!(m("storybot_answers_total{outcome=\"answer\"}"), 2.0, "the ask and the mention");
    assert_eq!(m("storybot_answers_total{outcome=\"no_answer\"}"), 1.0);
    assert_eq!(m("storybot_buttons_total{action=\"vote\"}"), 1.0);
    assert_eq!(m("storybot_feedback_votes_total{vote=\"up\",stored=\"yes\"}"), 1.0);
    assert_eq!(m("storybot_request_duration_seconds_count{kind=\"command\"}"), 4.0);
    assert!(metrics.contains("storybot_request_duration_seconds_bucket{kind=\"command\",le=\"0.005\"}"));
    assert_eq!(m("storybot_rest_errors_total{status=\"500\"}"), 1.0);
    assert_eq!(m("storybot_gateway_shards_connected"), 2.0);
    assert!(m("storybot_index_sentences") > 20.0);
    assert!(metrics.contains("# TYPE storybot_commands_total counter"));
    assert!(stop(&mut child).await.success());
}

#[tokio::test]
async fn two_processes_split_the_shards_and_each_answers_the_guilds_of_its_own() {
    let fake = FakeDiscord::start().await;
    let (spaces, addrs) =
        ([Workspace::with_shipped_story(), Workspace::with_shipped_story()], [free_addr(), free_addr()]);
    let mut children: Vec<_> = (0..2)
        .map(|i| {
            let range = i.to_string();
            let env = [
                ("DISCORD_SHARDS", "2"),
                ("DISCORD_SHARD_RANGE", range.as_str()),
                ("STORYBOT_METRICS_ADDR", &addrs[i]),
            ];
            serve_with(&fake, &spaces[i], Some("storybot=info"), &env)
        })
        .collect();
    for addr in &addrs {
        wait_for(addr, "/healthz", |status, _| status == 200).await;
    }
    let mut shards = fake.identified_shards();
    shards.sort_unstable();
    assert_eq!(shards, [[0, 2], [1, 2]], "each process identifies its own shard of two");
    assert_eq!(fake.count_after(0, |r| r.method == "PUT"), 1, "only the process with shard 0 registers commands");

    assert_ne!(shard_of(fake::GUILD, 2), shard_of(OTHER_GUILD, 2));
    for guild in [fake::GUILD, OTHER_GUILD] {
        let shard = shard_of(guild, 2);
        let id = fake.command_on_shard(
            shard,
            Place { guild, channel: fake::CHANNEL },
            "ask",
            &[("question", json!(STARGATE))],
        );
        let reply = super::Attached(&fake).callback(&id).await;
        assert!(description(&reply["data"]).contains("Stargate"), "guild {guild} on shard {shard}");
    }
    for child in &mut children {
        assert!(stop(child).await.success());
    }
    for (i, ws) in spaces.iter().enumerate() {
        let log = log_of(ws);
        assert_eq!(log.matches("command=ask").count(), 1, "process {i} answered its own guild once:\n{log}");
    }
    super::assert_valid_requests(&fake);
}

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

use super::fake::{self, alice, bot_mention, FakeDiscord, WAIT};
use super::{description, start};
use crate::common::Workspace;

/// serenity waits about 5 s before identifying again after an invalid session.
const REIDENTIFY: Duration = Duration::from_secs(20);

async fn asks_and_gets_an_answer(bot: &super::Running) {
    let reply = bot.run_command("ask", &[("question", json!("Who runs SoftBank?"))]).await;
    assert!(description(&reply["data"]).contains("SoftBank CEO"));
}

/// Does `fault` to a running bot, waits until it has sent each gateway opcode of `then`
/// (6 RESUME, 2 IDENTIFY) on a new connection, then checks it still answers. Returns the
/// last of those payloads.
async fn recovers_from(fault: impl FnOnce(&FakeDiscord), then: &[u64]) -> serde_json::Value {
    let bot = start().await;
    let seen = bot.fake.payloads().len();
    fault(&bot.fake);
    let mut payload = None;
    for &op in then {
        let p = bot.fake.payload_after(seen, op, REIDENTIFY).await;
        assert!(p.connection > 1, "op {op} on a new connection");
        payload = Some(p);
    }
    let payload = payload.expect("at least one opcode to wait for");
    // A fresh IDENTIFY is answered with READY; give the bot a moment to take it in.
    tokio::time::sleep(Duration::from_millis(200)).await;
    asks_and_gets_an_answer(&bot).await;
    bot.finish().await;
    payload.body
}

#[tokio::test]
async fn after_a_reconnect_request_the_bot_resumes_and_answers() {
    let resume = recovers_from(|fake| fake.send_op(json!({"op": 7, "d": null})), &[6]).await;
    assert_eq!(resume["d"]["session_id"], "session-1");
}

#[tokio::test]
async fn after_an_invalid_session_the_bot_identifies_again_and_answers() {
    recovers_from(|fake| fake.send_op(json!({"op": 9, "d": false})), &[2]).await;
}

#[tokio::test]
async fn after_the_socket_drops_the_bot_resumes_and_answers() {
    recovers_from(FakeDiscord::drop_connection, &[6]).await;
}

#[tokio::test]
async fn after_a_resumable_close_the_bot_resumes_and_answers() {
    recovers_from(|fake| fake.close(4000), &[6]).await;
}

#[tokio::test]
async fn when_a_resume_is_refused_the_bot_identifies_again_and_answers() {
    recovers_from(
        |fake| {
            fake.refuse_resume();
            fake.drop_connection();
        },
        &[6, 2],
    )
    .await;
}

#[tokio::test]
async fn a_rate_limited_or_failed_reply_is_logged_and_the_bot_keeps_serving() {
    let bot = start().await;
    bot.fake.fail_next("/messages", 429, 1);
    bot.fake.fail_next("/callback", 500, 1);
    let mark = bot.fake.mark();
    let mention = format!("<@{}> who runs SoftBank?", fake::BOT);
    bot.fake.message(&mention, alice(), vec![bot_mention()], true);
    let first = bot.fake.request_after(mark, WAIT, |r| r.path.ends_with("/messages")).await;
    assert!(first.body["embeds"].is_array(), "the reply was attempted (and refused with 429)");
    let failed = bot.fake.command("ask", &[("question", json!("Who runs SoftBank?"))]);
    bot.callback(&failed).await;
    let after = bot.fake.mark();
    bot.fake.message(&mention, alice(), vec![bot_mention()], true);
    let second = bot.fake.request_after(after, WAIT, |r| r.path.ends_with("/messages")).await;
    assert!(description(&second.body).contains("SoftBank CEO"));
    asks_and_gets_an_answer(&bot).await;
    bot.finish().await;
}

#[tokio::test]
async fn a_failed_command_registration_stops_the_bot_with_an_error() {
    let fake = FakeDiscord::start().await;
    fake.fail_next("/commands", 500, 1);
    let (_stop, bot) = super::launch(&fake, Duration::ZERO, true);
    let result = tokio::time::timeout(Duration::from_secs(20), bot).await.expect("the bot stops by itself").unwrap();
    let err = format!("{:#}", result.expect_err("registration failed"));
    assert!(err.starts_with("command registration failed"), "{err}");
}

/// `storybot serve` as a process, pointed at the fake; its output goes to `serve.log` in the
/// workspace (a pipe nobody reads would fill up and block it).
fn serve(fake: &FakeDiscord, ws: &Workspace, rust_log: Option<&str>) -> Child {
    let log = std::fs::File::create(ws.dir.path().join("serve.log")).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_storybot"));
    match rust_log {
        Some(filter) => command.env("RUST_LOG", filter),
        None => command.env_remove("RUST_LOG"),
    };
    command
        .arg("serve")
        .current_dir(ws.dir.path())
        .env("DISCORD_TOKEN", fake::TOKEN)
        .env("DISCORD_GUILD_ID", fake::GUILD)
        .env("DISCORD_API_BASE", &fake.rest_base)
        .env_remove("STORYBOT_CORPUS_DIR")
        .env_remove("STORYBOT_INDEX_DIR")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("storybot serve starts")
}

async fn wait_exit(child: &mut Child, timeout: Duration) -> std::process::ExitStatus {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        assert!(Instant::now() < deadline, "storybot serve did not exit within {timeout:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn log_of(ws: &Workspace) -> String {
    String::from_utf8_lossy(&std::fs::read(ws.dir.path().join("serve.log")).unwrap()).into_owned()
}

fn assert_token_absent(log: &str) {
    for part in fake::TOKEN.split('.') {
        assert!(!log.contains(part), "a piece of the token appears in the output");
    }
}

#[tokio::test]
async fn an_invalid_token_ends_serve_with_a_clear_message_and_a_failure_code() {
    let fake = FakeDiscord::start().await;
    fake.reject_identify_with(4004);
    let ws = Workspace::with_shipped_story();
    // Every level of every crate's log, to be sure the token is in none of them.
    let mut child = serve(&fake, &ws, Some("trace"));
    let status = wait_exit(&mut child, Duration::from_secs(30)).await;
    let log = log_of(&ws);
    assert!(!status.success());
    assert!(log.contains("Discord rejected the bot token"), "{log}");
    assert_token_absent(&log);
}

#[tokio::test]
async fn sigterm_shuts_serve_down_cleanly_with_exit_code_0() {
    let fake = FakeDiscord::start().await;
    let ws = Workspace::with_shipped_story();
    // An empty RUST_LOG, as a copied .env.example leaves it, means the default filter.
    let mut child = serve(&fake, &ws, Some(""));
    fake.ready().await;
    let id = fake.command("ask", &[("question", json!("Who runs SoftBank?"))]);
    let path = format!("/interactions/{id}/");
    fake.request_after(0, WAIT, |r| r.path.contains(&path)).await;
    let killed = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let status = wait_exit(&mut child, Duration::from_secs(15)).await;
    let log = log_of(&ws);
    assert!(status.success(), "exit status {status:?}\n{log}");
    assert!(log.contains("shutting down"));
    let line = log.lines().find(|l| l.contains("command=ask")).unwrap_or_else(|| panic!("no log line for /ask: {log}"));
    assert!(line.contains(&format!("user={}", fake::ALICE)) && line.contains("latency_ms="), "{line}");
    assert!(!log.contains("Who runs SoftBank"), "message content is not logged by default");
    assert_token_absent(&log);
    super::assert_valid_requests(&fake);
}

#[tokio::test]
async fn a_missing_token_fails_fast_naming_the_variable() {
    let ws = Workspace::with_shipped_story();
    let out = Command::new(env!("CARGO_BIN_EXE_storybot"))
        .arg("serve")
        .current_dir(ws.dir.path())
        .env_remove("DISCORD_TOKEN")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("DISCORD_TOKEN is not set"));
}

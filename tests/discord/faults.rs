use std::process::Command;
use std::time::Duration;

use serde_json::json;

use super::fake::{self, alice, bot_mention, FakeDiscord, WAIT};
use super::process::{assert_token_absent, log_of, serve, serve_with, serving, stop, wait_exit};
use super::{description, start};
use crate::common::Workspace;

/// serenity waits about 5 s before identifying again after an invalid session.
const REIDENTIFY: Duration = Duration::from_secs(20);

async fn asks_and_gets_an_answer(bot: &super::Running) {
    let reply = bot.run_command("ask", &[("question", json!("Who runs SoftBank?"))]).await;
    assert!(description(&reply["data"]).contains("Masayoshi Son"));
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
    // The command goes out on the new connection after READY or RESUMED, in order.
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
    assert!(description(&second.body).contains("Masayoshi Son"));
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
async fn a_token_refused_when_asking_for_the_shard_count_ends_serve_with_the_same_advice() {
    let fake = FakeDiscord::start().await;
    fake.fail_next("/gateway/bot", 401, 1);
    let ws = Workspace::with_shipped_story();
    let mut child = serve(&fake, &ws, None);
    let status = wait_exit(&mut child, Duration::from_secs(30)).await;
    let log = log_of(&ws);
    assert_eq!(status.code(), Some(1));
    assert!(
        log.contains("cannot ask Discord how many shards to run") && log.contains("Discord rejected the bot token"),
        "{log}"
    );
    assert_eq!(fake.identified_shards().len(), 0, "nothing connects with a refused token");
}

#[tokio::test]
async fn sigterm_shuts_serve_down_cleanly_with_exit_code_0() {
    // An empty RUST_LOG, as a copied .env.example leaves it, means the default filter.
    let (fake, ws, mut child) = serving(Some(""), &[]).await;
    let id = fake.command("ask", &[("question", json!("Who runs SoftBank?"))]);
    let path = format!("/interactions/{id}/");
    fake.request_after(0, WAIT, |r| r.path.contains(&path)).await;
    let status = stop(&mut child).await;
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

/// One user asks many times in these tests.
const NO_COOLDOWN: &[(&str, &str)] = &[("STORYBOT_COOLDOWN_SECS", "0")];

/// How long the gateway keeps dropping the socket.
const FLAKY_FOR: Duration = Duration::from_secs(60);

#[tokio::test]
async fn with_the_socket_dropped_every_few_events_for_a_minute_every_command_is_answered() {
    if !crate::common::slow_tests("the one-minute soak test") {
        return;
    }
    let bot = start().await;
    let until = std::time::Instant::now() + FLAKY_FOR;
    let (mut drops, mut answered) = (0, 0);
    while std::time::Instant::now() < until {
        for _ in 0..3 {
            asks_and_gets_an_answer(&bot).await;
            answered += 1;
        }
        let seen = bot.fake.payloads().len();
        bot.fake.drop_connection();
        drops += 1;
        let resume = bot.fake.payload_after(seen, 6, REIDENTIFY).await;
        assert!(resume.connection > drops, "a new connection after drop {drops}");
        // RESUMED has been sent with the reply to RESUME; give serenity a moment to read it.
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(drops >= 10 && answered == drops * 3, "{drops} drops, {answered} answers");
    bot.finish().await;
}

#[tokio::test]
async fn with_rest_replies_slowed_to_two_seconds_every_command_is_answered_in_time() {
    let bot = start().await;
    bot.fake.slow_down(Duration::from_secs(2));
    let sent = std::time::Instant::now();
    let ids: Vec<String> =
        (0..10).map(|_| bot.fake.command("ask", &[("question", json!("Who runs SoftBank?"))])).collect();
    for id in &ids {
        let path = format!("/interactions/{id}/");
        let reply = bot.fake.request_after(0, WAIT, |r| r.path.contains(&path)).await;
        assert!(
            reply.at.duration_since(sent) < Duration::from_secs(3),
            "the callback is made within Discord's deadline"
        );
        assert!(description(&reply.body["data"]).contains("Masayoshi Son"));
    }
    bot.fake.slow_down(Duration::ZERO);
    asks_and_gets_an_answer(&bot).await;
    bot.finish().await;
}

#[tokio::test]
async fn bursts_of_500s_and_429s_on_replies_are_logged_and_every_later_command_is_answered() {
    let (fake, ws, mut child) = serving(Some("storybot=info"), NO_COOLDOWN).await;
    fake.fail_next("/callback", 429, 5);
    fake.fail_next("/callback", 500, 5);
    let mark = fake.mark();
    let ids: Vec<String> = (0..10).map(|_| fake.command("ask", &[("question", json!("Who runs SoftBank?"))])).collect();
    // Each command's reply is attempted; the refused ones are followed by one private notice.
    for id in &ids {
        let path = format!("/interactions/{id}/");
        fake.request_after(mark, WAIT, |r| r.path.contains(&path)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let after = fake.mark();
    for _ in 0..5 {
        let id = fake.command("ask", &[("question", json!("Who runs SoftBank?"))]);
        let path = format!("/interactions/{id}/");
        let reply = fake.request_after(after, WAIT, |r| r.path.contains(&path)).await;
        assert!(description(&reply.body["data"]).contains("Masayoshi Son"), "served normally after the burst");
    }
    assert!(stop(&mut child).await.success());
    let log = log_of(&ws);
    let dropped = |status: &str| {
        log.lines().filter(|l| l.contains("so it was dropped") && l.contains(&format!("status={status}"))).count()
    };
    // Five refusals of each kind, each logged: a refused answer, or the notice sent after one.
    assert_eq!((dropped("429"), dropped("500")), (5, 5), "each refused reply is logged:\n{log}");
    assert_token_absent(&log);
}

#[tokio::test]
async fn deleting_the_index_folder_while_serving_loses_no_answer_and_a_restart_rebuilds_it() {
    let (fake, ws, mut child) = serving(None, NO_COOLDOWN).await;
    let ask = |fake: &FakeDiscord| fake.command("ask", &[("question", json!("Who runs SoftBank?"))]);
    let first = ask(&fake);
    fake.request_after(0, WAIT, |r| r.path.contains(&first)).await;
    std::fs::remove_dir_all(ws.index()).unwrap();
    for _ in 0..3 {
        let id = ask(&fake);
        let reply = fake.request_after(0, WAIT, |r| r.path.contains(&id)).await;
        assert!(
            description(&reply.body["data"]).contains("Masayoshi Son"),
            "the open index keeps answering: {} {}",
            reply.path,
            reply.body
        );
    }
    assert!(stop(&mut child).await.success());

    let fake = FakeDiscord::start().await;
    let mut child = serve_with(&fake, &ws, None, NO_COOLDOWN);
    fake.ready().await;
    let id = ask(&fake);
    let reply = fake.request_after(0, WAIT, |r| r.path.contains(&id)).await;
    assert!(description(&reply.body["data"]).contains("Masayoshi Son"));
    assert!(std::fs::read_dir(ws.index()).unwrap().count() > 0, "the index was built again");
    assert!(stop(&mut child).await.success());
}

#[tokio::test]
async fn sigterm_with_commands_in_flight_answers_them_or_logs_what_it_dropped() {
    let (fake, ws, mut child) = serving(None, NO_COOLDOWN).await;
    // Slow replies keep the commands running when the signal arrives.
    fake.slow_down(Duration::from_millis(1500));
    let mark = fake.mark();
    let ids: Vec<String> = (0..20).map(|_| fake.command("ask", &[("question", json!("Who runs SoftBank?"))])).collect();
    fake.request_after(mark, WAIT, |r| r.path.contains("/callback")).await;
    let status = stop(&mut child).await;
    let log = log_of(&ws);
    assert!(status.success(), "{log}");
    let answered = ids.iter().filter(|id| fake.count_after(mark, |r| r.path.contains(id.as_str())) > 0).count();
    let dropped: usize = log
        .lines()
        .filter(|l| l.contains("dropped"))
        .map(|l| l.split("dropped=").nth(1).and_then(|n| n.split_whitespace().next()?.parse().ok()).unwrap_or(1))
        .sum();
    assert!(answered > 0, "{log}");
    assert!(
        answered + dropped >= ids.len(),
        "{answered} answered + {dropped} logged as dropped < {}\n{log}",
        ids.len()
    );
    assert!(log.contains("every running request finished") || dropped > 0, "{log}");
}

#[tokio::test]
async fn the_token_never_appears_in_any_log_line_from_start_to_shutdown() {
    let (fake, ws, mut child) = serving(Some("trace"), NO_COOLDOWN).await;
    let mark = fake.mark();
    // A command, a user error, a refused reply, a mention, then a dropped connection.
    let ok = fake.command("ask", &[("question", json!("Who runs SoftBank?"))]);
    let empty = fake.command("ask", &[("question", json!(""))]);
    fake.fail_next("/callback", 500, 1);
    let refused = fake.command("ask", &[("question", json!("How big is Stargate?"))]);
    fake.message(&format!("<@{}> who runs SoftBank?", fake::BOT), alice(), vec![bot_mention()], true);
    for id in [&ok, &empty, &refused] {
        fake.request_after(mark, WAIT, |r| r.path.contains(id.as_str())).await;
    }
    fake.request_after(mark, WAIT, |r| r.path.ends_with("/messages")).await;
    fake.drop_connection();
    fake.payload_after(0, 6, REIDENTIFY).await;
    assert!(stop(&mut child).await.success());
    let log = log_of(&ws);
    assert!(
        log.contains("TRACE") && log.contains("so it was dropped"),
        "every level, a refused reply included:\n{log}"
    );
    assert_token_absent(&log);
    // The token travels only in the Authorization header, and only as a bot token.
    for r in fake.requests() {
        let auth = r.authorization.as_deref().unwrap_or_default();
        assert!(auth.is_empty() || auth == format!("Bot {}", fake::TOKEN), "{}", r.path);
        assert!(!r.body.to_string().contains(fake::TOKEN.split('.').next().unwrap_or_default()), "{}", r.path);
    }
}

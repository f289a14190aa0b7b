//! Load: 200 users sending 2,000 commands and mentions at once to `storybot serve`.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::fake::{self, bot_mention, user, FakeDiscord};
use super::process::{log_of, serving, stop};
use super::{assert_valid_requests, description};

const USERS: usize = 200;
const EACH: usize = 10;
/// Discord's deadline for the first reply to an interaction.
const DEADLINE: Duration = Duration::from_secs(3);
const QUESTION: &str = "Who runs SoftBank?";
const ANSWER: &str = "Masayoshi Son";
const COOLDOWN: &str = "One moment, please";

/// What one user's request got: the reply's body (null for a reaction), and when it arrived.
struct Reply {
    body: Value,
    at: Instant,
}

impl Reply {
    /// A mention in the cooldown gets the ⏳ reaction; a command, a private notice.
    fn is_cooldown(&self) -> bool {
        self.body.is_null() || shown(&self.body).contains(COOLDOWN)
    }
}

/// Sends the burst: every user sends `EACH` requests, alternating `/ask` and an @mention.
/// Returns each request's user, keyed by interaction id or message id.
fn burst(fake: &FakeDiscord, round: usize) -> (HashMap<String, String>, HashMap<String, String>) {
    let (mut commands, mut mentions) = (HashMap::new(), HashMap::new());
    let users: Vec<String> = (0..USERS).map(|u| format!("16{round}{u:016}")).collect();
    for i in 0..EACH {
        for id in &users {
            if i % 2 == 0 {
                commands.insert(fake.command_by(id, "ask", &[("question", json!(QUESTION))]), id.clone());
            } else {
                let content = format!("<@{}> {QUESTION}", fake::BOT);
                mentions.insert(fake.message(&content, user(id), vec![bot_mention()], true), id.clone());
            }
        }
    }
    (commands, mentions)
}

/// Waits until every request of the burst has its reply, or `timeout`.
async fn replies(fake: &FakeDiscord, mark: usize, expected: usize, timeout: Duration) -> Vec<(String, Reply)> {
    let deadline = Instant::now() + timeout;
    loop {
        let requests = fake.requests();
        let replies: Vec<(String, Reply)> = requests[mark..]
            .iter()
            .filter(|r| r.method == "POST" || r.path.contains("/reactions/"))
            .filter_map(|r| {
                let key = if let Some(rest) = r.path.split("/messages/").nth(1).filter(|_| r.method == "PUT") {
                    rest.split('/').next()?.to_string()
                } else if let Some(rest) = r.path.split("/interactions/").nth(1) {
                    rest.split('/').next()?.to_string()
                } else if r.path.ends_with("/messages") {
                    r.body["message_reference"]["message_id"].as_str()?.to_string()
                } else {
                    return None;
                };
                Some((key, Reply { body: r.body.clone(), at: r.at }))
            })
            .collect();
        if replies.len() >= expected || Instant::now() > deadline {
            return replies;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The text a reply shows: an embed's description, or the plain content.
fn shown(body: &Value) -> String {
    let data = if body["data"].is_object() { &body["data"] } else { body };
    let content = data["content"].as_str().unwrap_or_default();
    format!("{content}{}", description(data))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_users_at_once_are_each_answered_once_in_time_with_exact_cooldowns() {
    if !crate::common::slow_tests("the load test") {
        return;
    }
    // A cooldown far longer than the test: each user gets exactly one answer per round.
    let (fake, ws, mut child) = serving(Some("warn"), &[("STORYBOT_COOLDOWN_SECS", "3600")]).await;
    for round in 0..3 {
        let mark = fake.mark();
        let sent = Instant::now();
        let (commands, mentions) = burst(&fake, round);
        let replies = replies(&fake, mark, USERS * EACH, Duration::from_secs(60)).await;

        let mut per_request: HashMap<&str, usize> = HashMap::new();
        let mut answers_per_user: HashMap<&str, usize> = HashMap::new();
        for (key, reply) in &replies {
            *per_request.entry(key.as_str()).or_default() += 1;
            let Some(user) = commands.get(key).or_else(|| mentions.get(key)) else { continue };
            let text = shown(&reply.body);
            if text.contains(ANSWER) {
                *answers_per_user.entry(user.as_str()).or_default() += 1;
            } else {
                assert!(reply.is_cooldown(), "round {round}: neither an answer nor a cooldown: {text}");
            }
            if mentions.contains_key(key) && !text.contains(ANSWER) {
                assert!(reply.body.is_null(), "round {round}: a mention in the cooldown got a message: {text}");
            }
            if commands.contains_key(key) {
                let waited = reply.at.duration_since(sent);
                assert!(waited <= DEADLINE, "round {round}: an interaction answered after {waited:?}");
            }
        }
        let lost: Vec<&String> =
            commands.keys().chain(mentions.keys()).filter(|k| !per_request.contains_key(k.as_str())).collect();
        assert!(lost.is_empty(), "round {round}: {} of {} requests got no reply", lost.len(), USERS * EACH);
        assert!(per_request.values().all(|&n| n == 1), "round {round}: a request was answered twice");
        assert_eq!(answers_per_user.len(), USERS, "round {round}: every user gets an answer");
        assert!(answers_per_user.values().all(|&n| n == 1), "round {round}: one answer per user per cooldown");
    }
    assert!(stop(&mut child).await.success(), "{}", log_of(&ws));
    assert_valid_requests(&fake);
}

use std::time::Duration;

use serde_json::{json, Value};
use storybot::answer::Conversation;
use storybot::bot::render;
use storybot::store::{conversations, Store};

use super::fake::{self, alice, bot_mention, WAIT};
use super::{description, start, start_reading_every_message, Running};

/// Runs `/ask` with `options` and waits until the bot has opened its thread and taken it as
/// its own; returns the message the answer became and the thread.
async fn ask_in_a_thread(bot: &Running, options: &[(&str, Value)]) -> (Value, Value) {
    let id = bot.fake.command("ask", options);
    bot.fake.request_after(0, WAIT, |r| r.path.ends_with("/threads")).await;
    let answer = bot.fake.original(&id).expect("the answer was posted");
    let thread = bot.fake.threads().pop().expect("a thread was opened");
    let store = Store::open(bot.data.path()).unwrap();
    let thread_id = thread["id"].as_str().unwrap().parse().unwrap();
    tokio::time::timeout(WAIT, async {
        while !store.is_bot_thread(thread_id).unwrap() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the bot remembers its thread");
    (answer, thread)
}

#[tokio::test]
async fn ask_with_thread_opens_a_thread_named_after_the_question_on_the_answer() {
    let bot = start().await;
    let question = json!("Who runs SoftBank?");
    let (answer, thread) = ask_in_a_thread(&bot, &[("question", question.clone()), ("thread", json!(true))]).await;
    let opened = bot.fake.request_after(0, WAIT, |r| r.path.ends_with("/threads")).await;
    let answer_id = answer["id"].as_str().unwrap();
    assert_eq!(opened.path, format!("/api/v10/channels/{}/messages/{answer_id}/threads", fake::CHANNEL));
    assert_eq!(opened.body["name"], question);
    assert!(description(&answer).contains("Masayoshi Son"), "the answer itself is unchanged");
    // A follow-up in the thread, with a mention: answered in the thread, in its conversation.
    let thread_id = thread["id"].as_str().unwrap();
    let mark = bot.fake.mark();
    let asked = bot.fake.message_in(
        thread_id,
        &format!("<@{}> what did he say?", fake::BOT),
        alice(),
        vec![bot_mention()],
        true,
    );
    let reply = bot.fake.posted_in(thread_id, mark).await.body;
    assert_eq!(reply["message_reference"]["message_id"], asked);
    let text = description(&reply);
    assert!(
        text.contains("what did he say?") && text.contains("Read as:"),
        "read in the thread's conversation: {text}"
    );
    assert!(reply.get("content").is_none(), "the thread's conversation was there: no note");
    bot.finish().await;
}

#[tokio::test]
async fn with_the_message_content_intent_every_message_in_the_bots_thread_is_a_follow_up() {
    let bot = start_reading_every_message().await;
    let (_, thread) =
        ask_in_a_thread(&bot, &[("question", json!("Who runs SoftBank?")), ("thread", json!(true))]).await;
    let thread_id = thread["id"].as_str().unwrap();
    let mark = bot.fake.mark();
    bot.fake.message_in(thread_id, "How much did Musk pay for X?", alice(), vec![], true);
    let reply = bot.fake.posted_in(thread_id, mark).await.body;
    assert!(description(&reply).contains("How much did Musk pay for X?"));
    // Elsewhere, a message that does not mention the bot is still not for it.
    let mark = bot.fake.mark();
    bot.fake.message("How much did Musk pay for X?", alice(), vec![], true);
    bot.fake.message_in(thread_id, "and who runs SoftBank?", alice(), vec![], true);
    bot.fake.posted_in(thread_id, mark).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(bot.fake.count_after(mark, |r| r.method == "POST" && r.path.ends_with("/messages")), 1);
    bot.finish().await;
}

#[tokio::test]
async fn without_the_message_content_intent_a_thread_message_without_a_mention_arrives_empty_and_gets_no_answer() {
    let bot = start().await;
    let (_, thread) =
        ask_in_a_thread(&bot, &[("question", json!("Who runs SoftBank?")), ("thread", json!(true))]).await;
    let thread_id = thread["id"].as_str().unwrap();
    let mark = bot.fake.mark();
    // What Discord sends a bot without the intent for a message that does not mention it.
    bot.fake.message_in(thread_id, "", alice(), vec![], true);
    bot.fake.message_in(thread_id, &format!("<@{}> and Altman?", fake::BOT), alice(), vec![bot_mention()], true);
    let reply = bot.fake.posted_in(thread_id, mark).await.body;
    assert!(description(&reply).contains("and Altman?"));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(bot.fake.count_after(mark, |r| r.path.ends_with("/messages")), 1, "only the mention was answered");
    bot.finish().await;
}

#[tokio::test]
async fn a_server_with_answers_in_threads_gets_a_thread_on_every_public_answer() {
    let bot = start().await;
    let saved = bot.run_command("config", &[("answers_in_threads", json!(true))]).await;
    let fields = saved["data"]["embeds"][0]["fields"].to_string();
    assert!(fields.contains("each public answer gets a thread"), "{fields}");
    let (answer, _) = ask_in_a_thread(&bot, &[("question", json!("Who runs SoftBank?"))]).await;
    assert_eq!(bot.fake.threads().len(), 1);
    assert!(bot
        .fake
        .requests()
        .iter()
        .any(|r| r.path.ends_with(&format!("/{}/threads", answer["id"].as_str().unwrap()))));
    // A mention's answer gets one too, on the bot's reply.
    let (mark, posted) = (bot.fake.mark(), bot.fake.posted_count());
    bot.fake.message(&format!("<@{}> what did Altman say?", fake::BOT), alice(), vec![bot_mention()], true);
    let opened = bot.fake.request_after(mark, WAIT, |r| r.path.ends_with("/threads")).await;
    let reply = bot.fake.posted(posted).await;
    assert_eq!(
        opened.path,
        format!("/api/v10/channels/{}/messages/{}/threads", fake::CHANNEL, reply["id"].as_str().unwrap())
    );
    assert_eq!(opened.body["name"], "what did Altman say?");
    // A private answer has none, and nobody asked for one, so nothing is said about it.
    let mark = bot.fake.mark();
    let private = bot.run_command("ask", &[("question", json!("Who runs SoftBank?")), ("private", json!(true))]).await;
    assert_eq!(private["data"]["flags"], 64);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(bot.fake.count_after(mark, |r| r.path.ends_with("/threads") || r.path.contains("/webhooks/")), 0);
    bot.finish().await;
}

#[tokio::test]
async fn a_private_answer_cannot_have_a_thread_and_the_asker_is_told_so() {
    let bot = start().await;
    let options = [("question", json!("Who runs SoftBank?")), ("private", json!(true)), ("thread", json!(true))];
    let reply = bot.run_command("ask", &options).await;
    assert_eq!(reply["data"]["flags"], 64);
    let notice = bot.fake.request_after(0, WAIT, |r| r.method == "POST" && r.path.contains("/webhooks/")).await;
    assert_eq!(notice.body["content"], render::PRIVATE_NO_THREAD);
    assert_eq!(notice.body["flags"], 64);
    assert!(bot.fake.threads().is_empty());
    bot.finish().await;
}

#[tokio::test]
async fn a_thread_discord_refuses_leaves_the_answer_and_tells_the_asker_privately() {
    let bot = start().await;
    bot.fake.fail_next("/threads", 403, 1);
    let id = bot.fake.command("ask", &[("question", json!("Who runs SoftBank?")), ("thread", json!(true))]);
    let notice = bot.fake.request_after(0, WAIT, |r| r.method == "POST" && r.path.contains("/webhooks/")).await;
    assert_eq!(notice.body["content"], render::THREAD_REFUSED);
    assert_eq!(notice.body["flags"], 64);
    let answer = bot.fake.original(&id).expect("the answer stands");
    assert!(description(&answer).contains("Masayoshi Son"));
    // The answer still takes follow-ups, as replies.
    let mark = bot.fake.mark();
    bot.fake.reply(&answer, "what did he say?", true);
    let reply = bot.fake.posted_in(fake::CHANNEL, mark).await.body;
    assert!(description(&reply).contains("Read as:"), "the answer's conversation was kept");
    assert!(reply.get("content").is_none());
    bot.finish().await;
}

#[tokio::test]
async fn a_thread_the_bot_cannot_post_in_is_logged_and_the_conversation_survives() {
    let bot = start().await;
    let (_, thread) =
        ask_in_a_thread(&bot, &[("question", json!("Who runs SoftBank?")), ("thread", json!(true))]).await;
    let thread_id = thread["id"].as_str().unwrap();
    bot.fake.fail_next(&format!("/channels/{thread_id}/messages"), 403, 1);
    let ask = format!("<@{}> what did he say?", fake::BOT);
    let mark = bot.fake.mark();
    bot.fake.message_in(thread_id, &ask, alice(), vec![bot_mention()], true);
    bot.fake.posted_in(thread_id, mark).await;
    let mark = bot.fake.mark();
    bot.fake.message_in(thread_id, &ask, alice(), vec![bot_mention()], true);
    let reply = bot.fake.posted_in(thread_id, mark).await.body;
    assert!(description(&reply).contains("Read as:"), "the thread's conversation is still there");
    assert!(reply.get("content").is_none());
    bot.finish().await;
}

#[tokio::test]
async fn a_follow_up_in_a_thread_whose_conversation_is_gone_is_answered_on_its_own_with_a_note() {
    let bot = start().await;
    // A thread the bot opened long ago: its conversation has expired.
    let thread = "1700000000000000077";
    Store::open(bot.data.path())
        .unwrap()
        .remember_thread(thread.parse().unwrap(), fake::GUILD.parse().unwrap())
        .unwrap();
    let mark = bot.fake.mark();
    bot.fake.message_in(thread, &format!("<@{}> who runs SoftBank?", fake::BOT), alice(), vec![bot_mention()], true);
    let reply = bot.fake.posted_in(thread, mark).await.body;
    assert_eq!(reply["content"], render::NEW_CONVERSATION);
    assert!(description(&reply).contains("Masayoshi Son"));
    bot.finish().await;
}

#[tokio::test]
async fn a_deleted_thread_is_forgotten() {
    let bot = start_reading_every_message().await;
    let (_, thread) =
        ask_in_a_thread(&bot, &[("question", json!("Who runs SoftBank?")), ("thread", json!(true))]).await;
    let thread_id = thread["id"].as_str().unwrap();
    bot.fake.thread_deleted(&thread);
    let store = Store::open(bot.data.path()).unwrap();
    let id = thread_id.parse().unwrap();
    tokio::time::timeout(WAIT, async {
        while store.is_bot_thread(id).unwrap() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the thread is forgotten");
    // A late message that still claims the thread is not a follow-up any more.
    let mark = bot.fake.mark();
    bot.fake.message_in(thread_id, "who runs SoftBank?", alice(), vec![], true);
    bot.fake.message(&format!("<@{}> who runs SoftBank?", fake::BOT), alice(), vec![bot_mention()], true);
    bot.fake.posted_in(fake::CHANNEL, mark).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(bot.fake.count_after(mark, |r| r.path.ends_with("/messages")), 1);
    bot.finish().await;
}

#[tokio::test]
async fn the_bots_thread_counts_as_its_parent_channel_on_a_server_that_allows_only_that_channel() {
    let bot = start().await;
    bot.run_command("config", &[("allow_channel", json!({"channel": fake::CHANNEL}))]).await;
    let (_, thread) =
        ask_in_a_thread(&bot, &[("question", json!("Who runs SoftBank?")), ("thread", json!(true))]).await;
    let problems =
        super::openapi::response_problems("POST /channels/{channel_id}/messages/{message_id}/threads", &thread);
    assert!(problems.is_empty(), "the fake's thread is a valid Discord thread: {problems:?}");
    let thread_id = thread["id"].as_str().unwrap();
    let mark = bot.fake.mark();
    bot.fake.message_in(thread_id, &format!("<@{}> what did Musk say?", fake::BOT), alice(), vec![bot_mention()], true);
    let reply = bot.fake.posted_in(thread_id, mark).await.body;
    assert!(description(&reply).contains("what did Musk say?"));
    bot.finish().await;
}

#[tokio::test]
async fn ask_with_thread_inside_a_thread_answers_and_says_privately_that_no_thread_opens_there() {
    let bot = start().await;
    let id = bot.fake.command_in(
        fake::NEWS_THREAD,
        "ask",
        &[("question", json!("Who runs SoftBank?")), ("thread", json!(true))],
    );
    assert!(description(&bot.callback(&id).await["data"]).contains("Masayoshi Son"));
    let notice = bot.fake.request_after(0, WAIT, |r| r.method == "POST" && r.path.contains("/webhooks/")).await;
    assert_eq!(notice.body["content"], render::NO_THREAD_HERE);
    assert_eq!(notice.body["flags"], 64);
    assert!(bot.fake.threads().is_empty());
    bot.finish().await;
}

#[tokio::test]
async fn a_follow_up_in_a_thread_whose_conversation_expired_needs_a_full_question() {
    let bot = start().await;
    let (_, thread) =
        ask_in_a_thread(&bot, &[("question", json!("Who runs SoftBank?")), ("thread", json!(true))]).await;
    let thread_id = thread["id"].as_str().unwrap();
    // The thread's conversation, last touched longer ago than conversations are kept.
    let engine = crate::common::story_arc();
    let mut conversation = Conversation::new();
    engine.ask_in(&mut conversation, "Who runs SoftBank?", 1).unwrap();
    let long_ago = storybot::store::now_secs() - conversations::EXPIRY_SECS - 60;
    let store = Store::open(bot.data.path()).unwrap();
    store.save_conversation(&format!("thread:{thread_id}"), &conversation, long_ago).unwrap();
    let mark = bot.fake.mark();
    bot.fake.message_in(thread_id, &format!("<@{}> what else?", fake::BOT), alice(), vec![bot_mention()], true);
    let reply = bot.fake.posted_in(thread_id, mark).await.body;
    assert_eq!(reply["content"], storybot::answer::NOTHING_TO_FOLLOW);
    let mark = bot.fake.mark();
    bot.fake.message_in(thread_id, &format!("<@{}> who runs SoftBank?", fake::BOT), alice(), vec![bot_mention()], true);
    let reply = bot.fake.posted_in(thread_id, mark).await.body;
    assert_eq!(reply["content"], render::NEW_CONVERSATION, "a full question is answered, with a note");
    assert!(description(&reply).contains("Masayoshi Son"));
    bot.finish().await;
}

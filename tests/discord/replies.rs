use std::time::Duration;

use serde_json::json;
use storybot::bot::render;

use super::fake::{self, alice, bot_mention, FakeDiscord, WAIT};
use super::messages::settled;
use super::process::{assert_token_absent, log_of, serve_with, wait_exit};
use super::{description, start, start_reading_every_message, Running};
use crate::common::Workspace;

/// Alice asks the bot by mention; returns the answer as Discord stores it, once the bot is
/// done with it.
async fn mention_answered(bot: &Running, question: &str) -> serde_json::Value {
    let n = bot.fake.posted_count();
    let id = bot.fake.message(&format!("<@{}> {question}", fake::BOT), alice(), vec![bot_mention()], true);
    let answer = bot.fake.posted(n).await;
    settled(bot, &id).await;
    answer
}

#[tokio::test]
async fn a_reply_to_an_answer_with_the_ping_on_is_a_follow_up_to_it() {
    let bot = start().await;
    let answer = mention_answered(&bot, "who runs SoftBank?").await;
    let mark = bot.fake.mark();
    let reply_id = bot.fake.reply(&answer, "what did he say?", true);
    let reply = bot.fake.posted_in(fake::CHANNEL, mark).await.body;
    settled(&bot, &reply_id).await;
    assert_eq!(reply["message_reference"]["message_id"], reply_id);
    let text = description(&reply);
    assert!(text.contains("what did he say?") && text.contains("Read as:"), "read as a follow-up: {text}");
    assert!(reply.get("content").is_none(), "the answer's conversation was found: no note");
    assert_eq!(reply["allowed_mentions"]["replied_user"], false, "the follow-up's answer pings nobody");
    // A reply to that answer continues further.
    let second = bot.fake.posted(1).await;
    let mark = bot.fake.mark();
    bot.fake.reply(&second, "and Musk?", true);
    let third = bot.fake.posted_in(fake::CHANNEL, mark).await.body;
    assert!(description(&third).contains("Read as:"), "{}", description(&third));
    assert!(third.get("content").is_none());
    bot.finish().await;
}

#[tokio::test]
async fn without_the_message_content_intent_a_reply_without_the_ping_arrives_empty_and_gets_no_answer() {
    let bot = start().await;
    let answer = mention_answered(&bot, "who runs SoftBank?").await;
    let mark = bot.fake.mark();
    // What Discord sends a bot without the intent for a reply with its ping turned off.
    bot.fake.reply(&answer, "", false);
    bot.fake.reply(&answer, "and what did Musk say?", true);
    let reply = bot.fake.posted_in(fake::CHANNEL, mark).await.body;
    assert!(description(&reply).contains("and what did Musk say?"));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(bot.fake.count_after(mark, |r| r.path.ends_with("/messages")), 1, "the empty reply got nothing");
    bot.finish().await;
}

#[tokio::test]
async fn with_the_message_content_intent_the_bot_asks_for_it_and_a_reply_without_the_ping_is_a_follow_up() {
    let bot = start_reading_every_message().await;
    let identify = bot.fake.payload_after(0, 2, WAIT).await.body;
    let intents = identify["d"]["intents"].as_u64().unwrap();
    assert_eq!(intents, 1 | (1 << 9) | (1 << 12) | (1 << 15), "MESSAGE_CONTENT is added to the plain intents");
    let answer = mention_answered(&bot, "who runs SoftBank?").await;
    let mark = bot.fake.mark();
    bot.fake.reply(&answer, "and what did Musk say?", false);
    let reply = bot.fake.posted_in(fake::CHANNEL, mark).await.body;
    assert!(description(&reply).contains("and what did Musk say?"));
    bot.finish().await;
}

#[tokio::test]
async fn a_reply_to_a_bot_message_that_is_not_an_answer_is_answered_on_its_own_with_a_note() {
    let bot = start().await;
    let n = bot.fake.posted_count();
    bot.fake.message(&format!("<@{}>", fake::BOT), alice(), vec![bot_mention()], true);
    let help = bot.fake.posted(n).await;
    assert!(help["content"].as_str().unwrap().starts_with("Ask me something"));
    let mark = bot.fake.mark();
    bot.fake.reply(&help, "who runs SoftBank?", true);
    let reply = bot.fake.posted_in(fake::CHANNEL, mark).await.body;
    assert_eq!(reply["content"], render::NEW_CONVERSATION);
    assert!(description(&reply).contains("Masayoshi Son"));
    bot.finish().await;
}

#[tokio::test]
async fn a_reply_to_a_deleted_answer_is_a_new_question_with_a_ping_and_ignored_without() {
    let bot = start_reading_every_message().await;
    let answer = mention_answered(&bot, "who runs SoftBank?").await;
    let mark = bot.fake.mark();
    bot.fake.reply_to_deleted(&answer, "and what did Musk say?", vec![]);
    bot.fake.reply_to_deleted(&answer, &format!("<@{}> who runs SoftBank?", fake::BOT), vec![bot_mention()]);
    let reply = bot.fake.posted_in(fake::CHANNEL, mark).await.body;
    assert!(description(&reply).contains("Masayoshi Son"));
    assert!(reply.get("content").is_none(), "a plain mention: nothing to note");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(bot.fake.count_after(mark, |r| r.path.ends_with("/messages")), 1);
    bot.finish().await;
}

#[tokio::test]
async fn help_says_plainly_that_replies_need_the_ping_without_the_message_content_intent() {
    let bot = start().await;
    let help = bot.run_command("help", &[]).await;
    let text = help["data"]["content"].as_str().unwrap();
    assert!(text.contains("reply to my answer") && text.contains("without the Message Content intent"), "{text}");
    assert!(text.contains("only see messages that mention me: keep the @ping on"), "{text}");
    bot.finish().await;
}

#[tokio::test]
async fn a_refused_message_content_intent_ends_serve_with_where_to_switch_it_on() {
    let fake = FakeDiscord::start().await;
    fake.reject_identify_with(4014);
    let ws = Workspace::with_shipped_story();
    let mut child = serve_with(&fake, &ws, Some("trace"), &[("STORYBOT_MESSAGE_CONTENT", "on")]);
    let status = wait_exit(&mut child, Duration::from_secs(30)).await;
    let log = log_of(&ws);
    assert_eq!(status.code(), Some(1), "{log}");
    assert!(log.contains("Message Content intent (gateway close 4014)"), "{log}");
    assert!(log.contains("Privileged Gateway Intents") && log.contains("past 100 servers"), "{log}");
    assert!(log.contains("STORYBOT_MESSAGE_CONTENT=off"), "{log}");
    assert_eq!(fake.identified_shards().len(), 1, "no retrying with intents Discord refused");
    assert_token_absent(&log);
}

#[tokio::test]
async fn a_direct_message_follows_up_on_the_ones_before() {
    let bot = start().await;
    let n = bot.fake.posted_count();
    let first = bot.fake.message("Who runs SoftBank?", alice(), vec![], false);
    bot.fake.posted(n).await;
    settled(&bot, &first).await;
    let n = bot.fake.posted_count();
    bot.fake.message("what did he say?", alice(), vec![], false);
    let reply = bot.fake.posted(n).await;
    assert!(description(&reply).contains("Read as:"), "{}", description(&reply));
    bot.finish().await;
}

#[tokio::test]
async fn a_follow_up_with_no_question_before_it_asks_for_a_full_question() {
    let bot = start().await;
    let n = bot.fake.posted_count();
    bot.fake.message(&format!("<@{}>", fake::BOT), alice(), vec![bot_mention()], true);
    let help = bot.fake.posted(n).await;
    let mark = bot.fake.mark();
    bot.fake.reply(&help, "what else?", true);
    let reply = bot.fake.posted_in(fake::CHANNEL, mark).await.body;
    assert_eq!(reply["content"], storybot::answer::NOTHING_TO_FOLLOW);
    assert!(reply["embeds"].as_array().is_none_or(Vec::is_empty));
    bot.finish().await;
}

/// The sentence a reply shows, from its 👍 button.
fn shown(reply: &serde_json::Value) -> storybot::corpus::SentenceId {
    use storybot::bot::custom_id::{Action, ButtonState};
    match ButtonState::decode(&super::button(reply, "👍").0).map(|state| state.action) {
        Ok(Action::Vote { sentence: Some(sentence), .. }) => sentence,
        other => panic!("no sentence on the vote button: {other:?}"),
    }
}

#[tokio::test]
async fn a_reply_to_a_paged_command_answer_goes_past_every_answer_its_asker_paged_through() {
    let bot = start().await;
    let id = bot.fake.command("ask", &[("question", json!("What did Musk say?"))]);
    let first = bot.callback(&id).await["data"].clone();
    let mut answer = bot.fake.original(&id).expect("the answer is posted");
    let click = bot.fake.click(&answer, &super::button(&answer, "Next answer").0);
    let second = bot.callback(&click).await["data"].clone();
    // The answer as Discord shows it now: paged to its second answer.
    answer["embeds"] = second["embeds"].clone();
    answer["components"] = second["components"].clone();
    let mark = bot.fake.mark();
    bot.fake.reply(&answer, "what else did he say?", true);
    let third = bot.fake.posted_in(fake::CHANNEL, mark).await.body;
    assert!(description(&third).contains("Read as:"), "{}", description(&third));
    assert!(third.get("content").is_none(), "the answer's conversation was rebuilt: no note");
    assert_ne!(shown(&third), shown(&first), "the first answer was shown");
    assert_ne!(shown(&third), shown(&second), "the answer paged to was shown too");
    bot.finish().await;
}

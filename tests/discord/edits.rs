use std::time::Duration;

use serde_json::{json, Value};
use storybot::store::answered::{self, Answered, EDIT_WINDOW_SECS};
use storybot::store::Store;

use super::fake::{self, alice, bot_mention, FakeDiscord, Request, WAIT};
use super::messages::settled;
use super::{description, start, Running};

/// Alice asks by mention; returns her message's id and the answer as Discord stores it,
/// once the bot is done with it.
async fn asked(bot: &Running, question: &str) -> (String, Value) {
    let n = bot.fake.posted_count();
    let id = bot.fake.message(&format!("<@{}> {question}", fake::BOT), alice(), vec![bot_mention()], true);
    let answer = bot.fake.posted(n).await;
    settled(bot, &id).await;
    (id, answer)
}

fn mention(question: &str) -> String {
    format!("<@{}> {question}", fake::BOT)
}

async fn next(fake: &FakeDiscord, mark: usize, method: &str, message: &str) -> Request {
    let path = format!("/channels/{}/messages/{message}", fake::CHANNEL);
    fake.request_after(mark, WAIT, |r| r.method == method && r.path.ends_with(&path)).await
}

fn changes_to(fake: &FakeDiscord, mark: usize, message: &str) -> usize {
    let path = format!("/messages/{message}");
    fake.count_after(mark, |r| (r.method == "PATCH" || r.method == "DELETE") && r.path.ends_with(&path))
}

#[tokio::test]
async fn editing_a_question_updates_its_answer_in_place() {
    let bot = start().await;
    let (question, answer) = asked(&bot, "who runs SoftBank?").await;
    let answer_id = answer["id"].as_str().unwrap();
    let mark = bot.fake.mark();
    bot.fake.edit(&question, fake::CHANNEL, &mention("How much did Musk pay for X?"), vec![bot_mention()]);
    let patch = next(&bot.fake, mark, "PATCH", answer_id).await;
    assert!(description(&patch.body).contains("How much did Musk pay for X?"));
    assert!(storybot::bot::markdown::unescape(&description(&patch.body)).contains("$44 billion"));
    assert_eq!(patch.body["allowed_mentions"]["parse"], json!([]));
    assert_eq!(
        bot.fake.count_after(mark, |r| r.method == "POST" && r.path.ends_with("/messages")),
        0,
        "no new message"
    );
    bot.finish().await;
}

#[tokio::test]
async fn an_edit_that_changes_nothing_or_drops_the_mention_leaves_the_answer() {
    let bot = start().await;
    let (question, answer) = asked(&bot, "who runs SoftBank?").await;
    let answer_id = answer["id"].as_str().unwrap();
    let mark = bot.fake.mark();
    bot.fake.preview_added(&question, fake::CHANNEL);
    bot.fake.edit(&question, fake::CHANNEL, &mention("who runs SoftBank?"), vec![bot_mention()]);
    bot.fake.edit(&question, fake::CHANNEL, "never mind, who runs OpenAI?", vec![]);
    // A real edit afterwards is followed, so the ones before had their chance to be.
    let (other, other_answer) = asked(&bot, "who runs SoftBank?").await;
    bot.fake.edit(&other, fake::CHANNEL, &mention("what did Altman say?"), vec![bot_mention()]);
    next(&bot.fake, mark, "PATCH", other_answer["id"].as_str().unwrap()).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(changes_to(&bot.fake, mark, answer_id), 0);
    bot.finish().await;
}

#[tokio::test]
async fn deleting_a_question_deletes_its_answer_and_a_purge_deletes_every_answer() {
    let bot = start().await;
    let (first, first_answer) = asked(&bot, "who runs SoftBank?").await;
    let mark = bot.fake.mark();
    bot.fake.delete(&first, fake::CHANNEL);
    next(&bot.fake, mark, "DELETE", first_answer["id"].as_str().unwrap()).await;
    let (second, second_answer) = asked(&bot, "who runs SoftBank?").await;
    let (third, third_answer) = asked(&bot, "what did Altman say?").await;
    let mark = bot.fake.mark();
    bot.fake.delete_bulk(&[&second, "1700000000000000999", &third], fake::CHANNEL);
    next(&bot.fake, mark, "DELETE", second_answer["id"].as_str().unwrap()).await;
    next(&bot.fake, mark, "DELETE", third_answer["id"].as_str().unwrap()).await;
    // Deleted once: editing or deleting the question again does nothing more.
    bot.fake.delete(&first, fake::CHANNEL);
    bot.fake.edit(&first, fake::CHANNEL, &mention("who runs OpenAI?"), vec![bot_mention()]);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(changes_to(&bot.fake, mark, first_answer["id"].as_str().unwrap()), 0);
    bot.finish().await;
}

#[tokio::test]
async fn a_question_answered_more_than_fifteen_minutes_ago_is_not_followed() {
    let bot = start().await;
    let (question, answer) = asked(&bot, "who runs SoftBank?").await;
    let answer_id: u64 = answer["id"].as_str().unwrap().parse().unwrap();
    // The same link, as if the answer were sixteen minutes old.
    let store = Store::open(bot.data.path()).unwrap();
    let question_id: u64 = question.parse().unwrap();
    let old = Answered {
        question: question_id,
        channel: fake::CHANNEL.parse().unwrap(),
        answer: answer_id,
        guild: Some(fake::GUILD.parse().unwrap()),
        question_hash: answered::question_hash("who runs SoftBank?"),
        conversation: None,
        at: storybot::store::now_secs() - EDIT_WINDOW_SECS - 60,
    };
    store.remember_answer(&old).unwrap();
    let mark = bot.fake.mark();
    bot.fake.edit(&question, fake::CHANNEL, &mention("who runs OpenAI?"), vec![bot_mention()]);
    bot.fake.delete(&question, fake::CHANNEL);
    let (fresh, fresh_answer) = asked(&bot, "who runs SoftBank?").await;
    bot.fake.delete(&fresh, fake::CHANNEL);
    next(&bot.fake, mark, "DELETE", fresh_answer["id"].as_str().unwrap()).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(changes_to(&bot.fake, mark, &answer_id.to_string()), 0);
    bot.finish().await;
}

#[tokio::test]
async fn an_edit_whose_answer_is_gone_is_logged_and_not_tried_again() {
    let bot = start().await;
    let (question, answer) = asked(&bot, "who runs SoftBank?").await;
    let answer_id = answer["id"].as_str().unwrap();
    bot.fake.fail_next(&format!("/messages/{answer_id}"), 404, 1);
    let mark = bot.fake.mark();
    bot.fake.edit(&question, fake::CHANNEL, &mention("who runs OpenAI?"), vec![bot_mention()]);
    next(&bot.fake, mark, "PATCH", answer_id).await;
    let store = Store::open(bot.data.path()).unwrap();
    let id: u64 = question.parse().unwrap();
    tokio::time::timeout(WAIT, async {
        while store.answer_to(id, storybot::store::now_secs()).unwrap().is_some() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the link is forgotten");
    let mark = bot.fake.mark();
    bot.fake.edit(&question, fake::CHANNEL, &mention("what did Altman say?"), vec![bot_mention()]);
    bot.fake.delete(&question, fake::CHANNEL);
    let (other, other_answer) = asked(&bot, "who runs SoftBank?").await;
    bot.fake.delete(&other, fake::CHANNEL);
    next(&bot.fake, mark, "DELETE", other_answer["id"].as_str().unwrap()).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(changes_to(&bot.fake, mark, answer_id), 0);
    bot.finish().await;
}

#[tokio::test]
async fn an_edited_follow_up_is_answered_in_the_conversation_it_continued() {
    let bot = start().await;
    let (_, answer) = asked(&bot, "who runs SoftBank?").await;
    let n = bot.fake.posted_count();
    let follow_up = bot.fake.reply(&answer, "and what did Musk say?", true);
    let follow_answer = bot.fake.posted(n).await;
    settled(&bot, &follow_up).await;
    let mark = bot.fake.mark();
    bot.fake.edit(&follow_up, fake::CHANNEL, "what did he say?", vec![bot_mention()]);
    let patch = next(&bot.fake, mark, "PATCH", follow_answer["id"].as_str().unwrap()).await;
    let text = description(&patch.body);
    assert!(text.contains("what did he say?") && text.contains("Read as:"), "{text}");
    assert_eq!(patch.body["content"], "", "the conversation it continued was found: no note");
    bot.finish().await;
}

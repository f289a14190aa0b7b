//! The bot wherever people are: installed by a user rather than a server, in threads and
//! forum posts, and on answers someone else asked for.

use serde_json::{json, Value};
use storybot::store::settings::Change;
use storybot::store::Store;

use super::fake::{self, UserInstall};
use super::{button, description, start, start_global};

const SOFTBANK: &str = "Who runs SoftBank?";

#[tokio::test]
async fn answering_commands_install_for_users_too_and_the_admin_commands_for_servers_only() {
    let bot = start_global().await;
    let put = bot.fake.requests().into_iter().find(|r| r.method == "PUT").unwrap();
    let commands = put.body.as_array().unwrap();
    assert_eq!(commands.len(), 14);
    for command in commands {
        let name = command["name"].as_str().unwrap();
        let (installs, contexts) = if ["config", "reindex"].contains(&name) {
            (json!([0]), json!([0]))
        } else {
            (json!([0, 1]), json!([0, 1, 2]))
        };
        assert_eq!(command["integration_types"], installs, "{name}: where it can be installed");
        assert_eq!(command["contexts"], contexts, "{name}: where it can be used");
    }
    let config = commands.iter().find(|c| c["name"] == "config").unwrap();
    for option in ["allow_channel", "remove_channel"] {
        let option = config["options"].as_array().unwrap().iter().find(|o| o["name"] == option).unwrap();
        assert_eq!(option["channel_types"], json!([0, 5, 15, 11, 12, 10]), "text, news, forum, threads");
    }
    // Every request, the registration included, is checked against Discord's spec here.
    bot.finish().await;
}

/// The answer to a user-installed `/ask` at `place`: public unless asked otherwise.
async fn asked_at(bot: &super::Running, place: UserInstall) -> Value {
    let id = bot.fake.user_install_command(place, fake::BOB, "ask", &[("question", json!(SOFTBANK))]);
    bot.callback(&id).await
}

#[tokio::test]
async fn a_user_who_installed_the_bot_is_answered_in_direct_messages_group_chats_and_servers_without_the_bot() {
    let bot = start().await;
    // Settings left behind for a server: they are not the user's to obey there.
    let store = Store::open(bot.data.path()).unwrap();
    let foreign = fake::FOREIGN_GUILD.parse().unwrap();
    let elsewhere = Change { private_answers: Some(true), allow_channel: Some(1), ..Change::default() };
    store.change_settings(foreign, &elsewhere).unwrap();
    let mut answers = Vec::new();
    for place in [UserInstall::BotDm, UserInstall::PrivateChannel, UserInstall::ForeignGuild] {
        let reply = asked_at(&bot, place).await;
        assert_eq!(reply["type"], 4, "{place:?}: answered in the interaction's own reply");
        assert_eq!(reply["data"]["flags"], 0, "{place:?}: public, as the user asked");
        assert!(description(&reply["data"]).contains("Masayoshi Son"), "{place:?}: {reply}");
        answers.push(reply);
    }
    // A vote in the server that did not add the bot is kept without that server.
    let mut answer = fake::message_from(&answers[2]["data"], &bot.fake.next_id(), fake::FOREIGN_CHANNEL, 20);
    answer["interaction_metadata"] = fake::command_metadata(&bot.fake.next_id(), fake::BOB);
    let (up, _) = button(&answer, "👍");
    let thanks = bot.callback(&bot.fake.user_install_click(UserInstall::ForeignGuild, fake::BOB, &answer, &up)).await;
    assert!(thanks["data"]["content"].as_str().unwrap_or_default().contains("👍 is recorded"), "{thanks}");
    let quote = "“They don’t actually have the money,” Musk wrote";
    let id = bot.fake.user_install_message_command(
        UserInstall::PrivateChannel,
        "Verify quote",
        quote,
        fake::user(fake::BOB),
    );
    let checked = bot.callback(&id).await;
    assert_eq!(checked["data"]["flags"], 64, "a context menu answers privately, with a Share button");
    super::button(&checked["data"], "Share");
    let refused = bot.fake.user_install_command(UserInstall::ForeignGuild, fake::ALICE, "config", &[]);
    let refused = bot.callback(&refused).await;
    assert_eq!(refused["data"]["flags"], 64);
    let text = refused["data"]["content"].as_str().unwrap_or_default();
    assert!(text.starts_with("/config works in a server that added storybot"), "{refused}");
    assert!(
        bot.fake.count_after(0, |r| r.method == "POST" && r.path.contains("/channels/")) == 0,
        "no ordinary channel message where the bot is not a member"
    );
    let data = bot.finish().await;
    let cases = Store::open(data.path()).unwrap().cases().unwrap();
    assert_eq!(cases.len(), 1);
    assert!(cases[0].guilds.is_empty(), "{:?}", cases[0].guilds);
}

const ALTMAN: &str = "What did Altman say?";

/// The footer of a reply's embed ("Answer 2 of 5 · …").
fn footer(body: &Value) -> &str {
    body["data"]["embeds"][0]["footer"]["text"].as_str().unwrap_or_default()
}

#[tokio::test]
async fn only_the_asker_pages_a_public_answer_and_anyone_else_gets_a_private_copy_to_page() {
    let bot = start().await;
    let message = bot.posted("ask", &[("question", json!(ALTMAN))]).await;
    let first = description(&message);
    let mark = bot.fake.mark();
    let (next, _) = button(&message, "Next answer");
    let copy = bot.callback(&bot.fake.click_by(fake::BOB, &message, &next)).await;
    assert_eq!((copy["type"].as_u64(), copy["data"]["flags"].as_u64()), (Some(4), Some(64)), "{copy}");
    assert!(footer(&copy).starts_with("Answer 2 of "), "Bob sees the next answer: {copy}");
    button(&copy["data"], "Share");
    let (more, _) = button(&message, "More context");
    let wider = bot.callback(&bot.fake.click_by(fake::BOB, &message, &more)).await;
    assert_eq!(wider["data"]["flags"], 64);
    assert!(description(&wider["data"]).len() > first.len(), "Bob sees more context");
    let (up, _) = button(&message, "👍");
    let thanks = bot.callback(&bot.fake.click_by(fake::BOB, &message, &up)).await;
    assert!(thanks["data"]["content"].as_str().unwrap_or_default().contains("👍"), "anyone may vote: {thanks}");
    let edits = bot.fake.count_after(mark, |r| r.body["type"] == 7 || r.method == "PATCH");
    assert_eq!(edits, 0, "Alice's answer is not rewritten");

    // Bob pages his own copy in place; Alice still pages hers.
    let mut own_copy = fake::message_from(&copy["data"], &bot.fake.next_id(), fake::CHANNEL, 20);
    own_copy["interaction_metadata"] = json!({"id": bot.fake.next_id(), "type": 3, "user": fake::user(fake::BOB),
        "authorizing_integration_owners": {"0": fake::GUILD}, "interacted_message_id": message["id"]});
    let (next_again, _) = button(&own_copy, "Next answer");
    let paged = bot.callback(&bot.fake.click_by(fake::BOB, &own_copy, &next_again)).await;
    assert_eq!(paged["type"], 7, "{paged}");
    assert!(footer(&paged).starts_with("Answer 3 of "), "{paged}");
    let alice = bot.callback(&bot.fake.click(&message, &next)).await;
    assert_eq!(alice["type"], 7, "the asker pages her answer in place");
    assert!(footer(&alice).starts_with("Answer 2 of "));
    bot.finish().await;
}

#[tokio::test]
async fn only_the_author_of_a_mention_pages_its_answer_and_a_deleted_question_pages_a_private_copy() {
    let bot = start().await;
    let mark = bot.fake.mark();
    let question = format!("<@{}> {ALTMAN}", fake::BOT);
    bot.fake.message(&question, fake::alice(), vec![fake::bot_mention()], true);
    let posted = bot.fake.posted_in(fake::CHANNEL, mark).await;
    let mut reply = fake::reply_message(&posted.body, &bot.fake.next_id(), fake::alice());
    let (next, _) = button(&reply, "Next answer");
    let bob = bot.callback(&bot.fake.click_by(fake::BOB, &reply, &next)).await;
    assert_eq!((bob["type"].as_u64(), bob["data"]["flags"].as_u64()), (Some(4), Some(64)), "{bob}");
    let alice = bot.callback(&bot.fake.click(&reply, &next)).await;
    assert_eq!(alice["type"], 7, "{alice}");
    // Without the question, nobody can tell who asked: the message stays as it is.
    reply.as_object_mut().unwrap().remove("referenced_message");
    let unknown = bot.callback(&bot.fake.click(&reply, &next)).await;
    assert_eq!((unknown["type"].as_u64(), unknown["data"]["flags"].as_u64()), (Some(4), Some(64)), "{unknown}");
    bot.finish().await;
}

#[test]
fn the_channels_and_threads_the_fake_serves_are_valid_discord_channels() {
    for id in [fake::CHANNEL, fake::NEWS, fake::NEWS_THREAD, fake::FORUM, fake::FORUM_POST] {
        let problems = super::openapi::response_problems("GET /channels/{channel_id}", &fake::channel_object(id));
        assert!(problems.is_empty(), "{id}: {problems:?}");
    }
}

/// Where `/ask` is answered (the reply's text) or refused (the notice).
async fn ask_in(bot: &super::Running, channel: &'static str) -> String {
    let id = bot.fake.command_in(channel, "ask", &[("question", json!(SOFTBANK)), ("private", json!(false))]);
    let reply = bot.callback(&id).await;
    format!("{}{}", reply["data"]["content"].as_str().unwrap_or_default(), description(&reply["data"]))
}

#[tokio::test]
async fn allowing_a_channel_or_a_forum_allows_its_threads_and_posts_for_commands() {
    let bot = start().await;
    for channel in [fake::NEWS, fake::FORUM] {
        let saved = bot.run_command("config", &[("allow_channel", json!({"channel": channel}))]).await;
        assert_eq!(saved["data"]["embeds"][0]["title"], "Settings saved", "{saved}");
    }
    for channel in [fake::NEWS_THREAD, fake::FORUM_POST, fake::NEWS] {
        assert!(ask_in(&bot, channel).await.contains("Masayoshi Son"), "answered in {channel}");
    }
    let refused = ask_in(&bot, fake::CHANNEL).await;
    assert!(refused.starts_with("On this server I answer in"), "{refused}");
    bot.finish().await;
}

/// Alice mentions the bot in `channel`; returns the message's id.
fn mention_in(bot: &super::Running, channel: &str) -> String {
    let question = format!("<@{}> {SOFTBANK}", fake::BOT);
    bot.fake.message_in(channel, &question, fake::alice(), vec![fake::bot_mention()], true)
}

/// The bot's reply to message `id` in `channel`.
async fn reply_in(bot: &super::Running, mark: usize, channel: &str, id: &str) -> Value {
    let reply = bot.fake.posted_in(channel, mark).await;
    assert_eq!(reply.body["message_reference"]["message_id"], id);
    reply.body
}

/// How many times the bot asked Discord about `channel` since `mark`.
fn lookups(bot: &super::Running, mark: usize, channel: &str) -> usize {
    let path = format!("/channels/{channel}");
    bot.fake.count_after(mark, |r| r.method == "GET" && r.path.ends_with(&path))
}

#[tokio::test]
async fn allowing_a_channel_or_a_forum_allows_mentions_in_its_threads_and_posts() {
    let bot = start().await;
    for channel in [fake::NEWS, fake::FORUM] {
        bot.run_command("config", &[("allow_channel", json!({"channel": channel}))]).await;
    }
    // Before the server is cached, Discord says where a thread is.
    let mark = bot.fake.mark();
    let id = mention_in(&bot, fake::NEWS_THREAD);
    assert!(description(&reply_in(&bot, mark, fake::NEWS_THREAD, &id).await).contains("Masayoshi Son"));
    assert_eq!(lookups(&bot, mark, fake::NEWS_THREAD), 1);

    bot.fake.guild_create();
    let mark = bot.fake.mark();
    let outside = mention_in(&bot, fake::CHANNEL);
    let id = mention_in(&bot, fake::NEWS_THREAD);
    reply_in(&bot, mark, fake::NEWS_THREAD, &id).await;
    assert_eq!(lookups(&bot, mark, fake::NEWS_THREAD), 0, "a thread the gateway announced is known");
    let id = mention_in(&bot, fake::FORUM_POST);
    reply_in(&bot, mark, fake::FORUM_POST, &id).await;
    assert_eq!(lookups(&bot, mark, fake::FORUM_POST), 1, "a post the cache has not seen is looked up");

    // A thread Discord cannot describe counts as itself: not allowed, so no answer.
    bot.fake.fail_next(&format!("/channels/{}", fake::FORUM_POST), 404, 1);
    let mark_lost = bot.fake.mark();
    let lost = mention_in(&bot, fake::FORUM_POST);
    let id = mention_in(&bot, fake::NEWS_THREAD);
    reply_in(&bot, mark_lost, fake::NEWS_THREAD, &id).await;
    // The lost post is decided only after its failed lookup: wait for that, then a little.
    let lookup = format!("/channels/{}", fake::FORUM_POST);
    bot.fake.request_after(mark_lost, fake::WAIT, |r| r.method == "GET" && r.path.ends_with(&lookup)).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    for silent in [outside, lost] {
        let replies = bot.fake.count_after(mark, |r| r.body["message_reference"]["message_id"] == silent.as_str());
        assert_eq!(replies, 0, "{silent} is outside the allowed channels");
    }
    bot.finish().await;
}

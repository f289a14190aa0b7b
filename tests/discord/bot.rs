use std::time::Duration;

use serde_json::{json, Value};
use storybot::bot::markdown::unescape;

use super::fake::{self, alice, bot_mention, other_bot, WAIT};
use super::{button, description, start, start_global, start_with_cooldown};

#[tokio::test]
async fn startup_asks_for_the_shard_count_discovers_the_gateway_identifies_with_plain_intents_and_registers_commands() {
    let bot = start().await;
    let requests = bot.fake.requests();
    let first: Vec<(&str, &str)> = requests[..2].iter().map(|r| (r.method.as_str(), r.path.as_str())).collect();
    assert_eq!(first, [("GET", "/api/v10/gateway/bot"), ("GET", "/api/v10/gateway")]);
    assert_eq!(bot.fake.identified_shards(), [[0, 1]], "one shard, as Discord recommends");
    assert!(requests.iter().all(|r| r.authorization.as_deref() == Some(&*format!("Bot {}", fake::TOKEN))));
    let identify = bot.fake.payload_after(0, 2, WAIT).await.body;
    assert_eq!(identify["d"]["token"], format!("Bot {}", fake::TOKEN));
    let intents = identify["d"]["intents"].as_u64().unwrap();
    assert_eq!(intents, 1 | (1 << 9) | (1 << 12), "GUILDS, GUILD_MESSAGES, DIRECT_MESSAGES and nothing privileged");
    let put = requests.iter().find(|r| r.method == "PUT").unwrap();
    assert_eq!(put.path, format!("/api/v10/applications/{}/guilds/{}/commands", fake::APP, fake::GUILD));
    let names: Vec<&str> = put.body.as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "ask",
            "search",
            "quote",
            "whosaid",
            "verify",
            "who",
            "facts",
            "timeline",
            "story",
            "help",
            "Ask storybot",
            "Verify quote",
            "config",
            "reindex"
        ]
    );
    let ask = &put.body[0];
    assert_eq!(ask["description"], "Ask a question about the story; the answer quotes it exactly");
    assert_eq!(ask["options"][0]["name"], "question");
    assert_eq!(ask["options"][0]["required"], true);
    assert_eq!(ask["options"][0]["max_length"], 1000);
    assert_eq!(ask["options"][1]["name"], "private");
    assert_eq!(put.body[2]["options"][0]["autocomplete"], true, "quote speaker autocompletes");
    bot.finish().await;
}

#[tokio::test]
async fn without_a_guild_id_commands_are_registered_globally_in_one_bulk_overwrite() {
    let bot = start_global().await;
    let puts: Vec<_> = bot.fake.requests().into_iter().filter(|r| r.method == "PUT").collect();
    assert_eq!(puts.len(), 1);
    assert_eq!(puts[0].path, format!("/api/v10/applications/{}/commands", fake::APP));
    bot.finish().await;
}

#[tokio::test]
async fn ask_answers_with_the_verbatim_sentence_its_context_and_citation() {
    let bot = start().await;
    let reply = bot.run_command("ask", &[("question", json!("How big is Project Stargate?"))]).await;
    assert_eq!(reply["type"], 4);
    let data = &reply["data"];
    assert_eq!(data["flags"], 0, "public by default");
    let text = description(data);
    let sentence = storybot::corpus::Corpus::load_dir(&crate::common::shipped_corpus_dir()).unwrap();
    let expected = sentence.sentence_ids().map(|id| sentence.text(id)).find(|t| t.contains("$500 billion")).unwrap();
    let underlined = text.split("__").nth(1).unwrap();
    assert_eq!(unescape(&underlined.replace("**", "")), expected);
    assert!(text.contains("**Project Stargate**"));
    let source = data["embeds"][0]["fields"][0]["value"].as_str().unwrap();
    assert!(source.contains("Sam Altman and Elon Musk spar over Project Stargate"));
    assert!(source.contains("paragraph 2, sentence 4"));
    assert_eq!(data["allowed_mentions"]["parse"], json!([]));
    bot.finish().await;
}

#[tokio::test]
async fn ask_private_answers_ephemerally() {
    let bot = start().await;
    let reply = bot.run_command("ask", &[("question", json!("Who runs SoftBank?")), ("private", json!(true))]).await;
    assert_eq!(reply["data"]["flags"], 64);
    assert!(description(&reply["data"]).contains("Masayoshi Son"));
    bot.finish().await;
}

#[tokio::test]
async fn more_context_and_next_answer_buttons_work_from_the_message_alone() {
    let bot = start().await;
    let message = bot.posted("ask", &[("question", json!("What did Altman say?"))]).await;
    let first = description(&message);
    let (more, disabled) = button(&message, "More context");
    assert!(!disabled);
    let wider = bot.callback(&bot.fake.click(&message, &more)).await;
    assert_eq!(wider["type"], 7, "the message is updated in place");
    let wider_text = description(&wider["data"]);
    assert!(wider_text.len() > first.len(), "more context shows more text");
    assert_eq!(wider_text.split("__").nth(1), first.split("__").nth(1), "around the same answer");
    let (next, disabled) = button(&message, "Next answer");
    assert!(!disabled);
    let second = bot.callback(&bot.fake.click(&message, &next)).await;
    assert!(second["data"]["embeds"][0]["footer"]["text"].as_str().unwrap().starts_with("Answer 2 of "));
    assert_ne!(description(&second["data"]).split("__").nth(1), first.split("__").nth(1));
    bot.finish().await;
}

#[tokio::test]
async fn a_button_from_another_corpus_or_version_gets_a_private_notice() {
    let bot = start().await;
    let message = bot.posted("ask", &[("question", json!("Who runs SoftBank?"))]).await;
    for (id, why) in [
        ("a:ffffffff:2:1", "earlier version of storybot"),
        ("2:a:ffffffff:2:1:0.1", "story has been updated"),
        ("nonsense", "no longer works"),
    ] {
        let notice = bot.callback(&bot.fake.click(&message, id)).await;
        assert_eq!(notice["type"], 4);
        assert_eq!(notice["data"]["flags"], 64);
        let text = notice["data"]["content"].as_str().unwrap();
        assert!(text.contains("Ask again with /ask") && text.contains(why), "{id}: {text}");
    }
    bot.finish().await;
}

#[tokio::test]
async fn search_lists_matching_sentences_in_pages() {
    let bot = start().await;
    let message = bot.posted("search", &[("query", json!("Musk")), ("limit", json!(2))]).await;
    let page1 = description(&message);
    assert!(page1.starts_with("**Search:** Musk") && page1.contains("**2.** ") && !page1.contains("**3.** "));
    let (previous, disabled) = button(&message, "Previous");
    assert!(disabled, "no page before the first: {previous}");
    let (next, _) = button(&message, "Next");
    let page2 = bot.callback(&bot.fake.click(&message, &next)).await;
    let text = description(&page2["data"]);
    assert!(text.contains("**3.** ") && text.contains("**4.** ") && !text.contains("**2.** "));
    assert!(page2["data"]["embeds"][0]["footer"]["text"].as_str().unwrap().starts_with("Results 3–4 of "));
    bot.finish().await;
}

#[tokio::test]
async fn quote_autocompletes_speakers_and_filters_quotes() {
    let bot = start().await;
    let choices = bot.callback(&bot.fake.autocomplete("quote", "speaker", "sa")).await;
    assert_eq!(choices["type"], 8);
    assert_eq!(choices["data"]["choices"], json!([{"name": "Sam Altman", "value": "Sam Altman"}]));
    let all = bot.callback(&bot.fake.autocomplete("quote", "speaker", "")).await;
    assert_eq!(all["data"]["choices"].as_array().unwrap().len(), 2);
    let reply = bot.run_command("quote", &[("speaker", json!("Sam Altman"))]).await;
    let text = unescape(&description(&reply["data"]));
    assert_eq!(text.lines().count(), 3);
    assert!(text.contains("“i genuinely respect your accomplishments"));
    let about = bot.run_command("quote", &[("about", json!("money"))]).await;
    assert!(unescape(&description(&about["data"])).contains("**Elon Musk:** “They don’t actually have the money,”"));
    bot.finish().await;
}

#[tokio::test]
async fn story_and_help_describe_the_story_and_the_bot() {
    let bot = start().await;
    let story = bot.run_command("story", &[]).await;
    let field = &story["data"]["embeds"][0]["fields"][0];
    assert_eq!(field["name"], "Sam Altman and Elon Musk spar over Project Stargate");
    let value = field["value"].as_str().unwrap();
    assert!(value.contains("2025") && value.contains("Sam Altman") && value.contains("**Quotes:** 6"));
    assert!(value.contains("https://twitter.com/sama/status/1882106524090482701"));
    let help = bot.run_command("help", &[]).await;
    assert!(help["data"]["content"].as_str().unwrap().contains("/ask"));
    assert_eq!(help["data"]["flags"], 64);
    bot.finish().await;
}

#[tokio::test]
async fn a_question_the_story_cannot_answer_says_so_plainly() {
    let bot = start().await;
    let reply = bot.run_command("ask", &[("question", json!("What is the weather in Paris today?"))]).await;
    assert!(description(&reply["data"]).contains("The story doesn't say."));
    let labels: Vec<&str> = reply["data"]["components"][0]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["👍", "👎"], "no answer to page through, but a vote on saying so");
    bot.finish().await;
}

#[tokio::test]
async fn asked_what_someone_the_story_never_quotes_said_the_bot_says_who_it_never_quotes() {
    let bot = start().await;
    let reply = bot.run_command("ask", &[("question", json!("What did Jeff Bezos say about Stargate?"))]).await;
    let text = description(&reply["data"]);
    assert!(text.contains("The story doesn't say. It names Jeff Bezos but never quotes them."), "{text}");
    bot.finish().await;
}

#[tokio::test]
async fn an_unusable_question_gets_a_private_plain_message() {
    let bot = start().await;
    let reply = bot.run_command("ask", &[("question", json!("   "))]).await;
    assert_eq!(reply["data"]["flags"], 64);
    assert!(reply["data"]["content"].as_str().unwrap().starts_with("Ask a question about the story"));
    bot.finish().await;
}

#[tokio::test]
async fn the_cooldown_asks_a_fast_user_to_wait_privately() {
    let bot = start_with_cooldown(Duration::from_secs(60)).await;
    let first = bot.run_command("ask", &[("question", json!("Who runs SoftBank?"))]).await;
    assert!(first["data"]["embeds"][0].is_object());
    let second = bot.run_command("story", &[]).await;
    assert_eq!(second["data"]["flags"], 64);
    assert!(second["data"]["content"].as_str().unwrap().starts_with("One moment, please"));
    bot.finish().await;
}

async fn reply_to_message(bot: &super::Running, mark: usize) -> Value {
    bot.fake.posted_in(fake::CHANNEL, mark).await.body
}

#[tokio::test]
async fn a_mention_in_a_channel_gets_a_reply_to_that_message() {
    let bot = start().await;
    let mark = bot.fake.mark();
    let id = bot.fake.message(&format!("<@{}> who runs SoftBank?", fake::BOT), alice(), vec![bot_mention()], true);
    let reply = reply_to_message(&bot, mark).await;
    assert_eq!(reply["message_reference"]["message_id"], id);
    assert!(description(&reply).contains("who runs SoftBank?"));
    assert!(description(&reply).contains("Masayoshi Son"));
    assert_eq!(reply["allowed_mentions"]["parse"], json!([]));
    assert_eq!(reply["allowed_mentions"]["replied_user"], false);
    bot.finish().await;
}

#[tokio::test]
async fn an_empty_mention_gets_a_short_help() {
    let bot = start().await;
    let mark = bot.fake.mark();
    bot.fake.message(&format!("<@{}>", fake::BOT), alice(), vec![bot_mention()], true);
    let reply = reply_to_message(&bot, mark).await;
    assert!(reply["content"].as_str().unwrap().starts_with("Ask me something about the story"));
    bot.finish().await;
}

#[tokio::test]
async fn a_direct_message_is_answered() {
    let bot = start().await;
    let mark = bot.fake.mark();
    bot.fake.message("How much did Musk pay for X?", alice(), vec![], false);
    let reply = reply_to_message(&bot, mark).await;
    assert!(unescape(&description(&reply)).contains("$44 billion"));
    bot.finish().await;
}

#[tokio::test]
async fn bots_and_messages_not_for_the_bot_get_no_reply() {
    let bot = start().await;
    let mark = bot.fake.mark();
    bot.fake.message(&format!("<@{}> who runs SoftBank?", fake::BOT), other_bot(), vec![bot_mention()], true);
    bot.fake.message("@everyone who runs SoftBank?", alice(), vec![], true);
    bot.fake.message("<@&1600000000000000001> who runs SoftBank?", alice(), vec![], true);
    // A question afterwards is answered, so the earlier ones had their chance to be.
    bot.fake.message(&format!("<@{}> who runs SoftBank?", fake::BOT), alice(), vec![bot_mention()], true);
    let reply = reply_to_message(&bot, mark).await;
    assert!(description(&reply).contains("SoftBank"));
    tokio::time::sleep(Duration::from_millis(300)).await;
    let replies = bot.fake.count_after(mark, |r| r.path.ends_with("/messages"));
    assert_eq!(replies, 1, "only the human's mention was answered");
    bot.finish().await;
}

#[tokio::test]
async fn mentions_typed_by_users_never_ping_and_are_escaped() {
    let bot = start().await;
    let mark = bot.fake.mark();
    let text = format!("<@{}> @everyone <@123> @here what did Musk say about the money?", fake::BOT);
    bot.fake.message(&text, alice(), vec![bot_mention()], true);
    let reply = reply_to_message(&bot, mark).await;
    let shown = description(&reply);
    assert!(!shown.contains("@everyone") && !shown.contains("@here") && !shown.contains("<@123>"), "{shown}");
    assert!(unescape(&shown).contains("@everyone <@123> @here what did Musk say"));
    assert_eq!(reply["allowed_mentions"]["parse"], json!([]));
    let slash = bot.run_command("ask", &[("question", json!("@everyone <@&5> who runs SoftBank?"))]).await;
    assert!(!description(&slash["data"]).contains("@everyone"));
    assert_eq!(slash["data"]["allowed_mentions"]["parse"], json!([]));
    bot.finish().await;
}

#[tokio::test]
async fn a_mention_of_the_bots_managed_role_is_a_question_for_the_bot() {
    let bot = start().await;
    bot.fake.guild_create();
    let mark = bot.fake.mark();
    let other = format!("<@&{}> who runs SoftBank?", fake::OTHER_ROLE);
    let ignored = bot.fake.message_mentioning_role(&other, alice(), fake::OTHER_ROLE);
    let asked = format!("<@&{}> who runs SoftBank?", fake::BOT_ROLE);
    let id = bot.fake.message_mentioning_role(&asked, alice(), fake::BOT_ROLE);
    let reply = reply_to_message(&bot, mark).await;
    assert_eq!(reply["message_reference"]["message_id"], id, "only the bot's role is a mention of the bot");
    let shown = description(&reply);
    assert!(shown.contains("Masayoshi Son"), "{shown}");
    assert!(
        !shown.contains("<@&") && unescape(&shown).contains("who runs SoftBank?"),
        "the role is not in the question"
    );
    assert_eq!(reply["allowed_mentions"]["parse"], json!([]));
    // Events run concurrently: give a wrong reply to the other role's mention time to come.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let to_ignored = bot.fake.count_after(mark, |r| r.body["message_reference"]["message_id"] == ignored);
    assert_eq!(to_ignored, 0);
    bot.finish().await;
}

/// The mark after which the bot reacted to message `id`, and the reaction's path.
async fn reaction_to(bot: &super::Running, mark: usize, id: &str) -> String {
    let path = format!("/channels/{}/messages/{id}/reactions/", fake::CHANNEL);
    bot.fake.request_after(mark, WAIT, |r| r.method == "PUT" && r.path.contains(&path)).await.path
}

#[tokio::test]
async fn a_mention_during_the_cooldown_gets_an_hourglass_reaction_and_no_message() {
    let bot = start_with_cooldown(Duration::from_secs(60)).await;
    let question = format!("<@{}> who runs SoftBank?", fake::BOT);
    let mark = bot.fake.mark();
    bot.fake.message(&question, alice(), vec![bot_mention()], true);
    assert!(description(&reply_to_message(&bot, mark).await).contains("Masayoshi Son"));

    let mark = bot.fake.mark();
    let again = bot.fake.message(&question, alice(), vec![bot_mention()], true);
    let path = reaction_to(&bot, mark, &again).await;
    assert!(path.ends_with("/reactions/%E2%8F%B3/@me"), "{path}");
    assert_eq!(bot.fake.count_after(mark, |r| r.method == "POST"), 0, "no message in the channel");

    // A server that forbids reactions: the bot logs it and stays silent, without retrying.
    bot.fake.fail_next("/reactions/", 403, 1);
    let mark = bot.fake.mark();
    let refused = bot.fake.message(&question, alice(), vec![bot_mention()], true);
    reaction_to(&bot, mark, &refused).await;
    let bob = bot.fake.message(&question, fake::user(fake::BOB), vec![bot_mention()], true);
    let reply = reply_to_message(&bot, mark).await;
    assert_eq!(reply["message_reference"]["message_id"], bob, "another user is answered meanwhile");
    assert_eq!(bot.fake.count_after(mark, |r| r.path.contains("/reactions/")), 1, "not retried");
    assert_eq!(bot.fake.count_after(mark, |r| r.method == "POST"), 1, "only Bob's answer was posted");
    bot.finish().await;
}

use serde_json::{json, Value};
use storybot::bot::markdown::unescape;

use super::fake::{self, alice};
use super::{button, description, start, Running};

fn title(data: &Value) -> &str {
    data["embeds"][0]["title"].as_str().unwrap_or_default()
}

/// Runs a message context-menu command on a message of Alice's; returns the callback body.
async fn on_message(bot: &Running, command: &str, content: &str) -> Value {
    let id = bot.fake.message_command(command, content, alice());
    bot.callback(&id).await
}

#[tokio::test]
async fn the_story_commands_and_both_context_menu_commands_are_registered() {
    let bot = start().await;
    let put = bot.fake.requests().into_iter().find(|r| r.method == "PUT").unwrap();
    let commands = put.body.as_array().unwrap();
    let named = |n: &str| commands.iter().find(|c| c["name"] == n).unwrap_or_else(|| panic!("{n} registered"));
    for name in ["whosaid", "verify", "who", "facts", "timeline"] {
        let kind = &named(name)["type"];
        assert!(kind.is_null() || *kind == 1, "{name} is a slash command (type 1, the default)");
    }
    for name in ["Ask storybot", "Verify quote"] {
        let c = named(name);
        assert_eq!(c["type"], 3, "{name} is a message command");
        assert!(c.get("options").is_none_or(|o| o.as_array().is_some_and(Vec::is_empty)));
    }
    assert_eq!(named("who")["options"][0]["autocomplete"], true);
    bot.finish().await;
}

#[tokio::test]
async fn whosaid_finds_the_quote_a_paraphrase_means_with_its_speaker_and_place() {
    let bot = start().await;
    let reply = bot.run_command("whosaid", &[("text", json!("the one about a mean tweet"))]).await;
    let text = unescape(&description(&reply["data"]));
    assert!(text.contains("**Sam Altman:** “just one more mean tweet and then maybe you’ll love yourself…”"), "{text}");
    assert!(text.contains("paragraph 3, sentence 5"), "{text}");
    assert!(!text.contains("Elon Musk:"), "{text}");
    let none = bot.run_command("whosaid", &[("text", json!("pizza party on the moon"))]).await;
    assert!(description(&none["data"]).contains("No quote in the story is close to that"));
    bot.finish().await;
}

#[tokio::test]
async fn verify_calls_out_a_misattributed_quote_and_shows_what_was_changed() {
    let bot = start().await;
    let misattributed = bot
        .run_command(
            "verify",
            &[("quote", json!("Musk said: “just one more mean tweet and then maybe you’ll love yourself”"))],
        )
        .await;
    assert_eq!(title(&misattributed["data"]), "Exact");
    let text = unescape(&description(&misattributed["data"]));
    assert!(
        text.contains("Sam Altman said this") && text.contains("Misattributed: the claim says Elon Musk"),
        "{text}"
    );

    let altered = bot.run_command("verify", &[("quote", json!("They don't have any money — Musk"))]).await;
    assert_eq!(title(&altered["data"]), "Altered");
    let text = unescape(&description(&altered["data"]));
    assert!(text.contains("Elon Musk said this") && !text.contains("Misattributed"), "{text}");
    assert!(text.contains("~~actually~~") && text.contains("~~the~~ **any**"), "{text}");

    let invented = bot.run_command("verify", &[("quote", json!("Stargate will cure cancer by next year"))]).await;
    assert_eq!(title(&invented["data"]), "Not in the story");
    bot.finish().await;
}

#[tokio::test]
async fn who_lists_the_roster_and_resolves_an_alias_to_its_person() {
    let bot = start().await;
    let roster = bot.run_command("who", &[]).await;
    let text = unescape(&description(&roster["data"]));
    assert!(text.contains("**Larry Ellison** — Oracle CEO"), "{text}");
    assert!(text.contains("**Elon Musk** — a White House advisor"), "{text}");
    assert!(text.find("__People__") < text.find("__Organisations__"));
    let elon = bot.run_command("who", &[("name", json!("elon"))]).await;
    assert_eq!(title(&elon["data"]), "Elon Musk");
    let quotes = elon["data"]["embeds"][0]["fields"][0]["value"].as_str().unwrap();
    assert_eq!(quotes.lines().count(), 3, "{quotes}");
    let choices = bot.callback(&bot.fake.autocomplete("who", "name", "twit")).await;
    assert_eq!(choices["data"]["choices"], json!([]), "autocomplete matches names, not aliases");
    let choices = bot.callback(&bot.fake.autocomplete("who", "name", "masa")).await;
    assert_eq!(choices["data"]["choices"][0]["value"], "Masayoshi Son");
    bot.finish().await;
}

#[tokio::test]
async fn facts_and_timeline_show_values_what_they_measure_and_resolved_dates() {
    let bot = start().await;
    let facts = bot.run_command("facts", &[("about", json!("money"))]).await;
    let text = unescape(&description(&facts["data"]));
    assert!(text.contains("**$44 billion** — what Musk paid for X (then Twitter)"), "{text}");
    assert!(!text.contains("2022"), "only amounts of money: {text}");
    let timeline = bot.run_command("timeline", &[]).await;
    let text = unescape(&description(&timeline["data"]));
    let tuesday = text.find("**2025-01-21 (“On Tuesday”)**").expect("Tuesday resolved");
    let year = text.find("**2022** — ").expect("2022 listed");
    let undated = text.find("**undated (story order)**").expect("undated events kept");
    assert!(year < tuesday && tuesday < undated, "{text}");
    bot.finish().await;
}

#[tokio::test]
async fn ask_storybot_answers_a_message_privately_and_share_posts_it_publicly() {
    let bot = start().await;
    let reply = on_message(&bot, "Ask storybot", "how much is going into stargate?").await;
    assert_eq!(reply["type"], 4);
    assert_eq!(reply["data"]["flags"], 64, "private");
    let answer = description(&reply["data"]);
    assert!(answer.contains("$500 billion"), "{answer}");
    let message = fake::message_from(&reply["data"], &bot.fake.next_id(), fake::CHANNEL, 20);
    let (share, disabled) = button(&message, "Share");
    assert!(!disabled);
    let shared = bot.callback(&bot.fake.click(&message, &share)).await;
    assert_eq!(shared["type"], 4, "a new message in the channel");
    assert_eq!(shared["data"]["flags"].as_u64().unwrap_or(0) & 64, 0, "public");
    assert_eq!(description(&shared["data"]), answer);
    assert!(shared["data"]["components"].as_array().is_none_or(Vec::is_empty), "no buttons on the copy");
    assert_eq!(shared["data"]["allowed_mentions"]["parse"], json!([]));
    bot.finish().await;
}

#[tokio::test]
async fn verify_quote_checks_a_message_and_a_message_without_text_gets_a_private_notice() {
    let bot = start().await;
    let reply = on_message(&bot, "Verify quote", "Altman: “i respect your accomplishments”").await;
    assert_eq!(reply["data"]["flags"], 64);
    assert_eq!(title(&reply["data"]), "Altered");
    assert!(unescape(&description(&reply["data"])).contains("~~genuinely~~"));
    let empty = on_message(&bot, "Verify quote", "").await;
    assert_eq!(empty["data"]["flags"], 64);
    assert!(empty["data"]["content"].as_str().unwrap().contains("no text"));
    bot.finish().await;
}

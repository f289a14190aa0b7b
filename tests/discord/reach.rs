//! The bot wherever people are: installed by a user rather than a server, in threads and
//! forum posts, and on answers someone else asked for.

use serde_json::{json, Value};
use storybot::store::settings::Change;
use storybot::store::Store;

use super::fake::{self, UserInstall};
use super::{description, start, start_global};

const SOFTBANK: &str = "Who runs SoftBank?";

#[tokio::test]
async fn answering_commands_install_for_users_too_and_the_admin_commands_for_servers_only() {
    let bot = start_global().await;
    let put = bot.fake.requests().into_iter().find(|r| r.method == "PUT").unwrap();
    let commands = put.body.as_array().unwrap();
    assert_eq!(commands.len(), 14);
    for command in commands {
        let name = command["name"].as_str().unwrap();
        let (installs, contexts) =
            if ["config", "reindex"].contains(&name) { (json!([0]), json!([0])) } else { (json!([0, 1]), json!([0, 1, 2])) };
        assert_eq!(command["integration_types"], installs, "{name}: where it can be installed");
        assert_eq!(command["contexts"], contexts, "{name}: where it can be used");
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
    for place in [UserInstall::BotDm, UserInstall::PrivateChannel, UserInstall::ForeignGuild] {
        let reply = asked_at(&bot, place).await;
        assert_eq!(reply["type"], 4, "{place:?}: answered in the interaction's own reply");
        assert_eq!(reply["data"]["flags"], 0, "{place:?}: public, as the user asked");
        assert!(description(&reply["data"]).contains("Masayoshi Son"), "{place:?}: {reply}");
    }
    let quote = "“They don’t actually have the money,” Musk wrote";
    let id =
        bot.fake.user_install_message_command(UserInstall::PrivateChannel, "Verify quote", quote, fake::user(fake::BOB));
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
    bot.finish().await;
}

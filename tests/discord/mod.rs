//! The Discord bot, end to end: the real serenity client against a fake Discord on loopback.

mod fake;
mod openapi;
mod process;

/// Start-up, commands, buttons, mentions and direct messages.
mod bot;

/// Gateway and REST faults, and the process's exit codes.
mod faults;

/// Who said what, verify, people, facts, timeline, context menus and sharing.
mod story;

/// Where people are: installs by users, threads and forum posts, other people's answers.
mod reach;

/// The bad-input table through `/ask`.
mod bad_input;

/// Many users at once.
mod load;

/// Votes, server settings, the database failing, live reindex, health, metrics and shards.
mod ops;

/// The container image's set-up with the example env file, run as the image runs it.
mod container;

/// Replies to answers, messages in the bot's threads, edits and deletions, as Discord sends them.
mod messages;

/// Threads on answers and follow-ups in them.
mod threads;

/// Replies to answers as follow-ups, and the Message Content intent.
mod replies;

/// Edited and deleted questions.
mod edits;

use std::time::Duration;

use std::sync::Arc;

use serde_json::Value;
use storybot::bot::Backend;
use storybot::config::{BotConfig, Token};
use storybot::ops::live::LiveEngine;
use storybot::store::Store;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use fake::FakeDiscord;

/// The bot running in this process against a fake Discord.
pub struct Running {
    pub fake: FakeDiscord,
    stop: Option<oneshot::Sender<()>>,
    bot: JoinHandle<anyhow::Result<()>>,
    /// The bot's database folder.
    pub data: tempfile::TempDir,
}

pub async fn start() -> Running {
    start_with(Duration::ZERO, true).await
}

pub async fn start_with_cooldown(cooldown: Duration) -> Running {
    start_with(cooldown, true).await
}

/// Starts the bot without DISCORD_GUILD_ID, so it registers its commands globally.
pub async fn start_global() -> Running {
    start_with(Duration::ZERO, false).await
}

/// Starts the bot with the privileged Message Content intent (`STORYBOT_MESSAGE_CONTENT=on`).
pub async fn start_reading_every_message() -> Running {
    start_configured(Duration::ZERO, true, |c| BotConfig { message_content: true, ..c }).await
}

async fn start_with(cooldown: Duration, in_guild: bool) -> Running {
    start_configured(cooldown, in_guild, |c| c).await
}

async fn start_configured(cooldown: Duration, in_guild: bool, adjust: fn(BotConfig) -> BotConfig) -> Running {
    let fake = FakeDiscord::start().await;
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let (stop, bot) = launch_with(&fake, cooldown, in_guild, Some(Arc::new(store)), adjust);
    fake.ready().await;
    Running { fake, stop: Some(stop), bot, data }
}

/// Runs the bot against `fake` in this process, without a database; the sender stops it.
pub fn launch(
    fake: &FakeDiscord,
    cooldown: Duration,
    in_guild: bool,
) -> (oneshot::Sender<()>, JoinHandle<anyhow::Result<()>>) {
    launch_with(fake, cooldown, in_guild, None, |c| c)
}

/// Runs the bot against `fake` in this process with `store` as its database, its settings
/// changed by `adjust`.
fn launch_with(
    fake: &FakeDiscord,
    cooldown: Duration,
    in_guild: bool,
    store: Option<Arc<Store>>,
    adjust: fn(BotConfig) -> BotConfig,
) -> (oneshot::Sender<()>, JoinHandle<anyhow::Result<()>>) {
    let token = Token::new(fake::TOKEN).unwrap();
    let config = BotConfig::for_api(token, &fake.rest_base);
    let guild_id = in_guild.then(|| fake::GUILD.parse().unwrap());
    let config = adjust(BotConfig { cooldown, guild_id, ..config });
    let (stop, stopped) = oneshot::channel::<()>();
    let live = Arc::new(LiveEngine::fixed(crate::common::story_arc()));
    let bot = tokio::spawn(storybot::bot::run(config, Backend { live, store }, async move {
        let _ = stopped.await;
    }));
    (stop, bot)
}

impl Running {
    /// Stops the bot, checks it shut down cleanly, and checks every request it sent was a
    /// valid Discord request.
    /// Returns the bot's database folder, for a look at what it kept.
    pub async fn finish(mut self) -> tempfile::TempDir {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let result = tokio::time::timeout(Duration::from_secs(15), &mut self.bot).await;
        let outcome = result.expect("the bot stops within 15 s").expect("the bot task did not panic");
        assert!(outcome.is_ok(), "the bot stopped with an error: {outcome:?}");
        assert_valid_requests(&self.fake);
        self.data
    }

    /// The body of the interaction callback for interaction `id`.
    pub async fn callback(&self, id: &str) -> Value {
        Attached(&self.fake).callback(id).await
    }

    /// Runs `/name options…` and returns the message its reply posted, as Discord would
    /// store it (for clicking its buttons).
    pub async fn posted(&self, name: &str, options: &[(&str, Value)]) -> Value {
        Attached(&self.fake).posted(name, options).await
    }

    /// Runs `/name options…` and returns the callback body.
    pub async fn run_command(&self, name: &str, options: &[(&str, Value)]) -> Value {
        Attached(&self.fake).run_command(name, options).await
    }
}

/// Commands against a fake Discord some bot is connected to (in this process or another).
pub struct Attached<'a>(pub &'a FakeDiscord);

impl Attached<'_> {
    /// The body of the interaction callback for interaction `id`.
    pub async fn callback(&self, id: &str) -> Value {
        let path = format!("/interactions/{id}/");
        self.0.request_after(0, fake::WAIT, |r| r.method == "POST" && r.path.contains(&path)).await.body
    }

    /// Runs `/name options…` and returns the message its reply posted.
    pub async fn posted(&self, name: &str, options: &[(&str, Value)]) -> Value {
        let id = self.0.command(name, options);
        let reply = self.callback(&id).await;
        let mut message = fake::message_from(&reply["data"], &self.0.next_id(), fake::CHANNEL, 20);
        message["interaction_metadata"] = fake::command_metadata(&id, fake::ALICE);
        message
    }

    /// Runs `/name options…` and returns the callback body.
    pub async fn run_command(&self, name: &str, options: &[(&str, Value)]) -> Value {
        let id = self.0.command(name, options);
        self.callback(&id).await
    }
}

/// Checks every request the bot sent was a valid Discord request.
pub fn assert_valid_requests(fake: &FakeDiscord) {
    let problems: Vec<String> = fake.requests().iter().flat_map(openapi::problems).collect();
    assert!(problems.is_empty(), "invalid Discord requests:\n{}", problems.join("\n"));
}

/// The custom_id of the button labelled `label` in a message body.
pub fn button(message: &Value, label: &str) -> (String, bool) {
    for row in message["components"].as_array().into_iter().flatten() {
        for b in row["components"].as_array().into_iter().flatten() {
            if b["label"] == label {
                return (b["custom_id"].as_str().unwrap().to_string(), b["disabled"] == true);
            }
        }
    }
    panic!("no button {label:?} in {message}");
}

/// The first embed's description.
pub fn description(message: &Value) -> String {
    message["embeds"][0]["description"].as_str().unwrap_or_default().to_string()
}

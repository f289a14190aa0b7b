//! Building the serenity client with poise on top, and running it until shutdown.

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use poise::serenity_prelude as serenity;

use super::inflight::{Guard, InFlight};
use super::{commands, cooldown::Cooldowns, errors, events, Data, Error};
use crate::answer::Engine;
use crate::config::BotConfig;

/// How long a shutdown waits for commands already running before it closes the gateway.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// What a command keeps for its log line; dropping it ends the command's time in flight.
struct Invocation {
    started: Instant,
    _guard: Option<Guard>,
}

/// Only non-privileged intents: Discord sends a message's content to a bot for messages that
/// mention it and for direct messages without the privileged Message Content intent.
pub fn intents() -> serenity::GatewayIntents {
    serenity::GatewayIntents::GUILDS
        | serenity::GatewayIntents::GUILD_MESSAGES
        | serenity::GatewayIntents::DIRECT_MESSAGES
}

/// Connects to Discord (or `config.api_base`), registers the commands, and answers until
/// `shutdown` completes.
///
/// # Errors
/// Discord rejects the token or the intents, command registration fails, or the client cannot
/// start; each with a message that says what to do.
pub async fn run(
    config: BotConfig,
    engine: Arc<Engine>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let http = http(&config)?;
    let startup_error: Arc<Mutex<Option<anyhow::Error>>> = Arc::default();
    let setup_error = startup_error.clone();
    let guild = config.guild_id;
    let in_flight = Arc::new(InFlight::default());
    let data = Data { engine, cooldowns: Cooldowns::new(config.cooldown), in_flight: in_flight.clone() };
    let framework = poise::Framework::builder()
        .options(options())
        // The owner list is not used; fetching it would cost a request at start-up.
        .initialize_owners(false)
        .setup(move |ctx, ready, framework| {
            Box::pin(async move {
                if let Err(err) = register(ctx, &framework.options().commands, guild).await {
                    // Without commands the bot is useless: stop, and let `run` report why.
                    framework.shard_manager().shutdown_all().await;
                    let message = format!("{err:#}");
                    *setup_error.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(err);
                    anyhow::bail!(message);
                }
                tracing::info!(bot = %ready.user.name, commands = framework.options().commands.len(), "commands registered");
                Ok(data)
            })
        })
        .build();
    let mut client = serenity::ClientBuilder::new_with_http(http, intents())
        .framework(framework)
        .await
        .context("cannot start the Discord client")?;
    let shards = client.shard_manager.clone();
    let stopper = tokio::spawn(async move {
        shutdown.await;
        tracing::info!("shutting down: finishing the requests already running");
        match in_flight.close(SHUTDOWN_GRACE).await {
            0 => tracing::info!("shutting down: every running request finished"),
            left => tracing::warn!(dropped = left, "shutting down: requests still running were dropped"),
        }
        shards.shutdown_all().await;
    });
    let result = client.start().await;
    stopper.abort();
    if let Some(err) = startup_error.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take() {
        return Err(err.context("command registration failed"));
    }
    result.map_err(explain)
}

fn http(config: &BotConfig) -> anyhow::Result<serenity::Http> {
    let mut builder = serenity::HttpBuilder::new(config.token.expose());
    if let Some(base) = &config.api_base {
        // serenity only honours a proxy with its rate limiter off: the host at DISCORD_API_BASE
        // then handles rate limits. A client without system proxies keeps the base reachable.
        let client = reqwest::Client::builder().no_proxy().build().context("cannot build the HTTP client")?;
        builder = builder.proxy(base.as_str()).ratelimiter_disabled(true).client(client);
    }
    Ok(builder.build())
}

async fn register(
    ctx: &serenity::Context,
    commands: &[poise::Command<Data, Error>],
    guild: Option<u64>,
) -> anyhow::Result<()> {
    // One bulk overwrite either way: commands removed from the code disappear from Discord.
    match guild {
        Some(id) => poise::builtins::register_in_guild(ctx, commands, serenity::GuildId::new(id)).await,
        None => poise::builtins::register_globally(ctx, commands).await,
    }
    .map_err(|e| anyhow::anyhow!(e))
}

fn options() -> poise::FrameworkOptions<Data, Error> {
    poise::FrameworkOptions {
        commands: commands::all(),
        // Ours, never poise's default, which would show error chains to users.
        on_error: |error| Box::pin(errors::on_error(error)),
        // A bot that is shutting down starts no new command (on_error tells the user).
        command_check: Some(|ctx| Box::pin(async move { Ok(!ctx.data().in_flight.is_closing()) })),
        // Before each command: note when it started, for the log line after it, and count it
        // as in flight until poise drops its invocation data.
        pre_command: |ctx| {
            Box::pin(async move {
                let invocation = Invocation { started: Instant::now(), _guard: ctx.data().in_flight.enter() };
                ctx.set_invocation_data(invocation).await;
            })
        },
        // After each successful command: one structured log line, without message content.
        post_command: |ctx| {
            Box::pin(async move {
                let started = ctx.invocation_data::<Invocation>().await.map(|i| i.started);
                let latency_ms = started.map_or(0, |t| t.elapsed().as_millis() as u64);
                tracing::info!(user = ctx.author().id.get(), command = %ctx.command().qualified_name, latency_ms, "command");
            })
        },
        // Mentions, direct messages and button clicks.
        event_handler: |framework, event| Box::pin(events::handle(framework, event)),
        // Nothing the bot sends may ping anyone.
        allowed_mentions: Some(super::adapter::no_pings()),
        // Mentions are questions, not prefix commands.
        prefix_options: poise::PrefixFrameworkOptions { mention_as_prefix: false, ..Default::default() },
        ..Default::default()
    }
}

/// Turns the gateway's fatal errors into advice.
fn explain(err: serenity::Error) -> anyhow::Error {
    use serenity::GatewayError as G;
    match &err {
        serenity::Error::Gateway(G::InvalidAuthentication) => anyhow::anyhow!(
            "Discord rejected the bot token: reset it in the Developer Portal (your application → Bot → Reset Token) \
             and put the new one in DISCORD_TOKEN"
        ),
        serenity::Error::Gateway(G::DisallowedGatewayIntents | G::InvalidGatewayIntents) => anyhow::anyhow!(
            "Discord refused the gateway intents storybot asks for (guilds, guild messages, direct messages)"
        ),
        _ => anyhow::Error::new(err).context("the Discord connection failed"),
    }
}

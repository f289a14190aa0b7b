//! Building the serenity client with poise on top, and running it until shutdown.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use poise::serenity_prelude as serenity;

use super::database::Database;
use super::inflight::InFlight;
use super::links::Links;
use super::request::{self, Kind, Outcome, Request};
use super::{admin, commands, cooldown::Cooldowns, errors, events, Data, Error};
use crate::config::{BotConfig, Shards};
use crate::ops::health::Health;
use crate::ops::live::LiveEngine;
use crate::ops::{metrics, server};
use crate::store::Store;

/// How long a shutdown waits for commands already running before it closes the gateway.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// Non-privileged intents unless `message_content`: without the privileged Message Content
/// intent Discord sends a message's content to a bot only for messages that mention it and
/// for direct messages.
pub fn intents(message_content: bool) -> serenity::GatewayIntents {
    let plain = serenity::GatewayIntents::GUILDS
        | serenity::GatewayIntents::GUILD_MESSAGES
        | serenity::GatewayIntents::DIRECT_MESSAGES;
    if message_content {
        plain | serenity::GatewayIntents::MESSAGE_CONTENT
    } else {
        plain
    }
}

/// What the bot serves: the engine in service (rebuilt on corpus changes) and the database
/// (`None` when it could not be opened: the bot then answers without settings or votes).
pub struct Backend {
    pub live: Arc<LiveEngine>,
    pub store: Option<Arc<Store>>,
}

/// Connects to Discord (or `config.api_base`), registers the commands, and answers until
/// `shutdown` completes. With `STORYBOT_METRICS_ADDR` set it also serves `/healthz` and
/// `/metrics`; unless told not to, it rebuilds the index when the corpus changes.
///
/// # Errors
/// Discord rejects the token or the intents, command registration fails, the metrics address
/// cannot be bound, or the client cannot start; each with a message that says what to do.
pub async fn run(
    config: BotConfig,
    backend: Backend,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let http = http(&config)?;
    let (first, last, total) = shard_range(&http, config.shards).await?;
    let services = Services::start(&config, &backend, last - first + 1).await?;
    // Registration happens in poise's setup; a failure comes back to `run` through this.
    let (registration_failed, mut why_not_registered) = tokio::sync::oneshot::channel::<anyhow::Error>();
    let in_flight = Arc::new(InFlight::default());
    let data = Data {
        live: backend.live,
        links: Links::new(backend.store.clone()),
        database: Database::new(backend.store),
        cooldowns: Cooldowns::new(config.cooldown),
        in_flight: in_flight.clone(),
    };
    // Commands are global to the application: one process registering them is enough.
    let registration = Registration { wanted: first == 0, guild: config.guild_id, failed: registration_failed };
    let mut client = serenity::ClientBuilder::new_with_http(http, intents(config.message_content))
        .framework(framework(data, registration))
        .event_handler(ShardWatch(services.health.clone()))
        .await
        .context("cannot start the Discord client")?;
    let stopper = tokio::spawn(stop_on(shutdown, in_flight, client.shard_manager.clone()));
    tracing::info!(first, last, total, "connecting gateway shards");
    // serenity reads the range's end as the last shard to run, not one past it.
    let result = client.start_shard_range(first..last, total).await;
    stopper.abort();
    services.stop().await;
    if let Ok(err) = why_not_registered.try_recv() {
        return Err(err.context("command registration failed"));
    }
    result.map_err(explain)
}

/// What runs beside the gateway: health and metrics over HTTP, the corpus watcher and the
/// daily pruning of old votes.
struct Services {
    health: Arc<Health>,
    listener: Option<server::Listener>,
    _watcher: Option<crate::ops::live::Watcher>,
    pruning: Option<tokio::task::JoinHandle<()>>,
}

impl Services {
    async fn start(config: &BotConfig, backend: &Backend, shards: u32) -> anyhow::Result<Services> {
        let health = Arc::new(Health::default());
        health.expect_shards(shards);
        let listener = match config.metrics_addr {
            Some(addr) => Some(server::start(addr, health.clone(), backend.live.clone()).await?),
            None => None,
        };
        let watcher = match (config.watch_corpus, backend.live.corpus_dir()) {
            (true, Some(_)) => backend
                .live
                .watch(tokio::runtime::Handle::current())
                .inspect_err(|err| tracing::warn!(error = %format!("{err:#}"), "the corpus folder is not watched; use /reindex after changes"))
                .ok(),
            _ => None,
        };
        let pruning =
            backend.store.clone().map(|store| super::database::prune_daily(store, config.vote_retention_days));
        Ok(Services { health, listener, _watcher: watcher, pruning })
    }

    async fn stop(self) {
        if let Some(pruning) = self.pruning {
            pruning.abort();
        }
        self.health.disconnect_all();
        if let Some(listener) = self.listener {
            listener.stop().await;
        }
    }
}

/// Whether this process registers the commands, where, and how it reports a failure.
struct Registration {
    wanted: bool,
    guild: Option<u64>,
    failed: tokio::sync::oneshot::Sender<anyhow::Error>,
}

fn framework(data: Data, registration: Registration) -> poise::Framework<Data, Error> {
    poise::Framework::builder()
        .options(options())
        // /reindex is for the application's owner and team, whom Discord names at start-up.
        .initialize_owners(true)
        .setup(move |ctx, ready, framework| {
            Box::pin(async move {
                if !registration.wanted {
                    tracing::info!(bot = %ready.user.name, "commands are registered by the process that runs shard 0");
                    return Ok(data);
                }
                if let Err(err) = register(ctx, &framework.options().commands, registration.guild).await {
                    // Without commands the bot is useless: stop, and let `run` report why.
                    framework.shard_manager().shutdown_all().await;
                    let message = format!("{err:#}");
                    let _ = registration.failed.send(err);
                    anyhow::bail!(message);
                }
                tracing::info!(bot = %ready.user.name, commands = framework.options().commands.len(), "commands registered");
                Ok(data)
            })
        })
        .build()
}

/// Once `shutdown` completes: no new request starts, the running ones get a grace period,
/// then the gateway closes.
async fn stop_on(shutdown: impl Future<Output = ()>, in_flight: Arc<InFlight>, shards: Arc<serenity::ShardManager>) {
    shutdown.await;
    tracing::info!("shutting down: finishing the requests already running");
    match in_flight.close(SHUTDOWN_GRACE).await {
        0 => tracing::info!("shutting down: every running request finished"),
        left => tracing::warn!(dropped = left, "shutting down: requests still running were dropped"),
    }
    shards.shutdown_all().await;
}

/// The shards this process runs, `(first, last, total)`: with `auto`, Discord's
/// recommendation, all of them here.
async fn shard_range(http: &serenity::Http, shards: Shards) -> anyhow::Result<(u32, u32, u32)> {
    match shards {
        Shards::Fixed { total, first, last } => Ok((first, last, total)),
        Shards::Auto => {
            let gateway = http.get_bot_gateway().await.map_err(|e| {
                explain(e)
                    .context("cannot ask Discord how many shards to run (set DISCORD_SHARDS to a number to skip this)")
            })?;
            let total = gateway.shards.max(1);
            Ok((0, total - 1, total))
        }
    }
}

/// Keeps [`Health`] current from serenity's shard stage changes.
struct ShardWatch(Arc<Health>);

#[serenity::async_trait]
impl serenity::EventHandler for ShardWatch {
    async fn shard_stage_update(&self, _ctx: serenity::Context, event: serenity::ShardStageUpdateEvent) {
        let connected = serenity::ConnectionStage::Connected;
        self.0.shard_stage(event.shard_id.0, event.old == connected, event.new == connected);
    }
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
        // A bot that is shutting down starts no new command, a server may keep answers to some
        // channels, and answering commands wait out the user's cooldown (on_error tells the
        // user in every case).
        command_check: Some(|ctx| Box::pin(admin::check(ctx))),
        // A command's request starts once the checks pass and ends after it (post_command) or
        // in on_error; poise keeps it as the invocation's data meanwhile.
        pre_command: |ctx| {
            Box::pin(async move {
                let name = ctx.command().qualified_name.clone();
                metrics::command(&name);
                let started = Request::start(&ctx.data().in_flight, Kind::Command, &name, ctx.author().id.get());
                ctx.set_invocation_data(started.ok()).await;
            })
        },
        post_command: |ctx| Box::pin(request::finish_command(ctx, Outcome::Answered)),
        // Mentions, direct messages and button clicks.
        event_handler: |framework, event| Box::pin(events::handle(framework, event)),
        // Nothing the bot sends may ping anyone.
        allowed_mentions: Some(super::adapter::no_pings()),
        // Mentions are questions, not prefix commands.
        prefix_options: poise::PrefixFrameworkOptions { mention_as_prefix: false, ..Default::default() },
        ..Default::default()
    }
}

/// Turns Discord's fatal errors into advice: a token refused by the gateway (close 4004) or
/// by the REST API (401), and refused intents (close 4014: the Message Content intent is not
/// switched on for the application).
fn explain(err: serenity::Error) -> anyhow::Error {
    use serenity::{Error as E, GatewayError as G, HttpError as H};
    match &err {
        E::Gateway(G::InvalidAuthentication) => token_rejected(),
        E::Http(H::UnsuccessfulRequest(r)) if r.status_code.as_u16() == 401 => token_rejected(),
        E::Gateway(G::DisallowedGatewayIntents) => anyhow::anyhow!(
            "Discord refused the privileged Message Content intent (gateway close 4014), which \
             STORYBOT_MESSAGE_CONTENT=on asks for: switch it on in the Developer Portal (your application → Bot → \
             Privileged Gateway Intents → Message Content Intent; past 100 servers Discord must verify the app and \
             approve the intent first), or set STORYBOT_MESSAGE_CONTENT=off"
        ),
        E::Gateway(G::InvalidGatewayIntents) => anyhow::anyhow!(
            "Discord refused the gateway intents storybot asks for (guilds, guild messages, direct messages)"
        ),
        _ => anyhow::Error::new(err).context("the Discord connection failed"),
    }
}

fn token_rejected() -> anyhow::Error {
    anyhow::anyhow!(
        "Discord rejected the bot token: reset it in the Developer Portal (your application → Bot → Reset Token) \
         and put the new one in DISCORD_TOKEN"
    )
}

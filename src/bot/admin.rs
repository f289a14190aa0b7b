//! Commands for the people who run a server (`/config`) and for the people who run the bot
//! (`/reindex`), and the check every command passes first.
//!
//! Both commands carry Manage Server as their default member permissions: Discord shows them
//! only to members who have it (a server can grant them to others in its Integrations
//! settings), and never in direct messages. `/reindex` reloads the story for every server the
//! bot is in, so it also runs only for the application's owner or team members (Discord tells
//! the bot who they are at start-up), at most once every 30 seconds.

use poise::serenity_prelude as serenity;

use super::request::ShuttingDown;
use super::{adapter, channels, render, Context, Error};
use crate::error::UserError;
use crate::store::settings::Change;

/// Commands that work in every channel, whatever the server allows.
const ANYWHERE: [&str; 3] = ["config", "reindex", "help"];

/// The category of the commands that answer from the story: each counts against the user's
/// cooldown.
pub const ANSWERING: &str = "Answering";

/// Runs before every command: none starts while the bot shuts down; in a server that keeps
/// the bot to some channels, answering commands work only there; and an answering command
/// waits out the user's cooldown (typing into an autocomplete does not count).
///
/// # Errors
/// [`ShuttingDown`] during a shutdown; a [`UserError`] naming the channels the bot answers
/// in, or saying how long to wait.
pub async fn check(ctx: Context<'_>) -> Result<bool, Error> {
    if ctx.data().in_flight.is_closing() {
        return Err(ShuttingDown.into());
    }
    if let Some(guild) = server_of(ctx).filter(|_| !ANYWHERE.contains(&&*ctx.command().name)) {
        let settings = ctx.data().database.settings(Some(guild)).await;
        let parent = match ctx {
            poise::Context::Application(a) => channels::parent_in(a.interaction.channel.as_ref()),
            poise::Context::Prefix(_) => None,
        };
        if !settings.allows_in(ctx.channel_id().get(), parent) {
            return Err(UserError::new(render::admin::wrong_channel(&settings)).into());
        }
    }
    let autocomplete = matches!(ctx, poise::Context::Application(a) if a.interaction_type == poise::CommandInteractionType::Autocomplete);
    if ctx.command().category.as_deref() == Some(ANSWERING) && !autocomplete {
        ctx.data().cooldowns.check(ctx.author().id.get())?;
    }
    Ok(true)
}

/// The server whose settings apply to a command: the one it runs in, if that server installed
/// the bot. A member who installed the bot for themselves can use it in any server; that
/// server never chose the bot, so it has no settings for it, and the defaults apply.
pub fn server_of(ctx: Context<'_>) -> Option<u64> {
    match ctx {
        poise::Context::Application(a) => {
            installed_server(a.interaction.guild_id, &a.interaction.authorizing_integration_owners)
        }
        poise::Context::Prefix(p) => p.msg.guild_id.map(|g| g.get()),
    }
}

/// `guild`, if the interaction came through the bot's install in that server (rather than
/// only through the install of the user who used it).
pub fn installed_server(
    guild: Option<serenity::GuildId>,
    owners: &serenity::AuthorizingIntegrationOwners,
) -> Option<u64> {
    let by_server = owners.0.iter().any(|o| matches!(o, serenity::AuthorizingIntegrationOwner::GuildInstall(_)));
    guild.filter(|_| by_server).map(|g| g.get())
}

/// Server settings: private answers, @mentions, threads, and the channels the bot answers in
#[poise::command(
    slash_command,
    guild_only,
    install_context = "Guild",
    interaction_context = "Guild",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn config(
    ctx: Context<'_>,
    #[description = "Answers only the asker sees (they can share them)"] private_answers: Option<bool>,
    #[description = "Answer questions in messages that @mention the bot"] mentions: Option<bool>,
    #[description = "Open a thread on each public answer, where every message is a follow-up"]
    answers_in_threads: Option<bool>,
    #[description = "Answer in this channel (the bot then answers only in the channels listed)"]
    #[channel_types("Text", "News", "Forum", "PublicThread", "PrivateThread", "NewsThread")]
    allow_channel: Option<serenity::ChannelId>,
    #[description = "Stop answering in this channel"]
    #[channel_types("Text", "News", "Forum", "PublicThread", "PrivateThread", "NewsThread")]
    remove_channel: Option<serenity::ChannelId>,
    #[description = "Answer in every channel again"] all_channels: Option<bool>,
) -> Result<(), Error> {
    let guild = server_of(ctx).map(serenity::GuildId::new).ok_or_else(|| {
        UserError::new("/config works in a server that added storybot, not in direct messages or other servers.")
    })?;
    let change = Change {
        private_answers,
        mentions,
        answers_in_threads,
        allow_channel: allow_channel.map(|c| c.get()),
        remove_channel: remove_channel.map(|c| c.get()),
        all_channels: all_channels.unwrap_or(false),
    };
    let database = &ctx.data().database;
    let changed = !change.is_empty();
    let settings = if !changed {
        database.settings(Some(guild.get())).await
    } else {
        if change.remove_channel.is_some() && database.settings(Some(guild.get())).await.channels.is_empty() {
            return Err(UserError::new(
                "I answer in every channel now. To keep me to some channels, list each with `allow_channel`.",
            )
            .into());
        }
        let settings = database.change(guild.get(), change).await?;
        tracing::info!(guild = guild.get(), user = ctx.author().id.get(), "server settings changed");
        settings
    };
    let reply = render::admin::settings(&settings, changed);
    ctx.send(adapter::command_reply(&reply, true)).await?;
    Ok(())
}

/// For the bot's owner: reload the story files now and swap in the new index (answers go on)
#[poise::command(
    slash_command,
    guild_only,
    install_context = "Guild",
    interaction_context = "Guild",
    owners_only,
    global_cooldown = 30,
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn reindex(ctx: Context<'_>) -> Result<(), Error> {
    let live = ctx.data().live.clone();
    if live.corpus_dir().is_none() {
        return Err(
            UserError::new("This bot was started without a story folder, so there is nothing to reload.").into()
        );
    }
    // A large corpus takes longer than the three seconds Discord waits for a first reply.
    ctx.defer_ephemeral().await?;
    let outcome = live.reindex().await;
    tracing::info!(guild = ?ctx.guild_id().map(|g| g.get()), user = ctx.author().id.get(), ok = outcome.is_ok(), "reindex requested");
    ctx.send(adapter::command_reply(&render::admin::reindexed(&outcome), true)).await?;
    Ok(())
}

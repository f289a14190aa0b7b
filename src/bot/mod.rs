//! The Discord front end (`storybot serve`): a thin adapter from Discord to the engine.
//!
//! Commands and events only read what the user asked, call the engine, have [`render`] turn
//! the result into a reply, and send it with [`adapter`]. All decisions about what to say
//! live in the engine and in `render`, which are tested without Discord.
//!
//! - [`commands`]: the slash commands (`/ask`, `/search`, `/quote`, `/whosaid`, `/verify`,
//!   `/who`, `/facts`, `/timeline`, `/story`, `/help`) and the message context-menu commands
//!   ("Ask storybot", "Verify quote").
//! - [`admin`]: `/config` and `/reindex`, for members who can manage the server, and the
//!   check that keeps answers to the channels a server allows.
//! - [`channels`]: where a request was made, as an allow-list sees it (a thread or forum post
//!   counts as its parent channel).
//! - [`events`]: @mentions, direct messages, replies and thread messages, edits and deletions
//!   of questions, and button clicks (Share and votes included).
//! - [`follow_up`]: which conversation a question in a message continues (a reply to an
//!   answer, the bot's thread, a direct message), answering in it and keeping it.
//! - [`threads`]: opening a thread on an answer (`/ask thread`, `/config answers_in_threads`).
//! - [`edits`]: an edited question updates its answer, a deleted one deletes it.
//! - [`links`]: the bot's threads and, for a few minutes, which answer replied to which
//!   question, through the database.
//! - [`database`]: server settings and votes, through a database that may fail.
//! - [`errors`]: the one error handler (user errors verbatim and private; the rest logged).
//! - [`client`]: building the serenity client, and running it until shutdown.
//! - [`request`]: one request's life (commands, mentions, direct messages and clicks alike):
//!   refused during a shutdown, in flight while it runs, its span, latency and log line.
//! - [`inflight`]: requests in flight, so a shutdown finishes them and logs what it dropped.

pub mod adapter;
pub mod admin;
pub mod channels;
pub mod client;
pub mod commands;
pub mod cooldown;
pub mod custom_id;
pub mod database;
pub mod edits;
pub mod errors;
pub mod events;
pub mod follow_up;
pub mod inflight;
pub mod links;
pub mod markdown;
pub mod render;
pub mod request;
pub mod threads;

use std::sync::Arc;

use crate::answer::Engine;
use crate::ops::live::LiveEngine;

pub use client::{intents, run, Backend};

/// State shared by every command and event handler.
pub struct Data {
    pub live: Arc<LiveEngine>,
    pub database: database::Database,
    pub links: links::Links,
    pub cooldowns: cooldown::Cooldowns,
    pub in_flight: Arc<inflight::InFlight>,
}

impl Data {
    /// The engine in service now; a request keeps the one it started with.
    pub fn engine(&self) -> Arc<Engine> {
        self.live.engine()
    }
}

/// Command errors: a [`crate::UserError`] inside is shown to the user, anything else is logged.
pub type Error = anyhow::Error;
pub type Context<'a> = poise::Context<'a, Data, Error>;

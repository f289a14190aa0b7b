//! The one error handler. A [`UserError`] is shown verbatim and privately; anything else is
//! logged with its chain and the user gets one generic sentence. poise's built-in handler is
//! never used: it would show the error chain to the user.

use poise::serenity_prelude::{Error as SerenityError, HttpError};

use super::request::{self, Outcome, ShuttingDown};
use super::{adapter, render, Data, Error};
use crate::error::UserError;
use crate::ops::metrics;

/// What the user sees when something broke on the bot's side.
pub const GENERIC: &str = "Sorry, something went wrong on my side. Please try again in a moment.";

/// The text to show for an error: the user error itself, or [`GENERIC`] after logging.
pub fn user_text(err: &Error, kind: &str) -> String {
    if let Some(user) = err.downcast_ref::<UserError>() {
        return user.to_string();
    }
    if let Some(stopping) = err.downcast_ref::<ShuttingDown>() {
        return stopping.to_string();
    }
    match discord_status(err) {
        Some(status) => {
            metrics::rest_error(status);
            tracing::warn!(kind, status, error = %format!("{err:#}"), "request failed: Discord refused the reply, so it was dropped")
        }
        None => tracing::error!(kind, error = %format!("{err:#}"), "request failed"),
    }
    GENERIC.to_string()
}

/// The HTTP status Discord answered, when the error is Discord refusing a request.
fn discord_status(err: &Error) -> Option<u16> {
    err.chain().find_map(|e| refused_with(e.downcast_ref()?))
}

fn refused_with(err: &SerenityError) -> Option<u16> {
    match err {
        SerenityError::Http(HttpError::UnsuccessfulRequest(response)) => Some(response.status_code.as_u16()),
        _ => None,
    }
}

/// Counts a reply Discord did not take (its HTTP status, or 0 when none came back).
pub fn count_rest_error(err: &SerenityError) {
    metrics::rest_error(refused_with(err).unwrap_or(0));
}

/// A plain-text reply for an error.
pub fn reply_for(err: &Error, kind: &str) -> render::Reply {
    render::Reply::plain(user_text(err, kind))
}

pub async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    use poise::FrameworkError as E;
    match error {
        E::Command { error, ctx, .. } => {
            let text = user_text(&error, &ctx.command().qualified_name);
            send_private(ctx, &text).await;
            request::finish_command(ctx, Outcome::Failed).await;
        }
        E::ArgumentParse { ctx, error, .. } => {
            tracing::info!(user = ctx.author().id.get(), command = %ctx.command().qualified_name, %error, "bad option");
            send_private(ctx, "I couldn't read one of the options; please check it and try again.").await;
            request::finish_command(ctx, Outcome::Failed).await;
        }
        E::CommandPanic { ctx, payload, .. } => {
            tracing::error!(command = %ctx.command().qualified_name, payload = ?payload, "command panicked");
            send_private(ctx, GENERIC).await;
            request::finish_command(ctx, Outcome::Failed).await;
        }
        E::CommandCheckFailed { ctx, error: Some(error), .. } => {
            if error.downcast_ref::<ShuttingDown>().is_some() {
                tracing::warn!(user = ctx.author().id.get(), command = %ctx.command().qualified_name, "dropped: shutting down");
            } else {
                tracing::info!(user = ctx.author().id.get(), command = %ctx.command().qualified_name, error = %error, "refused");
            }
            send_private(ctx, &user_text(&error, "check")).await;
        }
        E::NotAnOwner { ctx, .. } => {
            tracing::info!(user = ctx.author().id.get(), command = %ctx.command().qualified_name, "refused: not an owner of the bot");
            send_private(ctx, render::admin::OWNERS_ONLY).await;
        }
        E::CooldownHit { remaining_cooldown, ctx, .. } => {
            send_private(ctx, &render::admin::cooling_down(remaining_cooldown)).await;
        }
        E::EventHandler { error, .. } => tracing::error!(error = %format!("{error:#}"), "event handler failed"),
        E::Setup { error, .. } => tracing::error!(error = %format!("{error:#}"), "start-up failed"),
        E::UnknownCommand { .. } | E::UnknownInteraction { .. } | E::NonCommandMessage { .. } => {
            tracing::debug!("ignored a message or interaction that is not one of ours");
        }
        other => tracing::warn!(error = %other, "command not run"),
    }
}

async fn send_private(ctx: super::Context<'_>, text: &str) {
    let reply = render::Reply::plain(text.to_string());
    if let Err(err) = ctx.send(adapter::command_reply(&reply, true)).await {
        let status = discord_status(&err.into());
        tracing::warn!(status, "could not tell the user about an error: Discord refused the notice, so it was dropped");
    }
}

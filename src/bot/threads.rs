//! Threads on answers: `/ask thread: True`, or every public answer on a server with
//! `/config answers_in_threads: True`. The thread is opened on the answer message and named
//! after the question; every message in it is then a follow-up ([`super::follow_up`]).
//!
//! An answer is worth more than its thread: when Discord refuses the thread (the bot lacks
//! Create Public Threads, or the answer is already inside a thread) the answer stands and the
//! refusal is logged.

use poise::serenity_prelude as serenity;

use super::markdown::truncate;
use super::{adapter, channels, render, Context, Data, Error};
use crate::answer::Conversation;

/// Discord's limit on a thread's name, in characters.
pub const MAX_NAME: usize = 100;

/// Minutes of quiet before Discord archives the thread (a day); a message reopens it.
const ARCHIVE_AFTER: serenity::AutoArchiveDuration = serenity::AutoArchiveDuration::OneDay;

/// A thread's name from the question it follows: one line, within Discord's limit.
pub fn name(question: &str) -> String {
    let line = question.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.is_empty() {
        return "Question".into();
    }
    truncate(&line, MAX_NAME)
}

/// Opens a thread on the bot's answer `answer` in `channel` of `guild`, remembers it as the
/// bot's, and starts its conversation with `conversation` (the question just answered).
///
/// # Errors
/// Discord refused the thread; the caller decides whom to tell.
pub async fn open(
    ctx: &serenity::Context,
    data: &Data,
    place: (serenity::GuildId, serenity::ChannelId, serenity::MessageId),
    question: &str,
    conversation: &Conversation,
) -> Result<serenity::ChannelId, serenity::Error> {
    let (guild, channel, answer) = place;
    let builder = serenity::CreateThread::new(name(question)).auto_archive_duration(ARCHIVE_AFTER);
    let thread = channel.create_thread_from_message(ctx, answer, builder).await?;
    // The conversation first: once the thread is known as the bot's, messages in it look for it.
    data.database.save_conversation(&super::follow_up::thread_key(thread.id.get()), conversation).await;
    data.links.remember_thread(thread.id.get(), guild.get()).await;
    tracing::info!(guild = guild.get(), thread = thread.id.get(), "thread opened on an answer");
    Ok(thread.id)
}

/// Opens a thread on the answer `answer` to the mention `msg`, on a server that wants answers
/// in threads: only on an answer (not a cooldown notice or an error), and not inside a thread.
/// A refusal is only logged: a message's author cannot be told privately.
pub async fn open_on_mention(
    ctx: &serenity::Context,
    data: &Data,
    msg: &serenity::Message,
    answer: serenity::MessageId,
    question: &str,
    answering: &super::follow_up::Answering,
) {
    let (Some(guild), Some(after)) = (msg.guild_id, &answering.after) else { return };
    if channels::is_cached_thread(&ctx.cache, msg.guild_id, msg.channel_id) {
        return;
    }
    if let Err(err) = open(ctx, data, (guild, msg.channel_id, answer), question, after).await {
        log_refused(&err);
    }
}

/// Whether `/ask` opens a thread: the asker's `thread` option, else the server's setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wanted {
    pub asked: Option<bool>,
    pub server: bool,
}

/// After `/ask` posted its answer: keeps the answer's conversation (a reply to the answer
/// continues it) and opens a thread on it when wanted. A private answer has neither (nobody
/// can reply to it); the asker is told privately when a thread they asked for cannot open.
///
/// # Errors
/// Only when even the private notice cannot be sent.
pub async fn after_ask(
    ctx: Context<'_>,
    handle: &poise::ReplyHandle<'_>,
    private: bool,
    wanted: Wanted,
    question: &str,
    conversation: &Conversation,
) -> Result<(), Error> {
    let asked = wanted.asked == Some(true);
    if private {
        return if asked { notice(ctx, render::PRIVATE_NO_THREAD).await } else { Ok(()) };
    }
    let data = ctx.data();
    // No conversation is kept for the answer itself: a reply rebuilds it from what the answer
    // shows (`follow_up::answer`), so an answer costs no database write.
    if !wanted.asked.unwrap_or(wanted.server) {
        return Ok(());
    }
    // Only a thread needs the answer's message id, which Discord tells on asking.
    let answer = match handle.message().await {
        Ok(message) => message.id,
        Err(err) => {
            // The answer is out; only the thread on it is lost.
            tracing::warn!(error = %err, "cannot read back the answer just posted: no thread on it");
            return Ok(());
        }
    };
    // Only where the server added the bot: a user's own install cannot open threads there.
    let Some(guild) = super::admin::server_of(ctx).filter(|_| !in_thread(ctx)).map(serenity::GuildId::new) else {
        return if asked { notice(ctx, render::NO_THREAD_HERE).await } else { Ok(()) };
    };
    let place = (guild, ctx.channel_id(), answer);
    match open(ctx.serenity_context(), data, place, question, conversation).await {
        Ok(_) => Ok(()),
        Err(err) => {
            log_refused(&err);
            if asked {
                notice(ctx, render::THREAD_REFUSED).await
            } else {
                Ok(())
            }
        }
    }
}

/// Whether a command was run in a thread (Discord says so in the interaction).
fn in_thread(ctx: Context<'_>) -> bool {
    let poise::Context::Application(app) = ctx else { return false };
    app.interaction.channel.as_ref().is_some_and(|c| channels::is_thread_kind(c.kind))
        || channels::is_cached_thread(&ctx.serenity_context().cache, ctx.guild_id(), ctx.channel_id())
}

async fn notice(ctx: Context<'_>, text: &str) -> Result<(), Error> {
    ctx.send(adapter::command_reply(&render::Reply::plain(text.into()), true)).await?;
    Ok(())
}

/// Logs a refused thread (never with the question).
pub fn log_refused(err: &serenity::Error) {
    super::errors::count_rest_error(err);
    tracing::warn!(error = %err, "Discord refused to open a thread on an answer; the answer stands without one");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thread_is_named_after_its_question_in_one_line_within_discords_limit() {
        assert_eq!(name("who runs\n SoftBank?"), "who runs SoftBank?");
        assert_eq!(name("   "), "Question");
        let long = name(&"why ".repeat(60));
        assert_eq!(long.chars().count(), MAX_NAME);
        assert!(long.ends_with('…'), "{long}");
    }
}

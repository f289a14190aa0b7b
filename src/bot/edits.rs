//! Edited and deleted questions. For 15 minutes after the bot answered a question message,
//! editing the question updates the answer in place and deleting it deletes the answer.
//!
//! An edit that leaves the text as it was (Discord also sends one when it adds a link
//! preview) changes nothing. An edit that no longer addresses the bot (the mention removed)
//! leaves the answer as it is: the answer was right for what was asked, and removing a ping
//! is not a request to take it back. An edited question is answered where the original one
//! stood in its conversation, and edits do not count against the cooldown.

use poise::serenity_prelude as serenity;
use tracing::Instrument as _;

use super::events::addressee;
use super::follow_up::{self, Seen};
use super::request::{Kind, Outcome, Request};
use super::{adapter, Data, Error};
use crate::answer::Conversation;
use crate::store::answered::{self, Answered};

pub async fn on_edit(ctx: &serenity::Context, data: &Data, event: &serenity::MessageUpdateEvent) -> Result<(), Error> {
    let Some(content) = &event.content else { return Ok(()) };
    if event.author.as_ref().is_some_and(|a| a.bot) {
        return Ok(());
    }
    let Some(link) = data.links.answer_to(event.id.get()).await else { return Ok(()) };
    let Some(question) = edited_question(ctx, data, event, content, &link).await else {
        tracing::debug!("an answered question was edited and no longer asks the bot: the answer stays");
        return Ok(());
    };
    let user = event.author.as_ref().map_or(0, |a| a.id.get());
    let Ok(request) = Request::start(&data.in_flight, Kind::Edit, "edit", user) else { return Ok(()) };
    let before = match &link.conversation {
        Some(key) => data.database.conversation(key).await,
        None => Conversation::new(),
    };
    let (reply, after) = follow_up::answer_in(data, before, &question, Kind::Edit);
    let (channel, answer) = (serenity::ChannelId::new(link.channel), serenity::MessageId::new(link.answer));
    let edited =
        channel.edit_message(ctx, answer, adapter::edited_message(&reply)).instrument(request.span().clone()).await;
    match edited {
        Ok(_) => {
            if let Some(after) = &after {
                data.database.save_conversation(&follow_up::answer_key(link.answer), after).await;
            }
            let question_hash = answered::question_hash(&question);
            data.links.remember_answer(Answered { question_hash, ..link }).await;
            request.finish(Outcome::Answered);
        }
        Err(err) => {
            gone(data, &link, &err).await;
            request.finish(Outcome::NotDelivered);
        }
    }
    Ok(())
}

/// The question in an edited message, when it still asks the bot something new.
async fn edited_question(
    ctx: &serenity::Context,
    data: &Data,
    event: &serenity::MessageUpdateEvent,
    content: &str,
    link: &Answered,
) -> Option<String> {
    let guild = link.guild.map(serenity::GuildId::new);
    let users = event.mentions.as_deref().unwrap_or_default();
    let (mentions_bot, to) = addressee(&ctx.cache, guild, users, event.mention_roles.as_deref().unwrap_or_default());
    let bot = serenity::UserId::new(to.bot);
    let reply_to = event.referenced_message.as_ref().and_then(|m| m.as_ref());
    let channel = event.channel_id.get();
    let seen = Seen {
        mentions_bot,
        is_dm: link.guild.is_none(),
        reply_to_bot: reply_to.filter(|m| m.author.id == bot).map(|m| m.id.get()),
        bot_thread: data.links.is_bot_thread(channel).await.then_some(channel),
        channel,
        author: event.author.as_ref().map_or(0, |a| a.id.get()),
    };
    let asked = follow_up::asked(content, to, seen)?;
    let changed = answered::question_hash(&asked.question) != link.question_hash;
    (changed && !asked.question.is_empty()).then_some(asked.question)
}

/// Deleted messages: the answers to the ones that were questions go too.
pub async fn on_delete(ctx: &serenity::Context, data: &Data, deleted: &[serenity::MessageId]) -> Result<(), Error> {
    for id in deleted {
        let Some(link) = data.links.answer_to(id.get()).await else { continue };
        let Ok(request) = Request::start(&data.in_flight, Kind::Edit, "delete", 0) else { return Ok(()) };
        let channel = serenity::ChannelId::new(link.channel);
        let removed = channel.delete_message(ctx, link.answer).instrument(request.span().clone()).await;
        data.links.forget_message(link.question).await;
        match removed {
            Ok(()) => request.finish(Outcome::Answered),
            Err(err) => {
                gone(data, &link, &err).await;
                request.finish(Outcome::NotDelivered);
            }
        }
    }
    Ok(())
}

/// Discord refused to change or delete an answer (already deleted, or no permission any
/// more): logged, and the link forgotten so the next edit does not try again.
async fn gone(data: &Data, link: &Answered, err: &serenity::Error) {
    super::errors::count_rest_error(err);
    tracing::warn!(error = %err, channel = link.channel, "Discord refused to change the answer to an edited or deleted question");
    data.links.forget_message(link.question).await;
}

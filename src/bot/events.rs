//! Messages (@mentions, direct messages, replies to answers and messages in the bot's
//! threads), their edits and deletions, and button clicks.

use poise::serenity_prelude as serenity;
use tracing::Instrument as _;

use super::custom_id::{Action, ButtonState, Unusable};
use super::request::{Kind, Outcome, Request};
use super::{adapter, database, edits, errors, follow_up, render, threads, Data, Error};
use crate::answer::{Engine, MAX_SEARCH};
use crate::corpus::SentenceId;
use crate::error::UserError;
use crate::ops::metrics;
use crate::store::feedback::Vote;

pub async fn handle(
    framework: poise::FrameworkContext<'_, Data, Error>,
    event: &serenity::FullEvent,
) -> Result<(), Error> {
    let ctx = framework.serenity_context;
    let data = framework.user_data;
    match event {
        serenity::FullEvent::Message { new_message } => on_message(ctx, data, new_message).await,
        serenity::FullEvent::MessageUpdate { event, .. } => edits::on_edit(ctx, data, event).await,
        serenity::FullEvent::MessageDelete { deleted_message_id, .. } => {
            edits::on_delete(ctx, data, &[*deleted_message_id]).await
        }
        serenity::FullEvent::MessageDeleteBulk { multiple_deleted_messages_ids, .. } => {
            edits::on_delete(ctx, data, multiple_deleted_messages_ids).await
        }
        serenity::FullEvent::ThreadDelete { thread, .. } => {
            data.links.forget_thread(thread.id.get()).await;
            Ok(())
        }
        serenity::FullEvent::InteractionCreate { interaction: serenity::Interaction::Component(click) } => {
            on_click(ctx, data, click).await
        }
        serenity::FullEvent::Ready { data_about_bot } => {
            tracing::info!(bot = %data_about_bot.user.name, "gateway ready");
            Ok(())
        }
        // `unavailable` is an outage; without it the bot was removed from the server.
        serenity::FullEvent::GuildDelete { incomplete, .. } if !incomplete.unavailable => {
            data.database.forget_guild(incomplete.id.get()).await;
            Ok(())
        }
        serenity::FullEvent::Resume { .. } => {
            tracing::info!("gateway session resumed");
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The question in a message addressed to the bot: `None` when the message is not for it.
pub fn question_for_bot(content: &str, bot: u64, mentions_bot: bool, is_dm: bool) -> Option<String> {
    if !(mentions_bot || is_dm) {
        return None;
    }
    let text = content.replace(&format!("<@{bot}>"), " ").replace(&format!("<@!{bot}>"), " ");
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

async fn on_message(ctx: &serenity::Context, data: &Data, msg: &serenity::Message) -> Result<(), Error> {
    // Bots (this one included) never get answers, so two bots cannot talk in a loop; system
    // messages (a thread opened, a pin) are not questions.
    let ordinary = matches!(msg.kind, serenity::MessageType::Regular | serenity::MessageType::InlineReply);
    if msg.author.bot || !ordinary {
        return Ok(());
    }
    let bot = ctx.cache.current_user().id;
    let seen = follow_up::seen(data, msg, bot).await;
    let Some(asked) = follow_up::asked(&msg.content, bot.get(), seen) else {
        return Ok(());
    };
    // A server may turn mentions off or keep the bot to some channels: then it stays silent
    // rather than answer where it was asked not to. A thread the bot opened is a conversation
    // someone asked for, whatever the mentions setting.
    let settings = data.database.settings(msg.guild_id.map(|g| g.get())).await;
    let welcome = seen.is_dm || (settings.allows(msg.channel_id.get()) && (settings.mentions || asked.in_bot_thread));
    if !welcome {
        tracing::debug!(guild = ?msg.guild_id.map(|g| g.get()), "mention ignored: turned off on this server or channel");
        return Ok(());
    }
    let kind = if seen.is_dm { Kind::DirectMessage } else { Kind::Mention };
    let Ok(request) = Request::start(&data.in_flight, kind, kind.name(), msg.author.id.get()) else {
        return Ok(());
    };
    metrics::mention(if seen.is_dm { "direct_message" } else { "mention" });
    let answering = follow_up::answer(data, msg.author.id.get(), &asked, kind).await;
    let sent = msg
        .channel_id
        .send_message(ctx, adapter::message_reply(&answering.reply, msg))
        .instrument(request.span().clone())
        .await;
    if let Ok(answer) = &sent {
        follow_up::remember(data, msg, &asked, &answering, answer.id.get()).await;
        if settings.answers_in_threads && !asked.in_bot_thread {
            threads::open_on_mention(ctx, data, msg, answer.id, &asked.question, &answering).await;
        }
    }
    request.finish(delivered(sent.map(drop)));
    Ok(())
}

/// Whether Discord took a reply; a refusal is counted and logged.
fn delivered(sent: Result<(), serenity::Error>) -> Outcome {
    match sent {
        Ok(()) => Outcome::Answered,
        Err(err) => {
            errors::count_rest_error(&err);
            tracing::warn!(error = %err, "Discord did not take the reply");
            Outcome::NotDelivered
        }
    }
}

async fn on_click(ctx: &serenity::Context, data: &Data, click: &serenity::ComponentInteraction) -> Result<(), Error> {
    let Ok(request) = Request::start(&data.in_flight, Kind::Button, "button", click.user.id.get()) else {
        return Ok(());
    };
    let voter =
        Voter { user: click.user.id.get(), guild: click.guild_id.map(|g| g.get()), message: click.message.id.get() };
    let response = match respond_to_click(data, &click.data.custom_id, &click.message, voter) {
        Ok(Click::Update(reply)) => adapter::updated_message(&reply),
        Ok(Click::Post(reply)) => adapter::public_message(&reply),
        Ok(Click::Vote(vote)) => {
            let up = vote.up;
            let text = if data.database.record_vote(*vote).await {
                if up {
                    "Thanks! Glad it helped; your 👍 is recorded."
                } else {
                    "Thanks! Your 👎 is recorded; it helps improve the answers."
                }
            } else {
                database::VOTE_NOT_SAVED
            };
            adapter::private_notice(text)
        }
        Err(err) => adapter::private_notice(&errors::user_text(&err, "button")),
    };
    let sent = click.create_response(ctx, response).instrument(request.span().clone()).await;
    request.finish(delivered(sent));
    Ok(())
}

/// Who clicked, where, and on which message: what a vote records besides the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Voter {
    pub user: u64,
    pub guild: Option<u64>,
    pub message: u64,
}

/// What a click does.
#[derive(Debug, Clone, PartialEq)]
pub enum Click {
    /// Replace the clicked message.
    Update(render::Reply),
    /// Post a new, public message in the channel.
    Post(render::Reply),
    /// Record a vote and thank the voter privately.
    Vote(Box<Vote>),
}

/// What a click on one of the bot's buttons shows, from the button's id and its message.
///
/// # Errors
/// A [`UserError`] for an expired or foreign button; internal errors from the engine.
pub fn respond_to_click(
    data: &Data,
    custom_id: &str,
    message: &serenity::Message,
    voter: Voter,
) -> Result<Click, Error> {
    let expired = || UserError::new("This button no longer works. Ask again with /ask.");
    let state = ButtonState::decode(custom_id).map_err(|unusable| match unusable {
        Unusable::Older => UserError::new("This button is from an earlier version of storybot. Ask again with /ask."),
        Unusable::Unknown => expired(),
    })?;
    metrics::button(match state.action {
        Action::Answer { .. } => "answer",
        Action::Search { .. } => "search",
        Action::Share => "share",
        Action::Vote { .. } => "vote",
    });
    let engine = &data.engine();
    if !engine.version().starts_with(&state.version) {
        return Err(UserError::new("The story has been updated since this answer. Ask again with /ask.").into());
    }
    let description = message.embeds.first().and_then(|e| e.description.as_deref()).unwrap_or_default();
    let question = || render::question_of(description).ok_or_else(expired);
    match state.action {
        Action::Answer { rank, width, answers } => {
            Ok(Click::Update(answer_page(engine, &question()?, &answers, rank.max(1), width)?))
        }
        Action::Search { page, per_page } => {
            let query = render::query_of(description).ok_or_else(expired)?;
            let results = engine.search(&query, MAX_SEARCH)?;
            Ok(Click::Update(render::search(engine.version(), &results, page, per_page)))
        }
        Action::Share => shared(message).map(Click::Post).ok_or_else(|| expired().into()),
        Action::Vote { rank, up, sentence } => {
            let question = question()?;
            let vote = vote(engine, voter, question, rank, up, sentence)?;
            Ok(Click::Vote(Box::new(vote)))
        }
    }
}

/// Answer `rank` (1-based, within `ranked`) of `question` with `width` sentences of context
/// each side: what "More context" and "Next answer" show.
///
/// # Errors
/// A [`UserError`] when `rank` is not in `ranked` or the story has no such sentence any more;
/// internal errors from the engine.
pub fn answer_page(
    engine: &Engine,
    question: &str,
    ranked: &[SentenceId],
    rank: usize,
    width: usize,
) -> Result<render::Reply, Error> {
    let sentence = *ranked
        .get(rank.wrapping_sub(1))
        .ok_or_else(|| UserError::new("This button no longer works. Ask again with /ask."))?;
    let passage = engine.passage_for(question, sentence, width)?;
    let view = render::AnswerView { version: engine.version(), question, ranked, rank, width, passage: &passage };
    Ok(render::answer(&view))
}

/// A public copy of a private reply. It is the bot's own message: posting what it shows is
/// posting what the bot already wrote, so it is copied rather than recomputed.
fn shared(message: &serenity::Message) -> Option<render::Reply> {
    let embed = message.embeds.first().map(|e| render::Embed {
        title: e.title.clone(),
        description: e.description.clone().unwrap_or_default(),
        fields: e.fields.iter().map(|f| (f.name.clone(), f.value.clone())).collect(),
        footer: e.footer.as_ref().map(|f| f.text.clone()),
    });
    let content = Some(message.content.clone()).filter(|c| !c.is_empty());
    if embed.is_none() && content.is_none() {
        return None;
    }
    Some(render::shared(content, embed))
}

/// The vote on answer `rank`. The button names the sentence shown, so the vote records it
/// exactly as the story has it, whatever the ranking would answer now.
fn vote(
    engine: &Engine,
    voter: Voter,
    question: String,
    rank: usize,
    up: bool,
    sentence: Option<SentenceId>,
) -> Result<Vote, Error> {
    let (answer, source) = match sentence {
        Some(sentence) => {
            let source = engine.source(sentence)?;
            (engine.corpus().text(sentence).to_string(), render::source_line(&source))
        }
        None => (String::new(), String::new()),
    };
    Ok(Vote {
        message_id: voter.message,
        rank: rank.max(1),
        user_id: voter.user,
        guild_id: voter.guild,
        question,
        answer,
        source,
        corpus: engine.corpus().fingerprint.clone(),
        up,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_messages_addressed_to_the_bot_carry_a_question() {
        assert_eq!(
            question_for_bot("<@42> who runs SoftBank?", 42, true, false).as_deref(),
            Some("who runs SoftBank?")
        );
        assert_eq!(question_for_bot("hey <@!42>   why?", 42, true, false).as_deref(), Some("hey why?"));
        assert_eq!(question_for_bot("<@42>", 42, true, false).as_deref(), Some(""));
        assert_eq!(question_for_bot("who runs SoftBank?", 42, false, true).as_deref(), Some("who runs SoftBank?"));
        assert_eq!(question_for_bot("@everyone look", 42, false, false), None);
        assert_eq!(question_for_bot("<@&7> role ping", 42, false, false), None);
    }
}

//! Messages (@mentions, direct messages, replies to answers and messages in the bot's
//! threads), their edits and deletions, and button clicks.

use poise::serenity_prelude as serenity;
use tracing::Instrument as _;

use super::custom_id::{Action, ButtonState, Unusable};
use super::request::{Kind, Outcome, Request};
use super::{adapter, admin, channels, database, edits, errors, follow_up, render, threads, Data, Error};
use crate::answer::{Engine, MAX_SEARCH};
use crate::corpus::SentenceId;
use crate::error::UserError;
use crate::ops::metrics;
use crate::store::feedback::Vote;
use crate::store::settings::GuildSettings;

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

/// Who a message may address: the bot user, and the role Discord made for the bot in a
/// server (its managed role), which Discord's mention picker offers under the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Addressee {
    pub bot: u64,
    pub role: Option<u64>,
}

/// Whether a message with these mentions mentions the bot (itself or its managed role), and
/// who its text may address. The server's roles are searched only when a role is mentioned:
/// without one there is nothing to find or strip.
pub(super) fn addressee(
    cache: &serenity::Cache,
    guild: Option<serenity::GuildId>,
    users: &[serenity::User],
    roles: &[serenity::RoleId],
) -> (bool, Addressee) {
    let bot = cache.current_user().id;
    let role = guild.filter(|_| !roles.is_empty()).and_then(|g| managed_role(cache, g, bot));
    let mentioned = users.iter().any(|u| u.id == bot) || role.is_some_and(|r| roles.contains(&r));
    (mentioned, Addressee { bot: bot.get(), role: role.map(|r| r.get()) })
}

/// The question in a message addressed to the bot: its text without the bot's mentions (user
/// or managed role), whitespace made single spaces.
pub fn question_for_bot(content: &str, to: Addressee) -> String {
    let bot = to.bot;
    let mut text = content.replace(&format!("<@{bot}>"), " ").replace(&format!("<@!{bot}>"), " ");
    if let Some(role) = to.role {
        text = text.replace(&format!("<@&{role}>"), " ");
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn on_message(ctx: &serenity::Context, data: &Data, msg: &serenity::Message) -> Result<(), Error> {
    // Bots (this one included) never get answers, so two bots cannot talk in a loop; system
    // messages (a thread opened, a pin) are not questions.
    let ordinary = matches!(msg.kind, serenity::MessageType::Regular | serenity::MessageType::InlineReply);
    if msg.author.bot || !ordinary {
        return Ok(());
    }
    let (mentioned, to) = addressee(&ctx.cache, msg.guild_id, &msg.mentions, &msg.mention_roles);
    let seen = follow_up::seen(data, msg, serenity::UserId::new(to.bot), mentioned).await;
    let Some(asked) = follow_up::asked(&msg.content, to, seen) else {
        return Ok(());
    };
    // A server may turn mentions off or keep the bot to some channels: then it stays silent
    // rather than answer where it was asked not to.
    let Some(settings) = welcome(ctx, data, msg, asked.in_bot_thread).await else {
        tracing::debug!(guild = ?msg.guild_id.map(|g| g.get()), "mention ignored: turned off on this server or channel");
        return Ok(());
    };
    let kind = if seen.is_dm { Kind::DirectMessage } else { Kind::Mention };
    let Ok(request) = Request::start(&data.in_flight, kind, kind.name(), msg.author.id.get()) else {
        return Ok(());
    };
    metrics::mention(if seen.is_dm { "direct_message" } else { "mention" });
    // A reply to each message in the cooldown would let one user make the bot flood the
    // channel; a reaction on their own message says "wait" to them alone.
    if data.cooldowns.check(msg.author.id.get()).is_err() {
        let wait = serenity::ReactionType::Unicode(WAIT.into());
        let reacted = ctx.http.create_reaction(msg.channel_id, msg.id, &wait).instrument(request.span().clone()).await;
        request.finish(delivered(reacted));
        return Ok(());
    }
    let answering = follow_up::answer(data, &asked, msg.referenced_message.as_deref(), kind).await;
    let reply = adapter::message_reply(&answering.reply, msg);
    let sent = msg.channel_id.send_message(ctx, reply).instrument(request.span().clone()).await;
    if let Ok(answer) = &sent {
        follow_up::remember(data, msg, &asked, &answering, answer.id.get()).await;
        if settings.answers_in_threads && !asked.in_bot_thread {
            threads::open_on_mention(ctx, data, msg, answer.id, &asked.question, &answering).await;
        }
    }
    request.finish(delivered(sent.map(drop)));
    Ok(())
}

/// The reaction a message sent during its author's cooldown gets.
pub const WAIT: &str = "⏳";

/// The role Discord made for the bot in `guild`, from the cache (servers arrive there when
/// the gateway connects); `None` for a server not cached yet.
fn managed_role(cache: &serenity::Cache, guild: serenity::GuildId, bot: serenity::UserId) -> Option<serenity::RoleId> {
    let guild = cache.guild(guild)?;
    guild.roles.values().find(|r| r.tags.bot_id == Some(bot)).map(|r| r.id)
}

/// The settings the bot answers this message under, if it may: always in direct messages; in
/// a server, when the channel (or the channel a thread or forum post is in) is allowed and
/// mentions are on. A thread the bot opened is a conversation someone asked for, whatever the
/// mentions setting.
async fn welcome(
    ctx: &serenity::Context,
    data: &Data,
    msg: &serenity::Message,
    in_bot_thread: bool,
) -> Option<GuildSettings> {
    let Some(guild) = msg.guild_id else { return Some(GuildSettings::default()) };
    let settings = data.database.settings(Some(guild.get())).await;
    let wanted = settings.mentions || in_bot_thread;
    (wanted && channels::allows_message(ctx, &settings, guild, msg.channel_id).await).then_some(settings)
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
    // A vote made where only the user installed the bot belongs to no server.
    let guild = admin::installed_server(click.guild_id, &click.authorizing_integration_owners);
    let voter = Voter { user: click.user.id.get(), guild, message: click.message.id.get() };
    let in_place = pages_in_place(click);
    let response = match respond_to_click(data, &click.data.custom_id, &click.message, voter) {
        Ok(Click::Update(reply)) if in_place => adapter::updated_message(&reply),
        // Someone else's public answer stays as its asker left it: the clicker pages a private
        // copy of their own, which they can share.
        Ok(Click::Update(reply)) => adapter::private_message(&render::with_share(reply, data.engine().version())),
        Ok(Click::Post(reply)) => adapter::public_message(&reply),
        Ok(Click::Vote(vote)) => thanks_for(data, *vote).await,
        Err(err) => adapter::private_notice(&errors::user_text(&err, "button")),
    };
    let sent = click.create_response(ctx, response).instrument(request.span().clone()).await;
    if sent.is_ok() && in_place {
        mark_paged(data, click).await;
    }
    request.finish(delivered(sent));
    Ok(())
}

/// An answer paged in place ("Next answer") was shown in the conversations that answer
/// belongs to (replies to it, and the thread opened on it, which shares its id), so a later
/// "what else?" goes past it too.
async fn mark_paged(data: &Data, click: &serenity::ComponentInteraction) {
    let Ok(ButtonState { action: Action::Answer { rank, answers, .. }, .. }) =
        ButtonState::decode(&click.data.custom_id)
    else {
        return;
    };
    let Some(&sentence) = answers.get(rank.max(1) - 1) else { return };
    let id = click.message.id.get();
    // A command's answer keeps no conversation (a reply rebuilds it from the buttons), and
    // only the bot's own threads have one: look up only what can exist.
    let command =
        matches!(click.message.interaction_metadata.as_deref(), Some(serenity::MessageInteractionMetadata::Command(_)));
    let answer = (!command).then(|| follow_up::answer_key(id));
    let thread = data.links.is_bot_thread(id).await.then(|| follow_up::thread_key(id));
    for key in answer.into_iter().chain(thread) {
        let mut conversation = data.database.conversation(&key).await;
        if conversation.mark_shown(sentence) {
            data.database.save_conversation(&key, &conversation).await;
        }
    }
}

/// Records a vote and thanks the voter privately.
async fn thanks_for(data: &Data, vote: Vote) -> serenity::CreateInteractionResponse {
    let up = vote.up;
    let text = if data.database.record_vote(vote).await {
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

/// Whether a paging click may rewrite the message it is on: a private message (only its
/// owner sees it), or a public one the clicker asked for.
fn pages_in_place(click: &serenity::ComponentInteraction) -> bool {
    let private = click.message.flags.is_some_and(|f| f.contains(serenity::MessageFlags::EPHEMERAL));
    private || asker_of(&click.message) == Some(click.user.id)
}

/// Who asked for what a bot message shows: the user of the command (or click) it answers, or
/// the author of the message it replies to. `None` when Discord no longer says (the question
/// was deleted): then nobody pages the message in place, and every clicker gets a private copy.
pub fn asker_of(message: &serenity::Message) -> Option<serenity::UserId> {
    use serenity::MessageInteractionMetadata as Metadata;
    match message.interaction_metadata.as_deref() {
        Some(Metadata::Command(m)) => Some(m.user.id),
        Some(Metadata::Component(m)) => Some(m.user.id),
        Some(Metadata::ModalSubmit(m)) => Some(m.user.id),
        Some(_) => None,
        None => message.referenced_message.as_ref().map(|m| m.author.id),
    }
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
            let results = super::request::answering(engine, || engine.search(&query, MAX_SEARCH))?;
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
    fn the_question_is_the_text_without_the_bots_mentions() {
        let to = Addressee { bot: 42, role: Some(7) };
        assert_eq!(question_for_bot("<@42> who runs SoftBank?", to), "who runs SoftBank?");
        assert_eq!(question_for_bot("hey <@!42>   why?", to), "hey why?");
        assert_eq!(question_for_bot("<@42>", to), "");
        assert_eq!(question_for_bot("who runs SoftBank?", to), "who runs SoftBank?");
    }

    #[test]
    fn the_bots_role_is_taken_out_of_the_question_like_the_bot_itself() {
        let to = Addressee { bot: 42, role: Some(7) };
        assert_eq!(question_for_bot("<@&7> who runs SoftBank?", to), "who runs SoftBank?");
        assert_eq!(question_for_bot("<@&8> <@&7> why?", to), "<@&8> why?");
        let no_role = Addressee { bot: 42, role: None };
        assert_eq!(question_for_bot("<@&7> why?", no_role), "<@&7> why?");
    }
}

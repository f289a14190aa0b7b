//! Questions in messages, and which conversation each continues: a reply to one of the bot's
//! answers continues that answer's conversation, a message in a thread the bot opened
//! continues the thread's, and a direct message continues the direct-message channel's.
//!
//! Without the privileged Message Content intent Discord sends the bot a message's text only
//! when the message mentions it: a reply (with its ping turned off) or a thread message that
//! does not mention the bot arrives empty, and the bot stays silent rather than answer
//! nothing. A conversation that is gone (expired, or the answer replied to was never one) is
//! not an error: the question is answered on its own, with a note saying so.

use poise::serenity_prelude as serenity;

use super::events::{question_for_bot, Addressee};
use super::{render, Data};
use crate::answer::{Conversation, MAX_TOP};
use crate::ops::metrics;
use crate::store::answered::{self, Answered};

/// The conversation key of a thread the bot opened.
pub fn thread_key(thread: u64) -> String {
    format!("thread:{thread}")
}

/// The conversation key of one of the bot's answers (its message id): a reply to it
/// continues it.
pub fn answer_key(answer: u64) -> String {
    format!("message:{answer}")
}

/// The conversation key of a direct-message channel with `user`: it ends in `@<user>`, so
/// it is deleted with the user's other data.
pub fn dm_key(channel: u64, user: u64) -> String {
    format!("dm:{channel}@{user}")
}

/// The conversation, before the question, of an answer in a thread or a direct message: what
/// an edit of that question is answered in.
fn before_key(answer: u64) -> String {
    format!("before:{answer}")
}

/// Where a message stands to the bot.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Seen {
    /// It mentions the bot (or the bot's role).
    pub mentions_bot: bool,
    pub is_dm: bool,
    /// The bot's message this one replies to.
    pub reply_to_bot: Option<u64>,
    /// The thread the message is in, when the bot opened it.
    pub bot_thread: Option<u64>,
    /// The channel the message is in.
    pub channel: u64,
    /// Who wrote it.
    pub author: u64,
}

/// A question addressed to the bot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    pub question: String,
    /// The key of the conversation it continues; `None`: it starts one.
    pub continues: Option<String>,
    /// Whether a missing conversation is worth a note (a reply, a thread; not a first
    /// direct message).
    pub expects_conversation: bool,
    /// In a thread the bot opened.
    pub in_bot_thread: bool,
}

/// The question in a message, and what it continues; `None` when the message is not for the
/// bot, or is an empty follow-up (without the Message Content intent: silence).
pub fn asked(content: &str, to: Addressee, seen: Seen) -> Option<Asked> {
    let follows_up = seen.reply_to_bot.is_some() || seen.bot_thread.is_some();
    if !(seen.mentions_bot || seen.is_dm || follows_up) {
        return None;
    }
    let question = question_for_bot(content, to);
    // An empty mention gets a short help; an empty follow-up is one the bot could not read.
    if question.is_empty() && !(seen.mentions_bot || seen.is_dm) {
        return None;
    }
    let (continues, expects_conversation) = match (seen.bot_thread, seen.reply_to_bot) {
        (Some(thread), _) => (Some(thread_key(thread)), true),
        (None, Some(answer)) => (Some(answer_key(answer)), true),
        (None, None) if seen.is_dm => (Some(dm_key(seen.channel, seen.author)), false),
        (None, None) => (None, false),
    };
    Some(Asked { question, continues, expects_conversation, in_bot_thread: seen.bot_thread.is_some() })
}

/// Where `msg` (which `mentions_bot` or not) stands to the bot; the bot's threads are looked
/// up only for a message with text (without the Message Content intent the others arrive
/// empty).
pub async fn seen(data: &Data, msg: &serenity::Message, bot: serenity::UserId, mentions_bot: bool) -> Seen {
    let reply_to_bot = msg.referenced_message.as_deref().filter(|m| m.author.id == bot).map(|m| m.id.get());
    let channel = msg.channel_id.get();
    let may_follow = msg.guild_id.is_some() && (mentions_bot || !msg.content.trim().is_empty());
    let bot_thread = if may_follow && data.links.is_bot_thread(channel).await { Some(channel) } else { None };
    Seen { mentions_bot, is_dm: msg.guild_id.is_none(), reply_to_bot, bot_thread, channel, author: msg.author.id.get() }
}

/// The conversation a command's answer shows: its question, and the answers up to the one on
/// show (its "More context" button carries the ranked sentences and the rank shown). A
/// command's answer keeps no conversation of its own (a database write for every `/ask`
/// would cost every answer): a reply rebuilds it from the answer instead.
fn shown_in(engine: &crate::answer::Engine, answer: &serenity::Message) -> Option<Conversation> {
    use super::custom_id::{Action, ButtonState};
    if !matches!(answer.interaction_metadata.as_deref(), Some(serenity::MessageInteractionMetadata::Command(_))) {
        return None;
    }
    let question = render::question_of(answer.embeds.first()?.description.as_deref()?)?;
    let states = answer.components.iter().flat_map(|row| &row.components).filter_map(|c| match c {
        serenity::ActionRowComponent::Button(b) => match &b.data {
            serenity::ButtonKind::NonLink { custom_id, .. } => ButtonState::decode(custom_id).ok(),
            _ => None,
        },
        _ => None,
    });
    let (version, rank, ranked) = states
        .filter_map(|s| match s.action {
            Action::Answer { rank, answers, .. } => Some((s.version, rank, answers)),
            _ => None,
        })
        .min_by_key(|(_, rank, _)| *rank)?;
    // Ids from another version of the story would name other sentences.
    let shown = match engine.version().starts_with(&version) {
        true => ranked.into_iter().take(rank.max(1)).collect(),
        false => Vec::new(),
    };
    Some(Conversation::of_answer(engine.version(), &question, shown))
}

/// An answer to a question in a message, and the conversation to keep once it is sent.
pub struct Answering {
    pub reply: render::Reply,
    /// The conversation with this question in it; `None` when nothing was answered.
    pub after: Option<Conversation>,
    /// The conversation before the question.
    pub before: Conversation,
}

/// Answers `asked` (a message that may reply to the bot's answer `replied`) in its
/// conversation: a short help for an empty mention, the answer, or what went wrong.
pub async fn answer(
    data: &Data,
    asked: &Asked,
    replied: Option<&serenity::Message>,
    kind: super::request::Kind,
) -> Answering {
    let before = match &asked.continues {
        // A command's answer keeps no row: its conversation is rebuilt without a read.
        Some(key) => match replied.filter(|m| *key == answer_key(m.id.get())).and_then(|m| shown_in(&data.engine(), m))
        {
            Some(rebuilt) => rebuilt,
            None => data.database.conversation(key).await,
        },
        None => Conversation::new(),
    };
    let mut answering = Answering { reply: render::mention_help(), after: None, before: before.clone() };
    if asked.question.is_empty() {
        return answering;
    }
    let (reply, after) = answer_in(data, before, &asked.question, kind);
    answering.reply = reply;
    answering.after = after;
    if asked.expects_conversation && answering.before.is_empty() && answering.after.is_some() {
        answering.reply.content = Some(render::NEW_CONVERSATION.into());
    }
    answering
}

/// Answers `question` as the next turn of `conversation`.
pub fn answer_in(
    data: &Data,
    mut conversation: Conversation,
    question: &str,
    kind: super::request::Kind,
) -> (render::Reply, Option<Conversation>) {
    let engine = data.engine();
    match super::request::answering(&engine, || engine.ask_in(&mut conversation, question, MAX_TOP)) {
        Ok(answers) => {
            metrics::answered(!answers.answers.is_empty());
            (render::answers(engine.version(), &answers), Some(conversation))
        }
        Err(err) => (super::errors::reply_for(&err, kind.name()), None),
    }
}

/// After the answer `answer` to the question message `msg` was sent: keeps its conversation
/// (for replies to it, and in the thread or direct message it continued) and which answer it
/// was (for edits and deletions of the question).
pub async fn remember(data: &Data, msg: &serenity::Message, asked: &Asked, answering: &Answering, answer: u64) {
    let Some(after) = &answering.after else { return };
    // In the bot's thread every message continues the thread's conversation, so the
    // answer's own would never be read.
    if !asked.in_bot_thread {
        data.database.save_conversation(&answer_key(answer), after).await;
    }
    let mut before_at = asked.continues.clone();
    if let Some(key) = asked.continues.as_ref().filter(|k| !k.starts_with("message:")) {
        // A thread's or a direct message's conversation moves on; keep where this question
        // started, for an edit of it.
        data.database.save_conversation(key, after).await;
        before_at = (!answering.before.is_empty()).then(|| before_key(answer));
        if let Some(before) = &before_at {
            data.database.save_conversation(before, &answering.before).await;
        }
    }
    data.links
        .remember_answer(Answered {
            question: msg.id.get(),
            channel: msg.channel_id.get(),
            answer,
            guild: msg.guild_id.map(|g| g.get()),
            question_hash: answered::question_hash(&asked.question),
            conversation: before_at,
            at: crate::store::now_secs(),
        })
        .await;
}

#[cfg(test)]
mod tests {
    use anyhow::Context as _;

    use super::*;

    const BOT: Addressee = Addressee { bot: 42, role: Some(7) };

    #[test]
    fn a_mention_starts_a_conversation_and_a_direct_message_continues_its_channels() -> anyhow::Result<()> {
        let seen = Seen { mentions_bot: true, ..Seen::default() };
        let mention = asked("<@42> who runs SoftBank?", BOT, seen).context("a mention is a question")?;
        assert_eq!((mention.question.as_str(), mention.continues), ("who runs SoftBank?", None));
        let dm = asked("and Altman?", BOT, Seen { is_dm: true, channel: 9, author: 5, ..Seen::default() })
            .context("a direct message is a question")?;
        assert_eq!(dm.continues.as_deref(), Some("dm:9@5"), "the user's own, forgotten with their data");
        assert!(!dm.expects_conversation, "a first direct message starts one");
        Ok(())
    }

    #[test]
    fn a_reply_to_an_answer_or_a_message_in_the_bots_thread_is_a_follow_up_without_a_ping() -> anyhow::Result<()> {
        let reply = asked("and Altman?", BOT, Seen { reply_to_bot: Some(7), ..Seen::default() })
            .context("a reply is a question")?;
        assert_eq!(reply.continues.as_deref(), Some("message:7"));
        assert!(reply.expects_conversation && !reply.in_bot_thread);
        let thread = Seen { bot_thread: Some(8), reply_to_bot: Some(7), mentions_bot: true, ..Seen::default() };
        let in_thread = asked("<@42> and Altman?", BOT, thread).context("a thread message is a question")?;
        assert_eq!(in_thread.continues.as_deref(), Some("thread:8"), "the thread's conversation wins");
        assert!(in_thread.in_bot_thread);
        Ok(())
    }

    #[test]
    fn an_empty_follow_up_is_silence_but_an_empty_mention_gets_help() {
        assert_eq!(asked("", BOT, Seen { reply_to_bot: Some(7), ..Seen::default() }), None);
        assert_eq!(asked("  ", BOT, Seen { bot_thread: Some(8), ..Seen::default() }), None);
        let empty_ping = asked("<@42>", BOT, Seen { mentions_bot: true, bot_thread: Some(8), ..Seen::default() });
        assert_eq!(empty_ping.map(|a| a.question), Some(String::new()));
    }

    #[test]
    fn messages_not_for_the_bot_carry_no_question() {
        assert_eq!(asked("who runs SoftBank?", BOT, Seen::default()), None);
        assert_eq!(
            asked("<@&7> role ping", BOT, Seen::default()),
            None,
            "the role, unless Discord says it is mentioned"
        );
        let role = asked("<@&7> who runs SoftBank?", BOT, Seen { mentions_bot: true, ..Seen::default() });
        assert_eq!(role.map(|a| a.question).as_deref(), Some("who runs SoftBank?"));
    }
}

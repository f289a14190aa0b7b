//! Where a request was made, as a server's allow-list sees it: a thread or a forum post
//! belongs to its parent channel, so allowing #news allows every thread in #news, and allowing
//! a forum allows all its posts.

use poise::serenity_prelude as serenity;

use crate::store::settings::GuildSettings;

/// The channel a thread or forum post belongs to; `None` for any other channel (a text
/// channel's parent is its category, which is no place to answer in).
pub fn thread_parent(kind: serenity::ChannelType, parent: Option<serenity::ChannelId>) -> Option<u64> {
    is_thread_kind(kind).then_some(parent?.get())
}

/// Whether a channel of `kind` is a thread (a forum post is a public thread).
pub fn is_thread_kind(kind: serenity::ChannelType) -> bool {
    use serenity::ChannelType::{NewsThread, PrivateThread, PublicThread};
    matches!(kind, NewsThread | PublicThread | PrivateThread)
}

/// Whether the cache knows `channel` as a thread of `guild`.
pub fn is_cached_thread(
    cache: &serenity::Cache,
    guild: Option<serenity::GuildId>,
    channel: serenity::ChannelId,
) -> bool {
    guild.is_some_and(|g| matches!(cached(cache, g, channel), Some(Some(_))))
}

/// The parent of the channel an interaction came from, as Discord describes it in the
/// interaction.
pub fn parent_in(channel: Option<&serenity::PartialChannel>) -> Option<u64> {
    channel.and_then(|c| thread_parent(c.kind, c.parent_id))
}

/// Whether `settings` let the bot answer a message in `channel` of `guild`. A channel not
/// listed itself may be a thread of one that is: the cache knows the threads the gateway
/// announced; for others Discord is asked. When neither can say, the channel counts as
/// itself (the failure is logged).
pub async fn allows_message(
    ctx: &serenity::Context,
    settings: &GuildSettings,
    guild: serenity::GuildId,
    channel: serenity::ChannelId,
) -> bool {
    if settings.allows(channel.get()) {
        return true;
    }
    let parent = match cached(&ctx.cache, guild, channel) {
        Some(parent) => parent,
        None => match ctx.http.get_channel(channel).await {
            Ok(serenity::Channel::Guild(c)) => thread_parent(c.kind, c.parent_id),
            Ok(_) => None,
            Err(err) => {
                tracing::warn!(error = %err, channel = channel.get(), "cannot tell which channel a thread is in");
                None
            }
        },
    };
    settings.allows_in(channel.get(), parent)
}

/// What the cache knows of `channel`: `Some(parent)` for a channel or thread it has (the
/// parent only for a thread), `None` for one it has never seen.
fn cached(cache: &serenity::Cache, guild: serenity::GuildId, channel: serenity::ChannelId) -> Option<Option<u64>> {
    let guild = cache.guild(guild)?;
    if let Some(c) = guild.channels.get(&channel) {
        return Some(thread_parent(c.kind, c.parent_id));
    }
    guild.threads.iter().find(|t| t.id == channel).map(|t| thread_parent(t.kind, t.parent_id))
}

#[cfg(test)]
mod tests {
    use self::serenity::{ChannelId, ChannelType};
    use super::*;

    #[test]
    fn only_threads_and_forum_posts_belong_to_their_parent_channel() {
        let parent = Some(ChannelId::new(5));
        for kind in [ChannelType::PublicThread, ChannelType::PrivateThread, ChannelType::NewsThread] {
            assert_eq!(thread_parent(kind, parent), Some(5), "{kind:?}");
        }
        for kind in [ChannelType::Text, ChannelType::News, ChannelType::Forum, ChannelType::Voice] {
            assert_eq!(thread_parent(kind, parent), None, "{kind:?}: its parent is a category");
        }
        assert_eq!(thread_parent(ChannelType::PublicThread, None), None);
    }
}

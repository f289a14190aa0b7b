//! Messages as Discord sends them for conversations: replies to the bot's messages, edits,
//! deletions and deleted threads.

use std::time::Duration;

use serde_json::{json, Value};
use storybot::store::Store;

use super::fake::{alice, bot_mention, FakeDiscord, GUILD, WAIT};
use super::Running;

/// Waits until the bot has finished with the question message `question`: its answer is
/// sent, its conversation kept and the link from question to answer stored.
pub async fn settled(bot: &Running, question: &str) {
    let store = Store::open(bot.data.path()).unwrap();
    let id: u64 = question.parse().unwrap();
    tokio::time::timeout(WAIT, async {
        while store.answer_to(id, storybot::store::now_secs()).unwrap().is_none() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the bot links its answer to the question");
}

/// A message by Alice in the guild, as MESSAGE_CREATE and MESSAGE_UPDATE carry it.
fn by_alice(id: &str, channel: &str, content: &str, mentions: Vec<Value>) -> Value {
    json!({
        "id": id, "channel_id": channel, "guild_id": GUILD, "author": alice(), "content": content,
        "timestamp": "2024-01-01T00:00:00.000000+00:00", "edited_timestamp": null, "tts": false,
        "mention_everyone": false, "mentions": mentions, "mention_roles": [], "attachments": [], "embeds": [],
        "pinned": false, "type": 0, "flags": 0, "components": [],
        "member": {"roles": [], "joined_at": "2024-01-01T00:00:00.000000+00:00", "deaf": false, "mute": false,
                   "flags": 0}})
}

impl FakeDiscord {
    /// Alice replies to `to` (a message as Discord stores it) with `content`. With `ping`
    /// (Discord's default) the reply mentions the author of `to`. Returns the reply's id.
    pub fn reply(&self, to: &Value, content: &str, ping: bool) -> String {
        let mentions = if ping { vec![bot_mention()] } else { vec![] };
        self.reply_to(to["id"].as_str().unwrap(), Some(to), content, mentions)
    }

    /// Alice replies to the message `id`, which Discord no longer has (deleted): the reply
    /// carries its reference but no referenced message.
    pub fn reply_to_deleted(&self, to: &Value, content: &str, mentions: Vec<Value>) -> String {
        self.reply_to(to["id"].as_str().unwrap(), None, content, mentions)
    }

    fn reply_to(&self, to_id: &str, to: Option<&Value>, content: &str, mentions: Vec<Value>) -> String {
        let channel = to.and_then(|m| m["channel_id"].as_str()).unwrap_or(super::fake::CHANNEL).to_string();
        let id = self.next_id();
        let mut d = by_alice(&id, &channel, content, mentions);
        d["type"] = json!(19);
        d["message_reference"] = json!({"type": 0, "message_id": to_id, "channel_id": channel, "guild_id": GUILD});
        d["referenced_message"] = to.cloned().unwrap_or(Value::Null);
        self.dispatch("MESSAGE_CREATE", d);
        id
    }

    /// Alice edits her message `id` in `channel` to `content`.
    pub fn edit(&self, id: &str, channel: &str, content: &str, mentions: Vec<Value>) {
        let mut d = by_alice(id, channel, content, mentions);
        d["edited_timestamp"] = json!("2024-01-01T00:01:00.000000+00:00");
        self.dispatch("MESSAGE_UPDATE", d);
    }

    /// Discord adds a link preview to message `id`: an update without `content`.
    pub fn preview_added(&self, id: &str, channel: &str) {
        self.dispatch("MESSAGE_UPDATE", json!({"id": id, "channel_id": channel, "guild_id": GUILD, "embeds": []}));
    }

    /// Message `id` in `channel` is deleted.
    pub fn delete(&self, id: &str, channel: &str) {
        self.dispatch("MESSAGE_DELETE", json!({"id": id, "channel_id": channel, "guild_id": GUILD}));
    }

    /// Messages `ids` in `channel` are deleted at once (a moderator's purge).
    pub fn delete_bulk(&self, ids: &[&str], channel: &str) {
        self.dispatch("MESSAGE_DELETE_BULK", json!({"ids": ids, "channel_id": channel, "guild_id": GUILD}));
    }

    /// The thread `thread` (as the fake returned it) is deleted.
    pub fn thread_deleted(&self, thread: &Value) {
        self.dispatch(
            "THREAD_DELETE",
            json!({"id": thread["id"], "guild_id": GUILD, "parent_id": thread["parent_id"], "type": 11}),
        );
    }
}

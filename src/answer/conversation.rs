//! A conversation: the last few questions asked in one place (a terminal, a Discord thread),
//! how each was read, and which sentences were shown, so that the next question can lean on
//! them ("what else did he say?").
//!
//! It is plain data the front ends keep (in memory, or in the database as JSON) and hand back
//! with the next question. Sentence ids only mean something to the engine version that gave
//! them, so a conversation records that version; under another one it keeps its words and
//! forgets its ids.

use serde::{Deserialize, Serialize};

use crate::corpus::SentenceId;

/// Most turns a conversation keeps: a follow-up leans on the last one or two, and older turns
/// only add ids to skip and bytes to store.
pub const MAX_TURNS: usize = 4;

/// The JSON shape's version: data of another shape is not read (it is a fresh start).
const FORMAT: u32 = 1;

/// The last [`MAX_TURNS`] turns of a conversation, oldest first.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Conversation {
    format: u32,
    /// [`crate::Engine::version`] the sentence ids were given by.
    version: String,
    turns: Vec<Turn>,
}

/// One question of a conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Turn {
    /// As the engine read it (the question itself when nothing was rewritten).
    pub read: String,
    /// The sentences shown in answer, best first.
    #[serde(with = "ids")]
    pub shown: Vec<SentenceId>,
    /// The earlier question a pronoun of this one stood for ("who said that?"): what a later
    /// "that" stands for too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
}

impl Default for Conversation {
    fn default() -> Conversation {
        Conversation { format: FORMAT, version: String::new(), turns: Vec::new() }
    }
}

impl Conversation {
    pub fn new() -> Conversation {
        Conversation::default()
    }

    /// The conversation of one question answered by `version` that showed `shown` (best
    /// first): what a front end rebuilds from an answer it did not keep a conversation for.
    pub fn of_answer(version: &str, question: &str, shown: Vec<SentenceId>) -> Conversation {
        let turn = Turn { read: question.to_string(), shown, about: None };
        Conversation { format: FORMAT, version: version.to_string(), turns: vec![turn] }
    }

    /// Whether no question has been asked in it yet.
    pub fn is_empty(&self) -> bool {
        self.turns.is_empty()
    }

    /// How many turns it keeps now (at most [`MAX_TURNS`]).
    pub fn len(&self) -> usize {
        self.turns.len()
    }

    /// The JSON the database keeps.
    pub fn to_json(&self) -> String {
        // Strings and numbers only: serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A conversation from [`Conversation::to_json`]; `None` for damaged data or data of
    /// another shape, which the caller treats as no conversation.
    pub fn from_json(text: &str) -> Option<Conversation> {
        serde_json::from_str::<Conversation>(text).ok().filter(|c| c.format == FORMAT && c.turns.len() <= MAX_TURNS)
    }

    /// Records that `sentence` was shown too in answer to the last question (a front end that
    /// shows more than the best answer, or pages on), so that "what else?" goes past it.
    /// Whether that changed the conversation (it had a question, not yet showing `sentence`).
    pub fn mark_shown(&mut self, sentence: SentenceId) -> bool {
        match self.turns.last_mut() {
            Some(last) if !last.shown.contains(&sentence) => {
                last.shown.push(sentence);
                true
            }
            _ => false,
        }
    }

    /// The turns, oldest first.
    pub(crate) fn turns(&self) -> &[Turn] {
        &self.turns
    }

    /// Makes the ids mean what they meant when given: under another engine version they are
    /// forgotten (the words stay).
    pub(crate) fn align(&mut self, version: &str) {
        if self.version != version {
            self.turns.iter_mut().for_each(|t| t.shown.clear());
            self.version = version.to_string();
        }
    }

    /// Adds a turn, dropping the oldest past [`MAX_TURNS`].
    pub(crate) fn push(&mut self, turn: Turn) {
        self.turns.push(turn);
        let extra = self.turns.len().saturating_sub(MAX_TURNS);
        self.turns.drain(..extra);
    }
}

/// Sentence ids as plain numbers: the id type stays without serde so that nothing else
/// writes ids out by accident.
mod ids {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::corpus::SentenceId;

    pub fn serialize<S: Serializer>(ids: &[SentenceId], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(ids.iter().map(|id| id.index()))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<SentenceId>, D::Error> {
        Ok(Vec::<usize>::deserialize(deserializer)?.into_iter().map(SentenceId::new).collect())
    }
}

#[cfg(test)]
mod tests {
    use anyhow::Context as _;

    use super::*;

    fn turn(n: usize) -> Turn {
        Turn { read: format!("read {n}"), shown: vec![SentenceId::new(n)], about: None }
    }

    #[test]
    fn a_conversation_keeps_only_its_last_turns() {
        let mut conversation = Conversation::new();
        for n in 0..MAX_TURNS + 3 {
            conversation.push(turn(n));
        }
        assert_eq!(conversation.len(), MAX_TURNS);
        assert_eq!(conversation.turns()[0], turn(3));
        assert_eq!(conversation.turns().last(), Some(&turn(MAX_TURNS + 2)));
    }

    #[test]
    fn marking_a_sentence_shown_says_whether_anything_changed() {
        let mut conversation = Conversation::new();
        assert!(!conversation.mark_shown(SentenceId::new(1)), "no question yet");
        conversation.push(turn(7));
        assert!(conversation.mark_shown(SentenceId::new(1)));
        assert!(!conversation.mark_shown(SentenceId::new(1)), "already shown");
        assert!(!conversation.mark_shown(SentenceId::new(7)), "the answer itself");
    }

    #[test]
    fn a_conversation_reads_back_from_its_json() -> anyhow::Result<()> {
        let mut conversation = Conversation::new();
        conversation.align("v1");
        conversation.push(turn(7));
        conversation.mark_shown(SentenceId::new(9));
        let back = Conversation::from_json(&conversation.to_json()).context("reads back")?;
        assert_eq!(back.turns()[0].shown, vec![SentenceId::new(7), SentenceId::new(9)]);
        assert_eq!(back.version, "v1");
        Ok(())
    }

    #[test]
    fn a_conversation_stored_before_turns_had_an_about_still_reads() -> anyhow::Result<()> {
        let stored = r#"{"format": 1, "version": "v", "turns": [{"question": "q", "read": "r", "shown": [3]}]}"#;
        let conversation = Conversation::from_json(stored).context("reads")?;
        let turn = &conversation.turns()[0];
        assert_eq!((turn.read.as_str(), turn.shown.clone(), turn.about.clone()), ("r", vec![SentenceId::new(3)], None));
        assert!(!conversation.to_json().contains("about"), "an absent about is not written");
        Ok(())
    }

    #[test]
    fn damaged_or_foreign_json_is_no_conversation() {
        assert!(Conversation::from_json("{not json").is_none());
        assert!(Conversation::from_json("{\"format\": 99, \"version\": \"v\", \"turns\": []}").is_none());
        assert!(Conversation::from_json("[]").is_none());
    }

    #[test]
    fn another_engine_version_keeps_the_words_and_forgets_the_ids() {
        let mut conversation = Conversation::new();
        conversation.align("v1");
        conversation.push(turn(1));
        conversation.align("v1");
        assert_eq!(conversation.turns()[0].shown, vec![SentenceId::new(1)]);
        conversation.align("v2");
        assert!(conversation.turns()[0].shown.is_empty());
        assert_eq!(conversation.turns()[0].read, "read 1");
    }
}

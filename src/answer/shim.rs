//! TEMPORARY stand-in for the conversation API until it lands on main; removed at the merge.

use super::{Answers, Engine};

/// The turns of a conversation so far.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Conversation {
    turns: Vec<String>,
}

impl Conversation {
    pub fn new() -> Conversation {
        Conversation::default()
    }
    pub fn is_empty(&self) -> bool {
        self.turns.is_empty()
    }
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
    pub fn from_json(text: &str) -> Option<Conversation> {
        serde_json::from_str(text).ok()
    }
    pub fn turns(&self) -> usize {
        self.turns.len()
    }
}

impl Engine {
    /// Answers `question` as a turn of `conversation`.
    ///
    /// # Errors
    /// As [`Engine::ask`].
    pub fn ask_in(&self, conversation: &mut Conversation, question: &str, top: usize) -> anyhow::Result<Answers> {
        let answers = self.ask(question, top)?;
        conversation.turns.push(question.to_string());
        Ok(answers)
    }
}

impl crate::bot::database::Database {
    pub async fn conversation(&self, key: &str) -> Conversation {
        self.shim.lock().unwrap().get(key).and_then(|j| Conversation::from_json(j)).unwrap_or_default()
    }
    pub async fn save_conversation(&self, key: &str, conversation: &Conversation) {
        self.shim.lock().unwrap().insert(key.to_string(), conversation.to_json());
    }
}

//! TEMPORARY stand-in for the conversation API until it lands on main; removed at the merge.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

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

fn saved() -> &'static Mutex<HashMap<(usize, String), String>> {
    static SAVED: OnceLock<Mutex<HashMap<(usize, String), String>>> = OnceLock::new();
    SAVED.get_or_init(Mutex::default)
}

impl crate::bot::database::Database {
    pub async fn conversation(&self, key: &str) -> Conversation {
        let at = (self as *const Self as usize, key.to_string());
        saved().lock().unwrap().get(&at).and_then(|j| Conversation::from_json(j)).unwrap_or_default()
    }
    pub async fn save_conversation(&self, key: &str, conversation: &Conversation) {
        let at = (self as *const Self as usize, key.to_string());
        saved().lock().unwrap().insert(at, conversation.to_json());
    }
}

//! What the bot remembers about its own messages, through the database: the threads it
//! opened on its answers, and for a few minutes which answer replied to which question
//! message. Like the rest of the database it is a convenience: when it fails, follow-ups in
//! threads and edits of questions are not followed, and the log says why.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use super::database::{blocking, log_failure};
use crate::store::answered::Answered;
use crate::store::Store;

/// How many channels' "is it the bot's thread?" answers are kept in memory.
const KNOWN_CHANNELS: usize = 10_000;

pub struct Links {
    store: Option<Arc<Store>>,
    /// Whether a channel is one of the bot's threads. With the Message Content intent every
    /// message in a server asks, so the answer is read from the database once per channel.
    threads: Mutex<HashMap<u64, bool>>,
}

impl Links {
    pub fn new(store: Option<Arc<Store>>) -> Links {
        Links { store, threads: Mutex::default() }
    }

    /// Whether `channel` is a thread the bot opened.
    pub async fn is_bot_thread(&self, channel: u64) -> bool {
        if let Some(&known) = self.threads().get(&channel) {
            return known;
        }
        let Some(store) = self.store.clone() else { return false };
        match blocking(move || store.is_bot_thread(channel)).await {
            Ok(found) => {
                self.learn(channel, found);
                found
            }
            Err(err) => {
                log_failure("reading the bot's threads", &err);
                false
            }
        }
    }

    /// Records `thread` (in `guild`) as the bot's.
    pub async fn remember_thread(&self, thread: u64, guild: u64) {
        self.learn(thread, true);
        let Some(store) = self.store.clone() else { return };
        if let Err(err) = blocking(move || store.remember_thread(thread, guild)).await {
            log_failure("remembering a thread", &err);
        }
    }

    /// Forgets `thread`, deleted in Discord.
    pub async fn forget_thread(&self, thread: u64) {
        self.threads().remove(&thread);
        let Some(store) = self.store.clone() else { return };
        if let Err(err) = blocking(move || store.forget_thread(thread)).await {
            log_failure("forgetting a thread", &err);
        }
    }

    /// Records which answer replied to a question message.
    pub async fn remember_answer(&self, answered: Answered) {
        let Some(store) = self.store.clone() else { return };
        if let Err(err) = blocking(move || store.remember_answer(&answered)).await {
            log_failure("remembering an answer", &err);
        }
    }

    /// The answer to the question message `question`, if it was posted in the last 15 minutes.
    pub async fn answer_to(&self, question: u64) -> Option<Answered> {
        let store = self.store.clone()?;
        blocking(move || store.answer_to(question, crate::store::now_secs()))
            .await
            .inspect_err(|err| log_failure("reading which answer replied to a message", err))
            .ok()
            .flatten()
    }

    /// Forgets the link of the message `message`, whether it was the question or the answer.
    pub async fn forget_message(&self, message: u64) {
        let Some(store) = self.store.clone() else { return };
        if let Err(err) = blocking(move || store.forget_answer(Some(message), Some(message))).await {
            log_failure("forgetting an answer", &err);
        }
    }

    fn learn(&self, channel: u64, is_bot_thread: bool) {
        let mut threads = self.threads();
        if threads.len() >= KNOWN_CHANNELS {
            threads.clear();
        }
        threads.insert(channel, is_bot_thread);
    }

    fn threads(&self) -> std::sync::MutexGuard<'_, HashMap<u64, bool>> {
        self.threads.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

//! A question as read after the turns before it: what is searched for, what the user is
//! told, and how a turn whose "that" stood for an earlier question is shown and read against.

use super::forms::topic_of;
use crate::answer::conversation::Turn;
use crate::corpus::SentenceId;

/// How a question was read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Reading {
    /// What is searched for.
    pub search: String,
    /// What the user is told the question was read as, when it was rewritten.
    pub shown: Option<String>,
    /// Sentences not to give again.
    pub exclude: Vec<SentenceId>,
    /// The earlier question a pronoun stood for, when one stood for a question rather than a
    /// name.
    pub about: Option<String>,
}

impl Reading {
    pub(super) fn as_written(question: &str) -> Reading {
        Reading { search: question.to_string(), shown: None, exclude: Vec::new(), about: None }
    }

    pub(super) fn rewritten(search: String) -> Reading {
        Reading { shown: Some(search.clone()), search, exclude: Vec::new(), about: None }
    }
}

/// A question with its pronouns read.
pub(super) struct Resolved {
    /// The question with the first pronoun standing for each earlier name replaced by it.
    pub text: String,
    /// For a pronoun that stands for what the earlier question asked about rather than a
    /// name ("who said that?"): that question. Its topic is searched for beside the question;
    /// spliced into it, it would make a garbled one ("who was the MEP say about the EU?").
    pub about: Option<String>,
}

impl Resolved {
    pub fn search(&self) -> String {
        match &self.about {
            Some(earlier) => format!("{} {}", self.text, topic_of(earlier)),
            None => self.text.clone(),
        }
    }

    pub fn shown(&self) -> String {
        match &self.about {
            Some(earlier) => format!("{} (about: {earlier})", self.text),
            None => self.text.clone(),
        }
    }

    pub fn reading(self, exclude: Vec<SentenceId>) -> Reading {
        Reading { search: self.search(), shown: Some(self.shown()), exclude, about: self.about }
    }
}

/// What a turn asked, as a question a bare follow-up or "and X?" can be read against: for a
/// turn whose "that" stood for an earlier question, that question ("why not?" after "who
/// said that?" asks why of what "that" was).
pub(super) fn asked(turn: &Turn) -> &str {
    turn.about.as_deref().unwrap_or(&turn.read)
}

/// A turn as its reading was shown: without the earlier topic its search added.
pub(super) fn as_shown(turn: &Turn) -> String {
    match &turn.about {
        Some(earlier) => {
            let text = turn.read.strip_suffix(&topic_of(earlier)).unwrap_or(&turn.read).trim_end();
            Resolved { text: text.to_string(), about: Some(earlier.clone()) }.shown()
        }
        None => turn.read.clone(),
    }
}

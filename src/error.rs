//! The one error type written for people rather than logs.
//!
//! A [`UserError`] is shown verbatim to whoever asked (a terminal user, a Discord user).
//! Everything else travels as `anyhow::Error`, is logged with its chain, and is summarised
//! for the user by the front end.

/// A problem with what the user asked for, phrased for them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct UserError(pub String);

impl UserError {
    pub fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }
}

//! One request's life, the same for slash commands, mentions, direct messages and clicks:
//! refused during a shutdown, counted in flight while it runs (so a shutdown waits for it),
//! traced in a span, and finished with its latency metric and one log line.

use std::fmt;
use std::sync::Arc;
use std::time::Instant;

use super::inflight::{Guard, InFlight};
use super::Context;
use crate::ops::metrics;

/// What kind of request: it names the latency metric and the log line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Command,
    Mention,
    DirectMessage,
    /// An edited or deleted question whose answer follows it.
    Edit,
    Button,
}

impl Kind {
    /// The latency metric's `kind` label (a direct message counts as a mention).
    fn metric(self) -> &'static str {
        match self {
            Kind::Command => "command",
            Kind::Mention | Kind::DirectMessage | Kind::Edit => "mention",
            Kind::Button => "button",
        }
    }

    /// How the log line names it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Command => "command",
            Kind::Mention => "mention",
            Kind::DirectMessage => "direct message",
            Kind::Edit => "edit",
            Kind::Button => "button",
        }
    }
}

/// The bot is shutting down and starts no new request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShuttingDown;

impl fmt::Display for ShuttingDown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("storybot is restarting; please ask again in a minute.")
    }
}

impl std::error::Error for ShuttingDown {}

/// How a request ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The reply reached Discord.
    Answered,
    /// The user was told about an error instead.
    Failed,
    /// Discord did not take the reply.
    NotDelivered,
}

/// A request in progress; [`Request::finish`] ends it, and dropping it ends its time in flight.
pub struct Request {
    kind: Kind,
    /// The command's name, or the kind's.
    name: String,
    user: u64,
    started: Instant,
    span: tracing::Span,
    _guard: Guard,
}

impl Request {
    /// Starts a request by `user`.
    ///
    /// # Errors
    /// [`ShuttingDown`] once a shutdown has begun.
    pub fn start(in_flight: &Arc<InFlight>, kind: Kind, name: &str, user: u64) -> Result<Request, ShuttingDown> {
        let Some(guard) = in_flight.enter() else {
            tracing::warn!(kind = kind.name(), name, "dropped: shutting down");
            return Err(ShuttingDown);
        };
        let span = tracing::info_span!("request", kind = kind.name(), name, user);
        Ok(Request { kind, name: name.to_string(), user, started: Instant::now(), span, _guard: guard })
    }

    /// The span the request's work runs in.
    pub fn span(&self) -> &tracing::Span {
        &self.span
    }

    /// Records the latency and writes the request's one log line (never the message's text).
    pub fn finish(self, outcome: Outcome) {
        let elapsed = self.started.elapsed();
        metrics::latency(self.kind.metric(), elapsed);
        let latency_ms = elapsed.as_millis() as u64;
        let (kind, user) = (self.kind.name(), self.user);
        let outcome = match outcome {
            Outcome::Answered => "answered",
            Outcome::Failed => "error",
            Outcome::NotDelivered => "not delivered",
        };
        let _in = self.span.enter();
        match self.kind {
            Kind::Command => tracing::info!(user, command = %self.name, latency_ms, outcome, "command"),
            _ => tracing::info!(user, kind, latency_ms, outcome, "request"),
        }
    }
}

/// Ends a command's request, kept as poise's invocation data since `pre_command`.
pub async fn finish_command(ctx: Context<'_>, outcome: Outcome) {
    let request = ctx.invocation_data::<Option<Request>>().await.and_then(|mut r| r.take());
    if let Some(request) = request {
        request.finish(outcome);
    }
}

/// Runs an engine call that takes milliseconds when a transformer reranks (the first
/// question over new sentences, longer) without stalling the runtime's other tasks; without
/// one the call takes microseconds and runs in place.
pub fn answering<T>(engine: &crate::answer::Engine, call: impl FnOnce() -> T) -> T {
    let multi_thread = tokio::runtime::Handle::try_current()
        .is_ok_and(|h| h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread);
    if multi_thread && engine.transformer().is_some() {
        tokio::task::block_in_place(call)
    } else {
        call()
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[tokio::test]
    async fn a_request_counts_as_in_flight_until_it_is_finished() {
        let flight = Arc::new(InFlight::default());
        let request = Request::start(&flight, Kind::Button, "button", 1);
        assert!(request.is_ok());
        assert_eq!(flight.close(Duration::from_millis(10)).await, 1, "the shutdown waits for it");
        if let Ok(request) = request {
            request.finish(Outcome::Answered);
        }
        assert_eq!(flight.close(Duration::from_millis(10)).await, 0);
    }

    #[tokio::test]
    async fn no_request_starts_once_a_shutdown_has_begun() {
        let flight = Arc::new(InFlight::default());
        flight.close(Duration::from_millis(1)).await;
        assert_eq!(Request::start(&flight, Kind::Command, "ask", 1).err(), Some(ShuttingDown));
    }
}

//! The metrics storybot records, by name, and the one Prometheus recorder they go to.
//!
//! Recording goes through the `metrics` facade, so it costs next to nothing when no listener
//! is configured; `/metrics` renders the recorder in Prometheus's text format.

use std::sync::OnceLock;
use std::time::Duration;

use metrics::{counter, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

pub const COMMANDS: &str = "storybot_commands_total";
pub const MENTIONS: &str = "storybot_mentions_total";
pub const BUTTONS: &str = "storybot_buttons_total";
pub const ANSWERS: &str = "storybot_answers_total";
pub const LATENCY: &str = "storybot_request_duration_seconds";
pub const RECONNECTS: &str = "storybot_gateway_reconnects_total";
pub const SHARDS_CONNECTED: &str = "storybot_gateway_shards_connected";
pub const REST_ERRORS: &str = "storybot_rest_errors_total";
pub const REINDEX: &str = "storybot_reindex_total";
pub const INDEX_SENTENCES: &str = "storybot_index_sentences";
pub const VOTES: &str = "storybot_feedback_votes_total";
pub const STORE_ERRORS: &str = "storybot_database_errors_total";

/// Request latency buckets, in seconds: most answers take milliseconds, Discord's round trip
/// adds tens to hundreds.
const LATENCY_BUCKETS: [f64; 11] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// Installs the recorder (once per process) and returns the handle `/metrics` renders.
pub fn install() -> PrometheusHandle {
    HANDLE
        .get_or_init(|| {
            let builder = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Full(LATENCY.into()), &LATENCY_BUCKETS)
                .unwrap_or_else(|_| PrometheusBuilder::new());
            let recorder = builder.build_recorder();
            let handle = recorder.handle();
            // Another recorder may already be installed by an embedding program; then this
            // handle renders nothing, which is better than failing to start.
            if metrics::set_global_recorder(recorder).is_err() {
                tracing::warn!("a metrics recorder was already installed; /metrics will be empty");
            }
            describe();
            handle
        })
        .clone()
}

fn describe() {
    use metrics::{describe_counter, describe_gauge, describe_histogram, Unit};
    describe_counter!(COMMANDS, "Slash and context-menu commands run, by command");
    describe_counter!(MENTIONS, "Questions asked by @mention or direct message, by kind");
    describe_counter!(BUTTONS, "Button clicks, by action");
    describe_counter!(ANSWERS, "Questions answered, by outcome (answer or no_answer)");
    describe_histogram!(LATENCY, Unit::Seconds, "Time from receiving a request to Discord accepting the reply");
    describe_counter!(RECONNECTS, "Gateway shards that connected again after losing their connection");
    describe_gauge!(SHARDS_CONNECTED, "Gateway shards of this process that are connected");
    describe_counter!(REST_ERRORS, "Discord REST requests that failed, by HTTP status (0: no response)");
    describe_counter!(REINDEX, "Index rebuilds, by outcome (swapped, unchanged or failed)");
    describe_gauge!(INDEX_SENTENCES, "Sentences in the index in service");
    describe_counter!(VOTES, "Feedback votes, by vote (up or down) and whether they were stored");
    describe_counter!(STORE_ERRORS, "Database operations that failed");
}

/// A slash or context-menu command ran.
pub fn command(name: &str) {
    counter!(COMMANDS, "command" => name.to_string()).increment(1);
}

/// A question arrived by @mention (`mention`) or direct message (`direct_message`).
pub fn mention(kind: &'static str) {
    counter!(MENTIONS, "kind" => kind).increment(1);
}

pub fn button(action: &'static str) {
    counter!(BUTTONS, "action" => action).increment(1);
}

/// A question was answered, or found no answer in the story.
pub fn answered(found: bool) {
    counter!(ANSWERS, "outcome" => if found { "answer" } else { "no_answer" }).increment(1);
}

/// How long a request of `kind` (command, mention, button) took.
pub fn latency(kind: &'static str, elapsed: Duration) {
    histogram!(LATENCY, "kind" => kind).record(elapsed.as_secs_f64());
}

pub fn reconnected() {
    counter!(RECONNECTS).increment(1);
}

pub fn shards_connected(n: usize) {
    gauge!(SHARDS_CONNECTED).set(n as f64);
}

/// Discord refused a request with `status` (0 when no response arrived).
pub fn rest_error(status: u16) {
    counter!(REST_ERRORS, "status" => status.to_string()).increment(1);
}

pub fn reindexed(outcome: &'static str) {
    counter!(REINDEX, "outcome" => outcome).increment(1);
}

pub fn index_sentences(n: usize) {
    gauge!(INDEX_SENTENCES).set(n as f64);
}

pub fn vote(up: bool, stored: bool) {
    counter!(VOTES, "vote" => if up { "up" } else { "down" }, "stored" => if stored { "yes" } else { "no" })
        .increment(1);
}

pub fn store_error() {
    counter!(STORE_ERRORS).increment(1);
}

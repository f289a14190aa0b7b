//! Running storybot as a service: what an operator watches and what keeps it current.
//!
//! - [`metrics`]: the metric names and the Prometheus recorder behind them.
//! - [`health`]: whether the gateway shards are connected and the index is loaded.
//! - [`server`]: the optional HTTP listener for `/healthz` and `/metrics`.
//! - [`live`]: the engine in service, rebuilt in the background and swapped in atomically
//!   when the corpus changes or on `/reindex`.

pub mod health;
pub mod live;
pub mod metrics;
pub mod server;

//! The single `tracing` setup: logs go to stderr, filtered by `RUST_LOG`.

use std::io::IsTerminal as _;

use tracing_subscriber::EnvFilter;

/// Installs the global subscriber. `default` applies when `RUST_LOG` is unset or invalid.
///
/// Calling it twice is harmless (the second call is ignored), which keeps tests simple.
pub fn init(default: &str) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colours only for a person at a terminal, not in files or the journal.
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .try_init();
}

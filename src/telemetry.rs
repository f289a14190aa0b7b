//! The single `tracing` setup: logs go to stderr, filtered by `RUST_LOG`.

use std::io::IsTerminal as _;

use tracing_subscriber::EnvFilter;

/// Installs the global subscriber. `default` applies when `RUST_LOG` is unset, empty or invalid.
///
/// Calling it twice is harmless (the second call is ignored), which keeps tests simple.
pub fn init(default: &str) {
    // An empty RUST_LOG (as a copied .env.example leaves it) means "use the default".
    let configured = std::env::var("RUST_LOG").ok().filter(|v| !v.trim().is_empty());
    let filter = configured.and_then(|v| EnvFilter::try_new(v).ok()).unwrap_or_else(|| EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colours only for a person at a terminal, not in files or the journal.
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .try_init();
}

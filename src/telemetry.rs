//! The single `tracing` setup: logs go to stderr, filtered by `RUST_LOG`.

use std::io::IsTerminal as _;

use tracing_subscriber::EnvFilter;

use crate::cli::ColorChoice;

/// Installs the global subscriber. `default` applies when `RUST_LOG` is unset, empty or invalid;
/// `color` decides colours (by default only at a terminal, and never with NO_COLOR set).
///
/// Calling it twice is harmless (the second call is ignored), which keeps tests simple.
pub fn init(default: &str, color: ColorChoice) {
    // An empty RUST_LOG (as a copied .env.example leaves it) means "use the default".
    let configured = std::env::var("RUST_LOG").ok().filter(|v| !v.trim().is_empty());
    let filter = configured.and_then(|v| EnvFilter::try_new(v).ok()).unwrap_or_else(|| EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // By default colours only for a person at a terminal, not in files or the journal.
        .with_ansi(color.enabled(std::io::stderr().is_terminal()))
        .with_target(false)
        .try_init();
}

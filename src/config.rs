//! Typed settings, read once at start-up from the environment (and `.env`, loaded by `main`).
//!
//! The command line takes the same settings as flags; a flag wins over the environment.

use std::path::PathBuf;

/// Default corpus folder, relative to the working directory.
pub const DEFAULT_CORPUS_DIR: &str = "corpus";
/// Default index folder, relative to the working directory.
pub const DEFAULT_INDEX_DIR: &str = "index";

/// Where the story files and the index live.
#[derive(Debug, Clone, PartialEq, Eq, clap::Args)]
pub struct Paths {
    /// Folder of story files (.txt, see the README's corpus format)
    #[arg(long = "corpus", env = "STORYBOT_CORPUS_DIR", default_value = DEFAULT_CORPUS_DIR, global = true, value_name = "DIR")]
    pub corpus: PathBuf,
    /// Folder where the search index is kept (built automatically)
    #[arg(long = "index", env = "STORYBOT_INDEX_DIR", default_value = DEFAULT_INDEX_DIR, global = true, value_name = "DIR")]
    pub index: PathBuf,
}

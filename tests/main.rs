//! storybot's integration tests: one binary, shared helpers in `common`.

/// Helpers: the shipped corpus, temporary corpora, running the real binary.
mod common;

/// Retrieval quality on the evaluation set: Hit@1, Hit@3, MRR and abstentions.
mod eval;

/// The `storybot` command line, run as a process.
mod cli;

/// The Discord bot against a fake Discord on loopback.
mod discord;

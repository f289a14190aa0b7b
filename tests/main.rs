//! storybot's integration tests: one binary, shared helpers in `common`.

/// Helpers: the shipped corpus, temporary corpora, running the real binary.
mod common;

/// Retrieval quality on the evaluation set: Hit@1, Hit@3, MRR and abstentions.
mod eval;

/// The `storybot` command line, run as a process.
mod cli;

/// The optional transformer reranker, with a tiny model made in the test.
mod transformer;

/// Story intelligence: attribution, who said it, verify, people, facts, timeline.
mod story;

/// One table of bad input, through the command line (and the fake Discord, in `discord`).
mod bad_input;

/// Generated input: no panics, file slices, Discord limits, no pings.
mod properties;

/// The Discord bot against a fake Discord on loopback.
mod discord;

/// The deployment files: the systemd unit and the Dockerfile.
mod service;

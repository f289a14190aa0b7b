//! storybot answers questions about a news story with sourced, verbatim snippets.
//!
//! # Layout
//!
//! The modules follow the path a question takes, from the files on disk to a reply:
//!
//! - [`corpus`]: loads the story documents from `corpus/` (metadata, verbatim body, quotes,
//!   aliases) and splits them into paragraphs and sentences with byte offsets into the files;
//!   finds the names in the text and labels who says what (direct quote, partial quote,
//!   reported speech, narration, with each quote's speaker).
//! - [`index`]: the tantivy index over those sentences: schema, analyzer, and the
//!   build-into-a-temporary-folder-then-swap logic keyed by a corpus fingerprint.
//! - [`search`]: turns a question into analysed terms (never raw query syntax) and ranks
//!   sentences for it.
//! - [`semantic`]: a static word-embedding table distilled from all-MiniLM-L6-v2 and the
//!   WordPiece tokenizer for it, so words that mean the same but are spelt differently match.
//! - [`answer`]: the engine front ends call: ranked answers with context, highlights and
//!   citations, or a plain "no answer".
//! - [`story`]: who said what, built on the attribution and names [`corpus`] extracts: the
//!   quote a paraphrase means, whether a circulating quote is real (with a word diff), the
//!   people and organisations named, the amounts and dates stated, and the timeline.
//! - [`cli`]: the `storybot` command line (`index`, `ask`, `quotes`, `whosaid`, `verify`,
//!   `who`, `facts`, `timeline`, `serve`, `feedback export`, `health`).
//! - [`bot`]: the Discord front end, a thin poise adapter over [`answer`] whose replies are
//!   built as plain data (`bot::render`) and tested without Discord.
//!
//! - [`eval`]: the engine measured on questions with known answers, beside plain BM25.
//!
//! Beside that path, for running the bot as a service:
//!
//! - [`store`]: the bot's SQLite database: votes on answers and per-server settings.
//! - [`ops`]: health and Prometheus metrics over HTTP, and the engine in service, rebuilt
//!   and swapped in when the corpus changes.
//!
//! - [`eval`]: scores quotes, speakers, people, roles, amounts, dates, `whosaid` and `verify`
//!   against hand-labelled articles (`storybot eval --gold … --corpora …`).
//!
//! [`config`], [`error`] and [`telemetry`] hold the typed settings, the user-facing error type
//! and the one `tracing` setup. [`words`] holds the general English word lists every step above
//! reads with (titles, speech verbs, month and weekday names, stop words, …), each list once.

pub mod answer;
pub mod bot;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod error;
pub mod eval;
pub mod index;
pub mod ops;
pub mod search;
pub mod semantic;
pub mod store;
pub mod story;
pub mod telemetry;
pub mod words;

pub use answer::{Answer, Answers, Engine};
pub use error::UserError;

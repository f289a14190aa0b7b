//! storybot answers questions about a news story with sourced, verbatim snippets.
//!
//! # Layout
//!
//! The modules follow the path a question takes, from the files on disk to a reply; each
//! imports only the ones before it, and data flows one way:
//!
//! - [`corpus`]: loads the story documents from `corpus/` in named stages (`corpus::load`:
//!   parse, segment, names, attribution, the front matter's overrides) into documents and
//!   sentences with byte offsets into the files, people and organisations (an `EntityKind`
//!   each), and who says what (direct quote, partial quote, reported speech, narration).
//! - [`index`]: the tantivy index over those sentences: schema, analyzer, the index's own
//!   word splitter, and the build-into-a-temporary-folder-then-swap logic keyed by a
//!   fingerprint of everything indexed (a rule change rebuilds it; nothing is bumped by hand).
//! - [`search`]: turns a question into analysed terms (never raw query syntax) and retrieves
//!   sentences for it.
//! - [`semantic`]: a static word-embedding table distilled from all-MiniLM-L6-v2 and the
//!   WordPiece tokenizer for it, so words that mean the same but are spelt differently match;
//!   and the optional full transformer (`semantic::Transformer`, run with candle from a model
//!   folder the self-hoster names) that `answer` reranks with when it is given one.
//! - [`answer`]: the engine front ends call. It returns complete results: each answer a
//!   `Passage` (the verbatim sentence, its context cut into plain and matched pieces, its
//!   owned `Source`), a no-answer with its closest passages; front ends never call back.
//!   `answer::conversation` is the plain data a front end keeps between questions, and
//!   `answer::follow_up` reads a follow-up ("what else did he say?") against it, and
//!   `answer::focus` lifts the sentences near the answer the conversation showed last.
//! - [`story`]: who said what, built on the attribution and names [`corpus`] extracts: the
//!   quote a paraphrase means, whether a circulating quote is real (with a word diff), the
//!   people and organisations named, the amounts and dates stated (typed in `story::dates`),
//!   and the timeline; `story::view` turns each result into one plain view model that the
//!   three formatters (command-line text, Discord, JSON) only format.
//! - Front ends, which only format what the engine returned:
//!   - [`cli`]: the `storybot` command line (`index`, `ask`, `chat`, `quotes`, `whosaid`,
//!     `verify`, `who`, `facts`, `timeline`, `serve`, `eval`, `feedback`, `health`,
//!     `completions`).
//!   - [`bot`]: the Discord front end, a thin poise adapter: `bot::request` is the one life
//!     of every request (commands, mentions, clicks, edits), `bot::render` builds replies as
//!     plain data from the engine's results (tested without Discord), buttons carry the
//!     sentence ids they were made from (`bot::custom_id`), and `bot::follow_up` picks the
//!     conversation a reply or a thread message continues.
//!
//! Beside that path:
//!
//! - [`eval`]: the engine measured on questions with known answers, beside plain BM25,
//!   follow-ups in their conversations beside the same questions asked alone, and
//!   quotes, speakers, people, roles, amounts, dates, `whosaid` and `verify` scored against
//!   hand-labelled articles (`storybot eval --gold … --corpora …`).
//! - [`store`]: the bot's SQLite database: votes on answers, per-server settings, the recent
//!   turns of conversations, the bot's threads, and for 15 minutes which answer replied to
//!   which question message.
//! - [`ops`]: health and Prometheus metrics over HTTP, and the engine in service, rebuilt
//!   and swapped in when the corpus changes.
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

//! The `storybot` command line: `index`, `ask`, `chat`, `quotes`, the story commands (`whosaid`,
//! `verify`, `who`, `facts`, `timeline`), `eval`, `serve`, and for operators `feedback export` and
//! `health`, and `completions` for shells.
//!
//! Exit codes: 0 when the command ran (a question the story cannot answer is still a
//! success), 1 for a broken corpus or index folder or any internal error, 2 for a usage
//! error or an unusable question.

mod ask;
mod chat;
mod eval;
mod feedback;
mod health;
mod quotes;
pub mod story;

use std::io::Write as _;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};

use crate::answer::Engine;
use crate::config::Paths;
use crate::error::UserError;
use crate::ops::live::LiveEngine;
use crate::store::Store;

#[derive(Debug, Parser)]
#[command(name = "storybot", version, about = "Answers questions about a news story with sourced, verbatim snippets.")]
pub struct Cli {
    #[command(flatten)]
    pub paths: Paths,
    /// Colours in output and logs: auto (only at a terminal, and not when NO_COLOR is set),
    /// always or never
    #[arg(long, env = "STORYBOT_COLOR", value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour what goes to a stream that is (or is not) a terminal. `auto` follows
    /// the NO_COLOR convention: any non-empty value turns colours off.
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build (or rebuild) the search index from the corpus
    Index,
    /// Answer a question about the story; with no question, answer one per line of stdin
    Ask(ask::AskArgs),
    /// A conversation at the terminal: each line is answered as the next turn, so follow-ups
    /// ("what else did he say?") read the questions before them
    Chat(chat::ChatArgs),
    /// List the story's quotes with their speakers
    Quotes(quotes::QuotesArgs),
    /// Find the quote a paraphrase or fragment means, and who said it
    Whosaid(story::TextArgs),
    /// Check a quote from elsewhere against the story: exact, altered or not in it
    Verify(story::TextArgs),
    /// The people and organisations the story names; with a name, what they said and did
    Who(story::OptionalTextArgs),
    /// The amounts, counts and dates the story states; with words, only those about them
    Facts(story::OptionalTextArgs),
    /// The events the story reports, in time order
    Timeline(story::JsonArgs),
    /// Measure answers on questions with known answers (beside plain BM25), or with --gold the
    /// story commands on labelled articles
    Eval(eval::EvalArgs),
    /// Run the Discord bot (needs DISCORD_TOKEN; see the README)
    Serve(Box<crate::config::ServeArgs>),
    /// The votes people gave on answers in Discord
    Feedback(feedback::FeedbackArgs),
    /// Ask a running bot whether it is healthy (exit 0) or not (exit 1)
    Health(health::HealthArgs),
    /// Print a shell completion script, e.g. storybot completions bash > /etc/bash_completion.d/storybot
    Completions(CompletionsArgs),
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete in
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

impl Cli {
    /// Log filter used when `RUST_LOG` is not set.
    pub fn default_log_filter(&self) -> &'static str {
        match self.command {
            // A service should say what it is doing; serenity's own chatter stays at warnings.
            Command::Serve(_) => "storybot=info,serenity=warn,poise=warn",
            _ => "storybot=warn",
        }
    }
}

/// Runs one command and turns its outcome into the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Index => index(&cli.paths),
        Command::Ask(args) => ask::run(&cli.paths, &args, cli.color),
        Command::Chat(args) => chat::run(&cli.paths, &args, cli.color),
        Command::Quotes(args) => quotes::run(&cli.paths, &args),
        Command::Whosaid(args) => story::whosaid(&cli.paths, &args),
        Command::Verify(args) => story::verify(&cli.paths, &args),
        Command::Who(args) => story::who(&cli.paths, &args),
        Command::Facts(args) => story::facts(&cli.paths, &args),
        Command::Timeline(args) => story::timeline(&cli.paths, &args),
        Command::Eval(args) => eval::run(&cli.paths, &args),
        Command::Serve(args) => serve(&cli.paths, &args),
        Command::Feedback(args) => feedback::run(&cli.paths, &args),
        Command::Health(args) => health::run(&args),
        Command::Completions(args) => completions(args.shell),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => match err.downcast_ref::<UserError>() {
            Some(user) => {
                eprintln!("storybot: {user}");
                ExitCode::from(2)
            }
            None => {
                eprintln!("storybot: {err:#}");
                ExitCode::FAILURE
            }
        },
    }
}

fn index(paths: &Paths) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let corpus = crate::corpus::Corpus::load_dir(&paths.corpus)?;
    crate::index::rebuild(&paths.index, &corpus)?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Indexed {} sentences from {} document(s) into {} in {} ms.",
        corpus.sentences.len(),
        corpus.docs.len(),
        paths.index.display(),
        started.elapsed().as_millis()
    )?;
    Ok(())
}

fn completions(shell: clap_complete::Shell) -> anyhow::Result<()> {
    use clap::CommandFactory as _;
    let mut command = Cli::command();
    // Into memory first: clap_complete panics when its writer fails (a closed pipe).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "storybot", &mut script);
    let mut out = std::io::stdout().lock();
    out.write_all(&script)?;
    Ok(out.flush()?)
}

fn serve(paths: &Paths, args: &crate::config::ServeArgs) -> anyhow::Result<()> {
    // Configuration first: a missing token should not wait for the index to build.
    let config = crate::config::BotConfig::from_args(args)?;
    let engine = open(paths)?;
    // Decode the embedding table now, not on the first user's question.
    crate::semantic::warm_up();
    tracing::info!(
        documents = engine.corpus().docs.len(),
        sentences = engine.corpus().sentences.len(),
        guild = ?config.guild_id,
        api_base = config.api_base.as_deref().unwrap_or("discord.com"),
        shards = ?config.shards,
        "starting"
    );
    // The database only adds votes and server settings: without it the bot still answers.
    let store = match Store::open(&paths.data) {
        Ok(store) => Some(Arc::new(store)),
        Err(err) => {
            tracing::error!(error = %format!("{:#}", anyhow::Error::new(err)), "the database is unusable: answering without votes or server settings");
            None
        }
    };
    let live = Arc::new(LiveEngine::new(engine, &paths.corpus, &paths.index));
    warm_in_background(live.engine());
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(crate::bot::run(config, crate::bot::Backend { live, store }, shutdown_signal()))
}

/// Computes the transformer's sentence vectors while the bot connects and answers (answers
/// meanwhile compute the ones they need themselves).
fn warm_in_background(engine: Arc<Engine>) {
    if engine.transformer().is_none() {
        return;
    }
    let spawned =
        std::thread::Builder::new().name("warm-transformer".into()).spawn(move || crate::ops::live::warm(&engine));
    if let Err(err) = spawned {
        tracing::warn!(error = %err, "sentence vectors are computed as questions need them");
    }
}

/// Completes on Ctrl-C (SIGINT) or SIGTERM.
async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

fn open(paths: &Paths) -> anyhow::Result<Engine> {
    Ok(Engine::open(&paths.corpus, &paths.index)?.with_transformer(transformer(paths)?))
}

/// The transformer `--model` names, loaded; `None` without one.
///
/// # Errors
/// A [`UserError`] saying why the folder cannot be used.
fn transformer(paths: &Paths) -> anyhow::Result<Option<Arc<crate::semantic::Transformer>>> {
    let Some(dir) = &paths.model else { return Ok(None) };
    let model = crate::semantic::Transformer::load(dir).map_err(|e| UserError::new(format!("--model: {e}")))?;
    tracing::info!(model = %dir.display(), "answers are reranked with the transformer");
    Ok(Some(Arc::new(model)))
}

// Piping into `head` closes stdout early; that is the reader's choice, not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .any(|e| e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}

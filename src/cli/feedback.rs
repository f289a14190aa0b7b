//! `storybot feedback export`: the votes people gave in Discord, as evaluation cases;
//! `storybot feedback forget`: delete a person's votes (and conversations), or a server's votes
//! and settings.

use std::io::Write as _;

use crate::config::Paths;
use crate::store::feedback::eval_lines;
use crate::store::Store;

#[derive(Debug, clap::Args)]
pub struct FeedbackArgs {
    #[command(subcommand)]
    pub command: FeedbackCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum FeedbackCommand {
    /// Write the votes out as evaluation cases: lines for tests/eval/questions.txt, or JSON
    Export {
        /// One JSON array of cases (split, question, phrases, the cited answer and its votes)
        #[arg(long)]
        json: bool,
    },
    /// Delete one person's votes (--user) or a server's votes and settings (--guild), e.g. when
    /// they ask; the bot itself deletes a server's data when it is removed from it
    #[command(group(clap::ArgGroup::new("whose").required(true).args(["user", "guild"])))]
    Forget {
        /// The person's Discord user ID
        #[arg(long, value_name = "ID")]
        user: Option<u64>,
        /// The server's (guild's) ID
        #[arg(long, value_name = "ID")]
        guild: Option<u64>,
    },
}

pub fn run(paths: &Paths, args: &FeedbackArgs) -> anyhow::Result<()> {
    match args.command {
        FeedbackCommand::Export { json } => export(paths, json),
        FeedbackCommand::Forget { user, guild } => forget(paths, user, guild),
    }
}

fn forget(paths: &Paths, user: Option<u64>, guild: Option<u64>) -> anyhow::Result<()> {
    let store = Store::open(&paths.data)?;
    let mut out = std::io::stdout().lock();
    if let Some(user) = user {
        let gone = store.forget_user(user)?;
        let conversations = match gone.conversations {
            0 => String::new(),
            n => format!(" and {n} conversation(s)"),
        };
        writeln!(out, "Deleted {} vote(s){conversations} by user {user}.", gone.votes)?;
    }
    if let Some(guild) = guild {
        let gone = store.forget_guild(guild)?;
        let settings = if gone.settings > 0 { " and its settings" } else { "" };
        writeln!(out, "Deleted {} vote(s) from server {guild}{settings}.", gone.votes)?;
    }
    Ok(())
}

fn export(paths: &Paths, json: bool) -> anyhow::Result<()> {
    let store = Store::open_read_only(&paths.data)?;
    let cases = store.cases()?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &cases)?;
        writeln!(out)?;
    } else {
        out.write_all(eval_lines(&cases).as_bytes())?;
    }
    Ok(())
}

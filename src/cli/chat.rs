//! `storybot chat`: a conversation at the terminal. Each line is answered as the next turn, so
//! follow-ups ("what else did he say?", "and Oracle?") read the questions before them. The
//! conversation lives in memory only; stdin may be a pipe too.

use std::io::{BufRead as _, IsTerminal as _, Write as _};

use super::ask::{answer_line, Style, Turns};
use super::ColorChoice;
use crate::config::Paths;

/// Lines that end the chat, besides the end of input.
const QUIT: &[&str] = &["quit", "exit", "/quit", "/exit"];

#[derive(Debug, clap::Args)]
pub struct ChatArgs {
    /// How many answers to show for each question at most
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=20))]
    pub top: u16,
}

pub fn run(paths: &Paths, args: &ChatArgs, color: ColorChoice) -> anyhow::Result<()> {
    let engine = super::open(paths)?;
    let style = Style::for_stdout(color);
    let interactive = std::io::stdin().is_terminal();
    if interactive {
        eprintln!(
            "Ask about the story. Follow-ups read the questions before them (\"what else did he say?\", \"and Oracle?\"). \
             Type quit or press Ctrl-D to leave."
        );
    }
    let mut turns = Turns::in_memory(&engine);
    let mut out = std::io::stdout().lock();
    let mut lines = std::io::stdin().lock().lines();
    loop {
        if interactive {
            eprint!("> ");
        }
        let Some(line) = lines.next().transpose()? else { break };
        let line = line.trim();
        if QUIT.contains(&line.to_lowercase().as_str()) {
            break;
        }
        if !line.is_empty() {
            answer_line(&mut out, &mut turns, line, args.top.into(), false, style)?;
            out.flush()?;
        }
    }
    Ok(())
}

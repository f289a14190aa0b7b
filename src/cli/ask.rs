//! `storybot ask`: one question from the arguments, or one per line of stdin.

use std::io::{BufRead as _, IsTerminal as _, Write};

use super::ColorChoice;
use crate::answer::{Answers, Engine, JsonAnswers};
use crate::config::Paths;
use crate::error::UserError;

#[derive(Debug, clap::Args)]
pub struct AskArgs {
    /// How many answers to show at most
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u16).range(1..=20))]
    pub top: u16,
    /// Print one JSON object per question (see the README for the fields)
    #[arg(long)]
    pub json: bool,
    /// Also print, to stderr, how the question was read and how candidates scored
    #[arg(long)]
    pub explain: bool,
    /// The question (several words need no quotes; put -- before one that starts with -); omit
    /// it to read questions from stdin
    #[arg(value_name = "QUESTION")]
    pub question: Vec<String>,
}

pub fn run(paths: &Paths, args: &AskArgs, color: ColorChoice) -> anyhow::Result<()> {
    let engine = super::open(paths)?;
    let style = Style::for_stdout(color);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if !args.question.is_empty() {
        let question = args.question.join(" ");
        if args.explain {
            explain(&engine, &question)?;
        }
        let answers = engine.ask(&question, args.top.into())?;
        write_answers(&mut out, &answers, args.json, style)?;
        return Ok(out.flush()?);
    }
    if std::io::stdin().is_terminal() {
        eprintln!("Type a question and press Enter (Ctrl-D to finish), or run: storybot ask \"your question\"");
    }
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        if args.explain {
            explain(&engine, &line)?;
        }
        match engine.ask(&line, args.top.into()) {
            Ok(answers) => write_answers(&mut out, &answers, args.json, style)?,
            Err(err) => match err.downcast::<UserError>() {
                Ok(user) if args.json => {
                    let line = serde_json::json!({"question": line, "answers": [], "error": user.to_string()});
                    writeln!(out, "{line}")?;
                }
                Ok(user) => writeln!(out, "{line}\n  {user}\n")?,
                Err(internal) => return Err(internal),
            },
        }
    }
    Ok(out.flush()?)
}

fn write_answers(out: &mut impl Write, answers: &Answers, json: bool, style: Style) -> anyhow::Result<()> {
    if json {
        serde_json::to_writer(&mut *out, &JsonAnswers::new(answers))?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{}", answers.question)?;
    if answers.answers.is_empty() {
        writeln!(out, "  The story doesn't say: no sentence in it answers this question.\n")?;
        return Ok(());
    }
    for a in &answers.answers {
        let (passage, source) = (&a.passage, &a.passage.source);
        writeln!(out, "\n{}. {}", a.rank, passage.text)?;
        let context = passage.marked(style.open, style.close, None, str::to_string);
        writeln!(out, "   Context: {}", context.replace('\n', " "))?;
        writeln!(out, "   Source:  {}", source.label())?;
        writeln!(out, "            {} bytes {}..{}", source.path, source.span.start, source.span.end)?;
        if let Some(url) = &source.url {
            writeln!(out, "            {url}")?;
        }
    }
    writeln!(out)?;
    Ok(())
}

fn explain(engine: &Engine, question: &str) -> anyhow::Result<()> {
    let (analysed, ranked) = engine.explain(question)?;
    let mut err = std::io::stderr().lock();
    writeln!(err, "question asks for: {:?}", analysed.asks)?;
    for c in &analysed.concepts {
        let terms: Vec<String> = c.terms.iter().map(|t| format!("{} ({:?})", t.stem, t.source)).collect();
        writeln!(err, "  {:<14} idf {:>5.2}  {}", c.word, c.idf, terms.join(", "))?;
    }
    for r in ranked.iter().take(8) {
        let text: String = engine.corpus().text(r.sentence).chars().take(90).collect();
        writeln!(err, "  score {:>6.2}  coverage {:.2}  {}", r.score, r.coverage, text)?;
        let signals: Vec<String> = crate::answer::signals::Signals::NAMES
            .iter()
            .zip(r.signals.to_vec())
            .map(|(name, value)| format!("{name} {value:.2}"))
            .collect();
        writeln!(err, "      {}", signals.join(", "))?;
    }
    Ok(())
}

/// How matched words are marked: bold on a terminal, `**` when piped.
#[derive(Debug, Clone, Copy)]
struct Style {
    open: &'static str,
    close: &'static str,
}

impl Style {
    fn for_stdout(color: ColorChoice) -> Style {
        if color.enabled(std::io::stdout().is_terminal()) {
            Style { open: "\x1b[1m", close: "\x1b[22m" }
        } else {
            Style { open: "**", close: "**" }
        }
    }
}

//! `storybot ask`: one question from the arguments, or one per line of stdin; with
//! `--conversation ID`, each the next turn of a conversation kept in the database.

use std::io::{BufRead as _, IsTerminal as _, Write};

use super::ColorChoice;
use crate::answer::rank::Ranked;
use crate::answer::{Answers, Conversation, Engine, JsonAnswers, Passage};
use crate::config::Paths;
use crate::error::UserError;
use crate::search::Analysed;
use crate::store::now_secs;
use crate::store::Store;

/// Longest `--conversation` id, in characters.
const MAX_CONVERSATION_ID: usize = 64;

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
    /// Ask as the next turn of conversation ID (letters, digits, - and _), kept in the data
    /// folder's database for 30 idle minutes, so follow-ups ("what else did he say?") read the
    /// questions before them
    #[arg(long, value_name = "ID")]
    pub conversation: Option<String>,
    /// The question (several words need no quotes; put -- before one that starts with -); omit
    /// it to read questions from stdin
    #[arg(value_name = "QUESTION")]
    pub question: Vec<String>,
}

pub fn run(paths: &Paths, args: &AskArgs, color: ColorChoice) -> anyhow::Result<()> {
    let stored = args.conversation.as_deref().map(|id| open_conversation(paths, id)).transpose()?;
    let engine = super::open(paths)?;
    let mut turns = Turns::new(&engine, stored);
    let style = Style::for_stdout(color);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if !args.question.is_empty() {
        let question = args.question.join(" ");
        if args.explain {
            turns.explain(&question)?;
        }
        let answers = turns.ask(&question, args.top.into())?;
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
            turns.explain(&line)?;
        }
        answer_line(&mut out, &mut turns, &line, args.top.into(), args.json, style)?;
    }
    Ok(out.flush()?)
}

/// Answers one line and writes the answers, or the [`UserError`] it got (the run goes on).
pub(super) fn answer_line(
    out: &mut impl Write,
    turns: &mut Turns<'_>,
    line: &str,
    top: usize,
    json: bool,
    style: Style,
) -> anyhow::Result<()> {
    match turns.ask(line, top) {
        Ok(answers) => write_answers(out, &answers, json, style),
        Err(err) => match err.downcast::<UserError>() {
            Ok(user) if json => {
                let line = serde_json::json!({"question": line, "answers": [], "error": user.to_string()});
                Ok(writeln!(out, "{line}")?)
            }
            Ok(user) => Ok(writeln!(out, "{line}\n  {user}\n")?),
            Err(internal) => Err(internal),
        },
    }
}

/// The database and key of `--conversation ID`, and the conversation kept under it.
fn open_conversation(paths: &Paths, id: &str) -> anyhow::Result<(Store, String, Conversation)> {
    let fits = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    if id.is_empty() || id.chars().count() > MAX_CONVERSATION_ID || !id.chars().all(fits) {
        return Err(UserError::new(format!(
            "--conversation takes an id of 1 to {MAX_CONVERSATION_ID} letters, digits, - or _ (for example: --conversation work)"
        ))
        .into());
    }
    let store = Store::open(&paths.data)?;
    let key = format!("cli:{id}");
    let conversation = store.conversation(&key, now_secs())?.unwrap_or_else(Conversation::new);
    Ok((store, key, conversation))
}

/// Where the questions of one run go: each on its own, or each the next turn of a
/// conversation, kept in memory or in the database (saved after every turn).
pub(super) struct Turns<'a> {
    engine: &'a Engine,
    kept: Kept,
}

enum Kept {
    Alone,
    InMemory(Conversation),
    Stored { conversation: Conversation, store: Store, key: String },
}

impl<'a> Turns<'a> {
    fn new(engine: &'a Engine, stored: Option<(Store, String, Conversation)>) -> Turns<'a> {
        let kept = match stored {
            Some((store, key, conversation)) => Kept::Stored { conversation, store, key },
            None => Kept::Alone,
        };
        Turns { engine, kept }
    }

    /// Turns of a conversation kept only in memory (`storybot chat`).
    pub(super) fn in_memory(engine: &'a Engine) -> Turns<'a> {
        Turns { engine, kept: Kept::InMemory(Conversation::new()) }
    }

    fn conversation(&mut self) -> Option<&mut Conversation> {
        match &mut self.kept {
            Kept::Alone => None,
            Kept::InMemory(conversation) | Kept::Stored { conversation, .. } => Some(conversation),
        }
    }

    /// Answers `question`, as the next turn when there is a conversation. A conversation the
    /// database cannot keep is logged, not fatal: the answer is given all the same.
    fn ask(&mut self, question: &str, top: usize) -> anyhow::Result<Answers> {
        let engine = self.engine;
        let Some(conversation) = self.conversation() else { return engine.ask(question, top) };
        let answers = engine.ask_in(conversation, question, top)?;
        // Every answer printed was shown: "what else?" goes past them all.
        for answer in &answers.answers {
            conversation.mark_shown(answer.sentence());
        }
        if let Kept::Stored { conversation, store, key } = &self.kept {
            if let Err(err) = store.save_conversation(key, conversation, now_secs()) {
                tracing::warn!(error = %format!("{err:#}"), "the conversation could not be saved; this turn is not kept");
            }
        }
        Ok(answers)
    }

    /// Prints to stderr how `question` is read and scored, as [`Turns::ask`] would ask it.
    fn explain(&mut self, question: &str) -> anyhow::Result<()> {
        let engine = self.engine;
        let (analysed, ranked) = match self.conversation() {
            Some(conversation) => engine.explain_in(conversation, question)?,
            None => engine.explain(question)?,
        };
        explain(engine, &analysed, &ranked)
    }
}

pub(super) fn write_answers(out: &mut impl Write, answers: &Answers, json: bool, style: Style) -> anyhow::Result<()> {
    if json {
        serde_json::to_writer(&mut *out, &JsonAnswers::new(answers))?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{}", answers.question)?;
    if let Some(read_as) = &answers.read_as {
        writeln!(out, "  Read as: {read_as}")?;
    }
    if answers.answers.is_empty() {
        match &answers.unquoted {
            Some(name) => writeln!(out, "  The story doesn't say: it names {name} but never quotes them.")?,
            None => writeln!(out, "  The story doesn't say: no sentence in it answers this question.")?,
        }
        write_closest(out, &answers.closest)?;
        writeln!(out)?;
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

/// The passages still related to a question the story does not answer, as the bot lists them.
fn write_closest(out: &mut impl Write, closest: &[Passage]) -> anyhow::Result<()> {
    if closest.is_empty() {
        return Ok(());
    }
    writeln!(out, "  Closest passages (they may not answer it):")?;
    for passage in closest {
        let source = &passage.source;
        writeln!(out, "  - {}", passage.text)?;
        writeln!(out, "    {} ({} bytes {}..{})", source.label(), source.path, source.span.start, source.span.end)?;
    }
    Ok(())
}

fn explain(engine: &Engine, analysed: &Analysed, ranked: &[Ranked]) -> anyhow::Result<()> {
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
pub(super) struct Style {
    open: &'static str,
    close: &'static str,
}

impl Style {
    pub(super) fn for_stdout(color: ColorChoice) -> Style {
        if color.enabled(std::io::stdout().is_terminal()) {
            Style { open: "\x1b[1m", close: "\x1b[22m" }
        } else {
            Style { open: "**", close: "**" }
        }
    }
}

//! `storybot whosaid`, `verify`, `who`, `facts` and `timeline`: the story commands, each with
//! plain output for people and `--json` for tools, both formatted from the command's
//! [`view`](crate::story::view) model.

use std::io::Write;

use crate::answer::{Engine, Source};
use crate::config::Paths;
use crate::corpus::Corpus;
use crate::story::verify::Verdict;
use crate::story::view::{
    messages, DiffMarks, FactsView, Front, PersonView, Place, ProfilesView, QuoteView, RosterView, TimelineView,
    VerificationView, WhosaidView,
};
use crate::story::{facts, json, people, timeline, verify, whosaid};

#[derive(Debug, clap::Args)]
pub struct TextArgs {
    /// Print JSON (see the README for the fields)
    #[arg(long)]
    pub json: bool,
    /// The text (several words need no quotes; put -- before text that starts with -)
    #[arg(value_name = "TEXT", required = true)]
    pub text: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct OptionalTextArgs {
    /// Print JSON (see the README for the fields)
    #[arg(long)]
    pub json: bool,
    /// Words to narrow it down (put -- before text that starts with -)
    #[arg(value_name = "TEXT")]
    pub text: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct JsonArgs {
    /// Print JSON (see the README for the fields)
    #[arg(long)]
    pub json: bool,
}

pub(crate) fn print_json(value: &serde_json::Value) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

/// "Sam Altman: “…”".
pub(crate) fn quote_line(q: &QuoteView) -> String {
    format!("{}: “{}”", q.speaker, q.text)
}

/// The source's link on a line of its own, under the source's label; or nothing.
pub(crate) fn url_line(source: &Source) -> String {
    source.url.as_ref().map(|url| format!("\n           {url}")).unwrap_or_default()
}

/// "   Source: Title (date), paragraph 2, sentence 4", and the link under it.
fn source_lines(source: &Source) -> String {
    format!("   Source: {}{}", source.label(), url_line(source))
}

pub fn whosaid(paths: &Paths, args: &TextArgs) -> anyhow::Result<()> {
    let engine = super::open(paths)?;
    let text = args.text.join(" ");
    let view = WhosaidView::new(engine.corpus(), &text, &whosaid::whosaid(&engine, &text)?);
    if args.json {
        return print_json(&json::candidates(&view));
    }
    let mut out = std::io::stdout().lock();
    if let Some(heading) = view.heading(Front::Cli) {
        writeln!(out, "{heading}")?;
        if !view.candidates.is_empty() {
            writeln!(out)?;
        }
    }
    for q in view.candidates.iter().map(|c| &c.quote) {
        writeln!(out, "{}", quote_line(q))?;
        writeln!(out, "   {}", q.kind.label())?;
        writeln!(out, "{}", source_lines(&q.source))?;
    }
    Ok(())
}

pub fn verify(paths: &Paths, args: &TextArgs) -> anyhow::Result<()> {
    let corpus = Corpus::load_dir(&paths.corpus)?;
    let claim = args.text.join(" ");
    let v = VerificationView::new(&corpus, &verify::verify(&corpus, &claim)?);
    if args.json {
        return print_json(&json::verification(&v));
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", v.summary())?;
    if let Some(found) = &v.found {
        writeln!(out, "Story: “{}”", found.text)?;
        if v.verdict == Verdict::Altered {
            writeln!(out, "Claim: “{}”", v.claim)?;
            writeln!(out, "Diff:  {}", v.marked_diff(&DiffMarks::PLAIN))?;
        }
        writeln!(out, "{}", source_lines(&found.source))?;
    }
    Ok(())
}

pub fn who(paths: &Paths, args: &OptionalTextArgs) -> anyhow::Result<()> {
    let corpus = Corpus::load_dir(&paths.corpus)?;
    if args.text.is_empty() {
        let view = RosterView::new(&corpus, &people::roster(&corpus));
        if args.json {
            return print_json(&json::roster(&view));
        }
        return print_roster(&view);
    }
    let name = args.text.join(" ");
    let view = ProfilesView::new(&corpus, &name, &people::lookup(&corpus, &name)?);
    if args.json {
        return print_json(&json::profiles(&view));
    }
    print_profiles(&view)
}

fn print_roster(view: &RosterView) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    if view.groups().is_empty() {
        writeln!(out, "{}", messages::NO_PEOPLE)?;
    }
    for (heading, people) in view.groups() {
        writeln!(out, "{heading}")?;
        for p in people {
            writeln!(out, "  {}", roster_line(p))?;
        }
    }
    Ok(())
}

fn print_profiles(view: &ProfilesView) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    if view.matches.is_empty() {
        writeln!(out, "{}", messages::nobody_called(&view.name, Front::Cli))?;
    }
    for p in &view.matches {
        writeln!(out, "{}", roster_line(&p.person))?;
        if !p.person.aliases.is_empty() {
            writeln!(out, "   Also: {}", p.person.aliases.join(", "))?;
        }
        for q in &p.quotes {
            writeln!(out, "   Said: “{}” — {}", q.text, q.place())?;
        }
        for s in &p.sentences {
            writeln!(out, "   About: {} — {}", s.text, s.place())?;
        }
    }
    Ok(())
}

/// "Sam Altman — the head of … · 12 mentions, 3 quotes · first named in paragraph 1, sentence 1".
fn roster_line(p: &PersonView) -> String {
    let role = if p.roles.is_empty() { String::new() } else { format!(" — {}", p.roles.join("; ")) };
    let first = p.first_place().map(|place| format!(" · first named in {place}")).unwrap_or_default();
    format!("{}{role} · {}{first}", p.name, p.counts())
}

pub fn facts(paths: &Paths, args: &OptionalTextArgs) -> anyhow::Result<()> {
    let words = args.text.join(" ");
    let about = words.trim();
    // Only narrowing by words needs the index; the list itself needs the corpus alone.
    let engine: Option<Engine> = if about.is_empty() { None } else { Some(super::open(paths)?) };
    let loaded;
    let corpus = match &engine {
        Some(e) => e.corpus(),
        None => {
            loaded = Corpus::load_dir(&paths.corpus)?;
            &loaded
        }
    };
    let all = facts::all(corpus);
    let shown: Vec<&facts::Fact> = match &engine {
        Some(e) => facts::about(e, &all, &words)?,
        None => all.iter().collect(),
    };
    let view = FactsView::new(corpus, (!about.is_empty()).then_some(about), &shown);
    if args.json {
        return print_json(&json::facts(&view));
    }
    let entries = view.facts.iter().map(|f| {
        let head = format!("{}{} — {}", f.value, f.resolved_suffix(), f.measures_shown(str::to_string));
        (head, f.sentence.as_str(), f.place())
    });
    print_entries(entries, messages::NO_FACTS)
}

pub fn timeline(paths: &Paths, args: &JsonArgs) -> anyhow::Result<()> {
    let corpus = Corpus::load_dir(&paths.corpus)?;
    let view = TimelineView::new(&corpus, &timeline::events(&corpus));
    if args.json {
        return print_json(&json::timeline(&view));
    }
    print_entries(view.events.iter().map(|e| (e.when_label(), e.text.as_str(), e.place())), messages::NO_EVENTS)
}

/// Each entry's heading, with its sentence and the sentence's place under it; `none` when
/// there is no entry.
fn print_entries<'a>(entries: impl Iterator<Item = (String, &'a str, Place)>, none: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    let mut any = false;
    for (head, sentence, place) in entries {
        writeln!(out, "{head}")?;
        writeln!(out, "   {sentence} — {place}")?;
        any = true;
    }
    if !any {
        writeln!(out, "{none}")?;
    }
    Ok(())
}

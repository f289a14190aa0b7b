//! `storybot whosaid`, `verify`, `who`, `facts` and `timeline`: the story commands, each with
//! plain output for people and `--json` for tools.

use std::io::Write;

use crate::answer::{Citation, Engine};
use crate::config::Paths;
use crate::corpus::Corpus;
use crate::story::facts::{self, Measures};
use crate::story::verify::{Change, Verdict};
use crate::story::{json, people, timeline, verify, whosaid};

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

fn print_json(value: &serde_json::Value) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

/// "paragraph 3, sentence 5".
fn place(corpus: &Corpus, sentence: usize) -> String {
    let cite = Citation::of(corpus, sentence);
    format!("paragraph {}, sentence {}", cite.paragraph, cite.sentence)
}

fn source_line(corpus: &Corpus, sentence: usize, url: Option<&str>) -> String {
    let cite = Citation::of(corpus, sentence);
    let mut line = format!("   Source: {}", cite.label());
    if let Some(url) = url.or(cite.url) {
        line.push_str(&format!("\n           {url}"));
    }
    line
}

pub fn whosaid(paths: &Paths, args: &TextArgs) -> anyhow::Result<()> {
    let engine = super::open(paths)?;
    let text = args.text.join(" ");
    let found = whosaid::whosaid(&engine, &text)?;
    let corpus = engine.corpus();
    if args.json {
        return print_json(&json::candidates(corpus, &text, &found));
    }
    let mut out = std::io::stdout().lock();
    match found.len() {
        0 => writeln!(out, "No quote in the story is close to that. Try `storybot quotes` for the list.")?,
        1 => {}
        n => writeln!(out, "{n} quotes could be meant:\n")?,
    }
    for c in &found {
        let q = c.quote;
        writeln!(out, "{}: “{}”", q.speaker, corpus.quote_text(q))?;
        writeln!(out, "   {}", q.kind().label())?;
        writeln!(out, "{}", source_line(corpus, q.sentence, q.url.as_deref()))?;
    }
    Ok(())
}

pub fn verify(paths: &Paths, args: &TextArgs) -> anyhow::Result<()> {
    let corpus = Corpus::load_dir(&paths.corpus)?;
    let claim = args.text.join(" ");
    let v = verify::verify(&corpus, &claim)?;
    if args.json {
        return print_json(&json::verification(&corpus, &v));
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", verify::summary(&v))?;
    if let Some(found) = &v.found {
        let doc = corpus.doc_of(found.sentence);
        writeln!(out, "Story: “{}”", &doc.text[found.span.clone()])?;
        if v.verdict == Verdict::Altered {
            writeln!(out, "Claim: “{}”", v.claim)?;
            writeln!(out, "Diff:  {}", plain_diff(&v.diff))?;
        }
        writeln!(out, "{}", source_line(&corpus, found.sentence, found.quote.and_then(|q| q.url.as_deref())))?;
    }
    Ok(())
}

/// The diff with `[-dropped-]` and `{+added+}` marks, as `git diff --word-diff` prints.
fn plain_diff(diff: &[Change]) -> String {
    let parts: Vec<String> = diff
        .iter()
        .map(|c| match c {
            Change::Same(t) => t.clone(),
            Change::Changed(s, c) => format!("[-{s}-]{{+{c}+}}"),
            Change::Added(c) => format!("{{+{c}+}}"),
            Change::Dropped(s) => format!("[-{s}-]"),
        })
        .collect();
    parts.join(" ")
}

pub fn who(paths: &Paths, args: &OptionalTextArgs) -> anyhow::Result<()> {
    let corpus = Corpus::load_dir(&paths.corpus)?;
    let mut out = std::io::stdout().lock();
    if args.text.is_empty() {
        let roster = people::roster(&corpus);
        if args.json {
            let list: Vec<serde_json::Value> = roster.iter().map(|p| json::person(&corpus, p)).collect();
            return print_json(&serde_json::json!({ "people": list }));
        }
        let mut kind = None;
        for p in &roster {
            if kind != Some(p.kind()) {
                kind = Some(p.kind());
                let people = kind == Some(&crate::corpus::EntityKind::Person);
                writeln!(out, "{}", if people { "People" } else { "Organisations" })?;
            }
            writeln!(out, "  {}", roster_line(&corpus, p))?;
        }
        return Ok(());
    }
    let name = args.text.join(" ");
    let found = people::lookup(&corpus, &name)?;
    if args.json {
        let list: Vec<serde_json::Value> = found.iter().map(|p| json::profile(&corpus, p)).collect();
        return print_json(&serde_json::json!({ "name": name, "matches": list }));
    }
    if found.is_empty() {
        writeln!(out, "The story names nobody called “{name}”. Try `storybot who` for everyone it names.")?;
    }
    for p in &found {
        writeln!(out, "{}", roster_line(&corpus, &p.person))?;
        if !p.person.entity.aliases.is_empty() {
            writeln!(out, "   Also: {}", p.person.entity.aliases.join(", "))?;
        }
        for q in &p.quotes {
            writeln!(out, "   Said: “{}” — {}", corpus.quote_text(q), place(&corpus, q.sentence))?;
        }
        for &s in &p.sentences {
            writeln!(out, "   About: {} — {}", corpus.text(s), place(&corpus, s))?;
        }
    }
    Ok(())
}

fn roster_line(corpus: &Corpus, p: &people::Person<'_>) -> String {
    let roles = p.roles();
    let role = if roles.is_empty() { String::new() } else { format!(" — {}", roles.join("; ")) };
    let first = p.first.as_ref().map(|(s, _)| format!(" · first named in {}", place(corpus, *s))).unwrap_or_default();
    format!("{}{role} · {} mentions, {} quotes{first}", p.entity.name, p.mentions, p.quotes)
}

pub fn facts(paths: &Paths, args: &OptionalTextArgs) -> anyhow::Result<()> {
    let about = args.text.join(" ");
    // Only narrowing by words needs the index; the list itself needs the corpus alone.
    let engine: Option<Engine> = if about.trim().is_empty() { None } else { Some(super::open(paths)?) };
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
        Some(e) => facts::about(e, &all, &about)?,
        None => all.iter().collect(),
    };
    if args.json {
        let list: Vec<serde_json::Value> = shown.iter().map(|f| json::fact(corpus, f)).collect();
        return print_json(&serde_json::json!({ "about": about.trim(), "facts": list }));
    }
    let mut out = std::io::stdout().lock();
    if shown.is_empty() {
        writeln!(out, "The story states no amount or date about that.")?;
    }
    for f in shown {
        let doc = corpus.doc_of(f.sentence);
        let measures = match &f.measures {
            Measures::Listed(m) => m.clone(),
            Measures::Phrase(r) => format!("“{}”", &doc.text[r.clone()]),
        };
        let resolved = f.resolved.as_ref().map(|r| format!(" ({r})")).unwrap_or_default();
        writeln!(out, "{}{resolved} — {measures}", &doc.text[f.span.clone()])?;
        writeln!(out, "   {} — {}", corpus.text(f.sentence), place(corpus, f.sentence))?;
    }
    Ok(())
}

pub fn timeline(paths: &Paths, args: &JsonArgs) -> anyhow::Result<()> {
    let corpus = Corpus::load_dir(&paths.corpus)?;
    let events = timeline::events(&corpus);
    if args.json {
        let list: Vec<serde_json::Value> = events.iter().map(|e| json::event(&corpus, e)).collect();
        return print_json(&serde_json::json!({ "events": list }));
    }
    let mut out = std::io::stdout().lock();
    if events.is_empty() {
        writeln!(out, "The story reports no dated events.")?;
    }
    for e in &events {
        writeln!(out, "{}", timeline::when(&corpus, e))?;
        writeln!(out, "   {} — {}", corpus.text(e.sentence), place(&corpus, e.sentence))?;
    }
    Ok(())
}

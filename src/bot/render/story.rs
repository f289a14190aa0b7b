//! Replies of the story commands: `/whosaid`, `/verify`, `/who`, `/facts`, `/timeline`.

use super::{Embed, Reply, LIST_SENTENCE};
use crate::answer::{Citation, Source};
use crate::bot::markdown::{escape, truncate};
use crate::corpus::{Corpus, Quote};
use crate::story::facts::{Fact, Measures};
use crate::story::people::{Person, Profile};
use crate::story::timeline::Event;
use crate::story::verify::{Change, Verdict, Verification};
use crate::story::whosaid::Candidate;

/// "paragraph 3, sentence 5", in italics.
fn place(corpus: &Corpus, sentence: usize) -> String {
    let cite = Citation::of(corpus, sentence);
    format!("*paragraph {}, sentence {}*", cite.paragraph, cite.sentence)
}

fn quote_line(corpus: &Corpus, q: &Quote) -> String {
    let mut line = format!(
        "**{}:** “{}” — {} · {}",
        escape(&q.speaker),
        escape(corpus.quote_text(q)),
        q.kind().label(),
        place(corpus, q.sentence)
    );
    if let Some(url) = q.url.as_deref().or(Citation::of(corpus, q.sentence).url) {
        line.push_str(&format!(" · {url}"));
    }
    line
}

/// Lines joined until the next one would not fit in `room` characters; then "…and N more".
fn fitted(lines: &[String], room: usize) -> String {
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let more = format!("\n…and {} more", lines.len() - i);
        if out.chars().count() + line.chars().count() + 1 + more.chars().count() > room {
            out.push_str(more.trim_start_matches('\n'));
            return out;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

pub fn whosaid(corpus: &Corpus, text: &str, found: &[Candidate<'_>]) -> Reply {
    let mut description = format!("**Looking for:** {}\n\n", escape(text));
    match found.len() {
        0 => description.push_str("No quote in the story is close to that. Try /quote for the list."),
        1 => {}
        n => description.push_str(&format!("{n} quotes could be meant:\n")),
    }
    let lines: Vec<String> = found.iter().map(|c| quote_line(corpus, c.quote)).collect();
    description.push_str(&lines.join("\n"));
    Reply::embed(Embed { title: Some("Who said it".into()), description, ..Embed::default() }, Vec::new())
}

pub fn verification(corpus: &Corpus, v: &Verification<'_>) -> Reply {
    let title = match v.verdict {
        Verdict::Exact => "Exact",
        Verdict::Altered => "Altered",
        Verdict::NotInStory => "Not in the story",
    };
    let mut description = format!("**Claim:** {}\n\n{}", escape(&v.claim), escape(&crate::story::verify::summary(v)));
    let mut fields = Vec::new();
    if let Some(found) = &v.found {
        let doc = corpus.doc_of(found.sentence);
        description.push_str(&format!("\n\n**Story:** “{}”", escape(&doc.text[found.span.clone()])));
        if v.verdict == Verdict::Altered {
            description.push_str(&format!("\n**Changes:** {}", discord_diff(&v.diff)));
        }
        let cite = Citation::of(corpus, found.sentence);
        let mut source = escape(&super::source_line(&Source::of(&cite)));
        if let Some(url) = found.quote.and_then(|q| q.url.as_deref()).or(cite.url) {
            source.push('\n');
            source.push_str(url);
        }
        fields.push(("Source".to_string(), source));
    }
    Reply::embed(Embed { title: Some(title.into()), description, fields, footer: None }, Vec::new())
}

/// Dropped words struck through, added words in bold.
fn discord_diff(diff: &[Change]) -> String {
    let parts: Vec<String> = diff
        .iter()
        .map(|c| match c {
            Change::Same(t) => escape(t),
            Change::Changed(s, c) => format!("~~{}~~ **{}**", escape(s), escape(c)),
            Change::Added(c) => format!("**{}**", escape(c)),
            Change::Dropped(s) => format!("~~{}~~", escape(s)),
        })
        .collect();
    parts.join(" ")
}

fn roster_line(corpus: &Corpus, p: &Person<'_>) -> String {
    let roles = p.roles();
    let role = if roles.is_empty() { String::new() } else { format!(" — {}", escape(&roles.join("; "))) };
    let first = p.first.as_ref().map(|(s, _)| format!(" · first: {}", place(corpus, *s))).unwrap_or_default();
    format!("**{}**{role} · {} mentions, {} quotes{first}", escape(&p.entity.name), p.mentions, p.quotes)
}

pub fn roster(corpus: &Corpus, people: &[Person<'_>]) -> Reply {
    if people.is_empty() {
        return Reply::plain("The story names no people or organisations.".into());
    }
    let mut lines = Vec::new();
    let mut kind = None;
    for p in people {
        if kind != Some(p.kind()) {
            kind = Some(p.kind());
            let people = kind == Some(&crate::corpus::EntityKind::Person);
            lines.push(if people { "__People__".to_string() } else { "__Organisations__".to_string() });
        }
        lines.push(roster_line(corpus, p));
    }
    let description = fitted(&lines, super::limits::DESCRIPTION - 100);
    Reply::embed(
        Embed {
            title: Some("Who is in the story".into()),
            description,
            footer: Some("/who name shows what one of them said and did".into()),
            ..Embed::default()
        },
        Vec::new(),
    )
}

pub fn profiles(corpus: &Corpus, name: &str, found: &[Profile<'_>]) -> Reply {
    let Some(first) = found.first() else {
        return Reply::plain(truncate(
            &format!("The story names nobody called “{}”. Try /who for everyone it names.", escape(name)),
            super::limits::CONTENT,
        ));
    };
    let p = &first.person;
    let mut description = roster_line(corpus, p);
    if !p.entity.aliases.is_empty() {
        description.push_str(&format!("\nAlso called: {}", escape(&p.entity.aliases.join(", "))));
    }
    if found.len() > 1 {
        let others: Vec<String> = found[1..].iter().map(|o| escape(&o.person.entity.name)).collect();
        description.push_str(&format!("\nThe name also fits: {}", others.join(", ")));
    }
    let mut fields = Vec::new();
    if !first.quotes.is_empty() {
        let lines: Vec<String> = first
            .quotes
            .iter()
            .map(|q| {
                format!("“{}” — {}", escape(&truncate(corpus.quote_text(q), LIST_SENTENCE)), place(corpus, q.sentence))
            })
            .collect();
        fields.push(("Quotes".to_string(), fitted(&lines, super::limits::FIELD_VALUE)));
    }
    if !first.sentences.is_empty() {
        let lines: Vec<String> = first
            .sentences
            .iter()
            .map(|&s| format!("• {} — {}", escape(&truncate(corpus.text(s), 200)), place(corpus, s)))
            .collect();
        fields.push(("In the story".to_string(), fitted(&lines, super::limits::FIELD_VALUE)));
    }
    Reply::embed(Embed { title: Some(escape(&p.entity.name)), description, fields, footer: None }, Vec::new())
}

pub fn facts(corpus: &Corpus, about: Option<&str>, facts: &[&Fact]) -> Reply {
    let title = match about {
        Some(a) => format!("Facts about {}", a),
        None => "Facts".to_string(),
    };
    if facts.is_empty() {
        return Reply::plain("The story states no amount or date about that.".into());
    }
    let lines: Vec<String> = facts
        .iter()
        .map(|f| {
            let doc = corpus.doc_of(f.sentence);
            let measures = match &f.measures {
                Measures::Listed(m) => escape(m),
                Measures::Phrase(r) => format!("“{}”", escape(&doc.text[r.clone()])),
            };
            let resolved = f.resolved.as_ref().map(|r| format!(" ({r})")).unwrap_or_default();
            format!("**{}**{resolved} — {measures} · {}", escape(&doc.text[f.span.clone()]), place(corpus, f.sentence))
        })
        .collect();
    Reply::embed(
        Embed {
            title: Some(escape(&title)),
            description: fitted(&lines, super::limits::DESCRIPTION - 100),
            ..Embed::default()
        },
        Vec::new(),
    )
}

pub fn timeline(corpus: &Corpus, events: &[Event]) -> Reply {
    if events.is_empty() {
        return Reply::plain("The story reports no dated events.".into());
    }
    let lines: Vec<String> = events
        .iter()
        .map(|e| {
            format!(
                "**{}** — {} · {}",
                escape(&crate::story::timeline::when(corpus, e)),
                escape(&truncate(corpus.text(e.sentence), 220)),
                place(corpus, e.sentence)
            )
        })
        .collect();
    let date = corpus.docs.first().and_then(|d| d.date.clone());
    let footer = date.map(|d| format!("Weekdays and “the past week” are resolved against the story’s date, {d}."));
    Reply::embed(
        Embed {
            title: Some("Timeline".into()),
            description: fitted(&lines, super::limits::DESCRIPTION - 100),
            footer,
            ..Embed::default()
        },
        Vec::new(),
    )
}

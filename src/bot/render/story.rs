//! Replies of the story commands: `/whosaid`, `/verify`, `/who`, `/facts`, `/timeline`, each
//! formatted from its [`view`](crate::story::view) model.

use super::{Embed, Reply, LIST_SENTENCE};
use crate::bot::markdown::{escape, truncate};
use crate::story::verify::Verdict;
use crate::story::view::{
    messages, DiffMarks, FactsView, Front, PersonView, Place, ProfileView, ProfilesView, QuoteView, RosterView,
    TimelineView, VerificationView, WhosaidView,
};

/// Dropped words struck through, added words in bold.
const DIFF_MARKS: DiffMarks = DiffMarks { dropped: ("~~", "~~"), added: ("**", "**"), between: " ", escape };

/// "paragraph 3, sentence 5" (after the story's title when the corpus holds several), in
/// italics; a title is the self-hoster's text, so it is escaped.
fn place(place: Place) -> String {
    format!("*{}*", escape(&place.to_string()))
}

fn quote_line(q: &QuoteView) -> String {
    let mut line =
        format!("**{}:** “{}” — {} · {}", escape(&q.speaker), escape(&q.text), q.kind.label(), place(q.place()));
    if let Some(url) = &q.source.url {
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

/// An embed of `lines`, as many as fit, under `title`.
fn list(title: String, lines: &[String], footer: Option<String>) -> Reply {
    let description = fitted(lines, super::limits::DESCRIPTION - 100);
    Reply::embed(Embed { title: Some(title), description, footer, ..Embed::default() }, Vec::new())
}

pub fn whosaid(view: &WhosaidView) -> Reply {
    let mut description = format!("**Looking for:** {}\n\n", escape(&view.text));
    if let Some(heading) = view.heading(Front::Discord) {
        description.push_str(&heading);
        if !view.candidates.is_empty() {
            description.push('\n');
        }
    }
    let lines: Vec<String> = view.candidates.iter().map(|c| quote_line(&c.quote)).collect();
    description.push_str(&lines.join("\n"));
    Reply::embed(Embed { title: Some("Who said it".into()), description, ..Embed::default() }, Vec::new())
}

pub fn verification(v: &VerificationView) -> Reply {
    let title = match v.verdict {
        Verdict::Exact => "Exact",
        Verdict::Altered => "Altered",
        Verdict::NotInStory => "Not in the story",
    };
    let mut description = format!("**Claim:** {}\n\n{}", escape(&v.claim), escape(&v.summary()));
    let mut fields = Vec::new();
    if let Some(found) = &v.found {
        description.push_str(&format!("\n\n**Story:** “{}”", escape(&found.text)));
        if v.verdict == Verdict::Altered {
            description.push_str(&format!("\n**Changes:** {}", v.marked_diff(&DIFF_MARKS)));
        }
        let mut source = escape(&super::source_line(&found.source));
        if let Some(url) = &found.source.url {
            source.push('\n');
            source.push_str(url);
        }
        fields.push(("Source".to_string(), source));
    }
    Reply::embed(Embed { title: Some(title.into()), description, fields, footer: None }, Vec::new())
}

fn roster_line(p: &PersonView) -> String {
    let role = if p.roles.is_empty() { String::new() } else { format!(" — {}", escape(&p.roles.join("; "))) };
    let first = p.first_place().map(|first| format!(" · first: {}", place(first))).unwrap_or_default();
    format!("**{}**{role} · {}{first}", escape(&p.name), p.counts())
}

pub fn roster(view: &RosterView) -> Reply {
    if view.people.is_empty() {
        return Reply::plain(messages::NO_PEOPLE.into());
    }
    let mut lines = Vec::new();
    for (heading, people) in view.groups() {
        lines.push(format!("__{heading}__"));
        lines.extend(people.iter().map(roster_line));
    }
    list("Who is in the story".into(), &lines, Some("/who name shows what one of them said and did".into()))
}

pub fn profiles(view: &ProfilesView) -> Reply {
    let Some(first) = view.matches.first() else {
        return Reply::plain(truncate(
            &messages::nobody_called(&escape(&view.name), Front::Discord),
            super::limits::CONTENT,
        ));
    };
    let p = &first.person;
    let mut description = roster_line(p);
    if !p.aliases.is_empty() {
        description.push_str(&format!("\nAlso called: {}", escape(&p.aliases.join(", "))));
    }
    if view.matches.len() > 1 {
        let others: Vec<String> = view.matches[1..].iter().map(|o| escape(&o.person.name)).collect();
        description.push_str(&format!("\nThe name also fits: {}", others.join(", ")));
    }
    let fields = profile_fields(first);
    Reply::embed(Embed { title: Some(escape(&p.name)), description, fields, footer: None }, Vec::new())
}

/// The profile's quotes, and the other sentences that name them, as many as fit.
fn profile_fields(profile: &ProfileView) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    if !profile.quotes.is_empty() {
        let lines: Vec<String> = profile
            .quotes
            .iter()
            .map(|q| format!("“{}” — {}", escape(&truncate(&q.text, LIST_SENTENCE)), place(q.place())))
            .collect();
        fields.push(("Quotes".to_string(), fitted(&lines, super::limits::FIELD_VALUE)));
    }
    if !profile.sentences.is_empty() {
        let lines: Vec<String> = profile
            .sentences
            .iter()
            .map(|s| format!("• {} — {}", escape(&truncate(&s.text, 200)), place(s.place())))
            .collect();
        fields.push(("In the story".to_string(), fitted(&lines, super::limits::FIELD_VALUE)));
    }
    fields
}

pub fn facts(view: &FactsView) -> Reply {
    let title = match &view.about {
        Some(a) => format!("Facts about {a}"),
        None => "Facts".to_string(),
    };
    if view.facts.is_empty() {
        return Reply::plain(messages::NO_FACTS.into());
    }
    let lines: Vec<String> = view
        .facts
        .iter()
        .map(|f| {
            let (value, resolved, measures) = (escape(&f.value), f.resolved_suffix(), f.measures_shown(escape));
            format!("**{value}**{resolved} — {measures} · {}", place(f.place()))
        })
        .collect();
    list(escape(&title), &lines, None)
}

pub fn timeline(view: &TimelineView) -> Reply {
    if view.events.is_empty() {
        return Reply::plain(messages::NO_EVENTS.into());
    }
    let lines: Vec<String> = view
        .events
        .iter()
        .map(|e| {
            let (when, text) = (escape(&e.when_label()), escape(&truncate(&e.text, 220)));
            format!("**{when}** — {text} · {}", place(e.place()))
        })
        .collect();
    list("Timeline".into(), &lines, view.dates_note())
}

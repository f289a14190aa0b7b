//! What the bot sends, as plain data built from the engine's results.
//!
//! Nothing here talks to Discord: the adapter turns a [`Reply`] into serenity builders. Every
//! piece of corpus or user text is escaped, and every Discord length limit is enforced here,
//! counted in characters.

use std::ops::Range;

use super::custom_id::{Action, ButtonState};
use super::markdown::{escape, truncate, unescape};
use crate::answer::{cite, Answers, Engine};
use crate::corpus::Quote;
use crate::search::Analysed;

/// Discord's limits (characters).
pub mod limits {
    pub const CONTENT: usize = 2000;
    pub const TITLE: usize = 256;
    pub const DESCRIPTION: usize = 4096;
    pub const FIELDS: usize = 25;
    pub const FIELD_NAME: usize = 256;
    pub const FIELD_VALUE: usize = 1024;
    pub const FOOTER: usize = 2048;
    pub const EMBED_TOTAL: usize = 6000;
    pub const BUTTON_LABEL: usize = 80;
}

/// One message: text, an embed, and a row of buttons.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reply {
    pub content: Option<String>,
    pub embed: Option<Embed>,
    pub buttons: Vec<Button>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Embed {
    pub title: Option<String>,
    pub description: String,
    pub fields: Vec<(String, String)>,
    pub footer: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Button {
    pub id: String,
    pub label: String,
    pub disabled: bool,
}

/// Prefix of the first line of an answer's description; the question follows it.
const QUESTION_PREFIX: &str = "**Q:** ";
/// Prefix of the first line of a search's description; the query follows it.
const SEARCH_PREFIX: &str = "**Search:** ";
/// Longest sentence shown in a list before it is cut.
const LIST_SENTENCE: usize = 350;

impl Reply {
    /// A plain-text reply.
    pub fn plain(content: String) -> Reply {
        Reply { content: Some(content), ..Reply::default() }.fit()
    }

    fn embed(embed: Embed, buttons: Vec<Button>) -> Reply {
        Reply { content: None, embed: Some(embed), buttons }.fit()
    }

    /// Cuts every part to Discord's limits.
    pub fn fit(mut self) -> Reply {
        self.content = self.content.map(|c| truncate(&c, limits::CONTENT));
        if let Some(embed) = &mut self.embed {
            embed.fit();
        }
        for b in &mut self.buttons {
            b.label = truncate(&b.label, limits::BUTTON_LABEL);
        }
        self
    }
}

impl Embed {
    fn fit(&mut self) {
        self.title = self.title.as_deref().map(|t| truncate(t, limits::TITLE));
        self.fields.truncate(limits::FIELDS);
        for (name, value) in &mut self.fields {
            *name = truncate(name, limits::FIELD_NAME);
            *value = truncate(value, limits::FIELD_VALUE);
        }
        self.footer = self.footer.as_deref().map(|f| truncate(f, limits::FOOTER));
        let others = self.total() - self.description.chars().count();
        let room = limits::EMBED_TOTAL.saturating_sub(others).min(limits::DESCRIPTION);
        self.description = truncate(&self.description, room);
    }

    /// Characters that count towards the 6000 total.
    pub fn total(&self) -> usize {
        let len = |s: &str| s.chars().count();
        self.title.as_deref().map_or(0, len)
            + len(&self.description)
            + self.fields.iter().map(|(n, v)| len(n) + len(v)).sum::<usize>()
            + self.footer.as_deref().map_or(0, len)
    }
}

/// The reply to a question: answer `rank` (1-based) with `width` sentences of context on each
/// side, or "the story doesn't say".
pub fn answer(engine: &Engine, answers: &Answers, rank: usize, width: usize) -> Reply {
    let Some(answer) = answers.answers.get(rank.saturating_sub(1)) else {
        return no_answer(engine, &answers.question);
    };
    let corpus = engine.corpus();
    let sentence = answer.sentence;
    let question_line = format!("{QUESTION_PREFIX}{}\n\n", escape(&answers.question));
    let mut context = engine.context_of(sentence, width);
    let mut description = question_line.clone() + &marked_context(engine, sentence, context.clone(), &answers.analysed);
    if description.chars().count() > limits::DESCRIPTION {
        context = engine.context_of(sentence, 0);
        description = question_line + &marked_context(engine, sentence, context.clone(), &answers.analysed);
    }
    let cite = engine.cite(sentence);
    let mut source = escape(&source_line(engine, sentence));
    if let Some(url) = cite.url {
        source.push('\n');
        source.push_str(url);
    }
    let total = answers.answers.len();
    let paragraph = engine.paragraph_of(sentence);
    let whole_paragraph = context.start <= paragraph.start && paragraph.end <= context.end;
    let fingerprint = &corpus.fingerprint;
    let buttons: Vec<Button> = [
        Button {
            id: ButtonState::new(fingerprint, Action::Answer { rank, width: width + 1 }).encode(),
            label: "More context".into(),
            disabled: whole_paragraph,
        },
        Button {
            id: ButtonState::new(fingerprint, Action::Answer { rank: rank + 1, width: 1 }).encode(),
            label: "Next answer".into(),
            disabled: rank >= total,
        },
    ]
    .into_iter()
    .chain(vote_buttons(fingerprint, rank))
    .collect();
    let embed = Embed {
        title: None,
        description,
        fields: vec![("Source".into(), source)],
        footer: Some(format!("Answer {rank} of {total}")),
    };
    Reply::embed(embed, buttons)
}

/// "The story doesn't say", with the closest passages when they are related enough.
pub fn no_answer(engine: &Engine, question: &str) -> Reply {
    let mut description = format!("{QUESTION_PREFIX}{}\n\nThe story doesn't say.", escape(question));
    let closest = engine.closest(question).unwrap_or_default();
    if !closest.is_empty() {
        description.push_str("\n\nClosest passages (they may not answer it):");
        for ord in closest {
            let cite = engine.cite(ord);
            let text = escape(&truncate(engine.corpus().text(ord), LIST_SENTENCE));
            description.push_str(&format!("\n• {text} — *paragraph {}, sentence {}*", cite.paragraph, cite.sentence));
        }
    }
    Reply::embed(Embed { description, ..Embed::default() }, vote_buttons(&engine.corpus().fingerprint, 1).into())
}

/// 👍 and 👎 for answer `rank`: votes people can give on any answer, "no answer" included.
fn vote_buttons(fingerprint: &str, rank: usize) -> [Button; 2] {
    [(true, "👍"), (false, "👎")].map(|(up, label)| Button {
        id: ButtonState::new(fingerprint, Action::Vote { rank, up }).encode(),
        label: label.into(),
        disabled: false,
    })
}

/// Where a sentence is, as plain text: "title · paragraph 2, sentence 1".
pub fn source_line(engine: &Engine, sentence: usize) -> String {
    let cite = engine.cite(sentence);
    format!("{} · paragraph {}, sentence {}", cite_title(&cite), cite.paragraph, cite.sentence)
}

/// A page of search results.
pub fn search(engine: &Engine, results: &Answers, page: usize, per_page: usize) -> Reply {
    let per_page = per_page.max(1);
    let total = results.answers.len();
    let pages = total.div_ceil(per_page).max(1);
    let page = page.min(pages - 1);
    let mut description = format!("{SEARCH_PREFIX}{}\n\n", escape(&results.question));
    if total == 0 {
        description.push_str("Nothing in the story matches that.");
        return Reply::embed(Embed { description, ..Embed::default() }, Vec::new());
    }
    let shown = &results.answers[page * per_page..((page + 1) * per_page).min(total)];
    for a in shown {
        let cite = engine.cite(a.sentence);
        let span = engine.corpus().sentences[a.sentence].span.clone();
        let text = if span.len() > LIST_SENTENCE * 4 {
            escape(&truncate(engine.corpus().text(a.sentence), LIST_SENTENCE))
        } else {
            let hl = engine.highlights_in(a.sentence, span.clone(), &results.analysed);
            cite::marked(&cite.doc.text, span, &hl, "**", "**", escape)
        };
        description.push_str(&format!(
            "**{}.** {text} — *{}, paragraph {}, sentence {}*\n",
            a.rank,
            escape(&cite.doc.title),
            cite.paragraph,
            cite.sentence
        ));
    }
    let fingerprint = &engine.corpus().fingerprint;
    let buttons = vec![
        Button {
            id: ButtonState::new(fingerprint, Action::Search { page: page.saturating_sub(1), per_page }).encode(),
            label: "Previous".into(),
            disabled: page == 0,
        },
        Button {
            id: ButtonState::new(fingerprint, Action::Search { page: page + 1, per_page }).encode(),
            label: "Next".into(),
            disabled: page + 1 >= pages,
        },
    ];
    let first = page * per_page + 1;
    let footer = format!("Results {first}–{} of {total} · page {} of {pages}", first + shown.len() - 1, page + 1);
    Reply::embed(Embed { description, footer: Some(footer), ..Embed::default() }, buttons)
}

/// The story's quotes, as a list.
pub fn quotes(engine: &Engine, quotes: &[&Quote]) -> Reply {
    if quotes.is_empty() {
        return Reply::plain("No quote in the story matches that.".into());
    }
    let corpus = engine.corpus();
    let mut description = String::new();
    for q in quotes {
        let cite = engine.cite(q.sentence);
        description.push_str(&format!(
            "**{}:** “{}” — *paragraph {}, sentence {}*",
            escape(&q.speaker),
            escape(corpus.quote_text(q)),
            cite.paragraph,
            cite.sentence
        ));
        if let Some(url) = &q.url {
            description.push_str(&format!(" · {url}"));
        }
        description.push('\n');
    }
    let title = if quotes.len() == 1 { "1 quote".to_string() } else { format!("{} quotes", quotes.len()) };
    Reply::embed(Embed { title: Some(title), description, ..Embed::default() }, Vec::new())
}

/// The same reply with a "Share" button, for replies only their asker can see.
pub fn with_share(mut reply: Reply, fingerprint: &str) -> Reply {
    reply.buttons.push(Button {
        id: ButtonState::new(fingerprint, Action::Share).encode(),
        label: "Share".into(),
        disabled: false,
    });
    reply
}

/// A public copy of a private reply: its text and embed, without buttons.
pub fn shared(content: Option<String>, embed: Option<Embed>) -> Reply {
    Reply { content, embed, buttons: Vec::new() }.fit()
}

/// What the story is: title, date, people, quotes and source link(s).
pub fn story(engine: &Engine) -> Reply {
    let corpus = engine.corpus();
    let mut fields = Vec::new();
    for doc in corpus.docs.iter().take(limits::FIELDS) {
        let mut people: Vec<&str> =
            doc.entities.iter().filter(|e| e.kind.as_deref() == Some("person")).map(|e| e.name.as_str()).collect();
        if people.is_empty() {
            people = doc.quotes.iter().map(|q| q.speaker.as_str()).collect();
            people.dedup();
        }
        let mut links: Vec<&str> = doc.url.iter().map(String::as_str).collect();
        links.extend(doc.quotes.iter().filter_map(|q| q.url.as_deref()));
        links.extend(
            corpus.sentences[doc.sentences.clone()].iter().filter_map(|s| s.link.clone()).map(|l| &doc.text[l]),
        );
        links.dedup();
        let mut value = String::new();
        value.push_str(&format!("**Date:** {}\n", doc.date.as_deref().unwrap_or("not given")));
        if !people.is_empty() {
            value.push_str(&format!("**People:** {}\n", escape(&people.join(", "))));
        }
        value.push_str(&format!("**Quotes:** {} · **Sentences:** {}\n", doc.quotes.len(), doc.sentences.len()));
        match links.first() {
            Some(_) => {
                // A link from the story's text can hold anything, a ping included; a plain URL
                // stays clickable.
                let shown: Vec<String> =
                    links.iter().map(|l| if l.contains(['@', '<']) { escape(l) } else { l.to_string() }).collect();
                value.push_str(&format!("**Source link:** {}", shown.join(" ")));
            }
            None => value.push_str("**Source link:** none given"),
        }
        fields.push((escape(&doc.title), value));
    }
    let title = match corpus.docs.len() {
        1 => "The story".to_string(),
        n => format!("{n} stories"),
    };
    Reply::embed(
        Embed {
            title: Some(title),
            description: "Ask about it with /ask, or mention me with a question.".into(),
            fields,
            footer: None,
        },
        Vec::new(),
    )
}

/// What the bot can do, in one short message.
pub fn help() -> Reply {
    Reply::plain(
        "I answer questions about the story with its exact sentences and where they come from.\n\
         • `/ask question` — the best answer, with buttons for more context and the next answer \
         (`private: True` to see it alone)\n\
         • `/search query` — every matching sentence, in pages\n\
         • `/quote` — the story's quotes and who said them (filter by `speaker` or `about`)\n\
         • `/whosaid text` — the quote a paraphrase or fragment means, and who said it\n\
         • `/verify quote` — is a quote real? exact, altered (with the changes) or not in the story\n\
         • `/who` — the people and organisations in the story (`name` for one of them)\n\
         • `/facts` — the amounts and dates the story states · `/timeline` — its events in order\n\
         • `/story` — what the story is and who is in it\n\
         👍/👎 under an answer tell the people who run me whether it helped. \
         Server managers: `/config` (private answers, mentions, channels), `/reindex`.\n\
         Right-click a message → Apps → “Ask storybot” or “Verify quote” to use its text.\n\
         You can also mention me with a question, or send me a direct message."
            .into(),
    )
}

/// Reply to a mention with no question in it.
pub fn mention_help() -> Reply {
    Reply::plain("Ask me something about the story, for example: “@me who runs SoftBank?” — or try /help.".into())
}

/// The question an answer reply was for, read back from its description.
pub fn question_of(description: &str) -> Option<String> {
    read_back(description, QUESTION_PREFIX)
}

/// The query a search reply was for, read back from its description.
pub fn query_of(description: &str) -> Option<String> {
    read_back(description, SEARCH_PREFIX)
}

fn read_back(description: &str, prefix: &str) -> Option<String> {
    let rest = description.strip_prefix(prefix)?;
    let line = rest.split("\n\n").next()?;
    Some(unescape(line)).filter(|q| !q.trim().is_empty())
}

fn cite_title(cite: &cite::Citation<'_>) -> String {
    match cite.doc.date.as_deref() {
        Some(date) => format!("{} ({date})", cite.doc.title),
        None => cite.doc.title.clone(),
    }
}

/// The context with the answer sentence underlined and matched words in bold.
fn marked_context(engine: &Engine, sentence: usize, context: Range<usize>, analysed: &Analysed) -> String {
    let text = &engine.corpus().doc_of(sentence).text;
    let span = engine.corpus().sentences[sentence].span.clone();
    let highlights = engine.highlights_in(sentence, context.clone(), analysed);
    let part = |r: Range<usize>| cite::marked(text, r, &highlights, "**", "**", escape);
    format!("{}__{}__{}", part(context.start..span.start), part(span.clone()), part(span.end..context.end))
}

pub mod admin;
pub mod story;

#[cfg(test)]
mod tests;

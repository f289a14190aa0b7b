//! What the bot sends, as plain data built from the engine's results.
//!
//! Nothing here talks to Discord: the adapter turns a [`Reply`] into serenity builders. Every
//! piece of corpus or user text is escaped, and every Discord length limit is enforced here,
//! counted in characters.

use super::custom_id::{Action, ButtonState};
use super::markdown::{escape, truncate, unescape};
use crate::answer::{Answer, Answers, Citation, Passage, Source};
use crate::corpus::{Corpus, EntityKind, Quote, SentenceId};
use crate::story::view::messages::counted;

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
/// Prefix of the line saying how a follow-up question was read; the reading follows it.
const READ_AS_PREFIX: &str = "*Read as:* ";
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

/// The first reply to a question: its best answer, or "the story doesn't say".
pub fn answers(version: &str, answers: &Answers) -> Reply {
    let reply = match answers.answers.first() {
        None => no_answer(version, &answers.question, answers.unquoted.as_deref(), &answers.closest),
        Some(best) => {
            let ranked: Vec<SentenceId> = answers.answers.iter().map(Answer::sentence).collect();
            answer(&AnswerView {
                version,
                question: &answers.question,
                ranked: &ranked,
                rank: 1,
                width: 1,
                passage: &best.passage,
            })
        }
    };
    match &answers.read_as {
        Some(read_as) => with_read_as(reply, read_as),
        None => reply,
    }
}

/// `reply` with "Read as: …" on the line after the question, for a rewritten follow-up.
fn with_read_as(mut reply: Reply, read_as: &str) -> Reply {
    if let Some(embed) = &mut reply.embed {
        let line = format!("\n{READ_AS_PREFIX}{}", escape(&truncate(read_as, LIST_SENTENCE)));
        let at = embed.description.find("\n\n").unwrap_or(embed.description.len());
        embed.description.insert_str(at, &line);
    }
    reply.fit()
}

/// One answer of a question, and what its buttons need.
#[derive(Debug, Clone, Copy)]
pub struct AnswerView<'a> {
    /// The engine's version, kept in the buttons.
    pub version: &'a str,
    pub question: &'a str,
    /// The answers' sentence ids, best first.
    pub ranked: &'a [SentenceId],
    /// 1-based rank of the answer shown.
    pub rank: usize,
    /// Sentences of context shown on each side.
    pub width: usize,
    pub passage: &'a Passage,
}

/// Answer `view.rank` with its context: the sentence underlined, matched words in bold.
pub fn answer(view: &AnswerView<'_>) -> Reply {
    let passage = view.passage;
    let question_line = format!("{}\n\n", first_line(QUESTION_PREFIX, view.question));
    let mut description = question_line.clone() + &passage.marked("**", "**", Some("__"), escape);
    let mut whole_paragraph = passage.whole_paragraph;
    if description.chars().count() > limits::DESCRIPTION {
        description = format!("{question_line}__{}__", passage.marked_sentence("**", "**", escape));
        whole_paragraph &= passage.pieces.iter().all(|p| p.in_sentence);
    }
    let mut source = escape(&source_line(&passage.source));
    if let Some(url) = &passage.source.url {
        source.push('\n');
        source.push_str(url);
    }
    // The list travels in the buttons, so paging can only reach what fits there.
    // The wider of the two answer buttons (one more rank, one more width) decides what fits.
    let total = ButtonState::answers_that_fit(view.version, view.rank + 1, view.width + 1, view.ranked).max(view.rank);
    let (rank, width, ranked) = (view.rank, view.width, view.ranked[..total.min(view.ranked.len())].to_vec());
    let state = |action| ButtonState::new(view.version, action).encode();
    let buttons: Vec<Button> = [
        Button {
            id: state(Action::Answer { rank, width: width + 1, answers: ranked.clone() }),
            label: "More context".into(),
            disabled: whole_paragraph,
        },
        Button {
            id: state(Action::Answer { rank: rank + 1, width: 1, answers: ranked }),
            label: "Next answer".into(),
            disabled: rank >= total,
        },
    ]
    .into_iter()
    .chain(vote_buttons(view.version, rank, Some(passage.sentence)))
    .collect();
    let embed = Embed {
        title: None,
        description,
        fields: vec![("Source".into(), source)],
        footer: Some(format!("Answer {rank} of {total}")),
    };
    Reply::embed(embed, buttons)
}

/// "The story doesn't say" (and, for what someone said, that the story never quotes them),
/// with the closest passages when the engine found related ones.
pub fn no_answer(version: &str, question: &str, unquoted: Option<&str>, closest: &[Passage]) -> Reply {
    let mut description = format!("{}\n\nThe story doesn't say.", first_line(QUESTION_PREFIX, question));
    if let Some(name) = unquoted {
        description.push_str(&format!(" It names {} but never quotes them.", escape(name)));
    }
    if !closest.is_empty() {
        description.push_str("\n\nClosest passages (they may not answer it):");
        for passage in closest {
            let text = escape(&truncate(&passage.text, LIST_SENTENCE));
            let source = &passage.source;
            description
                .push_str(&format!("\n• {text} — *paragraph {}, sentence {}*", source.paragraph, source.sentence));
        }
    }
    Reply::embed(Embed { description, ..Embed::default() }, vote_buttons(version, 1, None).into())
}

/// 👍 and 👎 for answer `rank`: votes people can give on any answer, "no answer" included.
fn vote_buttons(version: &str, rank: usize, sentence: Option<SentenceId>) -> [Button; 2] {
    [(true, "👍"), (false, "👎")].map(|(up, label)| Button {
        id: ButtonState::new(version, Action::Vote { rank, up, sentence }).encode(),
        label: label.into(),
        disabled: false,
    })
}

/// Where a sentence is, as plain text: "title (date) · paragraph 2, sentence 1".
pub fn source_line(source: &Source) -> String {
    format!("{} · paragraph {}, sentence {}", source.title_and_date(), source.paragraph, source.sentence)
}

/// A page of search results.
pub fn search(version: &str, results: &Answers, page: usize, per_page: usize) -> Reply {
    let per_page = per_page.max(1);
    let total = results.answers.len();
    let pages = total.div_ceil(per_page).max(1);
    let page = page.min(pages - 1);
    let mut description = format!("{}\n\n", first_line(SEARCH_PREFIX, &results.question));
    if total == 0 {
        description.push_str("Nothing in the story matches that.");
        return Reply::embed(Embed { description, ..Embed::default() }, Vec::new());
    }
    let shown = &results.answers[page * per_page..((page + 1) * per_page).min(total)];
    for a in shown {
        let (passage, source) = (&a.passage, &a.passage.source);
        let text = if source.span.len() > LIST_SENTENCE * 4 {
            escape(&truncate(&passage.text, LIST_SENTENCE))
        } else {
            passage.marked_sentence("**", "**", escape)
        };
        description.push_str(&format!(
            "**{}.** {text} — *{}, paragraph {}, sentence {}*\n",
            a.rank,
            escape(&source.title),
            source.paragraph,
            source.sentence
        ));
    }
    let buttons = vec![
        Button {
            id: ButtonState::new(version, Action::Search { page: page.saturating_sub(1), per_page }).encode(),
            label: "Previous".into(),
            disabled: page == 0,
        },
        Button {
            id: ButtonState::new(version, Action::Search { page: page + 1, per_page }).encode(),
            label: "Next".into(),
            disabled: page + 1 >= pages,
        },
    ];
    let first = page * per_page + 1;
    let footer = format!("Results {first}–{} of {total} · page {} of {pages}", first + shown.len() - 1, page + 1);
    Reply::embed(Embed { description, footer: Some(footer), ..Embed::default() }, buttons)
}

/// The story's quotes, as a list.
pub fn quotes(corpus: &Corpus, quotes: &[&Quote]) -> Reply {
    if quotes.is_empty() {
        return Reply::plain("No quote in the story matches that.".into());
    }
    let mut description = String::new();
    for q in quotes {
        let cite = Citation::of(corpus, q.sentence);
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
    let title = counted(quotes.len(), "quote");
    Reply::embed(Embed { title: Some(title), description, ..Embed::default() }, Vec::new())
}

/// The same reply with a "Share" button, for replies only their asker can see.
pub fn with_share(mut reply: Reply, version: &str) -> Reply {
    reply.buttons.push(Button {
        id: ButtonState::new(version, Action::Share).encode(),
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
pub fn story(corpus: &Corpus) -> Reply {
    let mut fields = Vec::new();
    for doc in corpus.docs.iter().take(limits::FIELDS) {
        let mut people: Vec<&str> =
            doc.entities.iter().filter(|e| e.kind == Some(EntityKind::Person)).map(|e| e.name.as_str()).collect();
        if people.is_empty() {
            people = doc.quotes.iter().map(|q| q.speaker.as_str()).collect();
            people.dedup();
        }
        let mut links: Vec<&str> = doc.url.iter().map(String::as_str).collect();
        links.extend(doc.quotes.iter().filter_map(|q| q.url.as_deref()));
        links.extend(corpus.sentences_of(doc).filter_map(|(_, s)| s.link.clone()).map(|l| &doc.text[l]));
        links.dedup();
        let mut value = String::new();
        value.push_str(&format!("**Date:** {}\n", doc.date.as_deref().unwrap_or("not given")));
        if !people.is_empty() {
            value.push_str(&format!("**People:** {}\n", escape(&people.join(", "))));
        }
        value.push_str(&format!("**Quotes:** {} · **Sentences:** {}\n", doc.quotes.len(), doc.sentence_count()));
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
         Mention me (or my role) or DM me a question; reply to my answer or in its thread to follow \
         up (without the Message Content intent I only see messages that mention me: keep the \
         @ping on). Add me to your account to use the commands anywhere."
            .into(),
    )
}

/// The note on an answer to a follow-up whose conversation is gone (expired, or the message
/// replied to was not an answer): the question was read on its own.
pub const NEW_CONVERSATION: &str = "I have no earlier questions to follow here, so I read this one on its own.";

/// To someone who asked for a thread on a private answer.
pub const PRIVATE_NO_THREAD: &str = "A private answer cannot have a thread. Ask with `private: False` to get one.";

/// To someone who asked for a thread where none can open (a direct message, a thread, a
/// server where only they added the bot).
pub const NO_THREAD_HERE: &str =
    "I open threads only in the channels of servers that added me, not in a thread or a direct message.";

/// To someone who asked for a thread that Discord refused to open.
pub const THREAD_REFUSED: &str = "I could not open a thread on this answer (I may lack the Create Public Threads \
     permission here). Reply to the answer to ask a follow-up instead.";

/// Reply to a mention with no question in it.
pub fn mention_help() -> Reply {
    Reply::plain("Ask me something about the story, for example: “@me who is quoted?” — or try /help.".into())
}

/// The question an answer reply was for, read back from its description.
pub fn question_of(description: &str) -> Option<String> {
    read_back(description, QUESTION_PREFIX)
}

/// The query a search reply was for, read back from its description.
pub fn query_of(description: &str) -> Option<String> {
    read_back(description, SEARCH_PREFIX)
}

/// A reply's first line: `prefix` and the question, its whitespace made single spaces, so
/// that [`read_back`] finds it whole whatever lines follow ("Read as: …").
fn first_line(prefix: &str, question: &str) -> String {
    format!("{prefix}{}", escape(&question.split_whitespace().collect::<Vec<_>>().join(" ")))
}

fn read_back(description: &str, prefix: &str) -> Option<String> {
    let line = description.strip_prefix(prefix)?.lines().next()?;
    Some(unescape(line)).filter(|q| !q.trim().is_empty())
}

pub mod admin;
pub mod story;

#[cfg(test)]
mod tests;

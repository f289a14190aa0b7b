//! The `--json` shapes of the story commands (keep their field names stable), each made from
//! a [`view`](super::view) model.

use serde::Serialize;
use serde_json::{json, Value};

use super::verify::Change;
use super::view::{
    FactView, FactsView, PersonView, ProfileView, ProfilesView, QuoteView, RosterView, SentenceView, TimelineView,
    VerificationView, WhosaidView,
};
use crate::answer::JsonSource;

#[derive(Debug, Serialize)]
pub struct JsonQuote<'a> {
    pub speaker: &'a str,
    /// `direct_quote` or `partial_quote`.
    pub kind: crate::corpus::Kind,
    /// The quoted words, verbatim: `path[start..end]`.
    pub quote: &'a str,
    /// Where the text names the speaker ("Altman replied", "he replied"), verbatim.
    pub named_by: Option<&'a str>,
    pub source: JsonSource<'a>,
}

impl<'a> JsonQuote<'a> {
    pub fn new(q: &'a QuoteView) -> JsonQuote<'a> {
        JsonQuote {
            speaker: &q.speaker,
            kind: q.kind,
            quote: &q.text,
            named_by: q.named_by.as_deref(),
            source: JsonSource::of(&q.source),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct JsonCandidate<'a> {
    pub coverage: f32,
    #[serde(flatten)]
    pub quote: JsonQuote<'a>,
}

/// `storybot quotes --json`.
pub fn quotes(quotes: &[QuoteView]) -> Value {
    let list: Vec<JsonQuote<'_>> = quotes.iter().map(JsonQuote::new).collect();
    json!({ "quotes": list })
}

/// `storybot whosaid --json`.
pub fn candidates(view: &WhosaidView) -> Value {
    let list: Vec<JsonCandidate<'_>> = view
        .candidates
        .iter()
        .map(|c| JsonCandidate { coverage: (c.coverage * 1000.0).round() / 1000.0, quote: JsonQuote::new(&c.quote) })
        .collect();
    json!({ "text": view.text, "candidates": list })
}

#[derive(Debug, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum JsonChange<'a> {
    Same { text: &'a str },
    Changed { story: &'a str, claim: &'a str },
    Added { claim: &'a str },
    Dropped { story: &'a str },
}

impl<'a> JsonChange<'a> {
    fn new(change: &'a Change) -> JsonChange<'a> {
        match change {
            Change::Same(t) => JsonChange::Same { text: t },
            Change::Changed(s, c) => JsonChange::Changed { story: s, claim: c },
            Change::Added(c) => JsonChange::Added { claim: c },
            Change::Dropped(s) => JsonChange::Dropped { story: s },
        }
    }
}

/// `storybot verify --json`.
pub fn verification(v: &VerificationView) -> Value {
    let diff: Vec<JsonChange<'_>> = v.diff.iter().map(JsonChange::new).collect();
    let found = v.found.as_ref().map(|f| {
        json!({
            "text": f.text,
            "speaker": f.speaker,
            "kind": f.kind,
            "quote": f.quote,
            "source": JsonSource::of(&f.source),
        })
    });
    json!({
        "claim": v.claim,
        "claimed_speaker": v.claimed_speaker,
        "claimed_speaker_in_story": v.claimed_speaker_in_story,
        "verdict": v.verdict,
        "excerpt": v.excerpt,
        "misattributed": v.misattributed,
        "found": found,
        "diff": diff,
    })
}

fn person(p: &PersonView) -> Value {
    json!({
        "name": p.name,
        "kind": p.kind,
        "aliases": p.aliases,
        "roles": p.roles,
        "mentions": p.mentions,
        "quotes": p.quotes,
        "first_mention": p.first_mention.as_ref().map(JsonSource::of),
    })
}

/// `storybot who --json`.
pub fn roster(view: &RosterView) -> Value {
    let list: Vec<Value> = view.people.iter().map(person).collect();
    json!({ "people": list })
}

fn sentence(s: &SentenceView) -> Value {
    json!({ "text": s.text, "source": JsonSource::of(&s.source) })
}

fn profile(p: &ProfileView) -> Value {
    let quotes: Vec<JsonQuote<'_>> = p.quotes.iter().map(JsonQuote::new).collect();
    let about: Vec<Value> = p.sentences.iter().map(sentence).collect();
    let mut out = person(&p.person);
    out["quoted"] = json!(quotes);
    out["sentences"] = json!(about);
    out
}

/// `storybot who NAME --json`.
pub fn profiles(view: &ProfilesView) -> Value {
    let list: Vec<Value> = view.matches.iter().map(profile).collect();
    json!({ "name": view.name, "matches": list })
}

fn fact(f: &FactView) -> Value {
    json!({
        "value": f.value,
        "kind": f.kind,
        "measures": f.measures,
        "measures_from": f.measures_from.as_str(),
        "resolved": f.resolved,
        "sentence": f.sentence,
        "source": JsonSource::of(&f.source),
    })
}

/// `storybot facts --json`.
pub fn facts(view: &FactsView) -> Value {
    let list: Vec<Value> = view.facts.iter().map(fact).collect();
    json!({ "about": view.about.as_deref().unwrap_or_default(), "facts": list })
}

/// `storybot timeline --json`.
pub fn timeline(view: &TimelineView) -> Value {
    let list: Vec<Value> = view
        .events
        .iter()
        .map(|e| {
            json!({
                "when": e.when,
                "resolved": e.resolved,
                "dating": e.dating,
                "event": e.text,
                "source": JsonSource::of(&e.source),
            })
        })
        .collect();
    json!({ "events": list })
}

//! The `--json` shapes of the story commands (keep their field names stable).

use serde::Serialize;

use super::facts::{Fact, Measures};
use super::people::{Person, Profile};
use super::timeline::Event;
use super::verify::{Change, Verification};
use super::whosaid::Candidate;
use crate::answer::{Citation, JsonSource};
use crate::corpus::{Corpus, Quote};

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
    pub fn new(corpus: &'a Corpus, q: &'a Quote) -> JsonQuote<'a> {
        let cite = Citation::of(corpus, q.sentence);
        JsonQuote {
            speaker: &q.speaker,
            kind: q.kind(),
            quote: corpus.quote_text(q),
            named_by: q.cue.clone().map(|c| &cite.doc.text[c]),
            source: JsonSource::new(&cite, q.span.clone(), q.url.as_deref().or(cite.url)),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct JsonCandidate<'a> {
    pub coverage: f32,
    #[serde(flatten)]
    pub quote: JsonQuote<'a>,
}

pub fn candidates<'a>(corpus: &'a Corpus, text: &'a str, found: &[Candidate<'a>]) -> serde_json::Value {
    let list: Vec<JsonCandidate<'_>> = found
        .iter()
        .map(|c| JsonCandidate {
            coverage: (c.coverage * 1000.0).round() / 1000.0,
            quote: JsonQuote::new(corpus, c.quote),
        })
        .collect();
    serde_json::json!({ "text": text, "candidates": list })
}

#[derive(Debug, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum JsonChange<'a> {
    Same { text: &'a str },
    Changed { story: &'a str, claim: &'a str },
    Added { claim: &'a str },
    Dropped { story: &'a str },
}

pub fn verification(corpus: &Corpus, v: &Verification<'_>) -> serde_json::Value {
    let diff: Vec<JsonChange<'_>> = v
        .diff
        .iter()
        .map(|c| match c {
            Change::Same(t) => JsonChange::Same { text: t },
            Change::Changed(s, c) => JsonChange::Changed { story: s, claim: c },
            Change::Added(c) => JsonChange::Added { claim: c },
            Change::Dropped(s) => JsonChange::Dropped { story: s },
        })
        .collect();
    let found = v.found.as_ref().map(|f| {
        let cite = Citation::of(corpus, f.sentence);
        serde_json::json!({
            "text": &cite.doc.text[f.span.clone()],
            "speaker": f.speaker(),
            "kind": f.quote.map_or(crate::corpus::Kind::Narration, Quote::kind),
            "quote": f.quote.map(|q| corpus.quote_text(q)),
            "source": JsonSource::new(&cite, f.span.clone(), f.quote.and_then(|q| q.url.as_deref()).or(cite.url)),
        })
    });
    serde_json::json!({
        "claim": v.claim,
        "claimed_speaker": v.claimed_speaker.as_ref().map(|(raw, _)| raw),
        "claimed_speaker_in_story": v.claimed_speaker.as_ref().and_then(|(_, name)| name.as_ref()),
        "verdict": v.verdict,
        "excerpt": v.excerpt,
        "misattributed": v.misattributed,
        "found": found,
        "diff": diff,
    })
}

pub fn person(corpus: &Corpus, p: &Person<'_>) -> serde_json::Value {
    let first = p.first.as_ref().map(|(s, span)| {
        let cite = Citation::of(corpus, *s);
        JsonSource::new(&cite, span.clone(), cite.url)
    });
    serde_json::json!({
        "name": p.entity.name,
        "kind": p.kind(),
        "aliases": p.entity.aliases,
        "roles": p.roles(),
        "mentions": p.mentions,
        "quotes": p.quotes,
        "first_mention": first,
    })
}

pub fn profile(corpus: &Corpus, p: &Profile<'_>) -> serde_json::Value {
    let about: Vec<serde_json::Value> = p
        .sentences
        .iter()
        .map(|&s| {
            let cite = Citation::of(corpus, s);
            serde_json::json!({ "text": corpus.text(s), "source": JsonSource::new(&cite, cite.span.clone(), cite.url) })
        })
        .collect();
    let quotes: Vec<JsonQuote<'_>> = p.quotes.iter().map(|q| JsonQuote::new(corpus, q)).collect();
    let mut out = person(corpus, &p.person);
    out["quoted"] = serde_json::json!(quotes);
    out["sentences"] = serde_json::json!(about);
    out
}

pub fn fact(corpus: &Corpus, f: &Fact) -> serde_json::Value {
    let cite = Citation::of(corpus, f.sentence);
    let text = &cite.doc.text;
    let measures = match &f.measures {
        Measures::Listed(m) => m.as_str(),
        Measures::Phrase(r) => &text[r.clone()],
    };
    serde_json::json!({
        "value": &text[f.span.clone()],
        "kind": f.kind,
        "measures": measures,
        "measures_from": if matches!(f.measures, Measures::Listed(_)) { "corpus" } else { "text" },
        "resolved": f.resolved,
        "sentence": corpus.text(f.sentence),
        "source": JsonSource::new(&cite, f.span.clone(), cite.url),
    })
}

pub fn event(corpus: &Corpus, e: &Event) -> serde_json::Value {
    let cite = Citation::of(corpus, e.sentence);
    serde_json::json!({
        "when": e.when.clone().map(|w| &cite.doc.text[w]),
        "resolved": e.resolved,
        "dating": e.dating,
        "event": corpus.text(e.sentence),
        "source": JsonSource::new(&cite, cite.span.clone(), cite.url),
    })
}

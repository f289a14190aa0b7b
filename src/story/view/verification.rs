//! A checked claim: the verdict, the one-line summary, the story's words it matched with
//! their source, and the word diff between them.

use super::part_source;
use crate::answer::Source;
use crate::corpus::{Corpus, Kind, Quote};
use crate::story::verify::{Change, Verdict, Verification};

/// What `verify` found for a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct VerificationView {
    /// The quoted words, as read from the claim.
    pub claim: String,
    /// The speaker the claim names, as written.
    pub claimed_speaker: Option<String>,
    /// The story's name for that speaker, if it has one.
    pub claimed_speaker_in_story: Option<String>,
    pub verdict: Verdict,
    /// Verbatim, but only part of the quotation.
    pub excerpt: bool,
    /// The claim names someone other than the story's speaker.
    pub misattributed: bool,
    pub found: Option<FoundView>,
    /// The word diff, story side first; each step a typed change.
    pub diff: Vec<Change>,
}

/// The story's words a claim matched.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundView {
    /// The matched stretch, verbatim.
    pub text: String,
    /// Who says these words; `None` for narration or an unnamed speaker.
    pub speaker: Option<String>,
    /// The kind of the quotation they are part of, or narration.
    pub kind: Kind,
    /// The whole quotation they are part of, verbatim; `None` for the writer's own words.
    pub quote: Option<String>,
    /// The matched stretch's span; the quote's link, or else the sentence's.
    pub source: Source,
}

impl VerificationView {
    pub fn new(corpus: &Corpus, v: &Verification<'_>) -> VerificationView {
        let (claimed_speaker, claimed_speaker_in_story) = match &v.claimed_speaker {
            Some((raw, name)) => (Some(raw.clone()), name.clone()),
            None => (None, None),
        };
        let found = v.found.as_ref().map(|f| FoundView {
            text: corpus.doc_of(f.sentence).text[f.span.clone()].to_string(),
            speaker: f.speaker().map(str::to_string),
            kind: f.quote.map_or(Kind::Narration, Quote::kind),
            quote: f.quote.map(|q| corpus.quote_text(q).to_string()),
            source: part_source(corpus, f.sentence, f.span.clone(), f.quote.and_then(|q| q.url.as_deref())),
        });
        VerificationView {
            claim: v.claim.clone(),
            claimed_speaker,
            claimed_speaker_in_story,
            verdict: v.verdict,
            excerpt: v.excerpt,
            misattributed: v.misattributed,
            found,
            diff: v.diff.clone(),
        }
    }

    /// One line: the verdict, who said it, and whether the claim has the speaker wrong.
    pub fn summary(&self) -> String {
        let Some(found) = &self.found else {
            return "Not in the story: nothing in it is close to these words.".into();
        };
        let who = match &found.speaker {
            Some(s) => format!("{s} said this"),
            None if found.quote.is_some() => "the story quotes this without naming who said it".into(),
            None => "these are the writer’s own words, not a quote".into(),
        };
        let head = match (self.verdict, self.excerpt && found.quote.is_some()) {
            (Verdict::Exact, false) => "Exact",
            (Verdict::Exact, true) => "Exact (an excerpt: the quote goes on)",
            _ => "Altered (see the diff)",
        };
        let mut line = format!("{head}: {who}.");
        if self.misattributed {
            let claimed = self.claimed_speaker_in_story.as_ref().or(self.claimed_speaker.as_ref());
            line.push_str(&format!(" Misattributed: the claim says {}.", claimed.map_or("", String::as_str)));
        }
        line
    }

    /// The diff as one line, each change marked as `marks` says.
    pub fn marked_diff(&self, marks: &DiffMarks) -> String {
        let parts: Vec<String> = self
            .diff
            .iter()
            .map(|c| match c {
                Change::Same(t) => (marks.escape)(t),
                Change::Changed(s, c) => format!("{}{}{}", marks.dropped(s), marks.between, marks.added(c)),
                Change::Added(c) => marks.added(c),
                Change::Dropped(s) => marks.dropped(s),
            })
            .collect();
        parts.join(" ")
    }
}

/// How a front end marks the words a claim drops and adds.
#[derive(Debug, Clone, Copy)]
pub struct DiffMarks {
    /// Around the story's words the claim drops.
    pub dropped: (&'static str, &'static str),
    /// Around the words the claim adds.
    pub added: (&'static str, &'static str),
    /// Between the dropped and the added words of one change.
    pub between: &'static str,
    /// Applied to every word of the story or the claim.
    pub escape: fn(&str) -> String,
}

impl DiffMarks {
    /// `[-dropped-]` and `{+added+}`, as `git diff --word-diff` prints.
    pub const PLAIN: DiffMarks =
        DiffMarks { dropped: ("[-", "-]"), added: ("{+", "+}"), between: "", escape: str::to_string };

    fn dropped(&self, words: &str) -> String {
        format!("{}{}{}", self.dropped.0, (self.escape)(words), self.dropped.1)
    }

    fn added(&self, words: &str) -> String {
        format!("{}{}{}", self.added.0, (self.escape)(words), self.added.1)
    }
}

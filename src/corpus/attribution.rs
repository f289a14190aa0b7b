//! Who says what: every sentence labelled direct quote, partial quote, reported speech or
//! narration, and every quotation given its speaker from the words around it.
//!
//! A quotation's speaker is named next to a speech verb: after it ("…,” Altman replied",
//! "…,” said councillor Tom Becker") or before it ("Altman pointed out to Musk that “…”").
//! A pronoun ("…,” he replied") is the person named last before it, outside quotations.
//! The rules read the text only; a document's listed quotes may still name a speaker the
//! text leaves implicit (see [`super::Corpus`]).

use std::ops::Range;

use super::names::Mention;
use super::tokens::{inside, quotations, words};
use super::wordlists::SPEECH_VERBS;
use super::Entity;

/// What a sentence is, as far as who is speaking goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The sentence quotes someone's words as a whole clause.
    DirectQuote,
    /// A quoted phrase inside the writer's own sentence (“on good authority”).
    PartialQuote,
    /// Someone's words retold without quote marks ("according to …", "posting that …").
    Reported,
    #[default]
    Narration,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::DirectQuote => "direct quote",
            Kind::PartialQuote => "partial quote",
            Kind::Reported => "reported speech",
            Kind::Narration => "narration",
        }
    }
}

/// A quotation found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The quoted words, without the quote marks.
    pub span: Range<usize>,
    /// Index of the sentence (among those passed in).
    pub sentence: usize,
    pub direct: bool,
    /// The entity speaking, when the text names them.
    pub speaker: Option<usize>,
    /// Where the text names the speaker ("Altman", "he").
    pub cue: Option<Range<usize>>,
}

/// A sentence's label, its speaker when it reports speech, and what it reports from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Label {
    pub kind: Kind,
    pub speaker: Option<usize>,
    /// For reported speech: who or what is reported ("the announcement").
    pub source: Option<Range<usize>>,
}

/// Pronouns that stand for the last person named.
const PERSONAL_PRONOUNS: &[&str] = &["he", "she"];

pub fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(&word.to_lowercase().as_str())
}

/// Labels every sentence and finds every quotation with its speaker.
pub fn attribute(
    text: &str,
    sentences: &[Range<usize>],
    entities: &[Entity],
    mentions: &[Mention],
) -> (Vec<Label>, Vec<Found>) {
    let quoted: Vec<(usize, Range<usize>)> = sentences
        .iter()
        .enumerate()
        .flat_map(|(i, s)| quotations(text, s.clone()).into_iter().map(move |q| (i, q)))
        .filter(|(_, q)| !text[inside(text, q.clone())].trim().is_empty())
        .collect();
    let reader = Reader { text, entities, mentions, quoted: quoted.iter().map(|(_, q)| q.clone()).collect() };
    let mut labels = vec![Label::default(); sentences.len()];
    let mut found = Vec::new();
    for (i, q) in &quoted {
        let sentence = sentences[*i].clone();
        let before = text[sentence.start..q.start].trim_end();
        let after = &text[q.end..sentence.end];
        let after_words = words(text, q.end..sentence.end);
        let verb_after = after_words.iter().take(3).position(|w| is_speech_verb(&text[w.clone()]));
        let runs_to_end = !after.chars().any(char::is_alphanumeric);
        let last_before = words(text, sentence.start..q.start).pop().map(|w| text[w].to_lowercase());
        let introduced =
            before.ends_with([',', ':']) || last_before.as_deref().is_some_and(|w| w == "that" || is_speech_verb(w));
        let direct = before.is_empty() || (introduced && (runs_to_end || verb_after.is_some()));
        let named = match verb_after {
            Some(v) => reader.speaker_around(&after_words, v),
            None => None,
        }
        .or_else(|| reader.speaker_before(sentence.start, q.start));
        let (speaker, cue) = match named {
            Some((e, cue)) => (Some(e), Some(cue)),
            None => (None, None),
        };
        found.push(Found { span: inside(text, q.clone()), sentence: *i, direct, speaker, cue });
        let label = &mut labels[*i];
        let kind = if direct { Kind::DirectQuote } else { Kind::PartialQuote };
        if label.kind != Kind::DirectQuote {
            label.kind = kind;
            label.speaker = label.speaker.or(speaker);
        }
    }
    for (i, sentence) in sentences.iter().enumerate() {
        if labels[i].kind == Kind::Narration {
            labels[i] = reader.reported(sentence.clone()).unwrap_or_default();
        }
    }
    (labels, found)
}

struct Reader<'a> {
    text: &'a str,
    entities: &'a [Entity],
    mentions: &'a [Mention],
    /// Every quotation of the document, marks included.
    quoted: Vec<Range<usize>>,
}

impl Reader<'_> {
    fn in_quote(&self, at: usize) -> bool {
        self.quoted.iter().any(|q| q.start <= at && at < q.end)
    }

    fn speaker_kind(&self, entity: usize) -> bool {
        matches!(self.entities[entity].kind.as_deref(), Some("person" | "organisation") | None)
    }

    /// The mention or pronoun at a word, resolved to an entity.
    fn who_at(&self, word: &Range<usize>) -> Option<(usize, Range<usize>)> {
        if let Some(m) = self.mentions.iter().find(|m| m.span.start <= word.start && word.start < m.span.end) {
            return self.speaker_kind(m.entity).then(|| (m.entity, m.span.clone()));
        }
        let w = self.text[word.clone()].to_lowercase();
        if PERSONAL_PRONOUNS.contains(&w.as_str()) {
            return self.last_person_before(word.start).map(|e| (e, word.clone()));
        }
        None
    }

    fn last_person_before(&self, at: usize) -> Option<usize> {
        self.mentions
            .iter()
            .rev()
            .filter(|m| m.span.end <= at && !self.in_quote(m.span.start))
            .find(|m| self.entities[m.entity].kind.as_deref() == Some("person"))
            .map(|m| m.entity)
    }

    /// The speaker named next to the speech verb `words[verb]` after a quotation: before the
    /// verb ("he replied") or right after it ("said councillor Tom Becker").
    fn speaker_around(&self, words: &[Range<usize>], verb: usize) -> Option<(usize, Range<usize>)> {
        let before = words[..verb].iter().rev().find_map(|w| self.who_at(w));
        before.or_else(|| words.iter().skip(verb + 1).take(4).find_map(|w| self.who_at(w)))
    }

    /// The speaker of a quotation framed before it: whoever is named last before the last
    /// speech verb preceding the quotation in its sentence.
    fn speaker_before(&self, sentence_start: usize, open: usize) -> Option<(usize, Range<usize>)> {
        let ws: Vec<Range<usize>> =
            words(self.text, sentence_start..open).into_iter().filter(|w| !self.in_quote(w.start)).collect();
        let verb = ws.iter().rposition(|w| is_speech_verb(&self.text[w.clone()]))?;
        ws[..verb].iter().rev().find_map(|w| self.who_at(w))
    }

    /// Reported speech: "according to …", or a speech verb followed by "that".
    fn reported(&self, sentence: Range<usize>) -> Option<Label> {
        let ws = words(self.text, sentence.clone());
        let lower: Vec<String> = ws.iter().map(|w| self.text[w.clone()].to_lowercase()).collect();
        if let Some(k) = lower.windows(2).position(|p| p[0] == "according" && p[1] == "to") {
            let start = ws.get(k + 2)?.start;
            let rest = &self.text[start..sentence.end];
            let end = start + rest.find([',', ';', '.', '—']).unwrap_or(rest.len());
            let source = start..end;
            let speaker = self
                .mentions
                .iter()
                .find(|m| source.start <= m.span.start && m.span.end <= source.end && self.speaker_kind(m.entity))
                .map(|m| m.entity);
            return Some(Label { kind: Kind::Reported, speaker, source: Some(source) });
        }
        let verb = (0..ws.len()).find(|&k| {
            is_speech_verb(&lower[k])
                && (lower.get(k + 1).is_some_and(|n| n == "that")
                    || (lower.get(k + 1).is_some_and(|n| n == "out") && lower.get(k + 2).is_some_and(|n| n == "that")))
        })?;
        let speaker = ws[..verb].iter().rev().find_map(|w| self.who_at(w));
        Some(Label { kind: Kind::Reported, speaker: speaker.as_ref().map(|s| s.0), source: speaker.map(|s| s.1) })
    }
}

#[cfg(test)]
mod tests {
    use super::super::{names, segment};
    use super::*;

    struct Read {
        text: String,
        labels: Vec<Label>,
        found: Vec<Found>,
        entities: Vec<Entity>,
    }

    fn read(text: &str) -> Read {
        let sentences: Vec<Range<usize>> =
            segment::split_sentences(text, 0..text.len()).into_iter().map(|s| s.span).collect();
        let (entities, mentions) = names::find(text, &sentences, Vec::new());
        let (labels, found) = attribute(text, &sentences, &entities, &mentions);
        Read { text: text.to_string(), labels, found, entities }
    }

    impl Read {
        fn quotes(&self) -> Vec<(&str, Option<&str>, bool)> {
            self.found
                .iter()
                .map(|f| (&self.text[f.span.clone()], f.speaker.map(|e| self.entities[e].name.as_str()), f.direct))
                .collect()
        }
    }

    #[test]
    fn a_pronoun_after_a_quote_is_the_last_person_named_before_it() {
        let r = read("Later, Jane Doe arrived at City Hall. “We are broke,” she said. Doe left.");
        assert_eq!(r.quotes(), [("We are broke,", Some("Jane Doe"), true)]);
        assert_eq!(r.labels[1].kind, Kind::DirectQuote);
        assert_eq!(r.labels[0].kind, Kind::Narration);
    }

    #[test]
    fn a_speaker_after_the_verb_and_one_before_the_quote_are_both_found() {
        let r = read(
            "“It will fail,” said analyst Ann Lee. Then Bob Roe pointed out to Ann Lee that “it has not failed yet.” Roe smiled.",
        );
        assert_eq!(
            r.quotes(),
            [("It will fail,", Some("Ann Lee"), true), ("it has not failed yet.", Some("Bob Roe"), true)]
        );
    }

    #[test]
    fn a_quoted_phrase_inside_narration_is_a_partial_quote() {
        let r = read("Bob Roe, posting that he had it “on good authority” that it was true, left. Roe smiled.");
        assert_eq!(r.quotes(), [("on good authority", Some("Bob Roe"), false)]);
        assert_eq!(r.labels[0].kind, Kind::PartialQuote);
    }

    #[test]
    fn according_to_and_verbs_with_that_are_reported_speech() {
        let r =
            read("According to the city’s own report, ridership fell. Ann Lee replied that it would rise. Lee left.");
        assert_eq!(r.labels[0].kind, Kind::Reported);
        assert_eq!(&r.text[r.labels[0].source.clone().unwrap_or_default()], "the city’s own report");
        assert_eq!(r.labels[1].kind, Kind::Reported);
        assert_eq!(r.labels[1].speaker.map(|e| r.entities[e].name.as_str()), Some("Ann Lee"));
        assert_eq!(r.labels[2].kind, Kind::Narration);
    }
}

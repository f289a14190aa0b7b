//! Citations, and the `--json` shape other tools read (keep its field names stable).

use std::ops::Range;

use serde::Serialize;

use super::{Answers, Source};
use crate::corpus::{Corpus, Document, SentenceId};

/// Where a sentence comes from.
#[derive(Debug, Clone)]
pub struct Citation<'a> {
    pub doc: &'a Document,
    /// 1-based paragraph of the document.
    pub paragraph: usize,
    /// 1-based sentence of the paragraph.
    pub sentence: usize,
    pub span: Range<usize>,
    /// The source link the story gives for this sentence: a link beside it, a quote's link,
    /// or the document's own URL.
    pub url: Option<&'a str>,
    /// The corpus holds other stories too, so a place in it names its story.
    pub among_others: bool,
}

impl<'a> Citation<'a> {
    pub fn of(corpus: &'a Corpus, id: SentenceId) -> Citation<'a> {
        let s = corpus.sentence(id);
        let doc = corpus.doc(s.doc);
        let url = s
            .link
            .as_ref()
            .map(|l| &doc.text[l.clone()])
            .or_else(|| doc.quotes.iter().find(|q| q.sentence == id).and_then(|q| q.url.as_deref()))
            .or(doc.url.as_deref());
        let among_others = corpus.docs.len() > 1;
        Citation { doc, paragraph: s.paragraph + 1, sentence: s.number + 1, span: s.span.clone(), url, among_others }
    }
}

#[derive(Debug, Serialize)]
pub struct JsonAnswers<'a> {
    pub question: &'a str,
    /// How a follow-up was read, when it was rewritten (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_as: Option<&'a str>,
    pub answers: Vec<JsonAnswer<'a>>,
    /// With no answer to what someone said: who, named in the story but never quoted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unquoted: Option<&'a str>,
    /// With no answer: passages still closely related (absent when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub closest: Vec<JsonPassage<'a>>,
}

/// A passage related to a question the story does not answer.
#[derive(Debug, Serialize)]
pub struct JsonPassage<'a> {
    /// The sentence, verbatim: `path[start..end]`.
    pub text: &'a str,
    pub source: JsonSource<'a>,
}

#[derive(Debug, Serialize)]
pub struct JsonAnswer<'a> {
    pub rank: usize,
    pub score: f32,
    /// The sentence, verbatim: `path[start..end]`.
    pub answer: &'a str,
    /// The sentence with its neighbours, matched words wrapped in `**`.
    pub context: String,
    pub source: JsonSource<'a>,
}

#[derive(Debug, Serialize)]
pub struct JsonSource<'a> {
    pub doc: &'a str,
    pub title: &'a str,
    /// The story's date, `YYYY-MM-DD`, or null when its front matter gives none.
    pub date: Option<&'a str>,
    pub path: String,
    pub paragraph: usize,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub url: Option<&'a str>,
}

impl<'a> JsonSource<'a> {
    /// The source of an answering sentence.
    pub fn of(source: &'a Source) -> JsonSource<'a> {
        JsonSource {
            doc: &source.doc,
            title: &source.title,
            date: source.date.as_deref(),
            path: source.path.clone(),
            paragraph: source.paragraph,
            sentence: source.sentence,
            start: source.span.start,
            end: source.span.end,
            url: source.url.as_deref(),
        }
    }
}

impl<'a> JsonAnswers<'a> {
    pub fn new(answers: &'a Answers) -> JsonAnswers<'a> {
        JsonAnswers {
            question: &answers.question,
            read_as: answers.read_as.as_deref(),
            answers: answers
                .answers
                .iter()
                .map(|a| JsonAnswer {
                    rank: a.rank,
                    score: (a.score * 1000.0).round() / 1000.0,
                    answer: &a.passage.text,
                    context: a.passage.marked("**", "**", None, str::to_string),
                    source: JsonSource::of(&a.passage.source),
                })
                .collect(),
            unquoted: answers.unquoted.as_deref(),
            closest: answers
                .closest
                .iter()
                .map(|p| JsonPassage { text: &p.text, source: JsonSource::of(&p.source) })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_source_gives_the_story_date_or_null() -> anyhow::Result<()> {
        let dated = Corpus::of_story("+++\ndate = \"2024-03-08\"\n+++\nFares rose.");
        let undated = Corpus::of_story("Fares rose.");
        let date_of = |c: &Corpus| {
            let source = Source::of(&Citation::of(c, SentenceId::new(0)));
            serde_json::to_value(JsonSource::of(&source)).map(|v| v["date"].clone())
        };
        assert_eq!(date_of(&dated)?, "2024-03-08");
        assert!(date_of(&undated)?.is_null());
        Ok(())
    }
}

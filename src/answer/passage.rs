//! What the engine returns for every sentence it shows: the sentence, its context with the
//! matched words, and where it comes from. A [`Passage`] is complete and owned, so front
//! ends format it without calling back into the engine.

use std::ops::Range;

use super::cite::Citation;
use crate::corpus::SentenceId;

/// Where a sentence comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The document's id (its file name without `.txt`).
    pub doc: String,
    pub title: String,
    /// The publication date, `YYYY-MM-DD`, when the story gives one.
    pub date: Option<String>,
    /// The file's path as cited.
    pub path: String,
    /// 1-based paragraph of the document.
    pub paragraph: usize,
    /// 1-based sentence of the paragraph.
    pub sentence: usize,
    /// The sentence's byte range in the file.
    pub span: Range<usize>,
    /// The link the story gives for the sentence, if any.
    pub url: Option<String>,
    /// The corpus holds other stories too, so a place in it names its story.
    pub among_others: bool,
}

impl Source {
    pub fn of(cite: &Citation<'_>) -> Source {
        Source {
            doc: cite.doc.id.clone(),
            title: cite.doc.title.clone(),
            date: cite.doc.date.clone(),
            path: cite.doc.path.display().to_string(),
            paragraph: cite.paragraph,
            sentence: cite.sentence,
            span: cite.span.clone(),
            url: cite.url.map(str::to_string),
            among_others: cite.among_others,
        }
    }

    /// "Title (2025-01-25)", or the title alone.
    pub fn title_and_date(&self) -> String {
        match &self.date {
            Some(date) => format!("{} ({date})", self.title),
            None => self.title.clone(),
        }
    }

    /// "Title (2025-01-25), paragraph 2, sentence 4".
    pub fn label(&self) -> String {
        format!("{}, paragraph {}, sentence {}", self.title_and_date(), self.paragraph, self.sentence)
    }
}

/// A stretch of the context: plain or matched text, inside the sentence or around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    /// A word the question matched.
    pub matched: bool,
    /// Part of the answering sentence rather than its neighbours.
    pub in_sentence: bool,
}

/// One sentence as shown: verbatim, with its context and source.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    /// The sentence shown.
    pub sentence: SentenceId,
    /// The sentence, verbatim: the file's bytes `source.span`.
    pub text: String,
    /// The sentence with its neighbours in the paragraph, as a byte range of the file.
    pub context: Range<usize>,
    /// Matched words inside `context`, as byte ranges of the file.
    pub highlights: Vec<Range<usize>>,
    /// `context` cut at the highlights and at the sentence's ends.
    pub pieces: Vec<Piece>,
    /// The context holds the whole paragraph: there is no more to show.
    pub whole_paragraph: bool,
    pub source: Source,
}

impl Passage {
    /// Builds a passage from the file's text.
    pub(super) fn new(
        sentence: SentenceId,
        file: &str,
        context: Range<usize>,
        highlights: Vec<Range<usize>>,
        paragraph: Range<usize>,
        source: Source,
    ) -> Passage {
        let pieces = pieces(file, context.clone(), &highlights, source.span.clone());
        Passage {
            sentence,
            text: file[source.span.clone()].to_string(),
            whole_paragraph: context.start <= paragraph.start && paragraph.end <= context.end,
            context,
            highlights,
            pieces,
            source,
        }
    }

    /// The context with matched words wrapped in `open`/`close` and every stretch of text
    /// passed through `escape`; `sentence` wraps the answering sentence.
    pub fn marked(&self, open: &str, close: &str, sentence: Option<&str>, escape: impl Fn(&str) -> String) -> String {
        mark(self.pieces.iter(), open, close, sentence, escape)
    }

    /// The sentence alone, matched words wrapped in `open`/`close`.
    pub fn marked_sentence(&self, open: &str, close: &str, escape: impl Fn(&str) -> String) -> String {
        mark(self.pieces.iter().filter(|p| p.in_sentence), open, close, None, escape)
    }
}

/// `pieces` joined, matched ones wrapped in `open`/`close`, the sentence's in `sentence`.
fn mark<'a>(
    pieces: impl Iterator<Item = &'a Piece>,
    open: &str,
    close: &str,
    sentence: Option<&str>,
    escape: impl Fn(&str) -> String,
) -> String {
    let mut out = String::new();
    let mut inside = false;
    for piece in pieces {
        if let Some(mark) = sentence.filter(|_| piece.in_sentence != inside) {
            out.push_str(mark);
            inside = piece.in_sentence;
        }
        match piece.matched {
            true => out.push_str(&format!("{open}{}{close}", escape(&piece.text))),
            false => out.push_str(&escape(&piece.text)),
        }
    }
    if let Some(mark) = sentence.filter(|_| inside) {
        out.push_str(mark);
    }
    out
}

/// `context` cut at every highlight inside it and at the ends of `sentence`.
fn pieces(file: &str, context: Range<usize>, highlights: &[Range<usize>], sentence: Range<usize>) -> Vec<Piece> {
    let inside = |h: &&Range<usize>| context.start <= h.start && h.end <= context.end;
    let mut cuts = vec![context.start, context.end, sentence.start.max(context.start), sentence.end.min(context.end)];
    cuts.extend(highlights.iter().filter(inside).flat_map(|h| [h.start, h.end]));
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| Piece {
            text: file[w[0]..w[1]].to_string(),
            matched: highlights.iter().filter(inside).any(|h| h.start <= w[0] && w[1] <= h.end),
            in_sentence: sentence.start <= w[0] && w[1] <= sentence.end,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(span: Range<usize>) -> Source {
        Source {
            doc: "d".into(),
            title: "T".into(),
            date: None,
            path: "corpus/d.txt".into(),
            paragraph: 1,
            sentence: 2,
            span,
            url: None,
            among_others: false,
        }
    }

    #[test]
    fn a_passage_marks_matches_and_the_sentence_without_losing_a_byte() {
        let file = "One two. Three four five. Six.";
        let passage =
            Passage::new(SentenceId::new(1), file, 0..file.len(), vec![15..19, 26..29], 0..file.len(), source(9..25));
        assert_eq!(passage.text, "Three four five.");
        assert_eq!(passage.marked("*", "*", Some("_"), str::to_string), "One two. _Three *four* five._ *Six*.");
        assert_eq!(passage.marked("", "", None, str::to_string), file);
        assert_eq!(passage.marked_sentence("[", "]", str::to_uppercase), "THREE [FOUR] FIVE.");
        assert!(passage.whole_paragraph);
    }

    #[test]
    fn a_passage_short_of_its_paragraph_says_there_is_more() {
        let file = "One two. Three four five. Six.";
        let passage = Passage::new(SentenceId::new(1), file, 9..25, Vec::new(), 0..file.len(), source(9..25));
        assert!(!passage.whole_paragraph);
        assert_eq!(passage.marked("*", "*", Some("_"), str::to_string), "_Three four five._");
    }
}

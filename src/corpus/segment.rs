//! Splits an article body into paragraphs and sentences, keeping byte offsets.
//!
//! The rules are written for news prose: a sentence ends at `.`, `!`, `?` or `…` (with any
//! closing quotes or brackets after it) when the next word starts a new sentence. Text inside
//! a quotation that closes later in the paragraph never ends a sentence, so a quote and its
//! attribution (`“…,” Altman replied.`) stay together. A bare link standing between two
//! sentences (an embedded post) is neither a sentence nor part of one; it is kept as the link
//! of the sentence that follows it.

use std::ops::Range;

use crate::words::abbreviations::ABBREVIATIONS;

/// One sentence found by [`split_sentences`], as byte ranges into the text given to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSentence {
    pub span: Range<usize>,
    /// A link that stood just before the sentence, on its own.
    pub link: Option<Range<usize>>,
}

/// Paragraphs are separated by blank lines; each range is trimmed of surrounding whitespace.
pub fn split_paragraphs(text: &str, within: Range<usize>) -> Vec<Range<usize>> {
    let mut paragraphs = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = within.start;
    let mut pos = within.start;
    for line in text[within.clone()].split_inclusive('\n') {
        let line_start = pos;
        pos += line.len();
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                paragraphs.push(s..end);
            }
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        if start.is_none() {
            start = Some(line_start + lead);
        }
        end = line_start + line.trim_end().len();
    }
    if let Some(s) = start {
        paragraphs.push(s..end);
    }
    paragraphs
}

/// Splits one paragraph (`text[para]`) into sentences.
pub fn split_sentences(text: &str, para: Range<usize>) -> Vec<RawSentence> {
    let p = &text[para.clone()];
    // Double quotes only: a sentence never ends inside “…” or "…", while a stray ‘ or ’ in
    // British-style text must not hold sentences together.
    let open_quotes: Vec<Range<usize>> = super::tokens::quotations(text, para.clone())
        .into_iter()
        .filter(|q| !text[q.clone()].starts_with(['‘', '\'']))
        .map(|q| q.start - para.start..q.end - para.start)
        .collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut link = None;
    // A paragraph may itself open with a link.
    if let Some((url_end, next)) = leading_link(p, 0) {
        link = Some(para.start..para.start + url_end);
        start = next;
    }
    let mut iter = p.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if i < start || !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let end = end_of_mark(&mut iter, i + c.len_utf8());
        let rest = &p[end..];
        let next = end + (rest.len() - rest.trim_start().len());
        if next == end && next < p.len() {
            continue; // "3.5", "U.S.A", "…and" — no space, no boundary
        }
        if next >= p.len() {
            break;
        }
        if open_quotes.iter().any(|q| q.start < end && end < q.end) {
            continue;
        }
        if let Some((url_end, after)) = leading_link(p, next) {
            out.push(RawSentence { span: para.start + start..para.start + end, link: link.take() });
            link = Some(para.start + next..para.start + url_end);
            start = after;
            skip_to(&mut iter, after);
            continue;
        }
        let quoted_question = matches!(c, '?' | '!') && p[i..end].contains(['”', '"']);
        if quoted_question && is_cue(&p[next..]) {
            continue;
        }
        if starts_sentence(&p[next..]) && !is_abbreviation(&p[start..i], c, &p[next..]) {
            out.push(RawSentence { span: para.start + start..para.start + end, link: link.take() });
            start = next;
        }
    }
    if start < p.len() {
        let tail = p[start..].trim_end();
        if !tail.is_empty() {
            out.push(RawSentence { span: para.start + start..para.start + start + tail.len(), link });
        }
    }
    out
}

/// Where a sentence mark ends, from `end` (just after its first character): past any further
/// marks and the closing quotes or brackets after them ("?!", ".”", "…)").
fn end_of_mark(iter: &mut std::iter::Peekable<std::str::CharIndices<'_>>, mut end: usize) -> usize {
    while let Some(&(j, d)) = iter.peek() {
        if !matches!(d, '.' | '!' | '?' | '…' | '”' | '"' | '’' | '\'' | ')' | ']' | '»') {
            break;
        }
        end = j + d.len_utf8();
        iter.next();
    }
    end
}

fn skip_to(iter: &mut std::iter::Peekable<std::str::CharIndices<'_>>, pos: usize) {
    while iter.peek().is_some_and(|&(j, _)| j < pos) {
        iter.next();
    }
}

/// If `p[at..]` starts with a bare URL followed by more text, returns where the URL ends and
/// where the following text starts.
fn leading_link(p: &str, at: usize) -> Option<(usize, usize)> {
    let rest = &p[at..];
    if !(rest.starts_with("https://") || rest.starts_with("http://")) {
        return None;
    }
    let url_len = rest.find(char::is_whitespace)?;
    let after = &rest[url_len..];
    let next = at + url_len + (after.len() - after.trim_start().len());
    (next < p.len()).then_some((at + url_len, next))
}

/// Most words of a cue standing after a quoted question ("Mr Kashyap's lawyer Mihir Desai
/// said.").
const MAX_CUE_WORDS: usize = 10;

/// Whether `rest` opens with a short clause with no quotation of its own that ends or opens
/// with a speech verb: after `"… the movie?"` it says who asked, and belongs to that sentence.
fn is_cue(rest: &str) -> bool {
    let Some(end) = rest.find(['.', '!', '?', ';']) else { return false };
    let clause = &rest[..end];
    let words: Vec<&str> = clause.split_whitespace().collect();
    let speech = |w: Option<&&str>| w.is_some_and(|w| super::attribution::is_speech_verb(w));
    !clause.contains(['“', '"', ':'])
        && words.len() <= MAX_CUE_WORDS
        && words.len() >= 2
        && (speech(words.last()) || speech(words.first()))
}

fn starts_sentence(rest: &str) -> bool {
    rest.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_numeric() || matches!(c, '“' | '"' | '‘' | '\'' | '(' | '[' | '$' | '¿' | '¡')
    })
}

/// Whether the full stop ending `sentence_so_far` ends an abbreviation, given what comes
/// `after` it: a listed one, or a lone capital; "no." only before a number ("No. 10", not "he
/// said no. Then …").
fn is_abbreviation(sentence_so_far: &str, terminator: char, after: &str) -> bool {
    if terminator != '.' {
        return false;
    }
    let word =
        sentence_so_far.rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"')).next().unwrap_or_default();
    let mut letters = word.chars();
    // A lone capital is an initial ("John F. Kennedy").
    if let (Some(c), None) = (letters.next(), letters.next()) {
        if c.is_uppercase() {
            return true;
        }
    }
    let lower = word.to_lowercase();
    if lower == "no" && word == "no" {
        return after.starts_with(|c: char| c.is_ascii_digit());
    }
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text, 0..text.len()).into_iter().map(|s| &text[s.span]).collect()
    }

    #[test]
    fn a_quote_and_its_attribution_stay_one_sentence() {
        let text = "He spoke. “We will win. Nobody doubts it,” Altman replied. Then he left.";
        assert_eq!(sentences(text), ["He spoke.", "“We will win. Nobody doubts it,” Altman replied.", "Then he left."]);
    }

    #[test]
    fn a_quoted_question_keeps_the_cue_after_it() {
        let text = "\"How can you go against the movie?\" Mr Kashyap's lawyer Mihir Desai said. \"Why?\" Nobody knew. \"Now?\" asked the judge.";
        assert_eq!(
            sentences(text),
            [
                "\"How can you go against the movie?\" Mr Kashyap's lawyer Mihir Desai said.",
                "\"Why?\"",
                "Nobody knew.",
                "\"Now?\" asked the judge."
            ]
        );
    }

    #[test]
    fn an_ellipsis_inside_closing_quotes_ends_the_sentence() {
        let text = "Altman posted “maybe you’ll love yourself…” Altman, if it’s possible, wins.";
        assert_eq!(sentences(text), ["Altman posted “maybe you’ll love yourself…”", "Altman, if it’s possible, wins."]);
    }

    #[test]
    fn a_bare_link_between_sentences_belongs_to_the_next_one() -> anyhow::Result<()> {
        let text = "It was on hand. https://example.com/p/1 Pushing back, she said no.";
        let found = split_sentences(text, 0..text.len());
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].span.clone()], "It was on hand.");
        assert_eq!(found[0].link, None);
        assert_eq!(&text[found[1].span.clone()], "Pushing back, she said no.");
        assert_eq!(&text[found[1].link.clone().unwrap_or_default()], "https://example.com/p/1");
        Ok(())
    }

    #[test]
    fn a_lower_case_no_ends_a_sentence_unless_a_number_follows() {
        let text = "He said no. Then he left for No. 10 and room no. 5 with him.";
        assert_eq!(sentences(text), ["He said no.", "Then he left for No. 10 and room no. 5 with him."]);
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_split() {
        let text = "Dr. Smith met John F. Kennedy in the U.S. on Monday. Growth was 3.5 percent.";
        assert_eq!(
            sentences(text),
            ["Dr. Smith met John F. Kennedy in the U.S. on Monday.", "Growth was 3.5 percent."]
        );
    }

    #[test]
    fn paragraphs_are_split_on_blank_lines_and_trimmed() {
        let text = "  One.\nStill one.\n\n \nTwo.  \n";
        let ps: Vec<&str> = split_paragraphs(text, 0..text.len()).into_iter().map(|r| &text[r]).collect();
        assert_eq!(ps, ["One.\nStill one.", "Two."]);
    }

    #[test]
    fn a_sentence_without_final_punctuation_is_kept() {
        assert_eq!(sentences("No full stop here"), ["No full stop here"]);
    }
}

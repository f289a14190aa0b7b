//! Words of the article with their byte spans, shared by the rules that read it (names,
//! attribution, facts).

use std::ops::Range;

/// Byte spans of the words of `text[range]`: letters and digits, with apostrophes and
/// hyphens inside a word kept ("don’t", "co-founders").
pub fn words(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let part = &text[range.clone()];
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = part.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let joins = (matches!(c, '’' | '\'' | '-' | '‑')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric()))
            || (c == '.' && start.is_some() && is_domain_ending(&part[i + 1..]));
        if c.is_alphanumeric() || joins {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(range.start + s..range.start + i);
        }
    }
    if let Some(s) = start {
        out.push(range.start + s..range.end);
    }
    out
}

/// Endings of a web address that make one word of a name ("Plus.net", "CBSSports.com").
const DOMAIN_ENDINGS: &[&str] = &["com", "net", "org"];

/// Whether `rest` opens with a domain ending as a whole word: the dot before it joins a name.
fn is_domain_ending(rest: &str) -> bool {
    DOMAIN_ENDINGS
        .iter()
        .any(|end| rest.strip_prefix(end).is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric())))
}

/// Whether a word is a web address ("plus.net"), which names a business.
pub fn is_web_address(word: &str) -> bool {
    word.rsplit_once('.').is_some_and(|(site, end)| !site.is_empty() && DOMAIN_ENDINGS.contains(&end))
}

/// The span without a possessive ending ("Trump’s" → "Trump").
pub fn without_possessive(text: &str, span: Range<usize>) -> Range<usize> {
    let word = &text[span.clone()];
    for ending in ["’s", "'s"] {
        if word.len() > ending.len() && word.ends_with(ending) {
            return span.start..span.end - ending.len();
        }
    }
    span
}

/// Whether a possessive follows the span ending at `end` ("Christian Aid's head"): the name
/// owns what follows and is not its subject.
pub fn is_owner(text: &str, end: usize) -> bool {
    text[end..].starts_with(['\'', '’'])
}

/// Whether `span` of `text` has no letter or digit right before or after it.
pub fn is_whole_word(text: &str, span: Range<usize>) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Whether only spaces stand between two spans.
pub fn adjacent(text: &str, left: &Range<usize>, right: &Range<usize>) -> bool {
    left.end <= right.start && text[left.end..right.start].chars().all(|c| c == ' ') && right.start - left.end <= 1
}

/// Byte ranges of the quotations in `text[range]`, including their quote marks: curly or
/// straight double quotes, and single quotes that open at a word start and close at a word
/// end (so apostrophes are not taken for quote marks).
///
/// A straight mark opens when it stands at a word start and closes at a word end. News style
/// lets a quotation run on into the next sentence or paragraph by opening it again without
/// closing it (`…end. "Next…`): a double mark that opens while one is open ends the open
/// quotation just before it, and one still open at the end of `range` ends there (without a
/// closing mark). Single quotes inside a double quotation are part of it, not quotations of
/// their own.
pub fn quotations(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let part = &text[range.clone()];
    let mut spans = Vec::new();
    let (mut double, mut single): (Option<usize>, Option<usize>) = (None, None);
    let chars: Vec<(usize, char)> = part.char_indices().collect();
    let close_open = |open: usize, at: usize, spans: &mut Vec<Range<usize>>| {
        let end = open + text[open..at].trim_end().len();
        if text[open..end].chars().count() > 1 {
            spans.push(open..end);
        }
    };
    for (k, &(i, c)) in chars.iter().enumerate() {
        let before = k.checked_sub(1).map(|p| chars[p].1);
        let after = chars.get(k + 1).map(|n| n.1);
        let at = range.start + i;
        let end = at + c.len_utf8();
        let opens_word = !before.is_some_and(|b| b.is_alphanumeric() || ".,;:!?…)]%".contains(b))
            && after.is_some_and(|a| !a.is_whitespace());
        match c {
            '“' | '"' if c == '“' || opens_word => {
                if let Some(open) = double.take() {
                    close_open(open, at, &mut spans);
                }
                single = None;
                double = Some(at);
            }
            '”' | '"' => {
                // A quotation opened with a single mark may close with a double one.
                if let Some(open) = double.take().or(single) {
                    spans.push(open..end);
                }
                single = None;
            }
            '‘' | '\'' if double.is_none() && opens_word && after.is_some_and(char::is_alphanumeric) => {
                single = Some(at);
            }
            '’' | '\'' if single.is_some() && !after.is_some_and(char::is_alphanumeric) => {
                if let Some(open) = single.take().filter(|&open| !is_nickname(text, open..end)) {
                    spans.push(open..end);
                }
            }
            _ => {}
        }
    }
    if let Some(open) = double {
        close_open(open, range.end, &mut spans);
    }
    spans.sort_by_key(|s| s.start);
    spans
}

/// The word right before `at`, past the spaces between; empty when punctuation or the text's
/// start comes first ("firm. Vantrex" has none).
pub fn word_before(text: &str, at: usize) -> &str {
    text[..at].trim_end_matches(' ').rsplit(|c: char| !c.is_alphanumeric() && c != '-').next().unwrap_or_default()
}

/// "Brian 'Head' Welch": one capitalised word in single marks between two capitalised words
/// is a nickname inside a name, not a quotation.
fn is_nickname(text: &str, quoted: Range<usize>) -> bool {
    let inner = text[quoted.clone()].trim_matches(|c: char| is_quote_mark(c));
    let capitalised = |w: Option<&str>| w.is_some_and(|w| w.starts_with(char::is_uppercase));
    let before =
        text[..quoted.start].strip_suffix(' ').map(|b| b.rsplit(char::is_whitespace).next().unwrap_or_default());
    let after = text[quoted.end..].strip_prefix(' ').map(|a| a.split(char::is_whitespace).next().unwrap_or_default());
    !inner.contains(' ') && capitalised(Some(inner)) && capitalised(before) && capitalised(after)
}

/// The nickname whose opening single mark is at `open` ("'Head'" of "Brian 'Head' Welch").
pub fn nickname_at(text: &str, open: usize) -> Option<Range<usize>> {
    let rest = text.get(open..)?;
    let mark = rest.chars().next().filter(|&c| matches!(c, '\'' | '‘'))?;
    let word_end = rest[mark.len_utf8()..].find(|c: char| !c.is_alphanumeric())? + mark.len_utf8();
    let close = rest[word_end..].chars().next().filter(|&c| matches!(c, '\'' | '’'))?;
    let quoted = open..open + word_end + close.len_utf8();
    is_nickname(text, quoted.clone()).then_some(quoted)
}

/// Whether a character is a quote mark.
pub fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'')
}

/// The words inside a quotation, without its marks and the spaces next to them (a quotation
/// that runs on has no closing mark).
pub fn inside(text: &str, quotation: Range<usize>) -> Range<usize> {
    let q = &text[quotation.clone()];
    let open = q.chars().next().map_or(0, char::len_utf8);
    let close = q.chars().next_back().filter(|&c| is_quote_mark(c) && q.len() > open).map_or(0, char::len_utf8);
    if q.len() < open + close {
        return quotation.start..quotation.start;
    }
    let inner = &q[open..q.len() - close];
    let lead = inner.len() - inner.trim_start().len();
    let start = quotation.start + open + lead;
    start..start + inner.trim().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        words(text, 0..text.len()).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        assert_eq!(texts("“They don’t—co-founders' $44 billion.”"), ["They", "don’t", "co-founders", "44", "billion"]);
    }

    #[test]
    fn a_web_address_is_one_word_but_a_full_stop_ends_one() {
        assert_eq!(
            texts("Plus.net backed it. CBSSports.com streamed."),
            ["Plus.net", "backed", "it", "CBSSports.com", "streamed"]
        );
        assert_eq!(texts("It rose.Net sales fell."), ["It", "rose", "Net", "sales", "fell"]);
    }

    #[test]
    fn quotations_pair_curly_straight_and_single_marks_but_not_apostrophes() {
        let text = "He said “no,” then \"yes\" and ‘maybe’ — it’s Musk’s.";
        let found: Vec<&str> = quotations(text, 0..text.len()).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["“no,”", "\"yes\"", "‘maybe’"]);
        let q = quotations(text, 0..text.len())[0].clone();
        assert_eq!(&text[inside(text, q)], "no,");
    }

    fn quoted(text: &str) -> Vec<&str> {
        quotations(text, 0..text.len()).into_iter().map(|r| &text[inside(text, r)]).collect()
    }

    #[test]
    fn a_quotation_opened_again_without_closing_ends_before_the_new_mark() {
        let text = "Ms Hewitt said: \"We have cut it to 26 weeks. \"We are going further.\" Then she left.";
        assert_eq!(quoted(text), ["We have cut it to 26 weeks.", "We are going further."]);
    }

    #[test]
    fn a_quotation_left_open_ends_with_its_paragraph() {
        assert_eq!(quoted("He said: \"It is essential that we keep it."), ["It is essential that we keep it."]);
    }

    #[test]
    fn straight_single_quotes_are_quotations_but_plural_possessives_are_not() {
        let text = "He called it 'an empire' and the Blears' comments \"a 'big' mistake\".";
        assert_eq!(quoted(text), ["an empire", "a 'big' mistake"]);
    }
}

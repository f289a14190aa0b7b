//! BERT uncased tokenisation: the basic tokenizer (clean, lower-case, strip accents, split on
//! whitespace, punctuation and CJK ideographs) followed by greedy longest-match-first WordPiece
//! with `##` continuations.
//!
//! Two approximations of the reference tokenizer, both for characters the stories rarely
//! hold: accents are stripped as any combining mark (the reference strips category Mn only),
//! and non-ASCII punctuation is the common blocks (Latin-1, General Punctuation, CJK) rather
//! than every Unicode `P*` character.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Words longer than this (in characters) are `[UNK]`, as in BERT.
const MAX_WORD_CHARS: usize = 100;

/// Splits `text` into basic tokens, each written into `word` (reused) and passed to `each`.
pub(super) fn basic_tokens(text: &str, word: &mut String, mut each: impl FnMut(&str)) {
    word.clear();
    for c in text.chars() {
        if c.is_ascii() {
            basic_char(c, word, &mut each);
        } else {
            // Canonical decomposition one character at a time (the accents it splits off are
            // dropped, so their canonical order does not matter); ASCII needs none.
            decompose_canonical(c, |d| basic_char(d, word, &mut each));
        }
    }
    flush(word, &mut each);
}

fn basic_char(c: char, word: &mut String, each: &mut impl FnMut(&str)) {
    if c.is_ascii_alphanumeric() {
        word.push(c.to_ascii_lowercase());
    } else if c == '\0' || c == '\u{fffd}' || is_combining_mark(c) || is_control(c) {
        // Dropped: accents (split off by the decomposition), controls, replacement characters.
    } else if c.is_whitespace() {
        flush(word, each);
    } else if is_punctuation(c) || is_cjk(c) {
        flush(word, each);
        word.push(c);
        flush(word, each);
    } else {
        word.extend(c.to_lowercase());
    }
}

fn flush(word: &mut String, each: &mut impl FnMut(&str)) {
    if !word.is_empty() {
        each(word);
        word.clear();
    }
}

/// Greedy longest-match-first WordPiece over one basic token. `lookup` maps a piece (with its
/// `##` prefix when it continues a word) to its row; `buf` is scratch space. Calls `each` with
/// every piece's row and returns true, or calls nothing and returns false when the word cannot
/// be covered (BERT's `[UNK]`).
pub(super) fn wordpiece(
    word: &str,
    buf: &mut String,
    lookup: impl Fn(&str) -> Option<u32>,
    pieces: &mut Vec<u32>,
) -> bool {
    pieces.clear();
    if word.chars().count() > MAX_WORD_CHARS {
        return false;
    }
    let mut start = 0;
    while start < word.len() {
        let mut end = word.len();
        let mut found = None;
        while end > start {
            if word.is_char_boundary(end) {
                buf.clear();
                if start > 0 {
                    buf.push_str("##");
                }
                buf.push_str(&word[start..end]);
                if let Some(row) = lookup(buf) {
                    found = Some(row);
                    break;
                }
            }
            end -= 1;
        }
        match found {
            Some(row) => pieces.push(row),
            None => {
                pieces.clear();
                return false;
            }
        }
        start = end;
    }
    true
}

/// Control and (common) format characters, which BERT drops.
fn is_control(c: char) -> bool {
    (c.is_control() && !c.is_whitespace())
        || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c,
            '\u{a1}' | '\u{a7}' | '\u{ab}' | '\u{b6}' | '\u{b7}' | '\u{bb}' | '\u{bf}' | '\u{37e}' | '\u{387}'
            | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{2043}' | '\u{2045}'..='\u{2051}' | '\u{2053}'..='\u{205e}'
            | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301f}'
            | '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}' | '\u{ff3b}'..='\u{ff40}' | '\u{ff5b}'..='\u{ff65}')
}

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{20000}'..='\u{2a6df}' | '\u{2a700}'..='\u{2b73f}'
        | '\u{2b740}'..='\u{2b81f}' | '\u{2b820}'..='\u{2ceaf}' | '\u{f900}'..='\u{faff}' | '\u{2f800}'..='\u{2fa1f}')
}

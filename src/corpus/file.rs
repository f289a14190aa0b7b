//! Reads one corpus file: optional TOML front matter between `+++` lines, then the body.

use std::ops::Range;

use serde::Deserialize;

use super::EntityKind;

/// Metadata of one document, as written in its front matter.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<toml::Spanned<String>>,
    pub url: Option<toml::Spanned<String>>,
    #[serde(default)]
    pub entities: Vec<EntityEntry>,
    #[serde(default)]
    pub quotes: Vec<QuoteEntry>,
    #[serde(default)]
    pub facts: Vec<FactEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityEntry {
    pub name: String,
    pub kind: Option<EntityKind>,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The role the article gives them, copied verbatim from the body.
    pub role: Option<toml::Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteEntry {
    pub speaker: String,
    pub text: toml::Spanned<String>,
    pub url: Option<toml::Spanned<String>>,
}

/// What an amount, count or date in the body measures, written by whoever curates the corpus.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactEntry {
    /// The amount, count or date as written in the body ("$44 billion").
    pub text: toml::Spanned<String>,
    /// A longer verbatim phrase holding `text`, when `text` occurs more than once.
    #[serde(rename = "in")]
    pub within: Option<toml::Spanned<String>>,
    pub measures: String,
}

/// A file split into its parts. Offsets are into the file's text.
#[derive(Debug)]
pub struct ParsedFile {
    pub meta: FrontMatter,
    /// Where the front matter's TOML starts, to turn TOML spans into file lines.
    pub meta_offset: usize,
    pub body: Range<usize>,
}

/// A problem at a byte offset of the file (turned into a line number by the caller).
#[derive(Debug)]
pub struct FileProblem {
    pub at: usize,
    pub message: String,
}

const FENCE: &str = "+++";
const BOM: char = '\u{feff}';

pub fn parse(text: &str) -> Result<ParsedFile, FileProblem> {
    // Windows editors open a UTF-8 file with a byte order mark: it is neither front matter
    // nor article text, and spans stay offsets into the whole file.
    let start = if text.starts_with(BOM) { BOM.len_utf8() } else { 0 };
    let Some(first_line_end) = text[start..].find('\n').map(|n| start + n) else {
        return Ok(plain(text, start));
    };
    if text[start..first_line_end].trim_end() != FENCE {
        return Ok(plain(text, start));
    }
    let meta_offset = first_line_end + 1;
    let mut pos = meta_offset;
    let closing = loop {
        if pos >= text.len() {
            return Err(FileProblem {
                at: 0,
                message: "front matter opened with +++ is never closed (add a line with +++ before the article text)"
                    .into(),
            });
        }
        let line_end = text[pos..].find('\n').map_or(text.len(), |n| pos + n);
        if text[pos..line_end].trim_end() == FENCE {
            break (pos, (line_end + 1).min(text.len()));
        }
        pos = line_end + 1;
    };
    let meta: FrontMatter = toml::from_str(&text[meta_offset..closing.0]).map_err(|e| FileProblem {
        at: meta_offset + e.span().map_or(0, |s| s.start),
        message: e.message().trim().to_string(),
    })?;
    Ok(ParsedFile { meta, meta_offset, body: closing.1..text.len() })
}

fn plain(text: &str, start: usize) -> ParsedFile {
    ParsedFile { meta: FrontMatter::default(), meta_offset: start, body: start..text.len() }
}

/// 1-based line number of a byte offset.
pub fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// `YYYY-MM-DD` with a plausible month and day.
pub fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return false };
    let num = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse::<u32>().ok()).flatten()
    };
    matches!((num(y, 4), num(m, 2), num(d, 2)), (Some(_), Some(1..=12), Some(1..=31)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_skipped_before_front_matter_or_text() -> anyhow::Result<()> {
        let parsed = parse("\u{feff}+++\ntitle = \"T\"\n+++\nBody.").map_err(|p| anyhow::anyhow!(p.message))?;
        assert_eq!((parsed.meta.title.as_deref(), parsed.body), (Some("T"), 23..28));
        let plain = parse("\u{feff}Just text.").map_err(|p| anyhow::anyhow!(p.message))?;
        assert_eq!(plain.body, 3..13);
        Ok(())
    }

    #[test]
    fn a_file_without_front_matter_is_all_body() -> anyhow::Result<()> {
        let parsed = parse("Just text.\nMore.").map_err(|p| anyhow::anyhow!(p.message))?;
        assert_eq!(parsed.body, 0..16);
        assert!(parsed.meta.title.is_none());
        Ok(())
    }

    #[test]
    fn front_matter_is_parsed_and_the_body_starts_after_the_fence() -> anyhow::Result<()> {
        let text = "+++\ntitle = \"T\"\ndate = \"2025-01-25\"\n+++\nBody.";
        let parsed = parse(text).map_err(|p| anyhow::anyhow!(p.message))?;
        assert_eq!(parsed.meta.title.as_deref(), Some("T"));
        assert_eq!(&text[parsed.body], "Body.");
        Ok(())
    }

    #[test]
    fn a_toml_error_points_at_its_line_in_the_file() {
        let text = "+++\ntitle = \"T\"\ntitel = \"typo\"\n+++\nBody.";
        let problem = parse(text).unwrap_err();
        assert_eq!(line_of(text, problem.at), 3);
        assert!(problem.message.contains("titel"), "{}", problem.message);
    }

    #[test]
    fn an_unclosed_front_matter_is_an_error() {
        assert!(parse("+++\ntitle = \"T\"\nBody.").is_err());
    }

    #[test]
    fn iso_dates_are_checked() {
        assert!(is_iso_date("2025-01-25"));
        assert!(!is_iso_date("2025-13-01"));
        assert!(!is_iso_date("25 Jan 2025"));
    }
}

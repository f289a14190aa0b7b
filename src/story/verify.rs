//! Is a quote circulating in chat really in the story?
//!
//! The claim is read for its quoted words and, when it names one, its speaker ("Musk said:
//! …", "“…” — Altman"). Its words are aligned with every quotation of the story, then with
//! every sentence: a claim that matches a stretch verbatim (ignoring only quote-mark style,
//! case, spacing, editorial brackets and the punctuation at its ends) is **exact**; one that
//! shares most of its words with a stretch is **altered**, with a word diff; anything else is
//! **not in the story**.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use similar::{capture_diff_slices, Algorithm, DiffTag};

use crate::corpus::{tokens, Corpus, Quote, SentenceId, UNATTRIBUTED};
use crate::error::UserError;

/// Share of words (Dice coefficient over the aligned stretch) from which a claim counts as
/// an altered version of the story's words.
pub const ALTERED_SIMILARITY: f32 = 0.6;
/// Fewest words a claim needs: shorter ones match too much of any story.
pub const MIN_WORDS: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Exact,
    Altered,
    NotInStory,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Exact => "exact",
            Verdict::Altered => "altered",
            Verdict::NotInStory => "not in the story",
        }
    }
}

/// One step of the word diff, story side first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Same(String),
    /// Words of the story the claim changed: (story, claim).
    Changed(String, String),
    /// Words the claim adds.
    Added(String),
    /// Words of the story the claim drops.
    Dropped(String),
}

/// Where the claim's words are in the story.
#[derive(Debug, Clone)]
pub struct Found<'a> {
    pub sentence: SentenceId,
    /// The stretch of the file the claim matches.
    pub span: Range<usize>,
    /// The quotation it is part of; `None` for the writer's own words.
    pub quote: Option<&'a Quote>,
}

impl Found<'_> {
    /// Who says these words in the story; `None` for narration or an unnamed speaker.
    pub fn speaker(&self) -> Option<&str> {
        self.quote.map(|q| q.speaker.as_str()).filter(|s| *s != UNATTRIBUTED)
    }
}

#[derive(Debug, Clone)]
pub struct Verification<'a> {
    /// The quoted words, as read from the claim.
    pub claim: String,
    /// The speaker the claim names, as written, and the story's name for them if it has one.
    pub claimed_speaker: Option<(String, Option<String>)>,
    pub verdict: Verdict,
    pub found: Option<Found<'a>>,
    /// Verbatim, but only part of the quotation.
    pub excerpt: bool,
    pub diff: Vec<Change>,
    /// The claim names someone other than the story's speaker.
    pub misattributed: bool,
}

/// A token of a text: a word (lowercased, apostrophes unified) or a punctuation mark.
#[derive(Debug, Clone)]
struct Token {
    key: String,
    span: Range<usize>,
    word: bool,
}

fn tokenise(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let ws = tokens::words(text, range.clone());
    let mut at = range.start;
    let push_marks = |from: usize, to: usize, out: &mut Vec<Token>| {
        let mut chars = text[from..to].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let key = match c {
                '.' if text[from + i..to].starts_with("...") => {
                    chars.next();
                    chars.next();
                    "…"
                }
                ',' => ",",
                '.' => ".",
                ';' => ";",
                ':' => ":",
                '!' => "!",
                '?' => "?",
                '…' => "…",
                '—' | '–' | '-' => "-",
                '(' | ')' => "()",
                _ => continue, // quote marks, brackets, spaces: not part of the words
            };
            let start = from + i;
            let len = if key == "…" && c == '.' { 3 } else { c.len_utf8() };
            out.push(Token { key: key.to_string(), span: start..start + len, word: false });
        }
    };
    for w in ws {
        push_marks(at, w.start, &mut out);
        let key = text[w.clone()].to_lowercase().replace(['’', '‘', '`'], "'");
        out.push(Token { key, span: w.clone(), word: true });
        at = w.end;
    }
    push_marks(at, range.end, &mut out);
    out
}

fn trim_marks(tokens: &[Token]) -> &[Token] {
    let start = tokens.iter().position(|t| t.word).unwrap_or(tokens.len());
    let end = tokens.iter().rposition(|t| t.word).map_or(start, |e| e + 1);
    &tokens[start..end]
}

/// The claim's words and the speaker it names, if any.
fn read_claim(claim: &str) -> (Range<usize>, Option<Range<usize>>) {
    static SAID_COLON: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"^\s*(?P<who>[^:“”\x22]+?)\s*(?:(?:said|says|wrote|writes|tweeted|posted|replied|claimed)\s*)?:\s*(?P<q>\S.*)$").ok()
    });
    static DASH_WHO: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"^(?P<q>.*\S)\s+(?:—|–|--|-|~)\s*(?P<who>[^—–~\-]+)$").ok());
    static WHO_SAID: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"^\s*(?P<who>\p{Lu}[\p{L}.’' ]*?)\s+(?:said|says|wrote|writes|tweeted|posted|replied|claimed|told \p{L}+)(?:\s+that)?[,:]?\s+(?P<q>\S.*)$").ok()
    });
    static SAID_WHO: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"^(?P<q>.*?[,.!?…”\x22])\s*(?:(?:said|says|wrote|tweeted|posted|replied)\s+(?P<who1>\p{Lu}[\p{L}.’' ]*)|(?P<who2>\p{Lu}[\p{L}.’' ]*?)\s+(?:said|says|wrote|tweeted|posted|replied))\.?\s*$").ok()
    });
    let whole = 0..claim.len();
    let quoted: Vec<Range<usize>> = tokens::quotations(claim, whole.clone())
        .into_iter()
        .filter(|q| tokens::words(claim, tokens::inside(claim, q.clone())).len() >= 2)
        .collect();
    if let (Some(first), Some(last)) = (quoted.first(), quoted.last()) {
        let words = tokens::inside(claim, first.start..last.end);
        let before = 0..first.start;
        let after = last.end..claim.len();
        let who = [before, after]
            .into_iter()
            .max_by_key(|r| tokens::words(claim, r.clone()).len())
            .filter(|r| !tokens::words(claim, r.clone()).is_empty());
        return (words, who);
    }
    for re in [&SAID_WHO, &WHO_SAID, &SAID_COLON, &DASH_WHO].into_iter().filter_map(|r| r.as_ref()) {
        if let Some(c) = re.captures(claim) {
            let who = c.name("who").or_else(|| c.name("who1")).or_else(|| c.name("who2"));
            if let (Some(q), Some(who)) = (c.name("q"), who) {
                if tokens::words(claim, who.range()).len() <= 6 {
                    return (q.range(), Some(who.range()));
                }
            }
        }
    }
    (whole, None)
}

/// The story's name for whoever `who` (text around a claim) names, if any.
fn resolve_speaker(corpus: &Corpus, who: &str) -> Option<String> {
    let who_words: Vec<String> = tokens::words(who, 0..who.len()).into_iter().map(|w| who[w].to_lowercase()).collect();
    let joined = who_words.join(" ");
    let mut best: Option<(usize, String)> = None;
    for doc in &corpus.docs {
        for e in &doc.entities {
            for form in e.forms() {
                let f = form.to_lowercase();
                let fw: Vec<&str> = f.split_whitespace().collect();
                let hit = !fw.is_empty()
                    && (format!(" {joined} ").contains(&format!(" {f} "))
                        || who_words.windows(fw.len()).any(|w| w.iter().zip(&fw).all(|(a, b)| a == b)));
                if hit && best.as_ref().is_none_or(|b| f.len() > b.0) {
                    best = Some((f.len(), e.name.clone()));
                }
            }
        }
    }
    best.map(|b| b.1)
}

/// One aligned candidate stretch.
struct Alignment {
    similarity: f32,
    same_words: usize,
    region: Range<usize>,
    ops: Vec<similar::DiffOp>,
    story_tokens: Vec<Token>,
}

fn align(claim: &[Token], text: &str, range: Range<usize>) -> Option<Alignment> {
    let story = tokenise(text, range);
    let story_keys: Vec<&str> = story.iter().map(|t| t.key.as_str()).collect();
    let claim_keys: Vec<&str> = claim.iter().map(|t| t.key.as_str()).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &story_keys, &claim_keys);
    let same: Vec<Range<usize>> = ops
        .iter()
        .filter(|op| op.tag() == DiffTag::Equal)
        .map(|op| op.old_range())
        .filter(|r| story[r.clone()].iter().any(|t| t.word))
        .collect();
    let first = same.first()?.start;
    let last = same.last()?.end;
    // Drop story words before the first and after the last shared one: the claim may quote a
    // part only.
    let region = first..last;
    let same_words = same.iter().map(|r| story[r.clone()].iter().filter(|t| t.word).count()).sum::<usize>();
    let region_words = story[region.clone()].iter().filter(|t| t.word).count();
    let claim_words = claim.iter().filter(|t| t.word).count();
    let similarity = 2.0 * same_words as f32 / (region_words + claim_words).max(1) as f32;
    Some(Alignment { similarity, same_words, region, ops, story_tokens: story })
}

/// Checks a claimed quote against the story.
///
/// # Errors
/// A [`UserError`] for an empty, overlong or too short claim.
pub fn verify<'a>(corpus: &'a Corpus, claim: &str) -> Result<Verification<'a>, UserError> {
    let claim = super::check_text(claim, "the quote to check", || super::example_quote(corpus))?;
    let claim = crate::search::clean(claim);
    let (words_range, who) = read_claim(&claim);
    let claim_tokens = tokenise(&claim, words_range.clone());
    let claim_tokens = trim_marks(&claim_tokens).to_vec();
    if claim_tokens.iter().filter(|t| t.word).count() < MIN_WORDS {
        return Err(UserError::new(format!("Give at least {MIN_WORDS} words of the quote to check.")));
    }
    let claim_text = match (claim_tokens.first(), claim_tokens.last()) {
        (Some(f), Some(l)) => claim[f.span.start..l.span.end].to_string(),
        _ => String::new(),
    };
    let out = Verification {
        claim: claim_text,
        claimed_speaker: who.and_then(|w| claimed_speaker(corpus, &claim[w])),
        verdict: Verdict::NotInStory,
        found: None,
        excerpt: false,
        diff: Vec::new(),
        misattributed: false,
    };
    match best_match(corpus, &claim_tokens) {
        Some(best) => Ok(judge(out, best, &claim, &claim_tokens)),
        None => Ok(out),
    }
}

/// Who the claim says said it: "he replied" names nobody; "Musk said" names Musk; "Obama"
/// names someone the story does not know (which is still a claim about who said it).
fn claimed_speaker(corpus: &Corpus, part: &str) -> Option<(String, Option<String>)> {
    let name: Vec<&str> = tokens::words(part, 0..part.len())
        .into_iter()
        .map(|r| &part[r])
        .filter(|w| {
            !crate::corpus::attribution::is_speech_verb(w)
                && !matches!(w.to_lowercase().as_str(), "that" | "to" | "according")
        })
        .collect();
    let raw = name.join(" ");
    let resolved = resolve_speaker(corpus, &raw);
    let names_someone = resolved.is_some() || name.iter().any(|w| w.chars().next().is_some_and(char::is_uppercase));
    names_someone.then_some((raw, resolved))
}

/// The stretch of the story most like the claim: quotations first, then every sentence (the
/// writer's own words); a later one wins only when clearly more alike.
struct Best<'a> {
    alignment: Alignment,
    quote: Option<&'a Quote>,
    sentence: SentenceId,
    text: &'a str,
}

fn best_match<'a>(corpus: &'a Corpus, claim_tokens: &[Token]) -> Option<Best<'a>> {
    let mut best: Option<Best<'a>> = None;
    let quotes =
        corpus.docs.iter().flat_map(|d| d.quotes.iter().map(move |q| (d, Some(q), q.sentence, q.span.clone())));
    let sentences = corpus.sentence_ids().map(|id| (corpus.doc_of(id), None, id, corpus.sentence(id).span.clone()));
    for (doc, quote, sentence, range) in quotes.chain(sentences) {
        let Some(alignment) = align(claim_tokens, &doc.text, range) else { continue };
        let better = best.as_ref().is_none_or(|b| alignment.similarity > b.alignment.similarity + 1e-6);
        if better {
            best = Some(Best { alignment, quote, sentence, text: doc.text.as_str() });
        }
    }
    best
}

/// The verdict on a claim given its best match: not in the story when too unlike, else exact
/// or altered (with the diff), an excerpt or not, and misattributed when the claim names
/// someone else.
fn judge<'a>(mut out: Verification<'a>, best: Best<'a>, claim: &str, claim_tokens: &[Token]) -> Verification<'a> {
    let a = &best.alignment;
    if a.similarity < ALTERED_SIMILARITY || a.same_words < MIN_WORDS.min(claim_tokens.len()) {
        return out;
    }
    let region_tokens = &a.story_tokens[a.region.clone()];
    let same_keys = region_tokens.iter().map(|t| &t.key).eq(claim_tokens.iter().map(|t| &t.key));
    out.verdict = if same_keys { Verdict::Exact } else { Verdict::Altered };
    let story_words = a.story_tokens.iter().filter(|t| t.word).count();
    out.excerpt = region_tokens.iter().filter(|t| t.word).count() < story_words;
    let span = match (region_tokens.first(), region_tokens.last()) {
        (Some(f), Some(l)) => f.span.start..l.span.end,
        _ => 0..0,
    };
    out.diff = diff(a, best.text, claim, claim_tokens);
    let found = Found { sentence: best.sentence, span, quote: best.quote };
    out.misattributed = match (&out.claimed_speaker, found.quote) {
        (None, _) => false,
        (Some(_), Some(q)) if q.speaker == UNATTRIBUTED => false,
        (Some((_, Some(name))), Some(q)) => *name != q.speaker,
        (Some(_), _) => true,
    };
    out.found = Some(found);
    out
}

/// The word diff over the aligned stretch, with the story's and the claim's own text.
fn diff(a: &Alignment, text: &str, claim: &str, claim_tokens: &[Token]) -> Vec<Change> {
    let story_text = |r: Range<usize>| -> String {
        let ts = &a.story_tokens[r];
        match (ts.first(), ts.last()) {
            (Some(f), Some(l)) => text[f.span.start..l.span.end].to_string(),
            _ => String::new(),
        }
    };
    let claim_text = |r: Range<usize>| -> String {
        let ts = &claim_tokens[r];
        match (ts.first(), ts.last()) {
            (Some(f), Some(l)) => claim[f.span.start..l.span.end].to_string(),
            _ => String::new(),
        }
    };
    let mut out: Vec<Change> = Vec::new();
    for op in &a.ops {
        let old = op.old_range();
        let old = old.start.max(a.region.start)..old.end.min(a.region.end);
        let new = op.new_range();
        match op.tag() {
            DiffTag::Equal if !old.is_empty() => out.push(Change::Same(story_text(old))),
            DiffTag::Delete if !old.is_empty() => out.push(Change::Dropped(story_text(old))),
            DiffTag::Insert if !new.is_empty() => match out.last_mut() {
                Some(Change::Dropped(d)) => {
                    let d = std::mem::take(d);
                    out.pop();
                    out.push(Change::Changed(d, claim_text(new)));
                }
                _ => out.push(Change::Added(claim_text(new))),
            },
            DiffTag::Replace => {
                if old.is_empty() {
                    out.push(Change::Added(claim_text(new)));
                } else {
                    out.push(Change::Changed(story_text(old), claim_text(new)));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_are_read_for_their_words_and_speaker() {
        let cases = [
            ("Musk said: they have no money", "they have no money", Some("Musk")),
            (
                "“They don’t actually have the money,” he replied",
                "They don’t actually have the money,",
                Some("he replied"),
            ),
            ("just one more mean tweet — Altman", "just one more mean tweet", Some("Altman")),
            ("Elon Musk said that they have no cash", "they have no cash", Some("Elon Musk")),
            ("they have no money", "they have no money", None),
        ];
        for (claim, words, who) in cases {
            let (w, s) = read_claim(claim);
            assert_eq!(&claim[w], words, "{claim}");
            assert_eq!(s.map(|s| claim[s].trim()), who, "{claim}");
        }
    }

    #[test]
    fn tokens_ignore_quote_marks_brackets_and_case_but_keep_inner_punctuation() {
        let keys = |t: &str| tokenise(t, 0..t.len()).into_iter().map(|t| t.key).collect::<Vec<_>>();
        assert_eq!(keys("“Put [America] FIRST, don’t...”"), ["put", "america", "first", ",", "don't", "…"]);
    }
}

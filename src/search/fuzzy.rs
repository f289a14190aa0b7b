//! Typo tolerance, used only for words the index has never seen.

use tantivy::query::FuzzyTermQuery;
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

use crate::words::questions::STOP_WORDS;

/// A word this long may also stand for longer indexed words that start with it
/// ("partner" for "partnership"), which stemming does not join.
const MIN_PREFIX_CHARS: usize = 6;
/// At most this many indexed words stand in for one unknown word.
const MAX_CANDIDATES: usize = 2;

/// Allowed edits: none for very short words (too many false friends), then 1, then 2.
fn max_distance(word: &str) -> u8 {
    match word.chars().count() {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}

/// "waht", "teh": a misspelt question word is filler, not an unknown name.
pub fn is_misspelt_stop_word(word: &str) -> bool {
    let chars = word.chars().count();
    // Stop words are ASCII, so their byte length is their length in characters.
    chars >= 3
        && STOP_WORDS.iter().any(|s| s.len() >= 3 && s.len().abs_diff(chars) <= 1 && strsim::osa_distance(s, word) == 1)
}

/// The indexed terms closest to `stemmed` (or to the unstemmed `word`), nearest first.
pub fn closest(searcher: &Searcher, field: Field, stemmed: &str, word: &str) -> tantivy::Result<Vec<String>> {
    let mut found: Vec<(usize, u64, String)> = Vec::new();
    let prefix = (stemmed.chars().count() >= MIN_PREFIX_CHARS).then_some(stemmed);
    let surface = (word != stemmed).then_some((word, false));
    let probes = std::iter::once((stemmed, false)).chain(surface).chain(prefix.map(|p| (p, true)));
    for (probe, is_prefix) in probes {
        // One edit is as close as an unknown word gets; further probes cannot do better.
        if found.iter().any(|f| f.0 <= 1) {
            break;
        }
        let distance = if is_prefix { 0 } else { max_distance(probe) };
        if distance == 0 && !is_prefix {
            continue;
        }
        let term = Term::from_field_text(field, probe);
        let query = if is_prefix {
            FuzzyTermQuery::new_prefix(term, 0, true)
        } else {
            FuzzyTermQuery::new(term, distance, true)
        };
        let automaton = query.automaton()?;
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let mut stream = inverted.terms().search(&automaton).into_stream()?;
            while stream.advance() {
                let Ok(term) = std::str::from_utf8(stream.key()) else { continue };
                // A completed prefix counts as one edit away.
                let edits = if is_prefix { 1 } else { strsim::osa_distance(probe, term) };
                let doc_freq = u64::from(stream.value().doc_freq);
                match found.iter_mut().find(|(_, _, t)| t == term) {
                    Some(entry) => {
                        entry.0 = entry.0.min(edits);
                        entry.1 += doc_freq;
                    }
                    None => found.push((edits, doc_freq, term.to_string())),
                }
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let best = found.first().map(|f| f.0);
    Ok(found.into_iter().filter(|f| Some(f.0) == best).take(MAX_CANDIDATES).map(|f| f.2).collect())
}

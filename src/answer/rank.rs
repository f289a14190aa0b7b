//! Deciding which retrieved sentences answer, in what order, and what to highlight.

use std::collections::HashSet;
use std::ops::Range;

use tantivy::tokenizer::TextAnalyzer;

use super::stems::{self, StemCache};
use crate::corpus::{Corpus, Sentence};
use crate::search::{Analysed, Asks, Hit, Source};

/// Sentences retrieved per question before re-ranking.
pub const CANDIDATES: usize = 20;
/// The best sentence must cover this share of the question's content (idf-weighted), or the
/// story is taken not to answer it.
pub const MIN_COVERAGE: f32 = 0.45;
/// Further answers must cover at least this share.
pub const MIN_SECONDARY_COVERAGE: f32 = 0.3;
/// A match found only in a neighbouring sentence counts this much.
const CONTEXT_SHARE: f32 = 0.4;
/// ...and this much when found in the sentence just before one that opens with a pronoun
/// ("He’s currently suing…"): that neighbour names who the sentence is about.
const ANTECEDENT_SHARE: f32 = 0.8;
/// Opening words that refer back to the previous sentence.
const PRONOUNS: &[&str] =
    &["he", "she", "they", "it", "his", "her", "their", "its", "this", "that", "these", "those", "him", "them"];
/// Lift for a sentence carrying what the question asks for.
const ASKS_BONUS: f32 = 1.35;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    pub ord: usize,
    pub score: f32,
    pub coverage: f32,
}

/// Scores every candidate, best first, without deciding whether any of them answers.
pub fn score(
    corpus: &Corpus,
    cache: &StemCache,
    people: &[Person],
    analysed: &Analysed,
    hits: &[Hit],
    analyzer: &mut TextAnalyzer,
) -> Vec<Ranked> {
    let total: f32 = analysed.concepts.iter().map(|c| c.idf).sum();
    if total <= 0.0 {
        return Vec::new();
    }
    let speakers = quoted_people_named(corpus, people, analysed);
    let keyed: Vec<Vec<(u64, f32)>> = analysed
        .concepts
        .iter()
        .map(|c| c.terms.iter().map(|t| (stems::key(&t.stem), t.source.credit())).collect())
        .collect();
    let credit_in = |concept: usize, set: &[u64]| {
        keyed[concept].iter().filter(|(k, _)| set.binary_search(k).is_ok()).map(|(_, c)| *c).fold(0.0, f32::max)
    };
    let mut ranked: Vec<Ranked> = hits
        .iter()
        .filter_map(|hit| {
            let sentence = &corpus.sentences[hit.ord];
            let own = cache.of(corpus, hit.ord, analyzer);
            let mut around: Vec<&[u64]> = Vec::new();
            let mut antecedent: &[u64] = &[];
            for n in corpus.neighbours(hit.ord) {
                if n + 1 == hit.ord && opens_with_pronoun(corpus.text(hit.ord)) {
                    antecedent = cache.of(corpus, n, analyzer);
                } else {
                    around.push(cache.of(corpus, n, analyzer));
                }
            }
            let mut covered = 0.0;
            let mut own_matches = 0;
            for (c, concept) in analysed.concepts.iter().enumerate() {
                let credit = credit_in(c, own);
                if credit > 0.0 {
                    own_matches += 1;
                }
                let beside = around.iter().map(|set| credit_in(c, set)).fold(0.0, f32::max);
                let nearby = (CONTEXT_SHARE * beside).max(ANTECEDENT_SHARE * credit_in(c, antecedent));
                covered += concept.idf * credit.max(nearby);
            }
            let carried = carries(sentence, analysed.asks);
            // "When" and "how much" are only answered by a sentence stating a time or amount,
            // and "what did X say" by a quote of X when the corpus lists X's quotes.
            let wrong_speaker =
                speakers.as_ref().is_some_and(|names| !sentence.speaker.as_ref().is_some_and(|s| names.contains(s)));
            if own_matches == 0 || wrong_speaker || (!carried && matches!(analysed.asks, Asks::Amount | Asks::Date)) {
                return None;
            }
            let coverage = covered / total;
            let bonus = if carried { ASKS_BONUS } else { 1.0 };
            // Coverage says whether a sentence answers; BM25 (damped) orders the ones that do.
            Some(Ranked { ord: hit.ord, score: hit.score.sqrt() * coverage * coverage * bonus, coverage })
        })
        .collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.ord.cmp(&b.ord)));
    ranked
}

/// Keeps the candidates that answer: none when the best one is too weak.
pub fn select(mut ranked: Vec<Ranked>) -> Vec<Ranked> {
    match ranked.first() {
        Some(best) if best.coverage >= MIN_COVERAGE => {
            ranked.retain(|r| r.coverage >= MIN_SECONDARY_COVERAGE);
            ranked
        }
        _ => Vec::new(),
    }
}

/// A person the corpus names, with the stems of each of their names.
pub struct Person {
    pub name: String,
    forms: Vec<Box<[u64]>>,
}

/// The people (entities of kind `person`) of the corpus.
pub fn people(corpus: &Corpus, analyzer: &mut TextAnalyzer) -> Vec<Person> {
    corpus
        .docs
        .iter()
        .flat_map(|d| d.entities.iter())
        .filter(|e| e.kind.as_deref() == Some("person"))
        .map(|e| Person {
            name: e.name.clone(),
            forms: e.forms().map(|f| stems::keys_of(analyzer, f)).filter(|k| !k.is_empty()).collect(),
        })
        .collect()
}

/// For a question asking what someone said, in a corpus that lists its quotes: the person
/// whose words are wanted, taken to be the first person the question names ("What did
/// Altman say to Musk?" asks for Altman). `None` when the rule does not apply.
fn quoted_people_named(corpus: &Corpus, people: &[Person], analysed: &Analysed) -> Option<HashSet<String>> {
    if analysed.asks != Asks::Quote || corpus.docs.iter().all(|d| d.quotes.is_empty()) {
        return None;
    }
    analysed.concepts.iter().find_map(|concept| {
        let said: HashSet<u64> =
            concept.terms.iter().filter(|t| t.source != Source::Related).map(|t| stems::key(&t.stem)).collect();
        let named: HashSet<String> = people
            .iter()
            .filter(|p| p.forms.iter().any(|f| f.iter().all(|k| said.contains(k))))
            .map(|p| p.name.clone())
            .collect();
        (!named.is_empty()).then_some(named)
    })
}

fn opens_with_pronoun(sentence: &str) -> bool {
    let first = sentence.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or_default();
    PRONOUNS.contains(&first.to_lowercase().as_str())
}

/// Whether the sentence holds the kind of information the question asks for.
fn carries(sentence: &Sentence, asks: Asks) -> bool {
    let f = sentence.features;
    match asks {
        Asks::Amount => f.amount,
        Asks::Date => f.date,
        Asks::Place => f.place,
        Asks::Person => f.person || sentence.speaker.is_some(),
        Asks::Quote => sentence.speaker.is_some() || f.quote,
        Asks::Anything => false,
    }
}

/// Byte ranges (into the document's file) of words in `range` that match the question;
/// neighbouring matches separated only by spaces are joined.
pub fn highlights(
    corpus: &Corpus,
    cache: &StemCache,
    sentence: usize,
    range: Range<usize>,
    analysed: &Analysed,
    analyzer: &mut TextAnalyzer,
) -> Vec<Range<usize>> {
    let doc = corpus.sentences[sentence].doc;
    let text = &corpus.docs[doc].text;
    let mut wanted: Vec<u64> = analysed.stems().into_iter().map(stems::key).collect();
    wanted.sort_unstable();
    let mut out: Vec<Range<usize>> = Vec::new();
    let inside = corpus.docs[doc].sentences.clone().filter(|&s| {
        let span = &corpus.sentences[s].span;
        span.end > range.start && span.start < range.end
    });
    for s in inside {
        for (start, end, key) in cache.tokens(corpus, s, analyzer) {
            if start < range.start || end > range.end || wanted.binary_search(&key).is_err() {
                continue;
            }
            match out.last_mut() {
                Some(last) if text[last.end..start].chars().all(|c| c == ' ') => last.end = end,
                _ => out.push(start..end),
            }
        }
    }
    out
}

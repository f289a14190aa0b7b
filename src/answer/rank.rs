//! Deciding which retrieved sentences answer, in what order, and what to highlight.

use std::collections::HashSet;
use std::ops::Range;

use tantivy::tokenizer::TextAnalyzer;

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
pub fn score(corpus: &Corpus, analysed: &Analysed, hits: &[Hit], analyzer: &mut TextAnalyzer) -> Vec<Ranked> {
    let total: f32 = analysed.concepts.iter().map(|c| c.idf).sum();
    if total <= 0.0 {
        return Vec::new();
    }
    let speakers = quoted_people_named(corpus, analysed, analyzer);
    let mut ranked: Vec<Ranked> = hits
        .iter()
        .filter_map(|hit| {
            let sentence = &corpus.sentences[hit.ord];
            let mut own = stems(analyzer, corpus.text(hit.ord));
            if let Some(speaker) = &sentence.speaker {
                own.extend(stems(analyzer, speaker));
            }
            let mut around = HashSet::new();
            let mut antecedent = HashSet::new();
            for n in corpus.neighbours(hit.ord) {
                if n + 1 == hit.ord && opens_with_pronoun(corpus.text(hit.ord)) {
                    antecedent = stems(analyzer, corpus.text(n));
                } else {
                    around.extend(stems(analyzer, corpus.text(n)));
                }
            }
            let mut covered = 0.0;
            let mut own_matches = 0;
            for concept in &analysed.concepts {
                let credit = concept.credit_in(&own);
                if credit > 0.0 {
                    own_matches += 1;
                }
                let nearby =
                    (CONTEXT_SHARE * concept.credit_in(&around)).max(ANTECEDENT_SHARE * concept.credit_in(&antecedent));
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

/// For a question asking what someone said, in a corpus that lists its quotes: the person
/// whose words are wanted, taken to be the first person the question names ("What did
/// Altman say to Musk?" asks for Altman). `None` when the rule does not apply.
fn quoted_people_named(corpus: &Corpus, analysed: &Analysed, analyzer: &mut TextAnalyzer) -> Option<HashSet<String>> {
    if analysed.asks != Asks::Quote || corpus.docs.iter().all(|d| d.quotes.is_empty()) {
        return None;
    }
    let people: Vec<(&str, Vec<HashSet<String>>)> = corpus
        .docs
        .iter()
        .flat_map(|d| d.entities.iter())
        .filter(|e| e.kind.as_deref() == Some("person"))
        .map(|e| (e.name.as_str(), e.forms().map(|f| stems(analyzer, f)).filter(|s| !s.is_empty()).collect()))
        .collect();
    analysed.concepts.iter().find_map(|concept| {
        let said: HashSet<String> =
            concept.terms.iter().filter(|t| t.source != Source::Related).map(|t| t.stem.clone()).collect();
        let named: HashSet<String> = people
            .iter()
            .filter(|(_, forms)| forms.iter().any(|f| f.is_subset(&said)))
            .map(|(name, _)| name.to_string())
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

fn stems(analyzer: &mut TextAnalyzer, text: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.insert(stream.token().text.clone());
    }
    out
}

/// Byte ranges (into the document's file) of words in `range` that match the question;
/// neighbouring matches separated only by spaces are joined.
pub fn highlights(
    corpus: &Corpus,
    sentence: usize,
    range: Range<usize>,
    analysed: &Analysed,
    analyzer: &mut TextAnalyzer,
) -> Vec<Range<usize>> {
    let text = &corpus.doc_of(sentence).text;
    let wanted = analysed.stems();
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut stream = analyzer.token_stream(&text[range.clone()]);
    while stream.advance() {
        let token = stream.token();
        if !wanted.contains(token.text.as_str()) {
            continue;
        }
        let found = range.start + token.offset_from..range.start + token.offset_to;
        match out.last_mut() {
            Some(last) if text[last.end..found.start].chars().all(|c| c == ' ') => last.end = found.end,
            _ => out.push(found),
        }
    }
    out
}

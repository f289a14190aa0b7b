//! From a question to ranked sentences.
//!
//! The question is never handed to tantivy's query parser: it is split into words, stripped
//! of question words and filler, expanded with the corpus's aliases, stemmed with the index's
//! own analyzer, and turned into a query of weighted term clauses. Words the index has never
//! seen are matched to the closest indexed words (typos), and nothing else is fuzzy.

mod aliases;
mod fuzzy;
mod words;

use std::collections::HashSet;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

pub use aliases::AliasTable;
pub use words::Asks;

use crate::index::StoryIndex;

/// Weight of a term found by alias expansion, relative to the question's own words.
const ALIAS_WEIGHT: f32 = 0.6;
/// Weight of a term substituted for an unknown (misspelt) word.
const FUZZY_WEIGHT: f32 = 0.7;
/// Neighbouring sentences count, but far less than the sentence itself.
const CONTEXT_WEIGHT: f32 = 0.3;
/// A quote's speaker field: "what did Musk say" should find "…,” he replied" too.
const SPEAKER_WEIGHT: f32 = 0.6;
/// Questions are capped so a pasted essay cannot build a huge query.
pub const MAX_TERMS: usize = 32;

/// One content word of the question and the index terms that stand for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Concept {
    pub word: String,
    /// Stemmed terms with their weights; empty when nothing in the index is close.
    pub terms: Vec<(String, f32)>,
    /// Inverse document frequency of the concept (its rarest known term, or the maximum).
    pub idf: f32,
}

/// A question, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysed {
    pub asks: Asks,
    pub concepts: Vec<Concept>,
}

impl Analysed {
    /// Every stem that counts as a match for some concept.
    pub fn stems(&self) -> HashSet<&str> {
        self.concepts.iter().flat_map(|c| c.terms.iter().map(|(t, _)| t.as_str())).collect()
    }
}

/// A sentence and its retrieval score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub ord: usize,
    pub score: f32,
}

/// Splits text into words the way the index's tokenizer does.
pub fn words_of(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect()
}

/// Stems one word with the index analyzer (it may yield nothing for overlong words).
pub fn stem(analyzer: &mut TextAnalyzer, word: &str) -> Option<String> {
    let mut stream = analyzer.token_stream(word);
    let mut out = None;
    while stream.advance() {
        out.get_or_insert_with(|| stream.token().text.clone());
    }
    out
}

/// Reads a question into concepts with index terms.
///
/// # Errors
/// Only from reading the index's term dictionary.
pub fn analyse(question: &str, index: &StoryIndex, aliases: &AliasTable, analyzer: &mut TextAnalyzer) -> tantivy::Result<Analysed> {
    let searcher = index.reader.searcher();
    let surface: Vec<&str> = words_of(question).into_iter().take(MAX_TERMS * 4).collect();
    let lower: Vec<String> = surface.iter().map(|w| w.to_lowercase()).collect();
    let (asks, filler) = words::asks(&lower);
    let expansions = aliases.expansions(&surface, &lower);
    let total_docs = searcher.num_docs().max(1) as f32;

    let mut concepts: Vec<Concept> = Vec::new();
    for (i, word) in lower.iter().enumerate() {
        if filler.contains(&i) || words::STOP_WORDS.contains(&word.as_str()) || concepts.len() >= MAX_TERMS {
            continue;
        }
        let Some(stemmed) = stem(analyzer, word) else { continue };
        if concepts.iter().any(|c| c.terms.first().is_some_and(|(t, _)| *t == stemmed)) {
            continue;
        }
        let mut terms = vec![(stemmed.clone(), 1.0)];
        for (_, alias_words) in expansions.iter().filter(|(at, _)| *at == i) {
            for w in alias_words {
                if let Some(s) = stem(analyzer, w) {
                    if !terms.iter().any(|(t, _)| *t == s) {
                        terms.push((s, ALIAS_WEIGHT));
                    }
                }
            }
        }
        let known: Vec<u64> = terms.iter().map(|(t, _)| doc_freq(&searcher, index, t)).collect::<tantivy::Result<_>>()?;
        if known.iter().all(|&df| df == 0) {
            if fuzzy::is_misspelt_stop_word(word) {
                continue;
            }
            terms = fuzzy::closest(&searcher, index.fields.text, &stemmed, word)?
                .into_iter()
                .map(|t| (t, FUZZY_WEIGHT))
                .collect();
        }
        let rarest = terms
            .iter()
            .map(|(t, _)| doc_freq(&searcher, index, t))
            .collect::<tantivy::Result<Vec<_>>>()?
            .into_iter()
            .filter(|&df| df > 0)
            .min()
            .unwrap_or(0);
        concepts.push(Concept { word: word.clone(), terms, idf: idf(rarest as f32, total_docs) });
    }
    Ok(Analysed { asks, concepts })
}

fn idf(doc_freq: f32, total: f32) -> f32 {
    (1.0 + (total - doc_freq + 0.5) / (doc_freq + 0.5)).ln()
}

fn doc_freq(searcher: &Searcher, index: &StoryIndex, stem: &str) -> tantivy::Result<u64> {
    let f = index.fields;
    Ok(searcher.doc_freq(&Term::from_field_text(f.text, stem))? + searcher.doc_freq(&Term::from_field_text(f.context, stem))?)
}

/// The best `limit` sentences for the analysed question, by BM25 over the weighted terms.
///
/// # Errors
/// From tantivy while searching.
pub fn run(index: &StoryIndex, analysed: &Analysed, limit: usize) -> tantivy::Result<Vec<Hit>> {
    let f = index.fields;
    let mut weights: Vec<(&str, f32)> = Vec::new();
    for (term, weight) in analysed.concepts.iter().flat_map(|c| c.terms.iter()) {
        match weights.iter_mut().find(|(t, _)| t == term) {
            Some(existing) => existing.1 = existing.1.max(*weight),
            None => weights.push((term, *weight)),
        }
    }
    if weights.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (term, weight) in weights {
        for (field, scale) in [(f.text, 1.0), (f.context, CONTEXT_WEIGHT), (f.speaker, SPEAKER_WEIGHT)] {
            let query = TermQuery::new(Term::from_field_text(field, term), IndexRecordOption::WithFreqs);
            clauses.push((Occur::Should, Box::new(BoostQuery::new(Box::new(query), weight * scale))));
        }
    }
    let searcher = index.reader.searcher();
    let top = searcher.search(&BooleanQuery::new(clauses), &TopDocs::with_limit(limit).order_by_score())?;
    let mut hits = Vec::with_capacity(top.len());
    for (score, address) in top {
        let column = searcher.segment_reader(address.segment_ord).fast_fields().u64("ord")?;
        if let Some(ord) = column.first(address.doc_id) {
            hits.push(Hit { ord: ord as usize, score });
        }
    }
    Ok(hits)
}

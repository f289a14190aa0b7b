//! Term statistics read once when the index is opened, so a question costs hash lookups
//! rather than term-dictionary searches (BM25 asks for every term's document frequency).

use std::collections::HashMap;

use tantivy::columnar::Column;
use tantivy::query::Bm25StatisticsProvider;
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

use super::Fields;

pub struct Stats {
    docs: u64,
    /// Per analysed field: total tokens, and each term's document frequency.
    fields: Vec<(Field, u64, HashMap<String, u32>)>,
}

impl Stats {
    pub fn read(searcher: &Searcher, fields: Fields) -> tantivy::Result<Stats> {
        let mut out = Vec::new();
        for field in [fields.text, fields.context, fields.speaker] {
            let mut tokens = 0;
            let mut freqs: HashMap<String, u32> = HashMap::new();
            for segment in searcher.segment_readers() {
                let inverted = segment.inverted_index(field)?;
                tokens += inverted.total_num_tokens();
                let mut stream = inverted.terms().stream()?;
                while stream.advance() {
                    if let Ok(term) = std::str::from_utf8(stream.key()) {
                        *freqs.entry(term.to_string()).or_default() += stream.value().doc_freq;
                    }
                }
            }
            out.push((field, tokens, freqs));
        }
        Ok(Stats { docs: searcher.num_docs(), fields: out })
    }

    /// Sentences holding `stem` in `field`.
    pub fn doc_freq(&self, field: Field, stem: &str) -> u64 {
        self.fields
            .iter()
            .find(|(f, _, _)| *f == field)
            .and_then(|(_, _, freqs)| freqs.get(stem))
            .map_or(0, |&df| u64::from(df))
    }

    /// Every term of `field` with its document frequency.
    pub fn doc_freqs(&self, field: Field) -> impl Iterator<Item = (&str, u32)> {
        self.fields
            .iter()
            .filter(move |(f, _, _)| *f == field)
            .flat_map(|(_, _, freqs)| freqs.iter().map(|(t, &df)| (t.as_str(), df)))
    }

    pub fn docs(&self) -> u64 {
        self.docs
    }
}

impl Bm25StatisticsProvider for Stats {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        Ok(self.fields.iter().find(|(f, _, _)| *f == field).map_or(0, |(_, tokens, _)| *tokens))
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        Ok(self.docs)
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        Ok(term.value().as_str().map_or(0, |text| Stats::doc_freq(self, term.field(), text)))
    }
}

/// The sentence-ordinal column of every segment, opened once.
pub fn ord_columns(searcher: &Searcher) -> tantivy::Result<Vec<Column<u64>>> {
    searcher.segment_readers().iter().map(|s| s.fast_fields().u64("ord")).collect()
}

//! Term statistics read once when the index is opened, so a question costs hash lookups
//! rather than term-dictionary searches (BM25 asks for every term's document frequency).

use std::collections::HashMap;

use tantivy::collector::Count;
use tantivy::columnar::Column;
use tantivy::query::{Bm25StatisticsProvider, BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use super::Fields;

pub struct Stats {
    docs: u64,
    /// Per analysed field: total tokens, and each term's document frequency.
    fields: Vec<(Field, u64, HashMap<String, u32>)>,
    /// For a term in both the text and a speaker's name: the sentences holding it in either,
    /// each counted once (a sentence may name its own speaker).
    named_or_speaking: HashMap<String, u64>,
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
        let mut stats = Stats { docs: searcher.num_docs(), fields: out, named_or_speaking: HashMap::new() };
        stats.named_or_speaking = stats.count_named_or_speaking(searcher, fields)?;
        Ok(stats)
    }

    /// One count per term that is both in the text and in a speaker's name: few terms, read
    /// at open so that a question only looks them up.
    fn count_named_or_speaking(&self, searcher: &Searcher, fields: Fields) -> tantivy::Result<HashMap<String, u64>> {
        let both: Vec<&str> = self
            .doc_freqs(fields.speaker)
            .map(|(term, _)| term)
            .filter(|term| self.doc_freq(fields.text, term) > 0)
            .collect();
        let mut out = HashMap::with_capacity(both.len());
        for term in both {
            let either: Vec<(Occur, Box<dyn Query>)> = [fields.text, fields.speaker]
                .into_iter()
                .map(|field| {
                    let query = TermQuery::new(Term::from_field_text(field, term), IndexRecordOption::Basic);
                    (Occur::Should, Box::new(query) as Box<dyn Query>)
                })
                .collect();
            out.insert(term.to_string(), searcher.search(&BooleanQuery::new(either), &Count)? as u64);
        }
        Ok(out)
    }

    /// Sentences holding `stem` in their text or quoting someone whose name holds it.
    pub fn named_or_speaking(&self, fields: Fields, stem: &str) -> u64 {
        self.named_or_speaking
            .get(stem)
            .copied()
            .unwrap_or_else(|| self.doc_freq(fields.text, stem) + self.doc_freq(fields.speaker, stem))
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

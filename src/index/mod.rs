//! The tantivy index over the corpus's sentences, one index document per sentence.
//!
//! On disk the index lives in a sub-folder of the index folder named after its fingerprint,
//! which is computed from everything indexed ([`fingerprint`]): a changed corpus file, rule
//! or analyzer gives a new one, and so a new index. It is built in a temporary folder and renamed into place only once it is
//! committed, so a crash never leaves a half-written index where one is expected; the full
//! fingerprint is also stored as the commit payload and checked on open. Anything that does
//! not open cleanly (corrupt, foreign version, other corpus) is rebuilt.

mod base_forms;
mod rows;
mod schema;
mod stats;
mod store;

use tantivy::{doc, Index, IndexReader, IndexWriter, ReloadPolicy};

use crate::corpus::Corpus;

pub use rows::fingerprint;
pub use schema::{analyzer, words, Fields, ANALYZER};
pub use stats::Stats;
pub use store::{open_or_build, rebuild};

/// An open, searchable sentence index.
pub struct StoryIndex {
    pub index: Index,
    pub reader: IndexReader,
    pub fields: Fields,
    /// Term statistics, read at open (the index never changes while open).
    pub stats: Stats,
    /// Each segment's sentence-ordinal column.
    pub ords: Vec<tantivy::columnar::Column<u64>>,
    /// The [`fingerprint`] of what the index holds.
    pub fingerprint: String,
}

impl StoryIndex {
    /// Builds the index in memory (tests, benchmarks, tiny corpora).
    pub fn in_memory(corpus: &Corpus) -> tantivy::Result<StoryIndex> {
        let (schema, fields) = schema::schema();
        let index = Index::create_in_ram(schema);
        schema::register(&index);
        let fingerprint = fingerprint(corpus);
        write(&index, fields, corpus, &fingerprint)?;
        Self::from_index(index, fingerprint)
    }

    fn from_index(index: Index, fingerprint: String) -> tantivy::Result<StoryIndex> {
        schema::register(&index);
        let fields = schema::fields_of(&index.schema())?;
        let reader: IndexReader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let searcher = reader.searcher();
        let stats = Stats::read(&searcher, fields)?;
        let ords = stats::ord_columns(&searcher)?;
        Ok(StoryIndex { index, reader, fields, stats, ords, fingerprint })
    }

    /// Number of sentences indexed.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn write(index: &Index, fields: Fields, corpus: &Corpus, fingerprint: &str) -> tantivy::Result<()> {
    // The arena minimum is 15 MB per thread; two threads keep big corpora quick to build.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(2));
    let mut writer: IndexWriter = index.writer_with_num_threads(threads, threads * 20_000_000)?;
    for row in rows::rows(corpus) {
        let mut document = doc!(
            fields.text => row.text,
            fields.context => row.context(corpus),
            fields.ord => row.sentence.index() as u64,
            fields.doc => row.doc.index() as u64,
            fields.paragraph => row.paragraph as u64,
            fields.start => row.start as u64,
            fields.end => row.end as u64,
        );
        if let Some(speaker) = row.speaker {
            document.add_text(fields.speaker, speaker);
        }
        writer.add_document(document)?;
    }
    let mut commit = writer.prepare_commit()?;
    commit.set_payload(fingerprint);
    commit.commit()?;
    writer.wait_merging_threads()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use anyhow::Context as _;
    use tantivy::collector::DocSetCollector;
    use tantivy::query::AllQuery;

    use super::*;
    use crate::corpus::SentenceId;

    #[test]
    fn sentences_that_score_alike_come_in_the_order_of_the_story_whatever_segment_holds_them() -> anyhow::Result<()> {
        let (schema, fields) = schema::schema();
        let index = Index::create_in_ram(schema);
        schema::register(&index);
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 20_000_000)?;
        // Two segments: equal scores had come from the newer one first.
        for batch in [0..2u64, 2..4] {
            for ord in batch {
                writer.add_document(doc!(fields.text => "The ferry sails at dawn.", fields.ord => ord))?;
            }
            writer.commit()?;
        }
        let story = StoryIndex::from_index(index, String::new())?;
        let hits = crate::search::plain_bm25(&story, "ferry", &mut analyzer(), 3)?;
        let order: Vec<usize> = hits.iter().map(|h| h.sentence.index()).collect();
        assert_eq!(order, [0, 1, 2]);
        Ok(())
    }

    #[test]
    fn every_indexed_sentence_carries_its_document_paragraph_and_offsets() -> anyhow::Result<()> {
        let corpus = Corpus::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))?;
        let index = StoryIndex::in_memory(&corpus)?;
        let searcher = index.reader.searcher();
        let all = searcher.search(&AllQuery, &DocSetCollector)?;
        assert_eq!(all.len(), corpus.sentences.len());
        for address in all {
            let fast = searcher.segment_reader(address.segment_ord).fast_fields();
            let read = |name: &str| -> anyhow::Result<usize> {
                Ok(fast.u64(name)?.first(address.doc_id).context(name.to_string())? as usize)
            };
            let s = corpus.sentence(SentenceId::new(read("ord")?));
            assert_eq!((read("doc")?, read("paragraph")?), (s.doc.index(), s.paragraph));
            assert_eq!(read("start")?..read("end")?, s.span);
        }
        Ok(())
    }
}

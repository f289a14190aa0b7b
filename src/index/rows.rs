//! What the index stores of each sentence, and the fingerprint of all of it.
//!
//! The fingerprint is computed from the very values [`write`](super::write) indexes, the
//! schema and the analyzer's behaviour, so any change to a rule that feeds a field (the
//! speaker a sentence is attributed to, how sentences are split, which neighbours form the
//! context) or to the analyzer gives a new fingerprint, and the index on disk is rebuilt.
//! No version string has to be bumped by hand.

use sha2::{Digest, Sha256};
use tantivy::tokenizer::TextAnalyzer;

use super::schema;
use crate::corpus::{Corpus, DocId, SentenceId};

/// One sentence as the index stores it.
///
/// The sentence and document ids are stored (and fingerprinted) as the plain numbers inside
/// them: the index's `ord` and `doc` fast fields.
pub(super) struct Row<'a> {
    pub sentence: SentenceId,
    pub text: &'a str,
    /// The neighbouring sentences of the same paragraph, in order.
    pub neighbours: Vec<SentenceId>,
    pub speaker: Option<&'a str>,
    pub doc: DocId,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

impl Row<'_> {
    /// The context field's text.
    pub fn context(&self, corpus: &Corpus) -> String {
        self.neighbours.iter().flat_map(|&n| [corpus.text(n), " "]).collect()
    }
}

/// Every sentence of `corpus` as the index stores it, in sentence order.
pub(super) fn rows(corpus: &Corpus) -> impl Iterator<Item = Row<'_>> {
    corpus.sentence_ids().zip(&corpus.sentences).map(|(id, sentence)| Row {
        sentence: id,
        text: corpus.text(id),
        neighbours: corpus.neighbours(id).collect(),
        speaker: sentence.speaker.as_deref(),
        doc: sentence.doc,
        paragraph: sentence.paragraph,
        start: sentence.span.start,
        end: sentence.span.end,
    })
}

/// Text that goes through every stage of the analyzer (splitting, the long-token limit,
/// lower-casing, accent folding, irregular forms, stemming), so a change to any stage changes
/// its tokens.
const PROBE: &str = "Músk's CAFÉ-owners were running, naïvely, 12,000 miles; \
                     pneumonoultramicroscopicsilicovolcanoconiosis abilities; children left";

/// The fingerprint an index of `corpus` carries: SHA-256, hex, of tantivy's version, the
/// schema, the analyzer's tokens for `PROBE`, the irregular forms it reads and every indexed
/// value. Texts are hashed once, as the corpus files' own fingerprint: with the files fixed, a
/// sentence's text and its context follow from its document, its span and its neighbours'
/// ids, which are hashed.
pub fn fingerprint(corpus: &Corpus) -> String {
    let mut hash = Hasher(Sha256::new());
    hash.text(tantivy::version_string());
    hash.text(&serde_json::to_string(&schema::schema().0).unwrap_or_default());
    probe_tokens(&mut schema::analyzer(), &mut hash);
    // The probe cannot show every irregular form the analyzer reads as its base.
    hash.text(crate::words::irregular_forms::TABLE);
    hash.text(&corpus.fingerprint);
    for row in rows(corpus) {
        hash.number(row.sentence.index());
        hash.number(row.neighbours.len());
        row.neighbours.iter().for_each(|n| hash.number(n.index()));
        match row.speaker {
            Some(speaker) => hash.text(speaker),
            None => hash.number(usize::MAX),
        }
        [row.doc.index(), row.paragraph, row.start, row.end].into_iter().for_each(|n| hash.number(n));
    }
    hash.0.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn probe_tokens(analyzer: &mut TextAnalyzer, hash: &mut Hasher) {
    let mut stream = analyzer.token_stream(PROBE);
    while stream.advance() {
        let token = stream.token();
        hash.text(&token.text);
        hash.number(token.position);
    }
}

/// Length-prefixed fields, so that no two different sequences hash alike.
struct Hasher(Sha256);

impl Hasher {
    fn text(&mut self, text: &str) {
        self.number(text.len());
        self.0.update(text.as_bytes());
    }

    fn number(&mut self, n: usize) {
        self.0.update((n as u64).to_le_bytes());
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn shipped() -> anyhow::Result<Corpus> {
        Corpus::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))
    }

    #[test]
    fn the_same_corpus_always_gets_the_same_fingerprint() -> anyhow::Result<()> {
        assert_eq!(fingerprint(&shipped()?), fingerprint(&shipped()?));
        Ok(())
    }

    #[test]
    fn a_rule_that_changes_a_speaker_changes_the_fingerprint_though_no_file_changed() -> anyhow::Result<()> {
        let before = shipped()?;
        let mut after = shipped()?;
        assert_eq!(before.fingerprint, after.fingerprint, "the files are the same");
        let at = after.sentences.iter().position(|s| s.speaker.is_some()).unwrap_or(0);
        after.sentences[at].speaker = Some("Someone Else".into());
        assert_ne!(fingerprint(&before), fingerprint(&after));
        after.sentences[at].speaker = None;
        assert_ne!(fingerprint(&before), fingerprint(&after));
        Ok(())
    }

    #[test]
    fn a_rule_that_moves_a_sentence_boundary_changes_the_fingerprint() -> anyhow::Result<()> {
        let before = shipped()?;
        let mut after = shipped()?;
        after.sentences[0].span.end -= 1;
        assert_ne!(fingerprint(&before), fingerprint(&after));
        Ok(())
    }

    #[test]
    fn the_probe_goes_through_every_stage_of_the_analyzer() {
        let mut tokens = Vec::new();
        let mut analyzer = schema::analyzer();
        let mut stream = analyzer.token_stream(PROBE);
        while stream.advance() {
            tokens.push(stream.token().text.clone());
        }
        // Folded and lower-cased, stemmed, and the over-long word dropped.
        assert!(tokens.contains(&"cafe".to_string()) && tokens.contains(&"musk".to_string()), "{tokens:?}");
        assert!(tokens.contains(&"run".to_string()), "{tokens:?}");
        assert!(!tokens.iter().any(|t| t.starts_with("pneumono")), "{tokens:?}");
    }
}

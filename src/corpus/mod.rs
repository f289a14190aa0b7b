//! The story documents: loading `corpus/`, their metadata, and their sentences.
//!
//! Every `.txt` file in the corpus folder is one document. Its optional front matter (TOML
//! between `+++` lines) gives the title, date, source URL, the people and organisations it
//! names (with aliases), quotes and facts; the rest of the file is the article body,
//! verbatim. Every span this module hands out is a byte range into the file's text as it is
//! on disk, so `file[start..end]` is exactly what is cited.
//!
//! Names the front matter does not list, and who says what in each sentence, are found in the
//! text by rule ([`names`], [`attribution`]). A file goes through those rules and the front
//! matter's corrections in a fixed order of stages, listed in `load`.

pub mod attribution;
mod described;
mod entity;
mod features;
mod file;
pub mod gender;
mod ids;
mod load;
mod mention;
pub mod names;
mod organisations;
mod roles;
mod segment;
pub mod tokens;

use std::collections::HashSet;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use sha2::{Digest, Sha256};

pub use attribution::Kind;
pub use entity::{Entity, EntityKind};
pub use features::{is_year, states, states_amount, states_date, Features, Figure};
pub use ids::{DocId, SentenceId};
pub use mention::Mention;

/// The speaker of a quotation whose speaker the text does not name.
pub const UNATTRIBUTED: &str = "unattributed";

/// Every document of the corpus, and all their sentences in one list.
#[derive(Debug)]
pub struct Corpus {
    pub docs: Vec<Document>,
    pub sentences: Vec<Sentence>,
    /// SHA-256 of the corpus files (names and bytes), hex.
    pub fingerprint: String,
}

#[derive(Debug)]
pub struct Document {
    /// The file name without `.txt`.
    pub id: String,
    pub title: String,
    /// `YYYY-MM-DD`, the publication date.
    pub date: Option<String>,
    pub url: Option<String>,
    /// The file's path as cited (the corpus folder as configured, joined with the file name).
    pub path: PathBuf,
    /// The whole file, front matter included: spans index into this.
    pub text: String,
    pub body: Range<usize>,
    pub paragraphs: Vec<Range<usize>>,
    /// This document's sentences, a run of [`Corpus::sentences`].
    pub sentences: Range<SentenceId>,
    pub quotes: Vec<Quote>,
    /// Listed entities first, then names found in the text.
    pub entities: Vec<Entity>,
    /// Every place an entity is named, in text order.
    pub mentions: Vec<Mention>,
    /// What the front matter says some amounts and dates measure.
    pub listed_facts: Vec<ListedFact>,
}

/// An amount or date of the body and what it measures, from the front matter.
#[derive(Debug, Clone)]
pub struct ListedFact {
    pub span: Range<usize>,
    pub measures: String,
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub doc: DocId,
    /// 0-based paragraph of the document.
    pub paragraph: usize,
    /// 0-based position in its paragraph.
    pub number: usize,
    pub span: Range<usize>,
    /// A link that stands beside the sentence in the text (an embedded post).
    pub link: Option<Range<usize>>,
    /// Who is quoted in this sentence, or whose words it reports.
    pub speaker: Option<String>,
    pub kind: Kind,
    /// For reported speech: where the text names who or what is reported.
    pub source: Option<Range<usize>>,
    pub features: Features,
}

#[derive(Debug, Clone)]
pub struct Quote {
    /// The speaker's entity name, or [`UNATTRIBUTED`].
    pub speaker: String,
    /// The quoted words, without the surrounding quote marks.
    pub span: Range<usize>,
    pub url: Option<String>,
    /// The sentence the quote is in.
    pub sentence: SentenceId,
    /// A whole clause quoted, rather than a phrase inside the writer's sentence.
    pub direct: bool,
    /// Where the text names the speaker ("Altman replied", "he replied").
    pub cue: Option<Range<usize>>,
}

impl Quote {
    pub fn kind(&self) -> Kind {
        if self.direct {
            Kind::DirectQuote
        } else {
            Kind::PartialQuote
        }
    }
}

/// A corpus file that cannot be used, with the line at fault when there is one.
#[derive(Debug, thiserror::Error)]
pub struct CorpusError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path.display(), line, self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// One file's content, before parsing.
pub struct Source {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

impl Corpus {
    /// Loads every `.txt` file of `dir`, in file-name order.
    ///
    /// # Errors
    /// The folder cannot be read, holds no `.txt` file, or a file is malformed
    /// ([`CorpusError`] names the file and line).
    pub fn load_dir(dir: &Path) -> anyhow::Result<Corpus> {
        let entries = std::fs::read_dir(dir).with_context(|| {
            format!("cannot read the corpus folder {} (set STORYBOT_CORPUS_DIR or --corpus to the folder holding the story files)", dir.display())
        })?;
        let mut paths = Vec::new();
        for entry in entries {
            let path = entry.with_context(|| format!("cannot list {}", dir.display()))?.path();
            if path.extension().is_some_and(|e| e == "txt") && path.is_file() {
                paths.push(path);
            }
        }
        paths.sort();
        if paths.is_empty() {
            anyhow::bail!(
                "the corpus folder {} has no .txt story files (see the README's corpus format)",
                dir.display()
            );
        }
        let sources = paths
            .into_iter()
            .map(|path| {
                let bytes = std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
                Ok(Source { path, bytes })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(Corpus::from_sources(sources)?)
    }

    /// Builds a corpus from file contents (the files need not exist on disk).
    pub fn from_sources(sources: Vec<Source>) -> Result<Corpus, CorpusError> {
        let mut hasher = Sha256::new();
        let mut corpus = Corpus { docs: Vec::new(), sentences: Vec::new(), fingerprint: String::new() };
        for source in sources {
            let name = source.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            hasher.update((name.len() as u64).to_le_bytes());
            hasher.update(name.as_bytes());
            hasher.update((source.bytes.len() as u64).to_le_bytes());
            hasher.update(&source.bytes);
            corpus.add(source)?;
        }
        corpus.fingerprint = hex(&hasher.finalize());
        Ok(corpus)
    }

    /// The corpus of these stories, `(file name, text)` each, for tests: a story that does not
    /// load fails the test with its error.
    #[cfg(test)]
    pub(crate) fn of_stories(stories: &[(&str, &str)]) -> Corpus {
        let sources = stories
            .iter()
            .map(|(name, text)| Source { path: PathBuf::from("corpus").join(name), bytes: text.as_bytes().to_vec() })
            .collect();
        Corpus::from_sources(sources).unwrap_or_else(|e| panic!("{e}"))
    }

    /// The corpus of one story, for tests.
    #[cfg(test)]
    pub(crate) fn of_story(text: &str) -> Corpus {
        Corpus::of_stories(&[("t.txt", text)])
    }

    /// The verbatim text of a sentence.
    pub fn text(&self, id: SentenceId) -> &str {
        let sentence = self.sentence(id);
        &self.doc(sentence.doc).text[sentence.span.clone()]
    }

    pub fn doc_of(&self, id: SentenceId) -> &Document {
        self.doc(self.sentence(id).doc)
    }

    /// How many sentences of its document stand before `id`.
    pub fn position_in_document(&self, id: SentenceId) -> usize {
        id.index() - self.doc_of(id).sentences.start.index()
    }

    /// The sentences just before and after `id` in the same paragraph.
    pub fn neighbours(&self, id: SentenceId) -> impl Iterator<Item = SentenceId> + '_ {
        [id.prev(), Some(id.next())].into_iter().flatten().filter(move |&n| self.same_paragraph(id, n))
    }

    /// Quotes, optionally only those whose speaker matches `speaker` by any part of a name or
    /// alias, in any case.
    pub fn quotes_by(&self, speaker: Option<&str>) -> Vec<&Quote> {
        let wanted = speaker.map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty());
        let mut out = Vec::new();
        for doc in &self.docs {
            for q in &doc.quotes {
                let matches = wanted.as_deref().is_none_or(|w| {
                    let names = doc.entities.iter().filter(|e| e.name == q.speaker).flat_map(Entity::forms);
                    std::iter::once(q.speaker.as_str()).chain(names).any(|n| n.to_lowercase().contains(w))
                });
                if matches {
                    out.push(q);
                }
            }
        }
        out
    }

    /// Everyone quoted in the corpus, in order of first quote, without repeats.
    pub fn speakers(&self) -> Vec<&str> {
        // A set, not a scan of the list so far: the bot asks on every keystroke of an
        // autocomplete, and a corpus of thousands of stories quotes thousands of people.
        let mut seen: HashSet<&str> = HashSet::new();
        let mut out: Vec<&str> = Vec::new();
        for q in self.docs.iter().flat_map(|d| d.quotes.iter()) {
            if q.speaker != UNATTRIBUTED && seen.insert(q.speaker.as_str()) {
                out.push(&q.speaker);
            }
        }
        out
    }

    /// The verbatim words of a quote.
    pub fn quote_text(&self, quote: &Quote) -> &str {
        &self.doc_of(quote.sentence).text[quote.span.clone()]
    }

    /// Groups of names that mean the same entity, across all documents.
    pub fn alias_groups(&self) -> impl Iterator<Item = Vec<&str>> + '_ {
        self.docs.iter().flat_map(|d| d.entities.iter().map(|e| e.forms().collect()))
    }

    /// The sentence of `doc` holding byte `at`.
    pub fn sentence_at(&self, doc: DocId, at: usize) -> Option<SentenceId> {
        self.sentences_of(self.doc(doc)).find(|(_, s)| s.span.start <= at && at < s.span.end).map(|(id, _)| id)
    }
}

/// `needle` occurs in `hay` with no letter or digit right before or after it.
pub fn contains_word(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    hay.match_indices(needle).any(|(i, _)| tokens::is_whole_word(hay, i..i + needle.len()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests;

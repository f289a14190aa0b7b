//! Where the index lives on disk, and how it is (re)built without ever exposing a half index.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::Context as _;
use sha2::{Digest, Sha256};
use tantivy::Index;

use super::{fingerprint, schema, write, StoryIndex};
use crate::corpus::Corpus;

const BUILD_PREFIX: &str = ".build-";
/// A temporary build folder older than this was left by a crash.
const ABANDONED_AFTER: Duration = Duration::from_secs(3600);

/// Opens the index of `corpus` under `dir`, building it first if it is missing, stale or
/// unusable.
///
/// # Errors
/// The index folder cannot be created or written, or building fails.
pub fn open_or_build(dir: &Path, corpus: &Corpus) -> anyhow::Result<StoryIndex> {
    let expected = fingerprint(corpus);
    let target = dir.join(generation(&expected));
    if target.exists() {
        match open_checked(&target, &expected, corpus) {
            Ok(index) => return Ok(index),
            Err(err) => {
                tracing::warn!(path = %target.display(), error = %format!("{err:#}"), "index unusable, rebuilding");
                std::fs::remove_dir_all(&target)
                    .with_context(|| format!("cannot remove the unusable index {}", target.display()))?;
            }
        }
    }
    build_into(dir, &target, &expected, corpus)
}

/// Builds the index of `corpus` afresh and swaps it in, whatever is there now.
///
/// # Errors
/// As [`open_or_build`].
pub fn rebuild(dir: &Path, corpus: &Corpus) -> anyhow::Result<StoryIndex> {
    let expected = fingerprint(corpus);
    let target = dir.join(generation(&expected));
    build_into(dir, &target, &expected, corpus)
}

fn build_into(dir: &Path, target: &Path, expected: &str, corpus: &Corpus) -> anyhow::Result<StoryIndex> {
    let started = std::time::Instant::now();
    std::fs::create_dir_all(dir).with_context(|| {
        format!(
            "cannot create the index folder {} (set STORYBOT_INDEX_DIR or --index to a writable folder)",
            dir.display()
        )
    })?;
    let tmp = tempfile::Builder::new().prefix(BUILD_PREFIX).tempdir_in(dir).with_context(|| {
        format!(
            "cannot write in the index folder {} (set STORYBOT_INDEX_DIR or --index to a writable folder)",
            dir.display()
        )
    })?;
    {
        let (schema, fields) = schema::schema();
        let index = Index::create_in_dir(tmp.path(), schema).context("cannot create a tantivy index")?;
        schema::register(&index);
        write(&index, fields, corpus, expected).context("cannot write the index")?;
    }
    let built = tmp.keep();
    if target.exists() {
        // Move the old generation aside first: rename cannot replace a non-empty folder.
        let old = dir.join(format!("{BUILD_PREFIX}old-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&old);
        std::fs::rename(target, &old).with_context(|| format!("cannot replace {}", target.display()))?;
        let _ = std::fs::remove_dir_all(&old);
    }
    if let Err(err) = std::fs::rename(&built, target) {
        let _ = std::fs::remove_dir_all(&built);
        // Another process may have finished the same build first; its index is as good.
        if !target.exists() {
            return Err(err).with_context(|| format!("cannot move the new index to {}", target.display()));
        }
    }
    remove_stale(dir, target);
    tracing::info!(path = %target.display(), sentences = corpus.sentences.len(), elapsed_ms = started.elapsed().as_millis() as u64, "index built");
    open_checked(target, expected, corpus)
}

fn open_checked(path: &Path, expected: &str, corpus: &Corpus) -> anyhow::Result<StoryIndex> {
    // A damaged segment can make tantivy panic rather than fail; treat that as "unusable".
    let opened = std::panic::catch_unwind(|| -> anyhow::Result<StoryIndex> {
        let index = Index::open_in_dir(path)?;
        let payload = index.load_metas()?.payload;
        anyhow::ensure!(payload.as_deref() == Some(expected), "built from another corpus or version");
        let index = StoryIndex::from_index(index, expected.to_string())?;
        anyhow::ensure!(
            index.len() == corpus.sentences.len() as u64,
            "holds {} sentences, expected {}",
            index.len(),
            corpus.sentences.len()
        );
        Ok(index)
    });
    opened.unwrap_or_else(|_| anyhow::bail!("tantivy panicked while opening it"))
}

/// The folder name of an index generation: short, and different for every fingerprint.
fn generation(fingerprint: &str) -> String {
    let digest = Sha256::digest(fingerprint.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// Removes other generations, and build folders abandoned by a crash.
fn remove_stale(dir: &Path, keep: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path: PathBuf = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_generation = name.len() == 16 && name.bytes().all(|b| b.is_ascii_hexdigit());
        let abandoned = name.starts_with(BUILD_PREFIX)
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| SystemTime::now().duration_since(t).unwrap_or_default() > ABANDONED_AFTER);
        if path != keep && path.is_dir() && (is_generation || abandoned) {
            if let Err(err) = std::fs::remove_dir_all(&path) {
                tracing::debug!(path = %path.display(), %err, "could not remove an old index");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::Count;
    use tantivy::query::TermQuery;
    use tantivy::schema::IndexRecordOption;
    use tantivy::Term;

    use super::*;

    fn speaker_hits(index: &StoryIndex, word: &str) -> anyhow::Result<usize> {
        let term = Term::from_field_text(index.fields.speaker, word);
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        Ok(index.reader.searcher().search(&query, &Count)?)
    }

    #[test]
    fn an_index_on_disk_is_rebuilt_when_a_rule_changes_what_it_holds() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let first = open_or_build(dir.path(), &Corpus::load_dir(&shipped)?)?;
        assert_eq!(speaker_hits(&first, "zebediah")?, 0);
        drop(first);
        // The same files, read by a "rule" that attributes one sentence differently.
        let mut changed = Corpus::load_dir(&shipped)?;
        changed.sentences[0].speaker = Some("Zebediah".into());
        let second = open_or_build(dir.path(), &changed)?;
        assert_eq!(speaker_hits(&second, "zebediah")?, 1, "the index holds the new speaker");
        let generations = std::fs::read_dir(dir.path())?.count();
        assert_eq!(generations, 1, "the stale index was removed");
        Ok(())
    }
}

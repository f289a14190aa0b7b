//! The engine in service, and rebuilding it while the bot keeps answering.
//!
//! Requests take a snapshot of the current engine ([`LiveEngine::engine`]) and keep it for
//! their whole run; a rebuild loads the corpus and builds its index on a blocking thread,
//! then swaps the new engine in with one atomic store. A corpus that fails to load or index
//! leaves the old engine in service.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use arc_swap::ArcSwap;
use notify_debouncer_mini::notify::RecursiveMode;

use super::metrics;
use crate::answer::Engine;

/// How long the corpus folder must be quiet before a change is acted on: an editor's save
/// or a copy of several files is one change, not many.
pub const SETTLE: Duration = Duration::from_millis(500);

/// Computes the transformer's sentence vectors of `engine` (nothing without a transformer),
/// saying in the log how it went; if it fails, questions compute the vectors they need.
pub fn warm(engine: &Engine) {
    if engine.transformer().is_none() {
        return;
    }
    let started = Instant::now();
    match engine.warm_transformer() {
        Ok(sentences) => {
            tracing::info!(sentences, elapsed_ms = started.elapsed().as_millis() as u64, "sentence vectors ready")
        }
        Err(err) => {
            tracing::warn!(error = %format!("{err:#}"), "sentence vectors are computed as questions need them")
        }
    }
}

/// The engine in service.
pub struct LiveEngine {
    current: ArcSwap<Engine>,
    /// Where a rebuild reads the corpus and writes the index; `None` for an engine built in
    /// memory, which cannot be rebuilt.
    source: Option<(PathBuf, PathBuf)>,
    /// One rebuild at a time: two would race for the index folder.
    rebuilding: tokio::sync::Mutex<()>,
}

/// What a rebuild did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reindexed {
    /// The corpus is what the engine in service was built from.
    Unchanged,
    /// A new engine is in service.
    Swapped { documents: usize, sentences: usize, elapsed: Duration },
}

impl LiveEngine {
    /// An engine that can be rebuilt from `corpus_dir` into `index_dir`.
    pub fn new(engine: Engine, corpus_dir: &Path, index_dir: &Path) -> LiveEngine {
        metrics::index_sentences(engine.corpus().sentences.len());
        LiveEngine {
            current: ArcSwap::from_pointee(engine),
            source: Some((corpus_dir.to_path_buf(), index_dir.to_path_buf())),
            rebuilding: tokio::sync::Mutex::new(()),
        }
    }

    /// An engine that is never rebuilt (built in memory: tests, embedding).
    pub fn fixed(engine: Arc<Engine>) -> LiveEngine {
        LiveEngine { current: ArcSwap::new(engine), source: None, rebuilding: tokio::sync::Mutex::new(()) }
    }

    /// The engine in service now. Hold it for a whole request, so one request never mixes
    /// two versions of the story.
    pub fn engine(&self) -> Arc<Engine> {
        self.current.load_full()
    }

    /// The corpus folder being served, if the engine can be rebuilt.
    pub fn corpus_dir(&self) -> Option<&Path> {
        self.source.as_ref().map(|(corpus, _)| corpus.as_path())
    }

    /// Loads the corpus again and, when it changed, builds its index and swaps it in.
    ///
    /// # Errors
    /// The corpus does not load (a broken file) or its index cannot be built; the engine in
    /// service is unchanged.
    pub async fn reindex(&self) -> anyhow::Result<Reindexed> {
        let Some((corpus_dir, index_dir)) = self.source.clone() else {
            anyhow::bail!("this engine was built in memory and has no corpus folder to reload");
        };
        let _one_at_a_time = self.rebuilding.lock().await;
        let started = Instant::now();
        let serving = self.engine().corpus().fingerprint.clone();
        // The new engine reranks as the one in service does.
        let transformer = self.engine().transformer();
        let built = tokio::task::spawn_blocking(move || -> anyhow::Result<Option<Engine>> {
            let corpus = crate::corpus::Corpus::load_dir(&corpus_dir)?;
            if corpus.fingerprint == serving {
                return Ok(None);
            }
            let engine = Engine::with_corpus(corpus, &index_dir)?.with_transformer(transformer);
            // The engine in service answers meanwhile, so the new one can start warm.
            warm(&engine);
            Ok(Some(engine))
        })
        .await
        .map_err(|e| anyhow::anyhow!("the rebuild stopped unexpectedly: {e}"))?;
        match built {
            Ok(None) => {
                metrics::reindexed("unchanged");
                Ok(Reindexed::Unchanged)
            }
            Ok(Some(engine)) => {
                let (documents, sentences) = (engine.corpus().docs.len(), engine.corpus().sentences.len());
                self.current.store(Arc::new(engine));
                metrics::reindexed("swapped");
                metrics::index_sentences(sentences);
                let elapsed = started.elapsed();
                tracing::info!(documents, sentences, elapsed_ms = elapsed.as_millis() as u64, "new index in service");
                Ok(Reindexed::Swapped { documents, sentences, elapsed })
            }
            Err(err) => {
                metrics::reindexed("failed");
                tracing::error!(error = %format!("{err:#}"), "the corpus change was not taken: the previous version stays in service");
                Err(err)
            }
        }
    }

    /// Rebuilds whenever files in the corpus folder change, until the returned watcher is
    /// dropped.
    ///
    /// # Errors
    /// The folder cannot be watched (missing, or the system's watch limit is reached).
    pub fn watch(self: &Arc<Self>, runtime: tokio::runtime::Handle) -> anyhow::Result<Watcher> {
        let Some(dir) = self.corpus_dir().map(Path::to_path_buf) else {
            anyhow::bail!("this engine was built in memory and has no corpus folder to watch");
        };
        let live = Arc::downgrade(self);
        let mut debouncer =
            notify_debouncer_mini::new_debouncer(SETTLE, move |events: notify_debouncer_mini::DebounceEventResult| {
                match events {
                    Ok(events) if events.iter().any(|e| is_story_file(&e.path)) => {
                        let Some(live) = live.upgrade() else { return };
                        tracing::info!(files = events.len(), "corpus changed: rebuilding the index");
                        runtime.spawn(async move {
                            let _ = live.reindex().await;
                        });
                    }
                    Ok(_) => {}
                    Err(err) => tracing::warn!(error = %err, "watching the corpus folder failed"),
                }
            })?;
        debouncer
            .watcher()
            .watch(&dir, RecursiveMode::NonRecursive)
            .map_err(|e| anyhow::anyhow!("cannot watch the corpus folder {}: {e}", dir.display()))?;
        tracing::info!(dir = %dir.display(), "watching the corpus folder for changes");
        Ok(Watcher { _debouncer: debouncer })
    }
}

/// Keeps the corpus folder watched while it lives.
pub struct Watcher {
    _debouncer: notify_debouncer_mini::Debouncer<notify_debouncer_mini::notify::RecommendedWatcher>,
}

/// Editors write swap and backup files next to the story; only story files matter.
fn is_story_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "txt")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(body: &str) -> String {
        format!("+++\ntitle = \"Test\"\n+++\n{body}\n")
    }

    #[tokio::test]
    async fn a_changed_corpus_is_swapped_in_and_a_broken_one_leaves_the_old_in_service() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let (corpus, index) = (dir.path().join("corpus"), dir.path().join("index"));
        std::fs::create_dir(&corpus)?;
        std::fs::write(corpus.join("a.txt"), story("The ferry left at noon. It carried forty cars."))?;
        let live = LiveEngine::new(Engine::open(&corpus, &index)?, &corpus, &index);
        let held = live.engine();
        assert_eq!(live.reindex().await?, Reindexed::Unchanged);

        std::fs::write(corpus.join("a.txt"), story("The ferry left at noon. It carried forty cars. It sank."))?;
        assert!(matches!(live.reindex().await?, Reindexed::Swapped { sentences: 3, .. }));
        assert_eq!(live.engine().corpus().sentences.len(), 3);
        assert_eq!(held.corpus().sentences.len(), 2, "a request holding the old engine keeps it");
        assert!(!held.search("ferry noon", 3)?.answers.is_empty(), "the old engine still answers");

        std::fs::write(corpus.join("a.txt"), "+++\ntitle = \n+++\nbroken front matter\n")?;
        assert!(live.reindex().await.is_err());
        assert_eq!(live.engine().corpus().sentences.len(), 3, "the previous version stays in service");
        Ok(())
    }

    #[test]
    fn only_story_files_trigger_a_rebuild() {
        assert!(is_story_file(Path::new("corpus/story.txt")));
        assert!(!is_story_file(Path::new("corpus/.story.txt.swp")));
        assert!(!is_story_file(Path::new("corpus/story.txt~")));
    }
}

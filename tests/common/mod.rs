use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, OnceLock};

use storybot::corpus::Corpus;
use storybot::Engine;

/// Whether the long soak and load tests run: only with `STORYBOT_SLOW_TESTS=1` (CI sets it),
/// so that `cargo test` stays quick on a laptop. Says so when it skips one.
pub fn slow_tests(name: &str) -> bool {
    let on = std::env::var("STORYBOT_SLOW_TESTS").is_ok_and(|v| v == "1");
    if !on {
        eprintln!("skipped {name}: a slow test; set STORYBOT_SLOW_TESTS=1 to run it");
    }
    on
}

pub fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn shipped_corpus_dir() -> PathBuf {
    repo_root().join("corpus")
}

/// The engine over the shipped story, built once per test binary.
pub fn story() -> &'static Engine {
    story_arc_ref()
}

/// The same engine, shareable with a running bot.
pub fn story_arc() -> Arc<Engine> {
    story_arc_ref().clone()
}

fn story_arc_ref() -> &'static Arc<Engine> {
    static ENGINE: OnceLock<Arc<Engine>> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let corpus = Corpus::load_dir(&shipped_corpus_dir()).expect("shipped corpus loads");
        Arc::new(Engine::in_memory(corpus).expect("in-memory index builds"))
    })
}

/// A temporary folder with a `corpus/` holding the given files and an empty `index/`.
pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    pub fn with_files(files: &[(&str, &str)]) -> Workspace {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("corpus")).unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join("corpus").join(name), text).unwrap();
        }
        Workspace { dir }
    }

    /// A workspace holding a copy of the shipped corpus.
    pub fn with_shipped_story() -> Workspace {
        let ws = Workspace::with_files(&[]);
        for entry in std::fs::read_dir(shipped_corpus_dir()).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, ws.corpus().join(path.file_name().unwrap())).unwrap();
        }
        ws
    }

    pub fn corpus(&self) -> PathBuf {
        self.dir.path().join("corpus")
    }

    pub fn index(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    /// Runs the real binary in this workspace (paths relative, as a user would).
    pub fn run(&self, args: &[&str], stdin: Option<&str>) -> Output {
        run_storybot(self.dir.path(), args, stdin)
    }
}

pub fn run_storybot(cwd: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    run_storybot_env(cwd, args, stdin, &[])
}

/// As [`run_storybot`], with `env` set on top of a clean environment for storybot's settings.
pub fn run_storybot_env(cwd: &Path, args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> Output {
    use std::io::Write as _;
    let mut command = Command::new(env!("CARGO_BIN_EXE_storybot"));
    for name in storybot::config::SETTINGS {
        command.env_remove(name);
    }
    let mut child = command
        .args(args)
        .current_dir(cwd)
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("storybot runs");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("storybot finishes")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

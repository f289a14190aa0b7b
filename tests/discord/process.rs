//! `storybot serve` as a process against the fake: starting, stopping and its log.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::fake::{self, FakeDiscord};
use crate::common::Workspace;

/// `storybot serve` as a process, pointed at the fake; its output goes to `serve.log` in the
/// workspace (a pipe nobody reads would fill up and block it).
pub fn serve(fake: &FakeDiscord, ws: &Workspace, rust_log: Option<&str>) -> Child {
    serve_with(fake, ws, rust_log, &[])
}

/// As [`serve`], with more environment variables.
pub fn serve_with(fake: &FakeDiscord, ws: &Workspace, rust_log: Option<&str>, env: &[(&str, &str)]) -> Child {
    let log = std::fs::File::create(ws.dir.path().join("serve.log")).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_storybot"));
    match rust_log {
        Some(filter) => command.env("RUST_LOG", filter),
        None => command.env_remove("RUST_LOG"),
    };
    command
        .arg("serve")
        .current_dir(ws.dir.path())
        .env("DISCORD_TOKEN", fake::TOKEN)
        .env("DISCORD_GUILD_ID", fake::GUILD)
        .env("DISCORD_API_BASE", &fake.rest_base)
        .env_remove("STORYBOT_CORPUS_DIR")
        .env_remove("STORYBOT_INDEX_DIR")
        .env_remove("STORYBOT_DATA_DIR")
        .env_remove("STORYBOT_METRICS_ADDR")
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("storybot serve starts")
}

pub async fn wait_exit(child: &mut Child, timeout: Duration) -> std::process::ExitStatus {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        assert!(Instant::now() < deadline, "storybot serve did not exit within {timeout:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

pub fn log_of(ws: &Workspace) -> String {
    String::from_utf8_lossy(&std::fs::read(ws.dir.path().join("serve.log")).unwrap()).into_owned()
}

pub fn assert_token_absent(log: &str) {
    for part in fake::TOKEN.split('.') {
        assert!(!log.contains(part), "a piece of the token appears in the output");
    }
}

/// A fake Discord and `storybot serve` on a copy of the shipped story, connected and ready.
pub async fn serving(rust_log: Option<&str>, env: &[(&str, &str)]) -> (FakeDiscord, Workspace, Child) {
    let fake = FakeDiscord::start().await;
    let ws = Workspace::with_shipped_story();
    let child = serve_with(&fake, &ws, rust_log, env);
    fake.ready().await;
    (fake, ws, child)
}

/// SIGTERM, then the exit status (within 20 s).
pub async fn stop(child: &mut Child) -> std::process::ExitStatus {
    sigterm(child);
    wait_exit(child, Duration::from_secs(20)).await
}

/// Sends SIGTERM, as systemd or Docker would.
pub fn sigterm(child: &Child) {
    let killed = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
}

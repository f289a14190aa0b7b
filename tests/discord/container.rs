//! The container image's set-up, run without a container engine: the binary started as the
//! Dockerfile's last stage starts it (its user, working directory, environment, command and
//! health check) with `.env.example` as the env file, unchanged but for the token.

use std::os::unix::fs::PermissionsExt as _;
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

use super::description;
use super::fake::{self, FakeDiscord, WAIT};
use super::process::stop;
use crate::common::{repo_root, shipped_corpus_dir};
use crate::service::{dockerfile_stages, json_words};

/// What the image's last stage sets, read from the Dockerfile.
struct Image {
    workdir: String,
    env: Vec<(String, String)>,
    user: (u32, u32),
    command: Vec<String>,
    health: Vec<String>,
}

fn image() -> Image {
    let stages = dockerfile_stages();
    let last = stages.last().expect("a stage");
    let value = |key: &str| last.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_default();
    let env = last
        .iter()
        .filter(|(k, _)| k == "ENV")
        .flat_map(|(_, v)| v.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .filter_map(|pair| pair.split_once('=').map(|(k, v)| (k.to_string(), v.to_string())))
        .collect();
    let user = value("USER");
    let (uid, gid) = user.split_once(':').expect("USER uid:gid");
    let health = value("HEALTHCHECK");
    let health = health.split_once("CMD").expect("HEALTHCHECK ... CMD [...]").1;
    Image {
        workdir: value("WORKDIR"),
        env,
        user: (uid.parse().expect("a numeric uid"), gid.parse().expect("a numeric gid")),
        command: json_words(&value("CMD")),
        health: json_words(health),
    }
}

/// `.env.example` read as `docker run --env-file` reads a file: `KEY=VALUE` lines, verbatim.
fn env_file() -> Vec<(String, String)> {
    std::fs::read_to_string(repo_root().join(".env.example"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (k, v) = l.split_once('=').expect("KEY=VALUE");
            (k.to_string(), v.to_string())
        })
        .collect()
}

/// The image's file system under `root`: the binary, a read-only corpus owned by the builder,
/// and data and index folders owned by the image's user.
fn lay_out(root: &Path, image: &Image, as_image_user: bool) -> (PathBuf, PathBuf) {
    let app = root.join(image.workdir.trim_start_matches('/'));
    let corpus = app.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for entry in std::fs::read_dir(shipped_corpus_dir()).unwrap() {
        let path = entry.unwrap().path();
        let copy = corpus.join(path.file_name().unwrap());
        std::fs::copy(&path, &copy).unwrap();
        std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o444)).unwrap();
    }
    std::fs::set_permissions(&corpus, std::fs::Permissions::from_mode(0o555)).unwrap();
    for dir in ["data", "index"] {
        std::fs::create_dir(app.join(dir)).unwrap();
        if as_image_user {
            std::os::unix::fs::chown(app.join(dir), Some(image.user.0), Some(image.user.1)).unwrap();
        }
    }
    let bin = root.join("usr/local/bin/storybot");
    std::fs::create_dir_all(bin.parent().unwrap()).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_storybot"), &bin).unwrap();
    for dir in [root, &root.join("usr"), &root.join("usr/local"), &root.join("usr/local/bin"), &app] {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    (app, bin)
}

fn command(bin: &Path, app: &Path, args: &[String], env: &[(String, String)], user: Option<(u32, u32)>) -> Command {
    let mut command = Command::new(bin);
    command
        .env_clear()
        .env("PATH", "/usr/local/bin:/usr/bin:/bin")
        .envs(env.iter().cloned())
        .args(args)
        .current_dir(app);
    if let Some((uid, gid)) = user {
        command.uid(uid).gid(gid);
    }
    command
}

#[tokio::test]
async fn the_image_serves_and_passes_its_health_check_with_the_example_env_file_unchanged() {
    let image = image();
    assert_eq!(image.command.first().map(String::as_str), Some("serve"));
    assert_eq!(image.health.first().map(String::as_str), Some("storybot"));
    // Only root can start a process as another user; elsewhere the test runs as whoever runs it.
    let as_image_user = Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    if !as_image_user {
        eprintln!("not root: running the image's command as the current user, not uid {}", image.user.0);
    }
    let user = as_image_user.then_some(image.user);
    let root = tempfile::tempdir().unwrap();
    let (app, bin) = lay_out(root.path(), &image, as_image_user);

    let fake = FakeDiscord::start().await;
    // The image's environment, then the env file over it (as Docker does), with the token the
    // user adds. The listener moves to loopback on a free port: tests stay on loopback.
    let metrics = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().to_string();
    let mut env: Vec<(String, String)> = image.env.clone();
    env.extend(env_file());
    for (key, value) in &mut env {
        match key.as_str() {
            "DISCORD_TOKEN" => *value = fake::TOKEN.to_string(),
            "STORYBOT_METRICS_ADDR" => *value = metrics.clone(),
            _ => {}
        }
    }
    assert!(env.iter().any(|(k, v)| k == "STORYBOT_METRICS_ADDR" && v == &metrics), "the image sets the listener");
    env.push(("DISCORD_API_BASE".into(), fake.rest_base.clone()));

    let log = std::fs::File::create(root.path().join("serve.log")).unwrap();
    let mut child = command(&bin, &app, &image.command, &env, user).stdout(Stdio::null()).stderr(log).spawn().unwrap();
    fake.ready().await;
    let deadline = Instant::now() + WAIT;
    loop {
        let health = command(&bin, &app, &image.health[1..], &env, user).output().unwrap();
        if health.status.success() {
            break;
        }
        let log = std::fs::read_to_string(root.path().join("serve.log")).unwrap_or_default();
        assert!(Instant::now() < deadline, "never healthy: {}\n{log}", String::from_utf8_lossy(&health.stderr));
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let id = fake.command("ask", &[("question", json!("How big is Project Stargate?"))]);
    let reply = super::Attached(&fake).callback(&id).await;
    assert!(description(&reply["data"]).contains("$500 billion"), "{reply}");
    assert!(stop(&mut child).await.success());
    let built = std::fs::read_dir(app.join("index")).unwrap().next().is_some();
    assert!(built, "the index is built in the image's index folder");
    assert!(app.join("data").join(storybot::store::FILE_NAME).exists(), "the database is in the data folder");
}

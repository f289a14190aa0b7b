//! The service files: `deploy/storybot.service` (systemd) and the `Dockerfile`.

use std::process::Command;

use crate::common::repo_root;

const STATE_DIR: &str = "/var/lib/storybot";

fn read(relative: &str) -> String {
    std::fs::read_to_string(repo_root().join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// Logical lines: backslash continuations joined, blank lines and `#` comments dropped.
fn logical_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut pending = String::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
            continue;
        }
        match trimmed.strip_suffix('\\') {
            Some(head) => pending.push_str(head),
            None => lines.push(std::mem::take(&mut pending) + trimmed),
        }
    }
    lines
}

/// The `[Service]` section's settings, in order.
fn service_settings() -> Vec<(String, String)> {
    let mut section = String::new();
    let mut settings = Vec::new();
    for line in logical_lines(&read("deploy/storybot.service")) {
        if line.starts_with('[') {
            section = line;
        } else if section == "[Service]" {
            let (key, value) = line.split_once('=').unwrap_or_else(|| panic!("not a setting: {line}"));
            settings.push((key.trim().to_string(), value.trim().to_string()));
        }
    }
    settings
}

fn is_yes(value: Option<&str>) -> bool {
    matches!(value, Some("yes" | "true" | "on" | "1"))
}

#[test]
fn the_systemd_unit_passes_systemd_analyze_verify() {
    let tool = Command::new("systemd-analyze").arg("--version").output();
    if !tool.is_ok_and(|out| out.status.success()) {
        // CI installs it (.ci/run); a laptop without systemd still runs the rest of the suite.
        eprintln!("skipped: systemd-analyze is not installed (apt-get install systemd to run this test)");
        return;
    }
    // verify needs ExecStart's binary to exist: point it at the one cargo just built.
    let binary = env!("CARGO_BIN_EXE_storybot").replace('%', "%%");
    let unit = read("deploy/storybot.service");
    let mut rewritten = 0;
    let copy: String = unit
        .lines()
        .map(|line| match line.starts_with("ExecStart=") {
            true => {
                rewritten += 1;
                format!("ExecStart=\"{binary}\" serve\n")
            }
            false => format!("{line}\n"),
        })
        .collect();
    assert_eq!(rewritten, 1, "the unit has one ExecStart= line");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("storybot.service");
    std::fs::write(&path, copy).unwrap();
    let out = Command::new("systemd-analyze").arg("verify").arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stderr.trim().is_empty(), "systemd-analyze verify: {}\n{stderr}", out.status);
}

#[test]
fn the_systemd_unit_runs_unprivileged_and_can_write_only_its_state_directory() {
    let settings = service_settings();
    let last = |key: &str| settings.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    let all = |key: &str| -> Vec<&str> {
        settings.iter().filter(|(k, _)| k == key).flat_map(|(_, v)| v.split_whitespace()).collect()
    };

    let user = last("User");
    assert!(is_yes(last("DynamicUser")) || user.is_some(), "DynamicUser=yes or User= is set");
    assert!(!matches!(user, Some("root" | "0")), "the service does not run as root");
    assert_eq!(last("ProtectSystem"), Some("strict"));
    assert!(is_yes(last("NoNewPrivileges")), "NoNewPrivileges=yes");
    assert_eq!(last("CapabilityBoundingSet"), Some(""), "no capabilities");

    for key in ["ReadWritePaths", "RuntimeDirectory", "CacheDirectory", "LogsDirectory"] {
        assert!(all(key).is_empty(), "{key}= would add a writable path besides {STATE_DIR}");
    }
    let state = all("StateDirectory");
    assert!(state.contains(&"storybot"), "StateDirectory=storybot");
    assert!(state.iter().all(|d| *d == "storybot" || d.starts_with("storybot/")), "state directories: {state:?}");
    // The data and index folders default to data/ and index/ in the working directory.
    assert_eq!(last("WorkingDirectory"), Some(STATE_DIR), "relative folders land in the state directory");
    for var in ["STORYBOT_DATA_DIR", "STORYBOT_INDEX_DIR"] {
        let value = all("Environment")
            .iter()
            .find_map(|assignment| assignment.trim_matches('"').strip_prefix(&format!("{var}=")))
            .map(str::to_owned);
        assert!(
            value.as_deref().is_none_or(|v| !v.starts_with('/') || v.starts_with(&format!("{STATE_DIR}/"))),
            "{var} stays inside {STATE_DIR}: {value:?}"
        );
    }
}

/// The words of an exec-form instruction (`["storybot", "health"]`).
pub fn json_words(args: &str) -> Vec<String> {
    serde_json::from_str(args.trim()).unwrap_or_else(|_| panic!("exec form expected: {args}"))
}

/// The Dockerfile's instructions as (INSTRUCTION, arguments), grouped by stage.
pub fn dockerfile_stages() -> Vec<Vec<(String, String)>> {
    let mut stages: Vec<Vec<(String, String)>> = Vec::new();
    for line in logical_lines(&read("Dockerfile")) {
        let (instruction, args) = line.split_once(char::is_whitespace).unwrap_or((&line, ""));
        let instruction = instruction.to_ascii_uppercase();
        if instruction == "FROM" {
            stages.push(Vec::new());
        }
        let stage = stages.last_mut().expect("the Dockerfile starts with FROM");
        stage.push((instruction, args.trim().to_string()));
    }
    stages
}

/// Arguments of COPY/ADD without `--flags`, from shell form or JSON form.
fn copy_arguments(args: &str) -> Vec<String> {
    if let Some(json) = args.strip_prefix('[') {
        let json = json.strip_suffix(']').expect("a JSON array ends with ]");
        return json.split(',').map(|s| s.trim().trim_matches('"').to_string()).collect();
    }
    args.split_whitespace().filter(|a| !a.starts_with("--")).map(str::to_string).collect()
}

#[test]
fn the_dockerfile_builds_in_stages_and_runs_as_a_non_root_user_with_a_health_check() {
    let stages = dockerfile_stages();
    assert!(stages.len() >= 2, "a build stage and a runtime stage, found {} FROM", stages.len());
    let last = stages.last().unwrap();
    let position = |name: &str| last.iter().rposition(|(i, _)| i == name);

    let user = position("USER").expect("the final stage sets USER");
    let entrypoint = position("ENTRYPOINT").expect("the final stage sets ENTRYPOINT");
    assert!(user < entrypoint, "USER comes before ENTRYPOINT");
    let name = last[user].1.split(':').next().unwrap();
    assert!(!name.is_empty() && name != "root" && name != "0", "the final stage runs as a non-root user: {name}");

    let health = position("HEALTHCHECK").expect("the final stage has a HEALTHCHECK");
    assert!(!last[health].1.eq_ignore_ascii_case("NONE"), "HEALTHCHECK NONE turns it off");
}

#[test]
fn every_path_the_dockerfile_copies_from_the_build_context_exists_and_is_not_dockerignored() {
    let ignored: Vec<String> = logical_lines(&read(".dockerignore"))
        .into_iter()
        .filter(|p| !p.starts_with('!'))
        .map(|p| p.trim_start_matches('/').trim_end_matches('/').to_string())
        .collect();
    let mut sources = Vec::new();
    for (instruction, args) in dockerfile_stages().into_iter().flatten() {
        let from_context = matches!(instruction.as_str(), "COPY" | "ADD") && !args.contains("--from=");
        if from_context {
            let mut paths = copy_arguments(&args);
            paths.pop(); // the destination
            sources.extend(paths);
        }
    }
    assert!(!sources.is_empty(), "the Dockerfile copies files from the build context");
    for source in &sources {
        let path = source.trim_start_matches("./").trim_end_matches('/');
        assert!(repo_root().join(path).exists(), "COPY {source}: no such path in the repository");
        let excluded = ignored.iter().any(|p| path == p || path.starts_with(&format!("{p}/")));
        assert!(!excluded, "COPY {source}: excluded from the build context by .dockerignore");
    }
}

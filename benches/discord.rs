//! The Discord path: `storybot serve` (the release binary) against the loopback fake Discord
//! from the tests. Measures the `/ask` round trip against `/help` (a constant reply: the
//! framework's floor), sustained throughput, and the bot's memory after 10,000 and 20,000
//! interactions. Run with `cargo build --release && cargo bench --bench discord`.

#[allow(dead_code)]
#[path = "../tests/discord/fake.rs"]
mod fake;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fake::FakeDiscord;
use serde_json::json;

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn is_callback(r: &fake::Request) -> bool {
    r.path.ends_with("/callback")
}

/// Sends `n` interactions as fast as possible and waits for every callback.
async fn burst(fake: &FakeDiscord, n: usize, command: &str) -> (Duration, usize) {
    let mark = fake.mark();
    let start = Instant::now();
    for i in 0..n {
        let question =
            ["Who runs SoftBank?", "How big is Project Stargate?", "What did Musk say about the money?"][i % 3];
        match command {
            "ask" => fake.command("ask", &[("question", json!(question))]),
            other => fake.command(other, &[]),
        };
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let done = fake.count_after(mark, is_callback);
        if done >= n || Instant::now() > deadline {
            return (start.elapsed(), done);
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

async fn round_trip(fake: &FakeDiscord, command: &str) -> Duration {
    let t = Instant::now();
    let id = match command {
        "ask" => fake.command("ask", &[("question", json!("How big is Project Stargate?"))]),
        other => fake.command(other, &[]),
    };
    let path = format!("/interactions/{id}/");
    let mark = fake.mark().saturating_sub(2);
    fake.request_after(mark, Duration::from_secs(10), |r| r.path.contains(&path)).await;
    t.elapsed()
}

fn serve(fake: &FakeDiscord, dir: &std::path::Path) -> Child {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let bin = root.join("target/release/storybot");
    assert!(bin.exists(), "build the release binary first: cargo build --release");
    Command::new(bin)
        .arg("serve")
        .env("DISCORD_TOKEN", fake::TOKEN)
        .env("DISCORD_GUILD_ID", fake::GUILD)
        .env("DISCORD_API_BASE", &fake.rest_base)
        .env("STORYBOT_COOLDOWN_SECS", "0")
        .env("STORYBOT_CORPUS_DIR", root.join("corpus"))
        .env("STORYBOT_INDEX_DIR", dir.join("index"))
        .env("STORYBOT_DATA_DIR", dir.join("data"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() {
    let fake = FakeDiscord::start().await;
    let index = tempfile::tempdir().unwrap();
    let mut bot = serve(&fake, index.path());
    fake.ready().await;
    println!("serve RSS after start-up: {:.1} MB", rss_kib(bot.id()) as f64 / 1024.0);

    // Round trips, alternating the two commands so drift affects both alike.
    let (mut ask, mut help) = (Vec::new(), Vec::new());
    for _ in 0..300 {
        ask.push(round_trip(&fake, "ask").await);
        help.push(round_trip(&fake, "help").await);
    }
    ask.sort();
    help.sort();
    let (a, h) = (ask[ask.len() / 2], help[help.len() / 2]);
    println!("round trip p50: /ask {a:?}, /help {h:?} ({:.2}x)", a.as_secs_f64() / h.as_secs_f64());
    println!("serve RSS after 600 interactions: {:.1} MB", rss_kib(bot.id()) as f64 / 1024.0);

    // Sustained throughput: 2,000 /ask at once, three times.
    for _ in 0..3 {
        let (elapsed, done) = burst(&fake, 2000, "ask").await;
        println!(
            "burst: 2000 /ask answered {done} in {elapsed:?} ({:.0}/s), lost {}",
            done as f64 / elapsed.as_secs_f64(),
            2000 - done
        );
    }

    println!(
        "serve RSS after these bursts: {:.1} MB (high-water mark of 2,000 requests in flight)",
        rss_kib(bot.id()) as f64 / 1024.0
    );
    let _ = Command::new("kill").args(["-TERM", &bot.id().to_string()]).status();
    let _ = bot.wait();

    // Memory of a fresh bot after 10,000 and 20,000 interactions at a steady pace (batches of
    // 50 in flight).
    let fake = FakeDiscord::start().await;
    let mut bot = serve(&fake, index.path());
    fake.ready().await;
    let mut rss = Vec::new();
    for _ in 0..2 {
        for _ in 0..200 {
            burst(&fake, 50, "ask").await;
        }
        rss.push(rss_kib(bot.id()) as f64 / 1024.0);
    }
    println!("serve RSS at a steady pace: {:.1} MB after 10,000 interactions, {:.1} MB after 20,000", rss[0], rss[1]);
    let _ = Command::new("kill").args(["-TERM", &bot.id().to_string()]).status();
    let _ = bot.wait();
}

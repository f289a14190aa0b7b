//! Scale: a seeded synthetic corpus of story-like articles with quotes (50, 500 and 5,000
//! articles), measuring index build throughput, question latency and the memory of
//! `storybot serve` holding it. Run with `cargo build --release && cargo bench --bench scale`.

#[allow(dead_code)]
#[path = "../tests/discord/fake.rs"]
mod fake;

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;
use storybot::corpus::Corpus;
use storybot::Engine;

/// splitmix64: a tiny, seeded generator, so every run writes the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const FIRST: &[&str] =
    &["Dana", "Omar", "Lena", "Ravi", "Mira", "Tomas", "Ines", "Kofi", "Yuki", "Petra", "Hugo", "Sana"];
const LAST: &[&str] =
    &["Whitfield", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Castillo", "Novak", "Haddad", "Brennan", "Iyer"];
const ORGS: &[&str] = &[
    "Harbor Transit",
    "Northwind Energy",
    "Civic Labs",
    "Bluefield Bank",
    "Metro Council",
    "Apex Robotics",
    "Riverside Hospital",
];
const NOUNS: &[&str] = &[
    "ferry", "budget", "bridge", "contract", "tariff", "pipeline", "merger", "lawsuit", "election", "stadium",
    "reactor", "vaccine", "subsidy", "strike",
];
const VERBS: &[&str] =
    &["approved", "delayed", "criticized", "funded", "cancelled", "defended", "announced", "investigated", "expanded"];
const PLACES: &[&str] = &["Port Avery", "Lakeside", "New Harrow", "Eastmoor", "Kingsford"];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

fn article(rng: &mut Rng, n: usize) -> String {
    let people: Vec<String> = (0..3).map(|_| format!("{} {}", rng.pick(FIRST), rng.pick(LAST))).collect();
    let org = rng.pick(ORGS);
    let topic = rng.pick(NOUNS);
    let mut body = String::new();
    let mut quotes = Vec::new();
    for p in 0..6 {
        for s in 0..7 {
            let person = &people[(p + s) % 3];
            let noun = rng.pick(NOUNS);
            let sentence = match rng.next() % 5 {
                0 => format!("{org} {} the {topic} in {} on {}.", rng.pick(VERBS), rng.pick(PLACES), rng.pick(DAYS)),
                1 => format!("The {noun} will cost ${} million, according to {person}.", rng.next() % 900 + 10),
                2 => {
                    let words = format!("the {noun} is a test for {} and for every family here,", rng.pick(PLACES));
                    quotes.push((person.clone(), words.clone()));
                    format!("“{words}” {person} said.")
                }
                3 => format!(
                    "Critics of {org} said the {noun} {} the {topic} in {}.",
                    rng.pick(VERBS),
                    2000 + rng.next() % 25
                ),
                _ => format!("{person} met officials from {org} to discuss the {noun} and the {topic}."),
            };
            body.push_str(&sentence);
            body.push(' ');
        }
        body.push_str("\n\n");
    }
    let mut out = format!(
        "+++\ntitle = \"{org} and the {topic}, part {n}\"\ndate = \"2024-0{}-1{}\"\n",
        rng.next() % 9 + 1,
        rng.next() % 9
    );
    for person in &people {
        let last = person.split(' ').nth(1).unwrap_or_default();
        let _ = write!(out, "\n[[entities]]\nname = \"{person}\"\nkind = \"person\"\naliases = [\"{last}\"]\n");
    }
    for (speaker, words) in quotes.iter().take(6) {
        let _ = write!(out, "\n[[quotes]]\nspeaker = \"{speaker}\"\ntext = \"{words}\"\n");
    }
    out.push_str("+++\n");
    out.push_str(&body);
    out
}

fn generate(dir: &Path, articles: usize) -> usize {
    let mut rng = Rng(42);
    let mut bytes = 0;
    for n in 0..articles {
        let text = article(&mut rng, n);
        bytes += text.len();
        std::fs::write(dir.join(format!("article-{n:05}.txt")), text).unwrap();
    }
    bytes
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/storybot");
    println!("| articles | sentences | corpus MB | index build | build MB/s | ask p50 | ask p99 | serve RSS |");
    println!("|---|---|---|---|---|---|---|---|");
    for articles in [50, 500, 5000] {
        let corpus_dir = tempfile::tempdir().unwrap();
        let index_dir = tempfile::tempdir().unwrap();
        let bytes = generate(corpus_dir.path(), articles);

        let t = Instant::now();
        let corpus = Corpus::load_dir(corpus_dir.path()).unwrap();
        let sentences = corpus.sentences.len();
        storybot::index::rebuild(index_dir.path(), &corpus).unwrap();
        let build = t.elapsed();

        let engine = Engine::open(corpus_dir.path(), index_dir.path()).unwrap();
        let mut rng = Rng(7);
        let mut samples: Vec<Duration> = Vec::new();
        for i in 0..2000 {
            let q = match i % 4 {
                0 => format!("What did {} say about the {}?", rng.pick(LAST), rng.pick(NOUNS)),
                1 => format!("How much will the {} cost?", rng.pick(NOUNS)),
                2 => format!("When did {} approve the {}?", rng.pick(ORGS), rng.pick(NOUNS)),
                _ => format!("Who met officials from {}?", rng.pick(ORGS)),
            };
            let t = Instant::now();
            std::hint::black_box(engine.ask(&q, 3).unwrap());
            samples.push(t.elapsed());
        }
        samples.sort();
        drop(engine);

        let rss = if bin.exists() {
            let fake = fake::FakeDiscord::start().await;
            let mut child = Command::new(&bin)
                .arg("serve")
                .env("DISCORD_TOKEN", fake::TOKEN)
                .env("DISCORD_GUILD_ID", fake::GUILD)
                .env("DISCORD_API_BASE", &fake.rest_base)
                .env("STORYBOT_COOLDOWN_SECS", "0")
                .env("STORYBOT_CORPUS_DIR", corpus_dir.path())
                .env("STORYBOT_INDEX_DIR", index_dir.path())
                .env("RUST_LOG", "warn")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            fake.ready().await;
            for _ in 0..200 {
                let id = fake.command("ask", &[("question", json!("How much will the ferry cost?"))]);
                let path = format!("/interactions/{id}/");
                fake.request_after(fake.mark().saturating_sub(2), Duration::from_secs(10), |r| r.path.contains(&path))
                    .await;
            }
            let rss = rss_kib(child.id()) as f64 / 1024.0;
            let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
            let _ = child.wait();
            format!("{rss:.0} MB")
        } else {
            "(build release)".to_string()
        };
        println!(
            "| {articles} | {sentences} | {:.1} | {:.2} s | {:.1} | {:?} | {:?} | {rss} |",
            bytes as f64 / 1e6,
            build.as_secs_f64(),
            bytes as f64 / 1e6 / build.as_secs_f64(),
            samples[samples.len() / 2],
            samples[samples.len() * 99 / 100],
        );
    }
}

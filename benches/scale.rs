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

/// One corpus size's figures.
struct Row {
    articles: usize,
    build_s: f64,
    mb_per_s: f64,
    p50_ms: f64,
    p99_ms: f64,
    rss_mb: Option<f64>,
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bin = root.join("target/release/storybot");
    println!("| articles | sentences | corpus MB | index build | build MB/s | ask p50 | ask p99 | serve RSS |");
    println!("|---|---|---|---|---|---|---|---|");
    let mut rows = Vec::new();
    for articles in [50, 500, 5000] {
        let corpus_dir = tempfile::tempdir().unwrap();
        let index_dir = tempfile::tempdir().unwrap();
        let bytes = generate(corpus_dir.path(), articles);

        // Loading, segmenting and indexing from the files, median of three builds.
        let mut builds: Vec<Duration> = Vec::new();
        let mut sentences = 0;
        for _ in 0..3 {
            let t = Instant::now();
            let corpus = Corpus::load_dir(corpus_dir.path()).unwrap();
            sentences = corpus.sentences.len();
            storybot::index::rebuild(index_dir.path(), &corpus).unwrap();
            builds.push(t.elapsed());
        }
        builds.sort();
        let build = builds[1];

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

        let rss_mb =
            if bin.exists() { Some(serve_rss_mb(&bin, corpus_dir.path(), index_dir.path()).await) } else { None };
        let row = Row {
            articles,
            build_s: build.as_secs_f64(),
            mb_per_s: bytes as f64 / 1e6 / build.as_secs_f64(),
            p50_ms: samples[samples.len() / 2].as_secs_f64() * 1e3,
            p99_ms: samples[samples.len() * 99 / 100].as_secs_f64() * 1e3,
            rss_mb,
        };
        println!(
            "| {articles} | {sentences} | {:.1} | {:.2} s | {:.1} | {:.2} ms | {:.2} ms | {} |",
            bytes as f64 / 1e6,
            row.build_s,
            row.mb_per_s,
            row.p50_ms,
            row.p99_ms,
            row.rss_mb.map_or("(build release)".to_string(), |mb| format!("{mb:.0} MB")),
        );
        rows.push(row);
    }
    let plot = root.join("benches/scale.svg");
    std::fs::write(&plot, svg(&rows)).unwrap();
    println!("plot written to {}", plot.strip_prefix(root).unwrap_or(&plot).display());
}

/// RSS of `storybot serve` on this corpus after 200 `/ask` round trips through the fake.
async fn serve_rss_mb(bin: &Path, corpus_dir: &Path, index_dir: &Path) -> f64 {
    let fake = fake::FakeDiscord::start().await;
    let mut child = Command::new(bin)
        .arg("serve")
        .env("DISCORD_TOKEN", fake::TOKEN)
        .env("DISCORD_GUILD_ID", fake::GUILD)
        .env("DISCORD_API_BASE", &fake.rest_base)
        .env("STORYBOT_COOLDOWN_SECS", "0")
        .env("STORYBOT_CORPUS_DIR", corpus_dir)
        .env("STORYBOT_INDEX_DIR", index_dir)
        // The database goes in the bench's temporary folder too (the index ignores it).
        .env("STORYBOT_DATA_DIR", index_dir.join("data"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    fake.ready().await;
    for _ in 0..200 {
        let id = fake.command("ask", &[("question", json!("How much will the ferry cost?"))]);
        let path = format!("/interactions/{id}/");
        fake.request_after(fake.mark().saturating_sub(2), Duration::from_secs(10), |r| r.path.contains(&path)).await;
    }
    let rss = rss_kib(child.id()) as f64 / 1024.0;
    let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    let _ = child.wait();
    rss
}

/// Three log-log panels (build time, question latency, serve memory) against corpus size.
fn svg(rows: &[Row]) -> String {
    const W: f64 = 300.0;
    const H: f64 = 220.0;
    const PAD: f64 = 45.0;
    type Series<'a> = (&'a str, &'a str, Vec<f64>);
    let panels: [(&str, Vec<Series>); 3] = [
        ("index build (s)", vec![("build", "#1f77b4", rows.iter().map(|r| r.build_s).collect())]),
        (
            "ask latency (ms)",
            vec![
                ("p50", "#2ca02c", rows.iter().map(|r| r.p50_ms).collect()),
                ("p99", "#d62728", rows.iter().map(|r| r.p99_ms).collect()),
            ],
        ),
        ("serve RSS (MB)", vec![("RSS", "#9467bd", rows.iter().map(|r| r.rss_mb.unwrap_or(f64::NAN)).collect())]),
    ];
    let xs: Vec<f64> = rows.iter().map(|r| (r.articles as f64).log10()).collect();
    let (x_lo, x_hi) = (xs[0] - 0.2, xs[xs.len() - 1] + 0.2);
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" font-family="sans-serif" font-size="11">"#,
        W * 3.0,
        H
    );
    let _ = write!(out, r#"<rect width="100%" height="100%" fill="white"/>"#);
    for (i, (title, series)) in panels.iter().enumerate() {
        let left = i as f64 * W;
        let values: Vec<f64> =
            series.iter().flat_map(|s| s.2.iter().copied()).filter(|v| v.is_finite() && *v > 0.0).collect();
        if values.is_empty() {
            continue;
        }
        let y_lo = values.iter().copied().fold(f64::MAX, f64::min).log10().floor();
        let y_hi = values.iter().copied().fold(f64::MIN, f64::max).log10().ceil().max(y_lo + 1.0);
        let px = |x: f64| left + PAD + (x - x_lo) / (x_hi - x_lo) * (W - PAD - 15.0);
        let py = |y: f64| H - PAD + 10.0 - (y.log10() - y_lo) / (y_hi - y_lo) * (H - PAD - 25.0);
        let _ = write!(
            out,
            r#"<text x="{}" y="14" text-anchor="middle" font-weight="bold">{title}</text>"#,
            left + W / 2.0
        );
        let _ = write!(
            out,
            r##"<line x1="{0}" y1="{1}" x2="{2}" y2="{1}" stroke="#333"/><line x1="{0}" y1="{1}" x2="{0}" y2="25" stroke="#333"/>"##,
            left + PAD,
            H - PAD + 10.0,
            left + W - 15.0
        );
        for decade in y_lo as i32..=y_hi as i32 {
            let v = 10f64.powi(decade);
            let (x0, x1, y) = (left + PAD, left + W - 15.0, py(v));
            let _ = write!(
                out,
                r##"<text x="{}" y="{}" text-anchor="end">{v}</text><line x1="{x0}" y1="{y:.1}" x2="{x1}" y2="{y:.1}" stroke="#ddd"/>"##,
                x0 - 4.0,
                y + 4.0,
            );
        }
        for (r, x) in rows.iter().zip(&xs) {
            let _ = write!(
                out,
                r#"<text x="{}" y="{}" text-anchor="middle">{}</text>"#,
                px(*x),
                H - PAD + 24.0,
                r.articles
            );
        }
        let _ = write!(out, r#"<text x="{}" y="{}" text-anchor="middle">articles</text>"#, left + W / 2.0, H - 6.0);
        for (n, (name, colour, ys)) in series.iter().enumerate() {
            let points: Vec<String> = xs
                .iter()
                .zip(ys)
                .filter(|(_, y)| y.is_finite() && **y > 0.0)
                .map(|(x, y)| format!("{:.1},{:.1}", px(*x), py(*y)))
                .collect();
            let _ = write!(
                out,
                r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2"/>"#,
                points.join(" ")
            );
            for p in &points {
                let (cx, cy) = p.split_once(',').unwrap_or_default();
                let _ = write!(out, r#"<circle cx="{cx}" cy="{cy}" r="3" fill="{colour}"/>"#);
            }
            let _ = write!(
                out,
                r#"<text x="{}" y="{}" fill="{colour}">{name}</text>"#,
                left + PAD + 8.0,
                38.0 + n as f64 * 13.0
            );
        }
    }
    out.push_str("</svg>\n");
    out
}

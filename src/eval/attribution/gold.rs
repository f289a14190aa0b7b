//! The gold labels of an attribution test set, one JSON object per article and line (the
//! news-dev schema: `quotes`, `people`, `orgs`, `amounts`, `dates`), and the optional `checks.jsonl`
//! beside them (`whosaid` and `verify` cases).

use std::path::Path;

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Article {
    pub id: String,
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    #[serde(default)]
    pub people: Vec<GoldPerson>,
    /// Organisations, each as the article words it (an acronym is one of its own).
    #[serde(default)]
    pub orgs: Vec<String>,
    #[serde(default)]
    pub amounts: Vec<String>,
    #[serde(default)]
    pub dates: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    pub text: String,
    pub speaker: Option<String>,
    /// `direct`, `partial` or `other` (not speech: skipped by recall, never counted false).
    pub kind: String,
    /// Words one of which a speaker must hold; by default the speaker's last word.
    #[serde(default)]
    pub accept: Vec<String>,
    /// The n-th occurrence of `text` after a quote mark (1-based).
    #[serde(default)]
    pub occurrence: Option<usize>,
}

impl GoldQuote {
    pub fn is_speech(&self) -> bool {
        self.kind != "other"
    }

    /// The words that identify the speaker.
    pub fn accepted(&self) -> Vec<String> {
        if !self.accept.is_empty() {
            return self.accept.clone();
        }
        self.speaker.as_deref().and_then(|s| s.split_whitespace().next_back()).map(str::to_string).into_iter().collect()
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldPerson {
    pub name: String,
    #[serde(default)]
    pub role: Option<Roles>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A role as one string or several.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Roles {
    One(String),
    Many(Vec<String>),
}

impl Roles {
    pub fn all(&self) -> Vec<&str> {
        match self {
            Roles::One(r) => vec![r.as_str()],
            Roles::Many(rs) => rs.iter().map(String::as_str).collect(),
        }
    }
}

/// One article's `whosaid` case and `verify` claims.
#[derive(Debug, Clone, Deserialize)]
pub struct Checks {
    pub id: String,
    pub whosaid: Option<WhosaidCase>,
    #[serde(default)]
    pub verify: Vec<VerifyCase>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct WhosaidCase {
    pub text: String,
    pub gold_quote: String,
    #[serde(default)]
    pub accept: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct VerifyCase {
    /// `exact`, `altered` or `misattributed`.
    pub case: String,
    pub claim: String,
    pub expect_verdict: String,
    pub expect_misattributed: Option<bool>,
}

/// Reads a JSON-lines file, naming the file and line of the first bad line.
pub fn read_lines<T: for<'de> Deserialize<'de>>(path: &Path) -> anyhow::Result<Vec<T>> {
    let parsed = crate::eval::parse_lines(path, |line| {
        serde_json::from_str(line).map_err(|e| format!("not a valid line: {e}"))
    })?;
    Ok(parsed.into_iter().map(|(_, item)| item).collect())
}

//! Reading evaluation questions: the repo's text format (also what `feedback export` writes)
//! and JSON lines naming one-story corpora.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::UserError;

/// One question with what counts as a right answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    /// Folder of the corpus the question is about; `None`: the configured corpus.
    pub corpus: Option<PathBuf>,
    pub question: String,
    /// Phrases, any one of which the answering sentence must contain; empty when the story
    /// does not answer the question.
    pub gold: Vec<String>,
    /// Where the case was read, for messages.
    pub line: usize,
    /// What the question asks for, when the file says (`type` of a JSON line: "amount",
    /// "who_said", …): the report gives each its own figures.
    pub kind: Option<String>,
}

impl Case {
    pub fn answerable(&self) -> bool {
        !self.gold.is_empty()
    }

    /// Whether `sentence` holds one of the gold phrases, compared as [`fold`] writes them.
    pub fn answered_by(&self, sentence: &str) -> bool {
        let sentence = fold(sentence);
        self.gold.iter().any(|g| sentence.contains(&fold(g)))
    }
}

/// The cases of a questions file. JSON lines (`{"corpus" or "id", "q", "gold",
/// "impossible"}`) name a folder under `corpora`; text lines (`split | question | phrase ||
/// phrase`, `-` for no answer) are about the configured corpus.
///
/// # Errors
/// A [`UserError`] naming the file and line of the first malformed case, or one that cannot
/// be read.
pub fn read(path: &Path, corpora: &Path) -> anyhow::Result<Vec<Case>> {
    let parsed =
        super::parse_lines(
            path,
            |line| if line.starts_with('{') { json_case(line, corpora) } else { text_case(line) },
        )?;
    if parsed.is_empty() {
        return Err(UserError::new(format!("{} holds no questions", path.display())).into());
    }
    Ok(parsed.into_iter().map(|(line, case)| Case { line, ..case }).collect())
}

fn text_case(line: &str) -> Result<Case, String> {
    let parts: Vec<&str> = line.split(" | ").map(str::trim).collect();
    let [_split, question, phrases] = parts.as_slice() else {
        return Err("expected `split | question | phrase` (three fields separated by ` | `)".into());
    };
    let gold = if *phrases == "-" { Vec::new() } else { phrases.split(" || ").map(str::to_string).collect() };
    checked(Case { corpus: None, question: question.to_string(), gold, line: 0, kind: None })
}

#[derive(Deserialize)]
struct JsonCase {
    corpus: Option<String>,
    id: Option<String>,
    q: String,
    #[serde(default)]
    gold: Vec<String>,
    impossible: Option<bool>,
    #[serde(rename = "type")]
    kind: Option<String>,
}

fn json_case(line: &str, corpora: &Path) -> Result<Case, String> {
    let raw: JsonCase = serde_json::from_str(line).map_err(|e| format!("not a question object: {e}"))?;
    let name = raw.corpus.or(raw.id).ok_or("names no corpus (`corpus` or `id`)")?;
    if name.is_empty() || name.contains(['/', '\\']) || name == ".." {
        return Err(format!("`{name}` is not a corpus folder name"));
    }
    match raw.impossible {
        Some(true) if !raw.gold.is_empty() => return Err("is `impossible` but lists gold answers".into()),
        Some(false) if raw.gold.is_empty() => return Err("is answerable but lists no gold answer".into()),
        _ => {}
    }
    let kind = raw.kind.filter(|k| !k.trim().is_empty());
    checked(Case { corpus: Some(corpora.join(name)), question: raw.q, gold: raw.gold, line: 0, kind })
}

fn checked(case: Case) -> Result<Case, String> {
    if case.question.trim().is_empty() {
        return Err("the question is empty".into());
    }
    if case.gold.iter().any(|g| g.trim().is_empty()) {
        return Err("a gold phrase is empty".into());
    }
    Ok(case)
}

/// Text as answers are compared: NFC, lower case, straight quotes, single spaces.
pub fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    let straight = text.nfc().map(|c| match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
        c => c,
    });
    let lower: String = straight.flat_map(char::to_lowercase).collect();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use anyhow::Context as _;

    use super::*;

    fn read_text(text: &str) -> anyhow::Result<Vec<Case>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("q.txt");
        std::fs::write(&path, text)?;
        read(&path, Path::new("corpora"))
    }

    #[test]
    fn text_lines_give_questions_about_the_configured_corpus() -> anyhow::Result<()> {
        let cases =
            read_text("# comment\n\ntune | How big? | $500 billion || half a trillion\nheld-out | Who won? | -\n")?;
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[0].gold, ["$500 billion", "half a trillion"]);
        assert_eq!((cases[0].corpus.as_ref(), cases[0].line), (None, 3));
        assert!(!cases[1].answerable());
        Ok(())
    }

    #[test]
    fn json_lines_name_a_folder_under_the_corpora() -> anyhow::Result<()> {
        let cases = read_text(
            "{\"corpus\": \"Rhine\", \"q\": \"How long?\", \"gold\": [\"1,230 km\"], \"impossible\": false}\n\
             {\"id\": \"bbc-1\", \"q\": \"Who?\", \"gold\": [], \"impossible\": true, \"type\": \"who\"}\n",
        )?;
        assert_eq!(cases[0].corpus.as_deref(), Some(Path::new("corpora/Rhine")));
        assert_eq!(cases[1].corpus.as_deref(), Some(Path::new("corpora/bbc-1")));
        assert!(!cases[1].answerable());
        assert_eq!((cases[0].kind.as_deref(), cases[1].kind.as_deref()), (None, Some("who")));
        Ok(())
    }

    #[test]
    fn a_malformed_line_is_named_by_file_and_line() -> anyhow::Result<()> {
        for bad in [
            "tune | only two",
            "{\"q\": \"no corpus\"}",
            "{\"corpus\": \"../etc\", \"q\": \"x\", \"gold\": [\"y\"]}",
            "{\"corpus\": \"a\", \"q\": \"x\", \"gold\": [], \"impossible\": false}",
            "{\"corpus\": \"a\", \"q\": \"x\", \"gold\": [\"y\"], \"impossible\": true}",
            "{\"corpus\": \"a\", \"q\": 3}",
            "tune |  | phrase",
        ] {
            let Err(err) = read_text(&format!("# header\n{bad}\n")) else { anyhow::bail!("{bad} was accepted") };
            let user = err.downcast_ref::<UserError>().context("a user error")?;
            assert!(user.to_string().contains("q.txt:2: "), "{user}");
        }
        Ok(())
    }

    #[test]
    fn a_file_without_questions_is_refused() {
        assert!(read_text("# nothing\n").is_err());
    }

    #[test]
    fn answers_match_regardless_of_case_quote_style_and_spacing() {
        let case =
            Case { corpus: None, question: "q".into(), gold: vec!["Don't  \"stop\"".into()], line: 1, kind: None };
        assert!(case.answered_by("He said: “DON’T “stop”” now."));
        assert!(!case.answered_by("He said go."));
    }
}

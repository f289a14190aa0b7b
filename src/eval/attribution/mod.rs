//! Measures the story commands against hand-labelled articles: quotes found and their
//! speakers, people and roles, amounts and dates, and (from a `checks.jsonl` beside the gold
//! file) `whosaid` and `verify`.
//!
//! The gold file has one line per article (see [`gold`]); the corpora folder has one folder
//! per article id holding that story as its only corpus. Conventions: a quote is found when a
//! quote of the story shares at least half of the longer of the two spans with it; a speaker
//! is right when it holds one of the gold `accept` words (by default the gold speaker's last
//! word); people match by surname; amounts and dates match when one string holds the other
//! with the same numbers. `other` quotes (titles, scare quotes) are neither needed nor false.

pub mod gold;
mod report;
mod score;

use std::path::Path;

use crate::answer::Engine;
use crate::corpus::Corpus;
use crate::error::UserError;

pub use report::{Count, Report, Scores};

/// Scores every article of `gold` against its corpus under `corpora`.
///
/// # Errors
/// A [`UserError`] naming the file (and line) of a malformed gold or checks line, or the
/// article whose corpus folder is missing or unusable.
pub fn run(gold: &Path, corpora: &Path) -> anyhow::Result<Report> {
    let articles: Vec<gold::Article> = gold::read_lines(gold)?;
    let checks_path = gold.with_file_name("checks.jsonl");
    let checks: Vec<gold::Checks> = if checks_path.is_file() { gold::read_lines(&checks_path)? } else { Vec::new() };
    let mut report = Report::default();
    for article in &articles {
        let dir = corpora.join(&article.id);
        if !dir.is_dir() {
            return Err(UserError::new(format!(
                "{}: article {} has no corpus folder {}",
                gold.display(),
                article.id,
                dir.display()
            ))
            .into());
        }
        let corpus = Corpus::load_dir(&dir).map_err(|e| UserError::new(format!("article {}: {e:#}", article.id)))?;
        let engine = Engine::in_memory(corpus)?;
        let check = checks.iter().find(|c| c.id == article.id);
        report.add(&article.id, score::article(&engine, article, check));
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "+++\ntitle = \"Waits cut\"\n+++\nHealth minister Jane Hewitt said: \"We have cut waits to 26 weeks. \"We are going further.\n\n\"Nobody will wait a year,\" she said. Campaigner Tom Reid said it was \"a stunt\".\n";

    fn folder(gold: &str) -> tempfile::TempDir {
        folder_with(STORY, gold)
    }

    fn folder_with(text: &str, gold: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let story = dir.path().join("corpora/waits");
        std::fs::create_dir_all(&story).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(story.join("waits.txt"), text).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join("gold.jsonl"), gold).unwrap_or_else(|e| panic!("{e}"));
        dir
    }

    #[test]
    fn a_labelled_story_is_scored_quote_by_quote() -> anyhow::Result<()> {
        let gold = r#"{"id": "waits", "quotes": [{"text": "We have cut waits to 26 weeks.", "speaker": "Jane Hewitt", "kind": "direct"}, {"text": "We are going further.", "speaker": "Jane Hewitt", "kind": "direct"}, {"text": "Nobody will wait a year,", "speaker": "Jane Hewitt", "kind": "direct"}, {"text": "a stunt", "speaker": "Tom Reid", "kind": "partial"}], "people": [{"name": "Jane Hewitt", "role": "Health minister"}, {"name": "Tom Reid", "role": null}], "amounts": ["26 weeks"], "dates": []}"#;
        let dir = folder(gold);
        let report = run(&dir.path().join("gold.jsonl"), &dir.path().join("corpora"))?;
        let o = &report.overall;
        assert_eq!((o.quotes_recall.hits, o.quotes_recall.total), (4, 4), "{:?}", o.problems);
        assert_eq!((o.quotes_precision.hits, o.quotes_precision.total), (4, 4));
        assert_eq!(o.right_speaker.hits, 4, "{:?}", o.problems);
        assert_eq!((o.people_recall.hits, o.roles.hits), (2, 1), "{:?}", o.problems);
        assert_eq!(o.amounts_recall.hits, 1, "{:?}", o.problems);
        assert!(report.to_string().contains("overall"));
        Ok(())
    }

    #[test]
    fn organisations_are_scored_by_any_of_their_names_and_a_false_find_is_named() -> anyhow::Result<()> {
        let story = "+++\ntitle = \"Jobs\"\n+++\nThe World Trade Organisation (WTO) ends quotas. The Football \
                     Association agreed. Oxfam did not.\n";
        let gold = r#"{"id": "waits", "orgs": ["WTO", "Oxfam"]}"#;
        let dir = folder_with(story, gold);
        let report = run(&dir.path().join("gold.jsonl"), &dir.path().join("corpora"))?;
        let (o, problems) = (&report.overall, &report.articles[0].1.problems);
        assert_eq!((o.organisations_recall.hits, o.organisations_recall.total), (1, 2), "{problems:?}");
        assert_eq!((o.organisations_precision.hits, o.organisations_precision.total), (1, 2), "{problems:?}");
        assert!(problems.contains(&"organisation missed: Oxfam".to_string()), "{problems:?}");
        assert!(problems.contains(&"not a gold organisation: Football Association".to_string()), "{problems:?}");
        Ok(())
    }

    #[test]
    fn a_gold_quote_is_found_in_the_body_even_when_the_title_quotes_it_first() -> anyhow::Result<()> {
        let story = "+++\ntitle = \"Waits 'a stunt' - Reid\"\n+++\nCampaigner Tom Reid said the cut was 'a stunt'.\n";
        let gold = r#"{"id": "waits", "quotes": [{"text": "a stunt", "speaker": "Tom Reid", "kind": "partial"}]}"#;
        let dir = folder_with(story, gold);
        let o = run(&dir.path().join("gold.jsonl"), &dir.path().join("corpora"))?.overall;
        assert_eq!((o.quotes_recall.hits, o.quotes_recall.total), (1, 1), "{:?}", o.problems);
        Ok(())
    }

    #[test]
    fn the_misses_name_each_wrong_speaker_under_its_article_and_nothing_for_a_clean_one() -> anyhow::Result<()> {
        let story = "+++\ntitle = \"Waits\"\n+++\nCampaigner Tom Reid said the cut was \"a stunt\".\n";
        let people = r#""people": [{"name": "Tom Reid", "role": "Campaigner"}]"#;
        let misses = |speaker: &str| -> anyhow::Result<String> {
            let quote = format!(r#"{{"text": "a stunt", "speaker": "{speaker}", "kind": "partial"}}"#);
            let dir = folder_with(story, &format!(r#"{{"id": "waits", "quotes": [{quote}], {people}}}"#));
            Ok(run(&dir.path().join("gold.jsonl"), &dir.path().join("corpora"))?.misses())
        };
        assert_eq!(misses("Jane Hewitt")?, "waits\n  speaker \"Tom Reid\" should be \"Jane Hewitt\": \"a stunt\"\n");
        assert_eq!(misses("Tom Reid")?, "");
        Ok(())
    }

    #[test]
    fn a_malformed_gold_line_is_reported_with_its_file_and_line() {
        let dir = folder("{\"id\": \"waits\"}\n{not json\n");
        let err = run(&dir.path().join("gold.jsonl"), &dir.path().join("corpora")).err().map(|e| e.to_string());
        assert!(err.as_deref().is_some_and(|e| e.contains("gold.jsonl:2:")), "{err:?}");
    }

    #[test]
    fn an_article_without_a_corpus_folder_is_named() {
        let dir = folder("{\"id\": \"missing\"}\n");
        let err = run(&dir.path().join("gold.jsonl"), &dir.path().join("corpora")).err().map(|e| e.to_string());
        assert!(err.as_deref().is_some_and(|e| e.contains("missing")), "{err:?}");
    }
}

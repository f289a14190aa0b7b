//! The scores of each article and of all of them, as a table or JSON.

use std::fmt;

/// `hits` out of `total`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Count {
    pub hits: usize,
    pub total: usize,
}

impl Count {
    pub fn add(&mut self, hit: bool) {
        self.hits += usize::from(hit);
        self.total += 1;
    }

    pub fn ratio(self) -> Option<f64> {
        (self.total > 0).then(|| self.hits as f64 / self.total as f64)
    }

    fn merge(&mut self, other: Count) {
        self.hits += other.hits;
        self.total += other.total;
    }
}

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.ratio() {
            Some(r) => write!(f, "{r:.2} ({}/{})", self.hits, self.total),
            None => write!(f, "-"),
        }
    }
}

/// One article's scores (or the sum over articles), with what went wrong in words.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Scores {
    pub quotes_recall: Count,
    pub quotes_precision: Count,
    /// Of the gold quotes found, those given the right speaker.
    pub right_speaker: Count,
    pub people_recall: Count,
    pub people_precision: Count,
    /// Of the gold people with a role, those found with it.
    pub roles: Count,
    pub organisations_recall: Count,
    pub organisations_precision: Count,
    pub amounts_recall: Count,
    pub amounts_precision: Count,
    pub dates_recall: Count,
    pub dates_precision: Count,
    pub whosaid: Count,
    pub verify_exact: Count,
    pub verify_altered: Count,
    pub verify_misattributed: Count,
    /// Misses and false finds, one line each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
}

impl Scores {
    fn merge(&mut self, o: &Scores) {
        for (mine, theirs) in self.counts_mut().into_iter().zip(o.counts()) {
            mine.merge(theirs);
        }
    }

    fn counts(&self) -> [Count; 16] {
        [
            self.quotes_recall,
            self.quotes_precision,
            self.right_speaker,
            self.people_recall,
            self.people_precision,
            self.roles,
            self.organisations_recall,
            self.organisations_precision,
            self.amounts_recall,
            self.amounts_precision,
            self.dates_recall,
            self.dates_precision,
            self.whosaid,
            self.verify_exact,
            self.verify_altered,
            self.verify_misattributed,
        ]
    }

    fn counts_mut(&mut self) -> [&mut Count; 16] {
        [
            &mut self.quotes_recall,
            &mut self.quotes_precision,
            &mut self.right_speaker,
            &mut self.people_recall,
            &mut self.people_precision,
            &mut self.roles,
            &mut self.organisations_recall,
            &mut self.organisations_precision,
            &mut self.amounts_recall,
            &mut self.amounts_precision,
            &mut self.dates_recall,
            &mut self.dates_precision,
            &mut self.whosaid,
            &mut self.verify_exact,
            &mut self.verify_altered,
            &mut self.verify_misattributed,
        ]
    }
}

const HEADERS: [&str; 16] = [
    "quotes R",
    "quotes P",
    "speaker",
    "people R",
    "people P",
    "roles",
    "orgs R",
    "orgs P",
    "amounts R",
    "amounts P",
    "dates R",
    "dates P",
    "whosaid",
    "verify exact",
    "verify altered",
    "verify misattr.",
];

/// Every article's scores and the overall sums.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Report {
    pub articles: Vec<(String, Scores)>,
    pub overall: Scores,
}

impl Report {
    pub fn add(&mut self, id: &str, scores: Scores) {
        self.overall.merge(&scores);
        self.articles.push((id.to_string(), scores));
    }

    /// Every article's misses and false finds, one line each under the article's id; nothing
    /// for an article without any.
    pub fn misses(&self) -> String {
        let mut out = String::new();
        for (id, scores) in self.articles.iter().filter(|(_, s)| !s.problems.is_empty()) {
            out.push_str(id);
            out.push('\n');
            for problem in &scores.problems {
                out.push_str("  ");
                out.push_str(problem);
                out.push('\n');
            }
        }
        out
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // One block per row keeps the table readable in a terminal of any width.
        let rows = self.articles.iter().map(|(id, s)| (id.as_str(), s)).chain([("overall", &self.overall)]);
        for (id, scores) in rows {
            writeln!(f, "{id}")?;
            for (name, count) in HEADERS.iter().zip(scores.counts()) {
                if count.total > 0 {
                    writeln!(f, "  {name:<16} {count}")?;
                }
            }
        }
        Ok(())
    }
}

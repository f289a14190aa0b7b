use crate::common;

pub struct Case {
    pub held_out: bool,
    pub question: String,
    /// Empty when the story cannot answer.
    pub phrases: Vec<String>,
}

fn cases() -> Vec<Case> {
    parse(&std::fs::read_to_string(common::repo_root().join("tests/eval/questions.txt")).unwrap())
}

/// The cases in the evaluation set's format: `split | question | phrase || phrase`, `-` for
/// a question the story cannot answer, `#` comments.
pub fn parse(text: &str) -> Vec<Case> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|line| {
            let parts: Vec<&str> = line.split(" | ").map(str::trim).collect();
            let [split, question, phrase] = parts.as_slice() else { panic!("bad eval line: {line}") };
            Case {
                held_out: match *split {
                    "tune" => false,
                    "held-out" => true,
                    other => panic!("unknown split {other}"),
                },
                question: question.to_string(),
                phrases: if *phrase == "-" { Vec::new() } else { phrase.split(" || ").map(str::to_string).collect() },
            }
        })
        .collect()
}

#[derive(Default)]
struct Score {
    answerable: usize,
    hit1: usize,
    hit3: usize,
    reciprocal: f64,
    wrongly_abstained: usize,
    unanswerable: usize,
    abstained: usize,
}

impl Score {
    fn line(&self, name: &str) -> String {
        let n = self.answerable.max(1) as f64;
        format!(
            "{name:<9} Hit@1 {:.2}  Hit@3 {:.2}  MRR {:.2}  ({} answerable, {} wrongly abstained; {}/{} unanswerable abstained)",
            self.hit1 as f64 / n,
            self.hit3 as f64 / n,
            self.reciprocal / n,
            self.answerable,
            self.wrongly_abstained,
            self.abstained,
            self.unanswerable
        )
    }
}

#[test]
fn the_story_answers_the_evaluation_set_above_the_quality_bars() {
    let engine = common::story();
    let cases = cases();
    assert!(cases.len() >= 40 && cases.iter().filter(|c| c.phrases.is_empty()).count() >= 5);
    let (mut all, mut tune, mut held) = (Score::default(), Score::default(), Score::default());
    let mut misses = Vec::new();
    for case in &cases {
        let answers = engine.ask(&case.question, 3).unwrap();
        if std::env::var_os("STORYBOT_EVAL_VERBOSE").is_some() {
            let (_, ranked) = engine.explain(&case.question).unwrap();
            let top = ranked.first().map_or(0.0, |r| r.coverage);
            eprintln!("{top:.2} {} {:?}", if case.phrases.is_empty() { "U" } else { "A" }, case.question);
        }
        let texts: Vec<&str> = answers.answers.iter().map(|a| engine.corpus().text(a.sentence)).collect();
        for score in [&mut all, if case.held_out { &mut held } else { &mut tune }] {
            if case.phrases.is_empty() {
                score.unanswerable += 1;
                score.abstained += usize::from(texts.is_empty());
                continue;
            }
            score.answerable += 1;
            let rank = texts.iter().position(|t| case.phrases.iter().any(|p| t.contains(p.as_str())));
            score.hit1 += usize::from(rank == Some(0));
            score.hit3 += usize::from(rank.is_some_and(|r| r < 3));
            score.reciprocal += rank.map_or(0.0, |r| 1.0 / (r as f64 + 1.0));
            score.wrongly_abstained += usize::from(texts.is_empty());
        }
        let right = if case.phrases.is_empty() {
            texts.is_empty()
        } else {
            texts.first().is_some_and(|t| case.phrases.iter().any(|p| t.contains(p.as_str())))
        };
        if !right {
            misses.push(format!("  {:?}\n    got: {:?}", case.question, texts));
        }
    }
    let report = format!(
        "{}\n{}\n{}\nmisses at rank 1:\n{}",
        all.line("all"),
        tune.line("tune"),
        held.line("held-out"),
        misses.join("\n")
    );
    eprintln!("{report}");
    let report = "(report above)";
    let n = all.answerable as f64;
    assert!(all.hit1 as f64 / n >= 0.90, "Hit@1 below 0.90\n{report}");
    assert!(all.hit3 as f64 / n >= 0.97, "Hit@3 below 0.97\n{report}");
    assert_eq!(all.abstained, all.unanswerable, "an unanswerable question got an answer\n{report}");
}

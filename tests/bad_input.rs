//! One table of bad input, checked through the command line here and through the fake
//! Discord in `discord::bad_input`. Each row says what the user must get.

use serde_json::Value;

use crate::common::{stderr, stdout, Workspace};

/// What a user must get for an input.
#[derive(Debug, Clone, Copy)]
pub enum Outcome {
    /// An answer whose sentence contains this text.
    Answer(&'static str),
    /// "The story doesn't say" (an empty answer list on the command line).
    NoAnswer,
    /// A short message containing this text (exit code 2 on the command line, a private
    /// reply on Discord).
    Message(&'static str),
}

pub struct Case {
    pub name: &'static str,
    pub input: String,
    pub outcome: Outcome,
}

const ASK_SOMETHING: &str = "Ask a question about the story";
const SOFTBANK: &str = "Masayoshi Son";

pub fn cases() -> Vec<Case> {
    use Outcome::{Answer, Message, NoAnswer};
    let case = |name, input: &str, outcome| Case { name, input: input.to_string(), outcome };
    vec![
        case("empty", "", Message(ASK_SOMETHING)),
        case("whitespace", " \t  \u{3000} ", Message(ASK_SOMETHING)),
        Case {
            name: "6,000 characters",
            input: "Stargate ".repeat(667)[..6000].to_string(),
            outcome: Message("please keep it under 1000"),
        },
        case("only stop words", "what is the of and it", NoAnswer),
        case("only punctuation", "?!.,;:…—“”", NoAnswer),
        case("field syntax", "title:Stargate", Answer("Stargate")),
        case("a lone wildcard", "*", NoAnswer),
        case("a negation", "-SoftBank CEO", Answer(SOFTBANK)),
        case("an unbalanced quote", "\"who is the CEO of SoftBank", Answer(SOFTBANK)),
        case("a lone parenthesis", "(", NoAnswer),
        case("Markdown", "**Who** is the CEO of __SoftBank__? ||`x`||", Answer(SOFTBANK)),
        case("mentions", "@everyone @here <@1500000000000000001> <@&42> who is the CEO of SoftBank?", Answer(SOFTBANK)),
        case("zero-width characters", "Who is the CEO of Soft\u{200B}Bank\u{200D}?", Answer(SOFTBANK)),
        case("a right-to-left override", "\u{202E}Who is the CEO of SoftBank?\u{202C}", Answer(SOFTBANK)),
        case("emoji", "🚀 Who is the CEO of SoftBank? 👍🏽", Answer(SOFTBANK)),
        case("combining marks", "Who is the CEO of So\u{301}ftBa\u{308}nk?", Answer(SOFTBANK)),
        case("NUL", "Who is the CEO\0 of SoftBank?", Answer(SOFTBANK)),
    ]
}

fn check_cli(case: &Case, ws: &Workspace) {
    // A NUL cannot be a process argument; that row is a line of standard input instead.
    let out = if case.input.contains('\0') {
        ws.run(&["ask", "--json"], Some(&format!("{}\n", case.input)))
    } else {
        ws.run(&["ask", "--json", "--", &case.input], None)
    };
    let (name, err) = (case.name, stderr(&out));
    assert!(!err.contains("panicked"), "{name}: {err}");
    match case.outcome {
        Outcome::Message(text) => {
            assert_eq!(out.status.code(), Some(2), "{name}: {err}");
            assert!(err.contains(text) && err.lines().count() == 1, "{name}: {err}");
        }
        Outcome::Answer(_) | Outcome::NoAnswer => {
            assert!(out.status.success(), "{name}: {err}");
            let json: Value = serde_json::from_str(stdout(&out).trim()).unwrap_or_else(|e| panic!("{name}: {e}"));
            let first = json["answers"][0]["answer"].as_str();
            match case.outcome {
                Outcome::Answer(text) => assert!(first.is_some_and(|a| a.contains(text)), "{name}: {json}"),
                _ => assert_eq!(first, None, "{name}: {json}"),
            }
        }
    }
}

#[test]
fn every_row_of_the_bad_input_table_gets_its_outcome_from_the_command_line() {
    let ws = Workspace::with_shipped_story();
    for case in cases() {
        check_cli(&case, &ws);
    }
}

/// A corpus file that is not UTF-8: the file and line are named, and no index is written.
pub fn non_utf8_corpus() -> Workspace {
    let ws = Workspace::with_shipped_story();
    std::fs::write(ws.corpus().join("broken.txt"), b"A fine first line.\nThen \xff\xfe bytes.\n").unwrap();
    ws
}

#[test]
fn a_non_utf8_corpus_file_is_named_with_its_line_and_nothing_is_indexed() {
    let ws = non_utf8_corpus();
    let out = ws.run(&["ask", "Who runs SoftBank?"], None);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("corpus/broken.txt:2:") && err.contains("UTF-8"), "{err}");
    assert!(std::fs::read_dir(ws.index()).map_or(true, |mut d| d.next().is_none()), "no index is written");
}

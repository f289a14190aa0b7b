//! The bad-input table of `crate::bad_input`, through `/ask` on the fake Discord, and the
//! broken corpus file through `storybot serve`.

use std::process::Command;

use serde_json::json;

use super::{description, start};
use crate::bad_input::{cases, non_utf8_corpus, Outcome};

#[tokio::test]
async fn every_row_of_the_bad_input_table_gets_its_outcome_on_discord() {
    let bot = start().await;
    for case in cases() {
        let reply = bot.run_command("ask", &[("question", json!(case.input))]).await;
        let (name, data) = (case.name, &reply["data"]);
        match case.outcome {
            Outcome::Message(text) => {
                assert_eq!(data["flags"], 64, "{name}: private\n{reply}");
                assert!(data["content"].as_str().is_some_and(|c| c.contains(text)), "{name}: {reply}");
            }
            Outcome::Answer(text) => assert!(description(data).contains(text), "{name}: {reply}"),
            Outcome::NoAnswer => assert!(description(data).contains("The story doesn't say"), "{name}: {reply}"),
        }
    }
    // Valid requests, and allowed mentions that ping nobody, on every reply.
    bot.finish().await;
}

#[test]
fn serve_with_a_non_utf8_corpus_file_names_it_and_stops_before_connecting() {
    let ws = non_utf8_corpus();
    let out = Command::new(env!("CARGO_BIN_EXE_storybot"))
        .arg("serve")
        .current_dir(ws.dir.path())
        .env("DISCORD_TOKEN", super::fake::TOKEN)
        // Nothing listens here: the bot must stop before it tries to connect.
        .env("DISCORD_API_BASE", "http://127.0.0.1:9")
        .env_remove("STORYBOT_CORPUS_DIR")
        .env_remove("STORYBOT_INDEX_DIR")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("corpus/broken.txt:2:") && err.contains("UTF-8"), "{err}");
}

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    // Variables already in the environment win over .env; a missing .env is fine.
    let dotenv = dotenvy::dotenv();
    // An empty value means the default, whichever file or engine set it.
    storybot::config::drop_empty_settings();
    let cli = storybot::cli::Cli::parse();
    storybot::telemetry::init(cli.default_log_filter(), cli.color);
    if let Err(err) = dotenv {
        if !err.not_found() {
            eprintln!("storybot: cannot read .env: {err} (fix the line or remove the file)");
            return ExitCode::FAILURE;
        }
    }
    storybot::cli::run(cli)
}

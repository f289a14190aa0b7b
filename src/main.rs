use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    // Variables already in the environment win over .env; a missing .env is fine.
    let dotenv = dotenvy::dotenv();
    let cli = storybot::cli::Cli::parse();
    storybot::telemetry::init(cli.default_log_filter());
    if let Err(err) = dotenv {
        if !err.not_found() {
            eprintln!("storybot: cannot read .env: {err} (fix the line or remove the file)");
            return ExitCode::FAILURE;
        }
    }
    storybot::cli::run(cli)
}

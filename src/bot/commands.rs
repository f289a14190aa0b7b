//! The slash commands. Each reads its options, asks the engine, and sends what `render` made.
//! Their doc comments are what Discord shows as help.

use poise::serenity_prelude as serenity;

use super::{adapter, render, Context, Error};
use crate::answer::{MAX_QUESTION_CHARS, MAX_SEARCH, MAX_TOP};

/// Every command the bot registers.
pub fn all() -> Vec<poise::Command<super::Data, Error>> {
    vec![ask(), search(), quote(), story(), help()]
}

/// Ask a question about the story; the answer quotes it exactly
#[poise::command(slash_command)]
pub async fn ask(
    ctx: Context<'_>,
    #[description = "Your question about the story"]
    #[max_length = 1000]
    question: String,
    #[description = "Show the answer only to you"] private: Option<bool>,
) -> Result<(), Error> {
    ctx.data().cooldowns.check(ctx.author().id.get())?;
    let engine = &ctx.data().engine;
    let answers = engine.ask(&question, MAX_TOP)?;
    let reply = render::answer(engine, &answers, 1, 1);
    ctx.send(adapter::command_reply(&reply, private.unwrap_or(false))).await?;
    Ok(())
}

/// List every sentence of the story that matches your words
#[poise::command(slash_command)]
pub async fn search(
    ctx: Context<'_>,
    #[description = "Words to look for"]
    #[max_length = 1000]
    query: String,
    #[description = "Results per page (1 to 10, default 5)"]
    #[min = 1]
    #[max = 10]
    limit: Option<u8>,
) -> Result<(), Error> {
    ctx.data().cooldowns.check(ctx.author().id.get())?;
    let engine = &ctx.data().engine;
    let results = engine.search(&query, MAX_SEARCH)?;
    let reply = render::search(engine, &results, 0, usize::from(limit.unwrap_or(5).clamp(1, 10)));
    ctx.send(adapter::command_reply(&reply, false)).await?;
    Ok(())
}

/// The story's direct quotes, by speaker or topic
#[poise::command(slash_command)]
pub async fn quote(
    ctx: Context<'_>,
    #[description = "Only quotes by this person"]
    #[autocomplete = "autocomplete_speaker"]
    #[max_length = 100]
    speaker: Option<String>,
    #[description = "Only quotes about this"]
    #[max_length = 1000]
    about: Option<String>,
) -> Result<(), Error> {
    ctx.data().cooldowns.check(ctx.author().id.get())?;
    let engine = &ctx.data().engine;
    let quotes = engine.quotes(speaker.as_deref(), about.as_deref())?;
    ctx.send(adapter::command_reply(&render::quotes(engine, &quotes), false)).await?;
    Ok(())
}

/// What the story is: its title, date, people, quotes and source
#[poise::command(slash_command)]
pub async fn story(ctx: Context<'_>) -> Result<(), Error> {
    ctx.data().cooldowns.check(ctx.author().id.get())?;
    ctx.send(adapter::command_reply(&render::story(&ctx.data().engine), false)).await?;
    Ok(())
}

/// What this bot can do
#[poise::command(slash_command)]
pub async fn help(ctx: Context<'_>) -> Result<(), Error> {
    ctx.send(adapter::command_reply(&render::help(), true)).await?;
    Ok(())
}

/// Discord allows at most 25 choices of at most 100 characters.
const MAX_CHOICES: usize = 25;
const MAX_CHOICE_CHARS: usize = 100;

async fn autocomplete_speaker(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let choices = speaker_choices(&ctx.data().engine.corpus().speakers(), partial)
        .into_iter()
        .map(|name| serenity::AutocompleteChoice::new(name.clone(), name))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Speakers whose name contains what was typed, in any case, within Discord's limits.
pub fn speaker_choices(speakers: &[&str], partial: &str) -> Vec<String> {
    let partial = partial.trim().to_lowercase();
    speakers
        .iter()
        .filter(|s| s.to_lowercase().contains(&partial))
        .map(|s| s.chars().take(MAX_CHOICE_CHARS).collect())
        .take(MAX_CHOICES)
        .collect()
}

// Keep the option limit and the engine's limit in step.
const _: () = assert!(MAX_QUESTION_CHARS == 1000);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_choices_match_any_part_and_respect_discords_limits() {
        let long = "x".repeat(150);
        let many: Vec<String> = (0..40).map(|i| format!("Person {i}")).collect();
        let mut speakers: Vec<&str> = vec!["Elon Musk", "Sam Altman", &long];
        speakers.extend(many.iter().map(String::as_str));
        assert_eq!(speaker_choices(&speakers, "ALT"), ["Sam Altman"]);
        let all = speaker_choices(&speakers, "");
        assert_eq!(all.len(), 25);
        assert!(all.iter().all(|c| c.chars().count() <= 100));
    }

    #[test]
    fn every_command_has_a_short_description() {
        for c in all() {
            let d = c.description.clone().unwrap_or_default();
            assert!(!d.is_empty() && d.chars().count() <= 100, "{}: {d:?}", c.name);
            for p in &c.parameters {
                let pd = p.description.clone().unwrap_or_default();
                assert!(!pd.is_empty() && pd.chars().count() <= 100, "{}.{}", c.name, p.name);
            }
        }
    }
}

//! The slash commands. Each reads its options, asks the engine, and sends what `render` made.
//! Their doc comments are what Discord shows as help.

use poise::serenity_prelude as serenity;

use super::{adapter, admin, render, threads, Context, Error};
use crate::answer::{Conversation, Engine, MAX_QUESTION_CHARS, MAX_SEARCH, MAX_TOP};
use crate::error::UserError;
use crate::ops::metrics;
use crate::story;
use crate::story::view::{FactsView, ProfilesView, RosterView, TimelineView, VerificationView, WhosaidView};

/// Every command the bot registers: slash commands, then message context-menu commands. The
/// answering ones work wherever a user or a server installed the bot; `/config` and
/// `/reindex` declare their own (server only).
pub fn all() -> Vec<poise::Command<super::Data, Error>> {
    let answering = [
        ask(),
        search(),
        quote(),
        whosaid(),
        verify(),
        who(),
        facts(),
        timeline(),
        story(),
        help(),
        ask_message(),
        verify_message(),
    ];
    answering.into_iter().map(anywhere).chain([admin::config(), admin::reindex()]).collect()
}

/// `command` installable by servers and users, and usable in servers, the bot's direct
/// messages and private channels.
fn anywhere(mut command: poise::Command<super::Data, Error>) -> poise::Command<super::Data, Error> {
    use serenity::{InstallationContext, InteractionContext};
    command.install_context = Some(vec![InstallationContext::Guild, InstallationContext::User]);
    command.interaction_context =
        Some(vec![InteractionContext::Guild, InteractionContext::BotDm, InteractionContext::PrivateChannel]);
    command
}

/// Ask a question about the story; the answer quotes it exactly
#[poise::command(slash_command, category = "Answering")]
pub async fn ask(
    ctx: Context<'_>,
    #[description = "Your question about the story"]
    #[max_length = 1000]
    question: String,
    #[description = "Show the answer only to you (default: the server's setting)"] private: Option<bool>,
    #[description = "Open a thread on the answer for follow-up questions (default: the server's setting)"]
    thread: Option<bool>,
) -> Result<(), Error> {
    let engine = &ctx.data().engine();
    let mut conversation = Conversation::new();
    let answers = super::request::answering(engine, || engine.ask_in(&mut conversation, &question, MAX_TOP))?;
    metrics::answered(!answers.answers.is_empty());
    let settings = ctx.data().database.settings(admin::server_of(ctx)).await;
    let private = private.unwrap_or(settings.private_answers);
    let handle = post(ctx, engine, render::answers(engine.version(), &answers), private).await?;
    let wanted = threads::Wanted { asked: thread, server: settings.answers_in_threads };
    threads::after_ask(ctx, &handle, private, wanted, &question, &conversation).await
}

/// List every sentence of the story that matches your words
#[poise::command(slash_command, category = "Answering")]
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
    let engine = &ctx.data().engine();
    let results = super::request::answering(engine, || engine.search(&query, MAX_SEARCH))?;
    let reply = render::search(engine.version(), &results, 0, usize::from(limit.unwrap_or(5).clamp(1, 10)));
    send(ctx, engine, reply, None).await
}

/// The story's quotes, by speaker or topic
#[poise::command(slash_command, category = "Answering")]
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
    let engine = &ctx.data().engine();
    let quotes = engine.quotes(speaker.as_deref(), about.as_deref())?;
    send(ctx, engine, render::quotes(engine.corpus(), &quotes), None).await
}

/// Find the quote you half remember, and who said it
#[poise::command(slash_command, category = "Answering")]
pub async fn whosaid(
    ctx: Context<'_>,
    #[description = "Some words of the quote, or what it was about"]
    #[max_length = 1000]
    text: String,
) -> Result<(), Error> {
    let engine = &ctx.data().engine();
    let found = story::whosaid::whosaid(engine, &text)?;
    send(ctx, engine, render::story::whosaid(&WhosaidView::new(engine.corpus(), &text, &found)), None).await
}

/// Check a quote against the story: exact, altered or not in it
#[poise::command(slash_command, category = "Answering")]
pub async fn verify(
    ctx: Context<'_>,
    #[description = "The quote as it is going around, with who said it if known"]
    #[max_length = 1000]
    quote: String,
) -> Result<(), Error> {
    let engine = &ctx.data().engine();
    let checked = VerificationView::new(engine.corpus(), &story::verify::verify(engine.corpus(), &quote)?);
    send(ctx, engine, render::story::verification(&checked), None).await
}

/// The people and organisations in the story, or what one of them said and did
#[poise::command(slash_command, category = "Answering")]
pub async fn who(
    ctx: Context<'_>,
    #[description = "A name (any part, or an alias like Elon)"]
    #[autocomplete = "autocomplete_name"]
    #[max_length = 100]
    name: Option<String>,
) -> Result<(), Error> {
    let engine = &ctx.data().engine();
    let corpus = engine.corpus();
    let reply = match name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => render::story::profiles(&ProfilesView::new(corpus, name, &story::people::lookup(corpus, name)?)),
        None => render::story::roster(&RosterView::new(corpus, &story::people::roster(corpus))),
    };
    send(ctx, engine, reply, None).await
}

/// The amounts, counts and dates the story states
#[poise::command(slash_command, category = "Answering")]
pub async fn facts(
    ctx: Context<'_>,
    #[description = "Only facts about this (words, or money / dates)"]
    #[max_length = 1000]
    about: Option<String>,
) -> Result<(), Error> {
    let engine = &ctx.data().engine();
    let all = story::facts::all(engine.corpus());
    let about = about.as_deref().map(str::trim).filter(|a| !a.is_empty());
    let shown = match about {
        Some(a) => story::facts::about(engine, &all, a)?,
        None => all.iter().collect(),
    };
    send(ctx, engine, render::story::facts(&FactsView::new(engine.corpus(), about, &shown)), None).await
}

/// The events the story reports, in time order
#[poise::command(slash_command, category = "Answering")]
pub async fn timeline(ctx: Context<'_>) -> Result<(), Error> {
    let engine = &ctx.data().engine();
    let events = story::timeline::events(engine.corpus());
    send(ctx, engine, render::story::timeline(&TimelineView::new(engine.corpus(), &events)), None).await
}

/// Answers the selected message as a question, privately (with a Share button)
#[poise::command(context_menu_command = "Ask storybot", category = "Answering")]
pub async fn ask_message(ctx: Context<'_>, message: serenity::Message) -> Result<(), Error> {
    let engine = &ctx.data().engine();
    let question = message_text(&message)?;
    let answers = super::request::answering(engine, || engine.ask(&question, MAX_TOP))?;
    metrics::answered(!answers.answers.is_empty());
    send(ctx, engine, render::answers(engine.version(), &answers), Some(true)).await
}

/// Verifies the selected message's text as a quote, privately (with a Share button)
#[poise::command(context_menu_command = "Verify quote", category = "Answering")]
pub async fn verify_message(ctx: Context<'_>, message: serenity::Message) -> Result<(), Error> {
    let engine = &ctx.data().engine();
    let claim = message_text(&message)?;
    let checked = VerificationView::new(engine.corpus(), &story::verify::verify(engine.corpus(), &claim)?);
    send(ctx, engine, render::story::verification(&checked), Some(true)).await
}

/// Sends `reply` to the command: privately (with a Share button) when the user asked for it
/// or, when they did not say, when the server keeps answers private.
async fn send(ctx: Context<'_>, engine: &Engine, reply: render::Reply, private: Option<bool>) -> Result<(), Error> {
    let private = match private {
        Some(private) => private,
        None => ctx.data().database.settings(admin::server_of(ctx)).await.private_answers,
    };
    post(ctx, engine, reply, private).await.map(drop)
}

/// Sends `reply` to the command, privately (with a Share button) or not.
async fn post<'a>(
    ctx: Context<'a>,
    engine: &Engine,
    reply: render::Reply,
    private: bool,
) -> Result<poise::ReplyHandle<'a>, Error> {
    let reply = if private { render::with_share(reply, engine.version()) } else { reply };
    Ok(ctx.send(adapter::command_reply(&reply, private)).await?)
}

/// The text of a message picked from the context menu, or a message saying it has none (an
/// image, an embed only).
fn message_text(message: &serenity::Message) -> Result<String, UserError> {
    let text = message.content.trim();
    if text.is_empty() {
        return Err(UserError::new("That message has no text to use. Pick a message with words in it."));
    }
    Ok(text.to_string())
}

/// What the story is: its title, date, people, quotes and source
#[poise::command(slash_command, category = "Answering")]
pub async fn story(ctx: Context<'_>) -> Result<(), Error> {
    let engine = ctx.data().engine();
    send(ctx, &engine, render::story(engine.corpus()), None).await
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
    let engine = ctx.data().engine();
    let choices = speaker_choices(&engine.corpus().speakers(), partial)
        .into_iter()
        .map(|name| serenity::AutocompleteChoice::new(name.clone(), name))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

async fn autocomplete_name(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let engine = ctx.data().engine();
    let roster = story::people::roster(engine.corpus());
    let names: Vec<&str> = roster.iter().map(|p| p.entity.name.as_str()).collect();
    let choices = speaker_choices(&names, partial)
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
    fn the_commands_that_answer_from_the_story_are_the_ones_the_cooldown_counts() {
        let answering: Vec<String> = all()
            .into_iter()
            .filter(|c| c.category.as_deref() == Some(admin::ANSWERING))
            .map(|c| c.context_menu_name.clone().unwrap_or(c.name.clone()).to_string())
            .collect();
        assert_eq!(
            answering,
            [
                "ask",
                "search",
                "quote",
                "whosaid",
                "verify",
                "who",
                "facts",
                "timeline",
                "story",
                "Ask storybot",
                "Verify quote"
            ]
        );
    }

    #[test]
    fn every_command_has_a_short_description() {
        for c in all().into_iter().filter(|c| c.context_menu_action.is_none()) {
            let d = c.description.clone().unwrap_or_default();
            assert!(!d.is_empty() && d.chars().count() <= 100, "{}: {d:?}", c.name);
            for p in &c.parameters {
                let pd = p.description.clone().unwrap_or_default();
                assert!(!pd.is_empty() && pd.chars().count() <= 100, "{}.{}", c.name, p.name);
            }
        }
    }
}

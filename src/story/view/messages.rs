//! The sentences the story commands say when they have nothing to show, or need to say how
//! to read what they show: one wording for the command line and Discord alike.
//!
//! Where a sentence points to another command it names it as the reader would type it
//! there (`storybot quotes` in a terminal, `/quote` in Discord), so it takes the [`Front`].
//! Text from the user or the story is given already formatted for the front end (escaped
//! for Discord), since only the front end knows how.

/// Which front end a sentence is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Front {
    Cli,
    Discord,
}

impl Front {
    /// The command that lists the story's quotes.
    fn quotes_command(self) -> &'static str {
        match self {
            Front::Cli => "`storybot quotes`",
            Front::Discord => "/quote",
        }
    }

    /// The command that lists everyone the story names.
    fn who_command(self) -> &'static str {
        match self {
            Front::Cli => "`storybot who`",
            Front::Discord => "/who",
        }
    }
}

/// `whosaid` found no quote.
pub fn no_close_quote(front: Front) -> String {
    format!("No quote in the story is close to that. Try {} for the list.", front.quotes_command())
}

/// `whosaid` found several quotes that fit alike.
pub fn quotes_could_be_meant(count: usize) -> String {
    format!("{count} quotes could be meant:")
}

/// `who NAME` found nobody; `name` as the front end shows it.
pub fn nobody_called(name: &str, front: Front) -> String {
    format!("The story names nobody called “{name}”. Try {} for everyone it names.", front.who_command())
}

/// The roster is empty.
pub const NO_PEOPLE: &str = "The story names no people or organisations.";

/// `facts` found nothing (about the words given, or at all).
pub const NO_FACTS: &str = "The story states no amount or date about that.";

/// `timeline` found no event.
pub const NO_EVENTS: &str = "The story reports no dated events.";

/// `quotes --speaker` matched no quote.
pub const NO_QUOTES_MATCH: &str = "No quotes match.";

/// How to read a timeline's dates, for a corpus of several stories.
pub const DATES_RESOLVED_AGAINST_EACH: &str =
    "Weekdays and “the past week” are resolved against the date of the story they are in.";

/// How to read a timeline's dates; `date` is the story's.
pub fn dates_resolved_against(date: &str) -> String {
    format!("Weekdays and “the past week” are resolved against the story’s date, {date}.")
}

/// "1 quote", "3 quotes": a count with its noun, plural but for one.
pub fn counted(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        _ => format!("{n} {noun}s"),
    }
}

//! Replies of `/config` and `/reindex`.

use super::{Embed, Reply};
use crate::ops::live::Reindexed;
use crate::store::settings::GuildSettings;

/// A server's settings, with what was just changed (if anything).
pub fn settings(settings: &GuildSettings, changed: bool) -> Reply {
    let answers = if settings.private_answers {
        "private: only the person who asked sees the answer (with a Share button); `/ask private: False` posts it"
    } else {
        "public: everyone in the channel sees them; `/ask private: True` keeps one private"
    };
    let mentions = if settings.mentions { "answered" } else { "ignored (slash commands still work)" };
    let threads = if settings.answers_in_threads {
        "each public answer gets a thread; every message in it is a follow-up question"
    } else {
        "none unless asked for (`/ask thread: True`); follow-ups go as replies to an answer"
    };
    let channels = if settings.channels.is_empty() {
        "every channel".to_string()
    } else {
        settings.channels.iter().map(|c| format!("<#{c}>")).collect::<Vec<_>>().join(", ")
    };
    let embed = Embed {
        title: Some(if changed { "Settings saved".into() } else { "Settings for this server".into() }),
        description: "Change them with `/config` and its options; members need Manage Server to use it.".into(),
        fields: vec![
            ("Answers".into(), answers.into()),
            ("Questions by @mention".into(), mentions.into()),
            ("Channels the bot answers in".into(), channels),
            ("Threads on answers".into(), threads.into()),
        ],
        footer: None,
    };
    Reply { content: None, embed: Some(embed), buttons: Vec::new() }.fit()
}

/// What someone other than the bot's owner sees on `/reindex`.
pub const OWNERS_ONLY: &str =
    "Only the people who run this bot can reload the story: it changes the answers on every server the bot is in.";

/// What someone who asks again too soon sees.
pub fn cooling_down(remaining: std::time::Duration) -> String {
    let secs = remaining.as_secs().max(1);
    format!("The story was just reloaded; you can reload it again in {secs} s.")
}

/// What a command used outside the server's allowed channels sees.
pub fn wrong_channel(settings: &GuildSettings) -> String {
    let channels: Vec<String> = settings.channels.iter().map(|c| format!("<#{c}>")).collect();
    format!("On this server I answer in {} only.", channels.join(", "))
}

/// The outcome of `/reindex`.
pub fn reindexed(outcome: &anyhow::Result<Reindexed>) -> Reply {
    let text = match outcome {
        Ok(Reindexed::Unchanged) => {
            "The story files have not changed since the index in service was built: nothing to do.".to_string()
        }
        Ok(Reindexed::Swapped { documents, sentences, elapsed }) => format!(
            "Reindexed: {documents} document(s), {sentences} sentences, in {} ms. New questions use the updated story.",
            elapsed.as_millis()
        ),
        Err(_) => "The story files have a problem, so the previous version stays in service. \
                   The bot's log says which file and line to fix."
            .to_string(),
    };
    Reply::plain(text)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn settings_show_every_value_and_channels_as_links_that_ping_nobody() {
        let mut s = GuildSettings::default();
        let reply = settings(&s, false);
        let embed = reply.embed.as_ref().map(|e| e.fields.clone()).unwrap_or_default();
        assert!(embed[0].1.starts_with("public") && embed[1].1 == "answered" && embed[2].1 == "every channel");
        s.private_answers = true;
        s.mentions = false;
        s.channels.extend([5, 6]);
        let reply = settings(&s, true);
        let embed = reply.embed.unwrap_or_default();
        assert_eq!(embed.title.as_deref(), Some("Settings saved"));
        assert!(embed.fields[0].1.starts_with("private") && embed.fields[1].1.starts_with("ignored"));
        assert_eq!(embed.fields[2].1, "<#5>, <#6>");
        assert!(embed.fields[3].1.starts_with("none unless asked for"));
        s.answers_in_threads = true;
        let fields = settings(&s, true).embed.map(|e| e.fields).unwrap_or_default();
        assert!(fields[3].1.starts_with("each public answer gets a thread"), "{}", fields[3].1);
        assert_eq!(wrong_channel(&s), "On this server I answer in <#5>, <#6> only.");
    }

    #[test]
    fn a_failed_reindex_says_the_old_story_stays_and_shows_no_error_detail() {
        let failed = reindexed(&Err(anyhow::anyhow!("bad front matter in /srv/secret/corpus/a.txt line 2")));
        let text = failed.content.unwrap_or_default();
        assert!(text.contains("previous version stays in service") && !text.contains("/srv"));
        let swapped =
            reindexed(&Ok(Reindexed::Swapped { documents: 1, sentences: 9, elapsed: Duration::from_millis(12) }));
        assert!(swapped.content.unwrap_or_default().contains("1 document(s), 9 sentences, in 12 ms"));
    }
}

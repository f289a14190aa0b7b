//! Typed settings, read once at start-up from the environment (and `.env`, loaded by `main`).
//!
//! The command line takes the same settings as flags; a flag wins over the environment.

use std::net::SocketAddr;
use std::path::PathBuf;

/// Default corpus folder, relative to the working directory.
pub const DEFAULT_CORPUS_DIR: &str = "corpus";
/// Default index folder, relative to the working directory.
pub const DEFAULT_INDEX_DIR: &str = "index";
/// Default folder of the database (feedback and server settings), relative to the working
/// directory.
pub const DEFAULT_DATA_DIR: &str = "data";

/// Where the story files and the index live.
#[derive(Debug, Clone, PartialEq, Eq, clap::Args)]
pub struct Paths {
    /// Folder of story files (.txt, see the README's corpus format)
    #[arg(long = "corpus", env = "STORYBOT_CORPUS_DIR", default_value = DEFAULT_CORPUS_DIR, global = true, value_name = "DIR")]
    pub corpus: PathBuf,
    /// Folder where the search index is kept (built automatically)
    #[arg(long = "index", env = "STORYBOT_INDEX_DIR", default_value = DEFAULT_INDEX_DIR, global = true, value_name = "DIR")]
    pub index: PathBuf,
    /// Folder of the database that keeps feedback and server settings (created on first use)
    #[arg(long = "data", env = "STORYBOT_DATA_DIR", default_value = DEFAULT_DATA_DIR, global = true, value_name = "DIR")]
    pub data: PathBuf,
}

/// The bot token. Its `Debug` never shows it, so a config can be logged safely.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// The token itself, for the one place that sends it to Discord.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token([redacted])")
    }
}

/// Settings of `storybot serve`.
#[derive(Debug, Clone)]
pub struct BotConfig {
    pub token: Token,
    /// Register commands in this server only (instant; for development) instead of globally.
    pub guild_id: Option<u64>,
    /// Send REST calls and gateway discovery to this base URL instead of Discord's.
    pub api_base: Option<String>,
    /// Time a user waits between two requests.
    pub cooldown: std::time::Duration,
    /// Where `/healthz` and `/metrics` are served; `None`: not at all.
    pub metrics_addr: Option<SocketAddr>,
    /// Which gateway shards this process runs.
    pub shards: Shards,
    /// Rebuild the index when files in the corpus folder change.
    pub watch_corpus: bool,
}

/// Which of Discord's gateway shards this process connects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shards {
    /// As many as Discord recommends (asked at start-up), all in this process.
    Auto,
    /// Shards `first..=last` of `total`; other processes run the rest.
    Fixed { total: u32, first: u32, last: u32 },
}

impl Shards {
    /// Whether this process runs shard 0, the one that registers the commands.
    pub fn has_first(&self) -> bool {
        match self {
            Shards::Auto => true,
            Shards::Fixed { first, .. } => *first == 0,
        }
    }
}

/// Most shards a deployment may declare; Discord's largest bots use a few thousand.
pub const MAX_SHARDS: u32 = 16_384;

/// Default per-user cooldown, in seconds.
pub const DEFAULT_COOLDOWN_SECS: u64 = 3;

impl BotConfig {
    /// Reads the settings from the process environment (with `.env` already loaded).
    ///
    /// # Errors
    /// A missing or malformed setting, with a message that names it and says how to fix it.
    pub fn from_env() -> anyhow::Result<BotConfig> {
        BotConfig::from_vars(|name| std::env::var(name).ok())
    }

    /// Reads the settings through `var` (the environment, or a map in tests).
    ///
    /// # Errors
    /// As [`BotConfig::from_env`].
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> anyhow::Result<BotConfig> {
        let get = |name: &str| var(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        let token = parse_token(get("DISCORD_TOKEN"))?;
        let guild_id = match get("DISCORD_GUILD_ID") {
            None => None,
            Some(raw) => Some(raw.parse::<u64>().ok().filter(|&id| id > 0).ok_or_else(|| {
                anyhow::anyhow!(
                    "DISCORD_GUILD_ID must be a server ID (a number); in Discord, turn on Developer Mode, \
                     right-click the server and choose Copy Server ID, or leave it empty to register commands globally"
                )
            })?),
        };
        let api_base = match get("DISCORD_API_BASE") {
            None => None,
            Some(raw) => Some(parse_api_base(&raw)?),
        };
        let cooldown = match get("STORYBOT_COOLDOWN_SECS") {
            None => DEFAULT_COOLDOWN_SECS,
            Some(raw) => raw.parse::<u64>().ok().filter(|&s| s <= 3600).ok_or_else(|| {
                anyhow::anyhow!("STORYBOT_COOLDOWN_SECS must be a whole number of seconds from 0 (off) to 3600")
            })?,
        };
        let metrics_addr = match get("STORYBOT_METRICS_ADDR") {
            None => None,
            Some(raw) => Some(raw.parse::<SocketAddr>().map_err(|_| {
                anyhow::anyhow!(
                    "STORYBOT_METRICS_ADDR must be an address and port such as 127.0.0.1:9184, \
                     or unset to serve no health or metrics endpoint"
                )
            })?),
        };
        let shards = parse_shards(get("DISCORD_SHARDS").as_deref(), get("DISCORD_SHARD_RANGE").as_deref())?;
        let watch_corpus = match get("STORYBOT_WATCH_CORPUS") {
            None => true,
            Some(raw) => parse_switch(&raw)
                .ok_or_else(|| anyhow::anyhow!("STORYBOT_WATCH_CORPUS must be on or off (true/false, yes/no, 1/0)"))?,
        };
        Ok(BotConfig {
            token,
            guild_id,
            api_base,
            cooldown: std::time::Duration::from_secs(cooldown),
            metrics_addr,
            shards,
            watch_corpus,
        })
    }
}

fn parse_switch(raw: &str) -> Option<bool> {
    match raw.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

fn parse_shards(count: Option<&str>, range: Option<&str>) -> anyhow::Result<Shards> {
    let total = match count {
        None => None,
        Some(raw) if raw.eq_ignore_ascii_case("auto") => None,
        Some(raw) => Some(raw.parse::<u32>().ok().filter(|n| (1..=MAX_SHARDS).contains(n)).ok_or_else(|| {
            anyhow::anyhow!("DISCORD_SHARDS must be auto or a number of shards from 1 to {MAX_SHARDS}")
        })?),
    };
    let Some(range) = range else {
        return Ok(total.map_or(Shards::Auto, |total| Shards::Fixed { total, first: 0, last: total - 1 }));
    };
    let Some(total) = total else {
        anyhow::bail!(
            "DISCORD_SHARD_RANGE needs DISCORD_SHARDS set to a number: every process must agree on the total"
        );
    };
    let (first, last) = match range.split_once('-') {
        Some((a, b)) => (a.trim().parse::<u32>().ok(), b.trim().parse::<u32>().ok()),
        None => (range.parse::<u32>().ok(), range.parse::<u32>().ok()),
    };
    match (first, last) {
        (Some(first), Some(last)) if first <= last && last < total => Ok(Shards::Fixed { total, first, last }),
        _ => anyhow::bail!(
            "DISCORD_SHARD_RANGE must be FIRST-LAST (or one shard number) within 0-{} for DISCORD_SHARDS={total}",
            total - 1
        ),
    }
}

fn parse_token(raw: Option<String>) -> anyhow::Result<Token> {
    let Some(token) = raw else {
        anyhow::bail!(
            "DISCORD_TOKEN is not set: create a bot at https://discord.com/developers/applications \
             (your application → Bot → Reset Token) and put DISCORD_TOKEN=<token> in .env (see .env.example)"
        );
    };
    if token.starts_with("Bot ") {
        anyhow::bail!("DISCORD_TOKEN should be the token alone: remove the \"Bot \" in front of it");
    }
    let parts: Vec<&str> = token.split('.').collect();
    let well_formed = parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    if !well_formed {
        anyhow::bail!(
            "DISCORD_TOKEN does not look like a bot token (three parts separated by dots); \
             copy it again from the Developer Portal (your application → Bot → Reset Token)"
        );
    }
    Ok(Token(token))
}

fn parse_api_base(raw: &str) -> anyhow::Result<String> {
    let base = raw.trim_end_matches('/');
    let rest = base.strip_prefix("http://").or_else(|| base.strip_prefix("https://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains('/') => Ok(base.to_string()),
        _ => anyhow::bail!(
            "DISCORD_API_BASE must be a base URL such as http://127.0.0.1:8080 (scheme, host and port, no path), \
             or unset to talk to Discord itself"
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    const TOKEN: &str = "MTAwMDAwMDAwMDAwMDAwMDAx.GabcDE.fake_token-part";

    fn config(vars: &[(&str, &str)]) -> anyhow::Result<BotConfig> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        BotConfig::from_vars(|name| map.get(name).cloned())
    }

    #[test]
    fn a_valid_environment_is_read_with_defaults() -> anyhow::Result<()> {
        let c = config(&[("DISCORD_TOKEN", TOKEN)])?;
        assert_eq!(c.token.expose(), TOKEN);
        assert_eq!((c.guild_id, c.api_base.as_deref()), (None, None));
        assert_eq!(c.cooldown.as_secs(), DEFAULT_COOLDOWN_SECS);
        let c = config(&[
            ("DISCORD_TOKEN", TOKEN),
            ("DISCORD_GUILD_ID", "1300000000000000001"),
            ("DISCORD_API_BASE", "http://127.0.0.1:9999/"),
            ("STORYBOT_COOLDOWN_SECS", "0"),
        ])?;
        assert_eq!(c.guild_id, Some(1300000000000000001));
        assert_eq!(c.api_base.as_deref(), Some("http://127.0.0.1:9999"));
        assert!(c.cooldown.is_zero());
        Ok(())
    }

    #[test]
    fn operations_settings_default_to_no_listener_auto_shards_and_a_watched_corpus() -> anyhow::Result<()> {
        let c = config(&[("DISCORD_TOKEN", TOKEN)])?;
        assert_eq!((c.metrics_addr, c.shards, c.watch_corpus), (None, Shards::Auto, true));
        let c = config(&[
            ("DISCORD_TOKEN", TOKEN),
            ("STORYBOT_METRICS_ADDR", "127.0.0.1:9184"),
            ("DISCORD_SHARDS", "4"),
            ("DISCORD_SHARD_RANGE", "2-3"),
            ("STORYBOT_WATCH_CORPUS", "off"),
        ])?;
        assert_eq!(c.metrics_addr, Some("127.0.0.1:9184".parse()?));
        assert_eq!(c.shards, Shards::Fixed { total: 4, first: 2, last: 3 });
        assert!(!c.shards.has_first() && !c.watch_corpus);
        let c = config(&[("DISCORD_TOKEN", TOKEN), ("DISCORD_SHARDS", "3")])?;
        assert_eq!(c.shards, Shards::Fixed { total: 3, first: 0, last: 2 });
        let c = config(&[("DISCORD_TOKEN", TOKEN), ("DISCORD_SHARDS", "AUTO")])?;
        assert_eq!(c.shards, Shards::Auto);
        let c = config(&[("DISCORD_TOKEN", TOKEN), ("DISCORD_SHARDS", "2"), ("DISCORD_SHARD_RANGE", "1")])?;
        assert_eq!(c.shards, Shards::Fixed { total: 2, first: 1, last: 1 });
        Ok(())
    }

    #[test]
    fn the_token_never_shows_in_debug_output() -> anyhow::Result<()> {
        let c = config(&[("DISCORD_TOKEN", TOKEN)])?;
        let shown = format!("{c:?}");
        assert!(!shown.contains(TOKEN) && !shown.contains("MTAw") && shown.contains("[redacted]"));
        Ok(())
    }

    #[test]
    fn a_missing_or_malformed_setting_names_itself_and_the_fix() {
        let cases: [(&[(&str, &str)], &str); 12] = [
            (&[], "DISCORD_TOKEN is not set"),
            (&[("DISCORD_TOKEN", "Bot a.b.c")], "remove the \"Bot \""),
            (&[("DISCORD_TOKEN", "not a token")], "does not look like a bot token"),
            (&[("DISCORD_TOKEN", TOKEN), ("DISCORD_GUILD_ID", "my-server")], "DISCORD_GUILD_ID must be a server ID"),
            (&[("DISCORD_TOKEN", TOKEN), ("DISCORD_API_BASE", "127.0.0.1:80/api")], "DISCORD_API_BASE must be"),
            (&[("DISCORD_TOKEN", TOKEN), ("STORYBOT_COOLDOWN_SECS", "-1")], "STORYBOT_COOLDOWN_SECS must be"),
            (&[("DISCORD_TOKEN", TOKEN), ("STORYBOT_METRICS_ADDR", "9184")], "STORYBOT_METRICS_ADDR must be"),
            (&[("DISCORD_TOKEN", TOKEN), ("DISCORD_SHARDS", "0")], "DISCORD_SHARDS must be"),
            (&[("DISCORD_TOKEN", TOKEN), ("DISCORD_SHARD_RANGE", "0-1")], "needs DISCORD_SHARDS set to a number"),
            (&[("DISCORD_TOKEN", TOKEN), ("DISCORD_SHARDS", "2"), ("DISCORD_SHARD_RANGE", "1-2")], "within 0-1"),
            (&[("DISCORD_TOKEN", TOKEN), ("DISCORD_SHARDS", "4"), ("DISCORD_SHARD_RANGE", "3-1")], "FIRST-LAST"),
            (&[("DISCORD_TOKEN", TOKEN), ("STORYBOT_WATCH_CORPUS", "maybe")], "STORYBOT_WATCH_CORPUS must be"),
        ];
        for (vars, message) in cases {
            let err = config(vars).unwrap_err().to_string();
            assert!(err.contains(message), "{err}");
            assert!(!err.contains(TOKEN));
        }
    }
}

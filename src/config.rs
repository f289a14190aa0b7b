//! Typed settings, read once at start-up by the command-line parser from flags and the
//! environment (and `.env`, loaded by `main`); a flag wins over the environment, and a variable
//! set to an empty value means its default.

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
    /// Folder of a BERT sentence-embedding model (config.json, model.safetensors,
    /// tokenizer.json) to rerank answers with; without it the built-in static vectors serve
    #[arg(long = "model", env = "STORYBOT_MODEL_DIR", global = true, value_name = "DIR")]
    pub model: Option<PathBuf>,
}

/// The bot token. Its `Debug` never shows it, so a config can be logged safely.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// A token whose shape [`check_token`] accepts.
    ///
    /// # Errors
    /// As [`check_token`].
    pub fn new(token: &str) -> Result<Token, String> {
        check_token(token.trim())?;
        Ok(Token(token.trim().to_string()))
    }

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
    /// Votes older than this many days are deleted.
    pub vote_retention_days: u32,
    /// Ask for the privileged Message Content intent: replies and messages in the bot's
    /// threads are then read without an @mention.
    pub message_content: bool,
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

/// Default number of days a vote is kept.
pub const DEFAULT_VOTE_RETENTION_DAYS: u32 = 180;

/// The settings of `storybot serve`, as flags or environment variables (shown by `serve --help`).
/// An environment variable that is set but empty counts as unset (see [`drop_empty_settings`]).
#[derive(Debug, Clone, clap::Args)]
#[command(next_help_heading = "Bot settings")]
pub struct ServeArgs {
    /// The bot's token (Developer Portal → your application → Bot → Reset Token). Set it in the
    /// environment or .env rather than as a flag, which other users of the machine can see
    #[arg(long, env = "DISCORD_TOKEN", hide_env_values = true, value_name = "TOKEN", value_parser = raw_token)]
    pub token: Option<Token>,
    /// Register commands in this server only (instant, for trying the bot out) instead of globally
    #[arg(long = "guild", env = "DISCORD_GUILD_ID", value_name = "ID", value_parser = parse_guild_id)]
    pub guild_id: Option<u64>,
    /// Send REST calls and gateway discovery to this base URL instead of https://discord.com
    #[arg(long, env = "DISCORD_API_BASE", value_name = "URL", value_parser = parse_api_base)]
    pub api_base: Option<String>,
    /// Seconds a user waits between two questions; 0 turns it off
    #[arg(long = "cooldown", env = "STORYBOT_COOLDOWN_SECS", value_name = "SECS", default_value_t = DEFAULT_COOLDOWN_SECS, value_parser = parse_cooldown)]
    pub cooldown_secs: u64,
    /// Serve /healthz and /metrics on this address (keep it private); unset: no listener
    #[arg(long, env = "STORYBOT_METRICS_ADDR", value_name = "HOST:PORT", value_parser = parse_metrics_addr)]
    pub metrics_addr: Option<SocketAddr>,
    /// Gateway shards in all: auto (as Discord recommends, all in this process) or a number
    #[arg(long, env = "DISCORD_SHARDS", value_name = "auto|N", default_value = "auto", value_parser = parse_shard_count)]
    pub shards: ShardCount,
    /// The shards this process runs, FIRST-LAST or one number (needs --shards N); unset: all
    #[arg(long, env = "DISCORD_SHARD_RANGE", value_name = "FIRST-LAST")]
    pub shard_range: Option<String>,
    /// Rebuild the index when files in the corpus folder change
    #[arg(long, env = "STORYBOT_WATCH_CORPUS", value_name = "on|off", default_value = "on", value_parser = parse_watch, action = clap::ArgAction::Set)]
    pub watch_corpus: bool,
    /// Days a vote on an answer is kept before it is deleted (1 or more)
    #[arg(long = "vote-retention-days", env = "STORYBOT_VOTE_RETENTION_DAYS", value_name = "DAYS", default_value_t = DEFAULT_VOTE_RETENTION_DAYS, value_parser = clap::value_parser!(u32).range(1..=36_500))]
    pub vote_retention_days: u32,
    /// Read every message's text (Discord's privileged Message Content intent, switched on in
    /// the Developer Portal too): replies and messages in the bot's threads then need no @mention
    #[arg(long, env = "STORYBOT_MESSAGE_CONTENT", value_name = "on|off", default_value = "off", value_parser = parse_message_content, action = clap::ArgAction::Set)]
    pub message_content: bool,
}

/// `--shards`: `auto` or a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShardCount {
    Auto,
    Total(u32),
}

/// Every variable storybot reads. [`drop_empty_settings`] removes the empty ones.
pub const SETTINGS: [&str; 17] = [
    "DISCORD_TOKEN",
    "DISCORD_GUILD_ID",
    "DISCORD_API_BASE",
    "DISCORD_SHARDS",
    "DISCORD_SHARD_RANGE",
    "STORYBOT_COOLDOWN_SECS",
    "STORYBOT_METRICS_ADDR",
    "STORYBOT_WATCH_CORPUS",
    "STORYBOT_VOTE_RETENTION_DAYS",
    "STORYBOT_MESSAGE_CONTENT",
    "STORYBOT_CORPUS_DIR",
    "STORYBOT_INDEX_DIR",
    "STORYBOT_DATA_DIR",
    "STORYBOT_MODEL_DIR",
    "STORYBOT_COLOR",
    "RUST_LOG",
    "NO_COLOR",
];

/// Removes storybot's variables that are set but empty (or blank), so that an empty value means
/// the default everywhere: a copied `.env.example`, `docker run --env-file`, compose and systemd's
/// `EnvironmentFile=` all set empty variables rather than leaving them out.
///
/// Call it once at start-up, before any thread is spawned (it changes the process environment).
pub fn drop_empty_settings() {
    for name in SETTINGS {
        if std::env::var_os(name).is_some_and(|v| v.to_string_lossy().trim().is_empty()) {
            std::env::remove_var(name);
        }
    }
}

impl BotConfig {
    /// Checks the settings of `serve` and puts them together.
    ///
    /// # Errors
    /// A missing token, or a shard range that does not fit the shard count, with a message that
    /// names the setting and says how to fix it. (Malformed values are refused by the parser.)
    pub fn from_args(args: &ServeArgs) -> anyhow::Result<BotConfig> {
        let Some(token) = args.token.clone() else {
            anyhow::bail!(
                "DISCORD_TOKEN is not set: create a bot at https://discord.com/developers/applications \
                 (your application → Bot → Reset Token) and put DISCORD_TOKEN=<token> in .env (see .env.example)"
            );
        };
        check_token(token.expose()).map_err(anyhow::Error::msg)?;
        Ok(BotConfig {
            token,
            guild_id: args.guild_id,
            api_base: args.api_base.clone(),
            cooldown: std::time::Duration::from_secs(args.cooldown_secs),
            metrics_addr: args.metrics_addr,
            shards: shards(args.shards, args.shard_range.as_deref())?,
            watch_corpus: args.watch_corpus,
            vote_retention_days: args.vote_retention_days,
            message_content: args.message_content,
        })
    }

    /// Settings for a bot talking to `api_base` with everything else at its default (tests and
    /// tools that drive the bot in process).
    pub fn for_api(token: Token, api_base: &str) -> BotConfig {
        BotConfig {
            token,
            guild_id: None,
            api_base: Some(api_base.trim_end_matches('/').to_string()),
            cooldown: std::time::Duration::from_secs(DEFAULT_COOLDOWN_SECS),
            metrics_addr: None,
            shards: Shards::Auto,
            watch_corpus: false,
            vote_retention_days: DEFAULT_VOTE_RETENTION_DAYS,
            message_content: false,
        }
    }
}

fn parse_watch(raw: &str) -> Result<bool, String> {
    on_off(raw, "STORYBOT_WATCH_CORPUS")
}

fn parse_message_content(raw: &str) -> Result<bool, String> {
    on_off(raw, "STORYBOT_MESSAGE_CONTENT")
}

fn on_off(raw: &str, name: &str) -> Result<bool, String> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(format!("{name} must be on or off (true/false, yes/no, 1/0)")),
    }
}

fn parse_guild_id(raw: &str) -> Result<u64, String> {
    raw.trim().parse::<u64>().ok().filter(|&id| id > 0).ok_or_else(|| {
        "DISCORD_GUILD_ID must be a server ID (a number); in Discord, turn on Developer Mode, \
         right-click the server and choose Copy Server ID, or leave it empty to register commands globally"
            .into()
    })
}

fn parse_cooldown(raw: &str) -> Result<u64, String> {
    raw.trim()
        .parse::<u64>()
        .ok()
        .filter(|&s| s <= 3600)
        .ok_or_else(|| "STORYBOT_COOLDOWN_SECS must be a whole number of seconds from 0 (off) to 3600".into())
}

/// The one parser of `STORYBOT_METRICS_ADDR`, for `serve` and `health` alike.
pub fn parse_metrics_addr(raw: &str) -> Result<SocketAddr, String> {
    raw.trim().parse::<SocketAddr>().map_err(|_| {
        "STORYBOT_METRICS_ADDR must be an address and port such as 127.0.0.1:9184, \
         or unset to serve no health or metrics endpoint"
            .into()
    })
}

fn parse_shard_count(raw: &str) -> Result<ShardCount, String> {
    let raw = raw.trim();
    if raw.eq_ignore_ascii_case("auto") {
        return Ok(ShardCount::Auto);
    }
    raw.parse::<u32>()
        .ok()
        .filter(|n| (1..=MAX_SHARDS).contains(n))
        .map(ShardCount::Total)
        .ok_or_else(|| format!("DISCORD_SHARDS must be auto or a number of shards from 1 to {MAX_SHARDS}"))
}

fn shards(count: ShardCount, range: Option<&str>) -> anyhow::Result<Shards> {
    let total = match count {
        ShardCount::Auto => None,
        ShardCount::Total(total) => Some(total),
    };
    let Some(range) = range.map(str::trim) else {
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

/// Takes the token as it is: checked by [`check_token`] after parsing, because the parser's own
/// error message would quote the value.
fn raw_token(raw: &str) -> Result<Token, std::convert::Infallible> {
    Ok(Token(raw.trim().to_string()))
}

/// Checks a token's shape, so a pasted mistake is named before Discord refuses it.
///
/// # Errors
/// A message saying what is wrong and how to fix it; it never contains the token.
pub fn check_token(token: &str) -> Result<(), String> {
    if token.starts_with("Bot ") {
        return Err("DISCORD_TOKEN should be the token alone: remove the \"Bot \" in front of it".into());
    }
    let parts: Vec<&str> = token.split('.').collect();
    let well_formed = parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    if !well_formed {
        return Err("DISCORD_TOKEN does not look like a bot token (three parts separated by dots); \
             copy it again from the Developer Portal (your application → Bot → Reset Token)"
            .into());
    }
    Ok(())
}

fn parse_api_base(raw: &str) -> Result<String, String> {
    let base = raw.trim().trim_end_matches('/');
    let rest = base.strip_prefix("http://").or_else(|| base.strip_prefix("https://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains('/') => Ok(base.to_string()),
        _ => {
            Err("DISCORD_API_BASE must be a base URL such as http://127.0.0.1:8080 (scheme, host and port, no path), \
             or unset to talk to Discord itself"
                .into())
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser as _;

    use super::*;

    const TOKEN: &str = "MTAwMDAwMDAwMDAwMDAwMDAx.GabcDE.fake_token-part";

    #[derive(Debug, clap::Parser)]
    struct Serve {
        #[command(flatten)]
        args: ServeArgs,
    }

    /// The settings from flags (the same parsers read the environment variables).
    fn config(flags: &[&str]) -> anyhow::Result<BotConfig> {
        let argv = std::iter::once("serve").chain(flags.iter().copied());
        BotConfig::from_args(&Serve::try_parse_from(argv)?.args)
    }

    #[test]
    fn valid_settings_are_read_with_defaults() -> anyhow::Result<()> {
        let c = config(&["--token", TOKEN])?;
        assert_eq!(c.token.expose(), TOKEN);
        assert_eq!((c.guild_id, c.api_base.as_deref()), (None, None));
        assert_eq!(c.cooldown.as_secs(), DEFAULT_COOLDOWN_SECS);
        assert_eq!(c.vote_retention_days, DEFAULT_VOTE_RETENTION_DAYS);
        let c = config(&[
            "--token",
            TOKEN,
            "--guild",
            "1300000000000000001",
            "--api-base",
            "http://127.0.0.1:9999/",
            "--cooldown",
            "0",
            "--vote-retention-days",
            "30",
        ])?;
        assert_eq!(c.guild_id, Some(1300000000000000001));
        assert_eq!(c.api_base.as_deref(), Some("http://127.0.0.1:9999"));
        assert!(c.cooldown.is_zero());
        assert_eq!(c.vote_retention_days, 30);
        Ok(())
    }

    #[test]
    fn operations_settings_default_to_no_listener_auto_shards_and_a_watched_corpus() -> anyhow::Result<()> {
        let c = config(&["--token", TOKEN])?;
        assert_eq!((c.metrics_addr, c.shards, c.watch_corpus), (None, Shards::Auto, true));
        assert!(!c.message_content, "the privileged intent is off unless asked for");
        let c = config(&[
            "--token",
            TOKEN,
            "--metrics-addr",
            "127.0.0.1:9184",
            "--shards",
            "4",
            "--shard-range",
            "2-3",
            "--watch-corpus",
            "off",
            "--message-content",
            "on",
        ])?;
        assert!(c.message_content);
        assert_eq!(c.metrics_addr, Some("127.0.0.1:9184".parse()?));
        assert_eq!(c.shards, Shards::Fixed { total: 4, first: 2, last: 3 });
        assert!(!c.shards.has_first() && !c.watch_corpus);
        let c = config(&["--token", TOKEN, "--shards", "3"])?;
        assert_eq!(c.shards, Shards::Fixed { total: 3, first: 0, last: 2 });
        let c = config(&["--token", TOKEN, "--shards", "AUTO"])?;
        assert_eq!(c.shards, Shards::Auto);
        let c = config(&["--token", TOKEN, "--shards", "2", "--shard-range", "1"])?;
        assert_eq!(c.shards, Shards::Fixed { total: 2, first: 1, last: 1 });
        Ok(())
    }

    #[test]
    fn the_token_never_shows_in_debug_output() -> anyhow::Result<()> {
        let c = config(&["--token", TOKEN])?;
        let shown = format!("{c:?}");
        assert!(!shown.contains(TOKEN) && !shown.contains("MTAw") && shown.contains("[redacted]"));
        Ok(())
    }

    #[test]
    fn a_missing_or_malformed_setting_names_itself_and_the_fix() {
        let cases: [(&[&str], &str); 14] = [
            (&[], "DISCORD_TOKEN is not set"),
            (&["--token", "Bot a.b.c"], "remove the \"Bot \""),
            (&["--token", "not a token"], "does not look like a bot token"),
            (&["--token", TOKEN, "--guild", "my-server"], "DISCORD_GUILD_ID must be a server ID"),
            (&["--token", TOKEN, "--api-base", "127.0.0.1:80/api"], "DISCORD_API_BASE must be"),
            (&["--token", TOKEN, "--cooldown=-1"], "STORYBOT_COOLDOWN_SECS must be"),
            (&["--token", TOKEN, "--metrics-addr", "9184"], "STORYBOT_METRICS_ADDR must be"),
            (&["--token", TOKEN, "--shards", "0"], "DISCORD_SHARDS must be"),
            (&["--token", TOKEN, "--shard-range", "0-1"], "needs DISCORD_SHARDS set to a number"),
            (&["--token", TOKEN, "--shards", "2", "--shard-range", "1-2"], "within 0-1"),
            (&["--token", TOKEN, "--shards", "4", "--shard-range", "3-1"], "FIRST-LAST"),
            (&["--token", TOKEN, "--watch-corpus", "maybe"], "STORYBOT_WATCH_CORPUS must be"),
            (&["--token", TOKEN, "--message-content", "all"], "STORYBOT_MESSAGE_CONTENT must be"),
            (&["--token", TOKEN, "--vote-retention-days", "x"], "--vote-retention-days"),
        ];
        for (flags, message) in cases {
            let err = config(flags).unwrap_err().to_string();
            assert!(err.contains(message), "{err}");
            assert!(!err.contains("fake_token"));
        }
    }
}

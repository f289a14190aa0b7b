//! `storybot health`: asks a running bot's `/healthz`, for container health checks and
//! scripts. Exit code 0 when it is healthy, 1 when it is not or cannot be reached.

use std::io::Write as _;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use anyhow::Context as _;

use crate::error::UserError;

#[derive(Debug, clap::Args)]
pub struct HealthArgs {
    /// Address of the bot's health listener
    #[arg(long, env = "STORYBOT_METRICS_ADDR", value_name = "HOST:PORT", value_parser = crate::config::parse_metrics_addr)]
    pub addr: Option<SocketAddr>,
}

pub fn run(args: &HealthArgs) -> anyhow::Result<()> {
    let Some(addr) = args.addr else {
        return Err(
            UserError::new("set STORYBOT_METRICS_ADDR (or --addr) to the address the bot serves /healthz on").into()
        );
    };
    let url = format!("http://{}/healthz", reachable(addr));
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let (status, body) = runtime
        .block_on(async {
            let client = reqwest::Client::builder().no_proxy().timeout(Duration::from_secs(5)).build()?;
            let response = client.get(&url).send().await?;
            let status = response.status();
            anyhow::Ok((status, response.text().await?))
        })
        .with_context(|| format!("cannot reach {url}: is storybot serve running with STORYBOT_METRICS_ADDR set?"))?;
    std::io::stdout().lock().write_all(body.as_bytes())?;
    anyhow::ensure!(status.is_success(), "not healthy ({status})");
    Ok(())
}

/// A listener on every interface (0.0.0.0) is reached on loopback.
fn reachable(addr: SocketAddr) -> SocketAddr {
    match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), addr.port()),
        IpAddr::V6(ip) if ip.is_unspecified() => SocketAddr::new(IpAddr::V6(Ipv6Addr::LOCALHOST), addr.port()),
        _ => addr,
    }
}
